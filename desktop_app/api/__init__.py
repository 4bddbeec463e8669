"""Client side of the backend contract: session, auth, retries, typed errors.

keyring is not imported here (only inside the token store's methods).
"""

from desktop_app.api.auth import AuthSession
from desktop_app.api.calls import CallScope
from desktop_app.api.client import ApiClient, OutboxMessage, new_idempotency_key
from desktop_app.api.errors import (
    ApiError,
    BadRequestError,
    CursorGoneError,
    InsecureUrlError,
    InvalidResponseError,
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
