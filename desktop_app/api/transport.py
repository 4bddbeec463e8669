"""HTTP transport: one requests.Session per thread, retries with backoff, timeouts always.

Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are retried on connection failures and
on 429/502/503/504 with exponential backoff and jitter, honouring Retry-After up to
`ApiSettings.max_retry_after`. POST is retried only when it carries an Idempotency-Key: such
requests go through a second session whose Retry allows POST. Every request gets
`timeout=(connect, read)` and `verify=ca_bundle or True`; there is no way to send without.
A long-poll (`long_poll=True`, with its own longer `timeout`) is not retried after a read
timeout: a retry would wait all over again, and the caller's listening loop reconnects anyway.
"""

import threading
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase
from urllib3.connectionpool import ConnectionPool
from urllib3.exceptions import ReadTimeoutError
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from desktop_app.api.errors import ApiError, OfflineError, ServerError, TlsError
from desktop_app.api.settings import ApiSettings

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"


class CappedRetry(Retry):
    """urllib3 Retry whose Retry-After sleep is capped at what a person will wait for."""

    def __init__(self, *args: Any, max_retry_after: float = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_retry_after = max_retry_after

    def new(self, **kw: Any) -> "CappedRetry":
        kw.setdefault("max_retry_after", self.max_retry_after)
        renewed = super().new(**kw)
        assert isinstance(renewed, CappedRetry)
        return renewed

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        try:
            retry_after = super().get_retry_after(response)
        except Exception:  # a malformed header: fall back to the backoff
            return None
        if retry_after is None:
            return None
        return max(0.0, min(retry_after, self.max_retry_after))


class LongPollRetry(CappedRetry):
    """CappedRetry that gives up at once on a read timeout: for a long-poll that is the wait
    running out on a silent server, and each retry would wait that long again."""

    def increment(self, method: str | None = None, url: str | None = None,
                  response: BaseHTTPResponse | None = None, error: Exception | None = None,
                  _pool: ConnectionPool | None = None,
                  _stacktrace: TracebackType | None = None) -> "LongPollRetry":
        if isinstance(error, ReadTimeoutError):
            raise error.with_traceback(_stacktrace)
        renewed = super().increment(method, url, response, error, _pool, _stacktrace)
        assert isinstance(renewed, LongPollRetry)
        return renewed


def build_retry(settings: ApiSettings, *, allow_post: bool,
                long_poll: bool = False) -> CappedRetry:
    methods = IDEMPOTENT_METHODS | {"POST"} if allow_post else IDEMPOTENT_METHODS
    retry_class = LongPollRetry if long_poll else CappedRetry
    return retry_class(
        total=settings.max_retries,
        connect=settings.max_retries,
        read=settings.max_retries,
        status=settings.max_retries,
        other=0,
        redirect=0,
        allowed_methods=methods,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=settings.backoff_factor,
        backoff_jitter=settings.backoff_factor,
        backoff_max=max(settings.max_retry_after, settings.backoff_factor),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
        max_retry_after=settings.max_retry_after,
    )


class _NoAuth(AuthBase):
    """Set as the session's auth so requests never reads ~/.netrc (it would replace the
    bearer token); proxy settings from the environment still apply."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


class TimeoutSession(requests.Session):
    """A Session that cannot send without a timeout and never with verify=False."""

    def __init__(self, settings: ApiSettings, *, allow_post_retry: bool,
                 long_poll: bool = False) -> None:
        super().__init__()
        self._timeout = settings.timeout
        self._verify = settings.verify
        self.verify = settings.verify
        self.auth = _NoAuth()
        self.headers["User-Agent"] = settings.user_agent
        self.headers["Accept"] = "application/json"
        adapter = HTTPAdapter(max_retries=build_retry(settings, allow_post=allow_post_retry,
                                                      long_poll=long_poll))
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def request(self, method: str | bytes, url: str | bytes,
                *args: Any, **kwargs: Any) -> requests.Response:
        if args:
            raise TypeError("pass request arguments by keyword")
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._timeout
        if not kwargs.get("verify"):  # None, False or "": never unverified
            kwargs["verify"] = self._verify
        return super().request(method, url, **kwargs)


class Transport:
    """Sends requests below `settings.base_url`, mapping transport failures to ApiError."""

    def __init__(self, settings: ApiSettings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        # Each session with the thread that made it: a pool or listener thread that ended
        # leaves its session (and a kept-alive socket) behind; the next new one closes them.
        self._sessions: list[tuple[threading.Thread, TimeoutSession]] = []

    def _session(self, *, idempotent_post: bool, long_poll: bool = False) -> TimeoutSession:
        name = ("post_session" if idempotent_post else
                "poll_session" if long_poll else "session")
        session: TimeoutSession | None = getattr(self._local, name, None)
        if session is None:
            session = TimeoutSession(self.settings, allow_post_retry=idempotent_post,
                                     long_poll=long_poll and not idempotent_post)
            setattr(self._local, name, session)
            with self._lock:
                ended = [old for owner, old in self._sessions if not owner.is_alive()]
                self._sessions = [(owner, kept) for owner, kept in self._sessions
                                  if owner.is_alive()]
                self._sessions.append((threading.current_thread(), session))
            for old in ended:
                old.close()
        return session

    def url(self, path: str) -> str:
        return self.settings.base_url + "/" + path.lstrip("/")

    def request(self, method: str, path: str, *,
                params: Mapping[str, str | int] | None = None,
                json: Any = None,
                headers: Mapping[str, str] | None = None,
                idempotency_key: str | None = None,
                timeout: tuple[float, float] | None = None,
                long_poll: bool = False) -> requests.Response:
        """One request with retries; raises OfflineError, TlsError or ServerError on failure.

        HTTP error statuses are returned, not raised: the caller maps them. `timeout`
        (connect, read) replaces the settings' for this call; `long_poll`: a read timeout is
        not retried (the server holds the request, up to its wait, on purpose).
        """
        method = method.upper()
        all_headers = dict(headers or {})
        if idempotency_key is not None:
            all_headers[IDEMPOTENCY_HEADER] = idempotency_key
        session = self._session(idempotent_post=method == "POST" and idempotency_key is not None,
                                long_poll=long_poll)
        try:
            return session.request(method, self.url(path), params=params, json=json,
                                   headers=all_headers, timeout=timeout or self.settings.timeout,
                                   verify=self.settings.verify, allow_redirects=False)
        except requests.RequestException as error:
            raise self.map_exception(error) from None

    def map_exception(self, error: requests.RequestException) -> ApiError:
        host = self.settings.host
        if isinstance(error, requests.exceptions.SSLError):
            return TlsError(host, custom_ca=self.settings.ca_bundle is not None)
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return OfflineError(host)
        if isinstance(error, requests.exceptions.ReadTimeout):
            return OfflineError(host, timed_out=True)
        if isinstance(error, requests.exceptions.RetryError):
            return ServerError(None)
        if isinstance(error, requests.exceptions.ConnectionError | requests.exceptions.Timeout
                      | requests.exceptions.ChunkedEncodingError):
            return OfflineError(host)
        return ServerError(None)

    def close(self) -> None:
        """Closes the sessions of every thread (call once, when the app shuts down)."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for _owner, session in sessions:
            session.close()
        self._local = threading.local()
