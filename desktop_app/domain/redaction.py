"""Scrubbing credentials out of texts that leave the process: logs, crash reports, support
information. Tokens, passwords and Authorization headers never reach a file or a dialog."""

import re
from urllib.parse import urlsplit, urlunsplit

__all__ = ["HIDDEN", "redact", "safe_url"]

_SECRETS = (
    re.compile(r"(?i)\b(bearer|basic)\s+[\w\-.~+/=]+"),
    re.compile(r"(?i)\b([\w-]*(?:token|password|passwd|secret|api[_-]?key)[\w-]*)"
               r"(['\"]?\s*[=:]\s*['\"]?)[^\s,;&\"']+"),
    re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]*"),  # a JWT, wherever it stands
)  # fmt: skip
HIDDEN = "[hidden]"


def safe_url(url: str) -> str:
    """The URL without user name, password, query and fragment."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def redact(text: str) -> str:
    """`text` with anything that looks like a credential replaced by [hidden]."""
    text = _SECRETS[0].sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    text = _SECRETS[1].sub(lambda m: f"{m.group(1)}{m.group(2)}{HIDDEN}", text)
    text = _SECRETS[2].sub(HIDDEN, text)
    return re.sub(r"[a-z][a-z0-9+.-]*://[^\s\"'<>]+", lambda m: safe_url(m.group(0)), text)
