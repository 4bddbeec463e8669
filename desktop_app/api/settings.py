"""Connection settings of the API client and the backend URL policy."""

import ipaddress
import math
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urlsplit, urlunsplit

from desktop_app.api.errors import InsecureUrlError
from desktop_app.api.limits import (
    DEFAULT_MAX_BYTES,
    DOCUMENT_MAX_BYTES,
    FEED_BYTES_PER_RECORD,
    feed_page_max_bytes,
)


def _default_user_agent() -> str:
    try:
        version = metadata.version("orderdesk")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"OrderDesk/{version}"


def _is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_backend_url(url: str) -> str:
    """The URL without a trailing slash, or InsecureUrlError.

    https is required; plain http only to a loopback host (127.0.0.0/8, ::1, localhost).
    URLs with credentials, without a host, with a query or fragment, or of another scheme
    are refused. The error shows the URL without any credentials.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError:
        raise InsecureUrlError("?", "die Adresse ist fehlerhaft.",
                               "the address is malformed.") from None
    netloc = parts.netloc.rsplit("@", 1)[-1]
    shown = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InsecureUrlError(shown, "nur https-Adressen sind erlaubt.",
                               "only https addresses are allowed.")
    if parts.username is not None or parts.password is not None:
        raise InsecureUrlError(shown, "Zugangsdaten gehören nicht in die Adresse.",
                               "credentials must not be part of the address.")
    if not host:
        raise InsecureUrlError(shown, "die Adresse enthält keinen Servernamen.",
                               "the address has no host name.")
    if parts.query or parts.fragment:
        raise InsecureUrlError(shown, "die Adresse darf keine Parameter enthalten.",
                               "the address must not contain parameters.")
    if scheme == "http" and not _is_loopback(host):
        raise InsecureUrlError(shown, "unverschlüsseltes http ist nur für diesen Rechner "
                                      "(localhost) erlaubt; bitte https verwenden.",
                               "plain http is allowed only for this computer (localhost); "
                               "please use https.")
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


@dataclass(frozen=True)
class ApiSettings:
    """Where and how to talk to the backend; `base_url` ends in /api/v1 and is checked."""

    base_url: str
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    ca_bundle: str | None = None
    max_retries: int = 3
    backoff_factor: float = 0.3
    # The longest a person will wait for one retry, whatever Retry-After asks for (seconds).
    max_retry_after: float = 30.0
    # The longest one call may take, connect to the last byte, retries included (seconds);
    # a long-poll gets its wait on top. The read timeout alone restarts with every byte.
    call_deadline: float = 60.0
    # Answers larger than this are refused while they are read (desktop_app/api/limits.py).
    max_response_bytes: int = DEFAULT_MAX_BYTES
    document_max_bytes: int = DOCUMENT_MAX_BYTES
    feed_bytes_per_record: int = FEED_BYTES_PER_RECORD
    user_agent: str = field(default_factory=_default_user_agent)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", check_backend_url(self.base_url))
        if self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if self.max_retries < 0 or self.backoff_factor < 0 or self.max_retry_after < 0:
            raise ValueError("retry settings must not be negative")
        if not (math.isfinite(self.call_deadline) and self.call_deadline > 0):
            raise ValueError("the call deadline must be a positive number of seconds")
        if min(self.max_response_bytes, self.document_max_bytes,
               self.feed_bytes_per_record) <= 0:
            raise ValueError("answer size limits must be positive")

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)

    def feed_page_max_bytes(self, limit: int) -> int:
        """The byte bound of a change page asked for with `limit` records."""
        return feed_page_max_bytes(limit, self.feed_bytes_per_record)

    @property
    def verify(self) -> str | bool:
        """What requests gets as `verify`: the CA bundle or True; never False."""
        return self.ca_bundle or True

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc
