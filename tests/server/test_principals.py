"""Resolving bearer tokens: the principal of a user is read once in a while, the token always."""

from collections.abc import Iterator

import httpx
import pytest
from desktop_app.domain.entities import Tenant, User
from desktop_app.domain.enums import Role
from desktop_app.server.auth import Principal
from desktop_app.server.db import TokenRow
from desktop_app.server.principals import KnownPrincipals
from desktop_app.server.security import token_digest
from desktop_app.server.seed import DEMO_PASSWORD
from sqlalchemy import event

from tests.server.live_server import LiveServer


def _principal(name: str) -> Principal:
    tenant = Tenant(id="t1", name="T", email="t@example.org", parent_id=None,
                    has_power_of_attorney=False, is_provider=False)
    user = User(id=name, username=name, display_name=name, email=f"{name}@example.org",
                role=Role.PARTNER_CLERK,
                tenant_id="t1")
    return Principal(user, tenant, frozenset({"t1"}))


def test_a_known_principal_is_answered_without_loading() -> None:
    known, loads = KnownPrincipals(), []

    def load() -> Principal:
        loads.append(1)
        return _principal("u1")

    first = known.get("u1", load)
    assert known.get("u1", load) is first
    assert len(loads) == 1
    # Another user is not answered with the first one's principal.
    assert known.get("u2", lambda: _principal("u2")).user.id == "u2"


def test_an_old_principal_is_loaded_again() -> None:
    known, loads = KnownPrincipals(ttl_seconds=0), []

    def load() -> Principal:
        loads.append(1)
        return _principal("u1")

    known.get("u1", load)
    known.get("u1", load)
    assert len(loads) == 2


def test_a_failed_load_is_not_kept() -> None:
    known = KnownPrincipals()

    def fails() -> Principal:
        raise LookupError("no such user")

    with pytest.raises(LookupError):
        known.get("u1", fails)
    assert known.get("u1", lambda: _principal("u1")).user.id == "u1"


@pytest.fixture
def statements(live_server: LiveServer) -> Iterator[list[str]]:
    """The SQL the live server runs from now on."""
    seen: list[str] = []
    engine = live_server.context.database.engine

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_repeated_requests_read_the_token_but_not_the_user_again(
        live_server: LiveServer, statements: list[str]) -> None:
    with httpx.Client(base_url=live_server.api, timeout=30) as http:
        token = http.post("/auth/token", json={"username": "max.nord",
                                              "password": DEMO_PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert http.get("/me", headers=headers).status_code == 200
        statements.clear()
        for _ in range(3):
            assert http.get("/me", headers=headers).status_code == 200
    token_reads = [sql for sql in statements if "FROM tokens" in sql]
    user_reads = [sql for sql in statements if "FROM users" in sql or "FROM tenants" in sql]
    assert len(token_reads) == 3, statements
    assert user_reads == [], statements


def test_a_revoked_token_of_a_known_principal_is_refused(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.api, timeout=30) as http:
        token = http.post("/auth/token", json={"username": "max.nord",
                                              "password": DEMO_PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert http.get("/me", headers=headers).status_code == 200
        with live_server.context.database.write() as session:
            row = session.get(TokenRow, token_digest(token))
            assert row is not None
            row.revoked_at = row.expires_at
        assert http.get("/me", headers=headers).status_code == 401
