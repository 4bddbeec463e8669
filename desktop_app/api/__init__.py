"""Client side of the backend contract: session, auth, retries, typed errors.

keyring is not imported here (only inside the token store's methods). The names load on first
use: a module of the package (calls, limits) is imported on the way to the first paint, and
this package's eager imports (requests, pydantic, the client) would come with it.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.api.auth import AuthSession
    from desktop_app.api.calls import CallScope
    from desktop_app.api.client import ApiClient, OutboxMessage, new_idempotency_key
    from desktop_app.api.errors import (
        ApiError,
        BadRequestError,
        CursorGoneError,
        InsecureUrlError,
        InvalidResponseError,
        LoginThrottledError,
        NotAuthenticatedError,
        NotFoundError,
        OfflineError,
        RuleViolationError,
        ServerError,
        TlsError,
    )
    from desktop_app.api.limits import (
        CallAborted,
        DeadlineError,
        ResponseTooLargeError,
        TooManyRecordsError,
    )
    from desktop_app.api.settings import ApiSettings, check_backend_url
    from desktop_app.api.tokens import (
        KeyringTokenStore,
        NoTokenStore,
        TokenStore,
        choose_token_store,
        keyring_status,
    )

_HOMES = {
    "ApiClient": "desktop_app.api.client",
    "ApiError": "desktop_app.api.errors",
    "ApiSettings": "desktop_app.api.settings",
    "AuthSession": "desktop_app.api.auth",
    "BadRequestError": "desktop_app.api.errors",
    "CallAborted": "desktop_app.api.limits",
    "CallScope": "desktop_app.api.calls",
    "CursorGoneError": "desktop_app.api.errors",
    "DeadlineError": "desktop_app.api.limits",
    "InsecureUrlError": "desktop_app.api.errors",
    "InvalidResponseError": "desktop_app.api.errors",
    "KeyringTokenStore": "desktop_app.api.tokens",
    "LoginThrottledError": "desktop_app.api.errors",
    "NoTokenStore": "desktop_app.api.tokens",
    "NotAuthenticatedError": "desktop_app.api.errors",
    "NotFoundError": "desktop_app.api.errors",
    "OfflineError": "desktop_app.api.errors",
    "OutboxMessage": "desktop_app.api.client",
    "ResponseTooLargeError": "desktop_app.api.limits",
    "RuleViolationError": "desktop_app.api.errors",
    "ServerError": "desktop_app.api.errors",
    "TlsError": "desktop_app.api.errors",
    "TokenStore": "desktop_app.api.tokens",
    "TooManyRecordsError": "desktop_app.api.limits",
    "check_backend_url": "desktop_app.api.settings",
    "choose_token_store": "desktop_app.api.tokens",
    "keyring_status": "desktop_app.api.tokens",
    "new_idempotency_key": "desktop_app.api.client",
}

__all__ = [
    "ApiClient",
    "ApiError",
    "ApiSettings",
    "AuthSession",
    "BadRequestError",
    "CallAborted",
    "CallScope",
    "CursorGoneError",
    "DeadlineError",
    "InsecureUrlError",
    "InvalidResponseError",
    "KeyringTokenStore",
    "LoginThrottledError",
    "NoTokenStore",
    "NotAuthenticatedError",
    "NotFoundError",
    "OfflineError",
    "OutboxMessage",
    "ResponseTooLargeError",
    "RuleViolationError",
    "ServerError",
    "TlsError",
    "TokenStore",
    "TooManyRecordsError",
    "check_backend_url",
    "choose_token_store",
    "keyring_status",
    "new_idempotency_key",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once loaded, an ordinary module attribute
    return value
