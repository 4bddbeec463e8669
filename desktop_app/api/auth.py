"""Login, token refresh and logout; the access token in memory, the refresh token in a store.

The refresh token is also held in memory for the running session (so refresh works where no
keyring does); on disk it exists only in the OS keyring, through the TokenStore.
"""

import threading

from desktop_app.api.errors import ApiError, LoginThrottledError, NotAuthenticatedError
from desktop_app.api.responses import expect_status, parse_model
from desktop_app.api.settings import ApiSettings
from desktop_app.api.tokens import (
    KeyringTokenStore,
    NoTokenStore,
    TokenStore,
    choose_token_store,
    keyring_status,
)
from desktop_app.api.transport import Transport
from desktop_app.contract.auth import MeOut, RefreshRequest, TokenPair

__all__ = [
    "AuthSession",
    "KeyringTokenStore",
    "NoTokenStore",
    "TokenStore",
    "choose_token_store",
    "keyring_status",
]


class AuthSession:
    """The signed-in state of one clerk against one backend; safe to share between threads."""

    def __init__(self, settings: ApiSettings, store: TokenStore,
                 transport: Transport | None = None) -> None:
        self.settings = settings
        self.store = store
        self.transport = transport or Transport(settings)
        self._lock = threading.RLock()
        self._username: str | None = None
        self._access_token: str | None = None
        self._refresh_token: str | None = None

    def __repr__(self) -> str:  # never shows a token
        return (f"AuthSession(backend={self.settings.base_url!r}, user={self._username!r}, "
                f"signed_in={self.signed_in})")

    @property
    def backend_url(self) -> str:
        return self.settings.base_url

    @property
    def username(self) -> str | None:
        return self._username

    @property
    def signed_in(self) -> bool:
        return self._access_token is not None

    def access_token(self) -> str:
        with self._lock:
            if self._access_token is None:
                raise NotAuthenticatedError()
            return self._access_token

    def login(self, username: str, password: str) -> MeOut:
        """POST /auth/token, then GET /me; saves the refresh token in the store."""
        if not username or not password:
            raise NotAuthenticatedError.credentials_missing()
        if len(username) > 100 or len(password) > 200:
            raise NotAuthenticatedError.login_refused()
        response = self.transport.request("POST", "/auth/token",
                                          json={"username": username, "password": password})
        if response.status_code in (400, 401, 422):
            response.close()
            raise NotAuthenticatedError.login_refused()
        if response.status_code == 429:  # too many attempts: say how long to wait
            response.close()
            raise LoginThrottledError.from_header(response.headers.get("Retry-After"))
        pair = parse_model(TokenPair, expect_status(response, 200))
        me = self._fetch_me(pair.access_token)
        with self._lock:
            self._username = username
            self._access_token = pair.access_token
            self._refresh_token = pair.refresh_token
            self.store.save(self.backend_url, username, pair.refresh_token)
        return me

    def resume(self, username: str) -> bool:
        """Signs in with a stored refresh token; False (and the entry deleted) if unusable.

        Offline or server errors propagate: the stored token may still be good.
        """
        stored = self.store.load(self.backend_url, username)
        if not stored:
            return False
        with self._lock:
            self._username = username
            self._refresh_token = stored
            self._access_token = None
            try:
                self._rotate()
            except NotAuthenticatedError:
                return False
        return True

    def refresh(self, stale_access_token: str | None = None) -> None:
        """Rotates the tokens and saves the new refresh token.

        Pass the access token that got a 401: when another thread has already refreshed
        meanwhile, nothing is sent, so concurrent 401s cause one refresh.
        """
        with self._lock:
            if (stale_access_token is not None and self._access_token is not None
                    and self._access_token != stale_access_token):
                return
            self._rotate()

    def adopt(self, other: "AuthSession") -> None:
        """Take over the sign-in of `other` (a fresh login to the same backend), so that
        every client holding this session goes on with it."""
        if other.backend_url != self.backend_url:
            raise ValueError("a login to another backend cannot be adopted")
        with other._lock:
            username = other._username
            access, refresh = other._access_token, other._refresh_token
        with self._lock:
            self._username, self._access_token, self._refresh_token = username, access, refresh

    def logout(self) -> bool:
        """Revokes the tokens on the server (best effort) and deletes the keyring entry.

        Returns whether the server confirmed; local sign-out happens either way.
        """
        with self._lock:
            refresh_token, username = self._refresh_token, self._username
            self._access_token = self._refresh_token = None
            if username is not None:
                self.store.delete(self.backend_url, username)
        if refresh_token is None:
            return False
        try:
            response = self.transport.request("POST", "/auth/logout",
                                              json={"refresh_token": refresh_token})
        except ApiError:
            return False
        response.close()
        return response.status_code == 204

    def _rotate(self) -> None:
        """Holding the lock: POST /auth/refresh with the current refresh token."""
        username, refresh_token = self._username, self._refresh_token
        if username is None or refresh_token is None:
            self._access_token = None
            raise NotAuthenticatedError()
        body = RefreshRequest(refresh_token=refresh_token).model_dump()
        response = self.transport.request("POST", "/auth/refresh", json=body)
        if response.status_code in (400, 401, 422):
            response.close()
            self._access_token = self._refresh_token = None
            self.store.delete(self.backend_url, username)
            raise NotAuthenticatedError()
        pair = parse_model(TokenPair, expect_status(response, 200))
        self._access_token = pair.access_token
        self._refresh_token = pair.refresh_token
        self.store.save(self.backend_url, username, pair.refresh_token)

    def _fetch_me(self, access_token: str) -> MeOut:
        response = self.transport.request("GET", "/me", headers=bearer(access_token))
        if response.status_code == 401:
            response.close()
            raise NotAuthenticatedError()
        return parse_model(MeOut, expect_status(response, 200))


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}


