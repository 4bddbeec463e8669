"""Principals (user, tenant, visible tenants) of recent requests, per process.

Every request resolves its bearer token; with hundreds of clerks long-polling, the user,
tenant and sub-tenant reads behind it were most of the server's database work. Users and
tenants are written only by seeding, never through the API, so a principal read a moment ago
is still right; the token itself (expiry, revocation) is checked on every request.
"""

import threading
import time
from collections.abc import Callable

from desktop_app.server.auth import Principal

TTL_SECONDS = 30.0  # a re-seeded database is seen within this
MAX_USERS = 10_000


class KnownPrincipals:
    """Thread-safe: the dependency that resolves tokens runs on the worker threads."""

    def __init__(self, ttl_seconds: float = TTL_SECONDS) -> None:
        self._ttl = ttl_seconds
        self._lock = threading.Lock()
        self._by_user: dict[str, tuple[float, Principal]] = {}

    def get(self, user_id: str, load: Callable[[], Principal]) -> Principal:
        now = time.monotonic()
        with self._lock:
            known = self._by_user.get(user_id)
        if known is not None and now - known[0] < self._ttl:
            return known[1]
        principal = load()
        with self._lock:
            if len(self._by_user) >= MAX_USERS:
                self._by_user.clear()
            self._by_user[user_id] = (now, principal)
        return principal
