"""Login, token rotation, logout, expiry and bearer handling of the reference server."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.contract.auth import MeOut, TokenPair
from desktop_app.server.auth import REFRESH_GRACE
from desktop_app.server.database import utcnow
from desktop_app.server.db import TokenRow, UserRow
from desktop_app.server.security import token_digest, verify_password
from desktop_app.server.seed import DEMO_PASSWORD
from sqlalchemy import select

from tests.server.live_server import Api, LiveServer


@pytest.fixture
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    """A bare client without any token."""
    with httpx.Client(base_url=live_server.api, timeout=30) as client:
        yield client


def _login(http: httpx.Client, username: str = "max.nord",
           password: str = DEMO_PASSWORD) -> TokenPair:
    response = http.post("/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return TokenPair.model_validate(response.json())


def _me(http: httpx.Client, access_token: str) -> httpx.Response:
    return http.get("/me", headers={"Authorization": f"Bearer {access_token}"})


def _refresh(http: httpx.Client, refresh_token: str) -> httpx.Response:
    return http.post("/auth/refresh", json={"refresh_token": refresh_token})


def _assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.headers.get("www-authenticate", "").lower().startswith("bearer")
    body = response.json()
    assert body["status"] == 401
    assert body["title"]


def _expire(live_server: LiveServer, token: str) -> None:
    with live_server.context.database.write() as session:
        row = session.get(TokenRow, token_digest(token))
        assert row is not None
        row.expires_at = utcnow() - timedelta(seconds=1)


def _rotated_before_the_grace_window(live_server: LiveServer, token: str) -> None:
    """As if the refresh token had been rotated longer ago than the grace window."""
    with live_server.context.database.write() as session:
        row = session.get(TokenRow, token_digest(token))
        assert row is not None and row.revoked_at is not None
        row.revoked_at -= REFRESH_GRACE + timedelta(seconds=1)


# --- login -------------------------------------------------------------------------------


def test_login_returns_a_bearer_token_pair(http: httpx.Client) -> None:
    response = http.post("/auth/token", json={"username": "max.nord", "password": DEMO_PASSWORD})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    pair = TokenPair.model_validate(response.json())
    assert pair.token_type == "bearer"
    assert pair.access_token and pair.refresh_token
    assert pair.access_token != pair.refresh_token
    assert pair.expires_in == 15 * 60
    assert pair.refresh_expires_in > pair.expires_in
    assert _me(http, pair.access_token).status_code == 200


def test_two_logins_give_different_tokens(http: httpx.Client) -> None:
    first, second = _login(http), _login(http)
    assert first.access_token != second.access_token
    assert first.refresh_token != second.refresh_token


def test_wrong_password_is_401_problem_without_the_password(http: httpx.Client) -> None:
    password = "wrong-Passw0rd-§"
    response = http.post("/auth/token", json={"username": "max.nord", "password": password})
    _assert_unauthorized(response)
    assert password not in response.text
    assert "access_token" not in response.json()


def test_unknown_user_is_401_and_indistinguishable_from_a_wrong_password(
        http: httpx.Client) -> None:
    unknown = http.post("/auth/token", json={"username": "nobody.here", "password": "x"})
    wrong = http.post("/auth/token", json={"username": "max.nord", "password": "x"})
    _assert_unauthorized(unknown)
    _assert_unauthorized(wrong)
    assert unknown.json() == wrong.json()


def test_empty_credentials_are_refused(http: httpx.Client) -> None:
    response = http.post("/auth/token", json={"username": "max.nord", "password": ""})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)


# --- refresh and rotation ----------------------------------------------------------------


def test_refresh_gives_a_new_pair_and_rotates_the_refresh_token(http: httpx.Client) -> None:
    first = _login(http)
    response = _refresh(http, first.refresh_token)
    assert response.status_code == 200, response.text
    second = TokenPair.model_validate(response.json())
    assert second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token
    assert _me(http, second.access_token).status_code == 200
    # The new refresh token works once more; the old one is dead.
    third = _refresh(http, second.refresh_token)
    assert third.status_code == 200, third.text
    _assert_unauthorized(_refresh(http, first.refresh_token))


def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(
        http: httpx.Client, live_server: LiveServer) -> None:
    first = _login(http)
    second = TokenPair.model_validate(_refresh(http, first.refresh_token).json())
    third = TokenPair.model_validate(_refresh(http, second.refresh_token).json())
    assert _me(http, third.access_token).status_code == 200

    # Someone replays a stolen, already rotated token: the family dies.
    _rotated_before_the_grace_window(live_server, first.refresh_token)
    _assert_unauthorized(_refresh(http, first.refresh_token))
    _assert_unauthorized(_refresh(http, third.refresh_token))
    _assert_unauthorized(_me(http, third.access_token))
    # Logging in again starts a fresh family.
    fresh = _login(http)
    assert _me(http, fresh.access_token).status_code == 200
    assert _refresh(http, fresh.refresh_token).status_code == 200


def test_family_revocation_leaves_other_sessions_alone(http: httpx.Client,
                                                       live_server: LiveServer) -> None:
    mine, other = _login(http), _login(http)
    _refresh(http, mine.refresh_token)
    _rotated_before_the_grace_window(live_server, mine.refresh_token)
    _assert_unauthorized(_refresh(http, mine.refresh_token))  # reuse: revoke my family
    assert _me(http, other.access_token).status_code == 200
    assert _refresh(http, other.refresh_token).status_code == 200


# --- a lost refresh answer: the grace window (issue 18, item 5) ---------------------------


def test_a_rotated_refresh_token_repeats_the_same_pair_within_the_grace_window(
        http: httpx.Client) -> None:
    """The server rotated but the client never saw the answer: presenting the old token
    again gives the very pair the lost answer carried, which works."""
    first = _login(http)
    lost = _refresh(http, first.refresh_token)
    assert lost.status_code == 200, lost.text
    lost_pair = TokenPair.model_validate(lost.json())
    again = _refresh(http, first.refresh_token)
    assert again.status_code == 200, again.text
    repeated = TokenPair.model_validate(again.json())
    assert (repeated.access_token, repeated.refresh_token) == (lost_pair.access_token,
                                                               lost_pair.refresh_token)
    assert 0 < repeated.expires_in <= lost_pair.expires_in
    assert 0 < repeated.refresh_expires_in <= lost_pair.refresh_expires_in
    # Lost twice: still the same pair (the client retries until it hears an answer).
    third = TokenPair.model_validate(_refresh(http, first.refresh_token).json())
    assert third.refresh_token == lost_pair.refresh_token
    assert _me(http, repeated.access_token).status_code == 200
    # The repeated pair is a normal one: its refresh token rotates on.
    onward = _refresh(http, repeated.refresh_token)
    assert onward.status_code == 200, onward.text
    assert _me(http, TokenPair.model_validate(onward.json()).access_token).status_code == 200


def test_the_grace_window_closes_once_the_new_refresh_token_was_used(
        http: httpx.Client) -> None:
    """A client that refreshed with the new token evidently got the answer: the old token
    presented now is reuse (a thief), and the family dies, inside the window too."""
    first = _login(http)
    second = TokenPair.model_validate(_refresh(http, first.refresh_token).json())
    third = TokenPair.model_validate(_refresh(http, second.refresh_token).json())
    _assert_unauthorized(_refresh(http, first.refresh_token))
    _assert_unauthorized(_refresh(http, second.refresh_token))
    _assert_unauthorized(_me(http, third.access_token))
    _assert_unauthorized(_refresh(http, third.refresh_token))


def test_reuse_after_the_grace_window_revokes_the_family(http: httpx.Client,
                                                         live_server: LiveServer) -> None:
    first = _login(http)
    second = TokenPair.model_validate(_refresh(http, first.refresh_token).json())
    assert _me(http, second.access_token).status_code == 200
    _rotated_before_the_grace_window(live_server, first.refresh_token)
    response = _refresh(http, first.refresh_token)
    _assert_unauthorized(response)
    assert "already used" in response.json()["detail"]
    # The pair the token was rotated to dies with the family, and stays dead.
    _assert_unauthorized(_me(http, second.access_token))
    _assert_unauthorized(_refresh(http, second.refresh_token))
    _assert_unauthorized(_refresh(http, first.refresh_token))


def test_no_grace_after_logout(http: httpx.Client) -> None:
    first = _login(http)
    second = TokenPair.model_validate(_refresh(http, first.refresh_token).json())
    assert http.post("/auth/logout",
                     json={"refresh_token": second.refresh_token}).status_code == 204
    _assert_unauthorized(_refresh(http, first.refresh_token))
    _assert_unauthorized(_me(http, second.access_token))


def test_concurrent_refreshes_of_one_token_get_one_pair(live_server: LiveServer) -> None:
    """Two threads (or two windows, two workers) presenting one refresh token at once: both
    get the same new pair, nobody is logged out, exactly one pair is stored."""
    with httpx.Client(base_url=live_server.api, timeout=30) as client:
        first = _login(client)
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda _: _refresh(client, first.refresh_token), range(4)))
        assert [answer.status_code for answer in answers] == [200] * 4, \
            [answer.text for answer in answers]
        pairs = {(answer.json()["access_token"], answer.json()["refresh_token"])
                 for answer in answers}
        assert len(pairs) == 1
        access, refresh_token = pairs.pop()
        assert _me(client, access).status_code == 200
    with live_server.context.database.read() as session:
        family = session.scalar(select(TokenRow.family_id).where(
            TokenRow.token_hash == token_digest(first.refresh_token)))
        kinds = sorted(row.kind for row in session.scalars(
            select(TokenRow).where(TokenRow.family_id == family)))
    assert kinds == ["access", "access", "refresh", "refresh"]
    assert refresh_token != first.refresh_token


def test_rotated_tokens_are_stored_only_as_digests_and_differ_per_family(
        http: httpx.Client, live_server: LiveServer) -> None:
    pair = TokenPair.model_validate(_refresh(http, _login(http).refresh_token).json())
    other = TokenPair.model_validate(_refresh(http, _login(http).refresh_token).json())
    assert len({pair.access_token, pair.refresh_token, other.access_token,
                other.refresh_token}) == 4
    assert len(pair.refresh_token) == len(pair.access_token) == 43
    with live_server.context.database.read() as session:
        for token in (pair.access_token, pair.refresh_token):
            assert session.get(TokenRow, token) is None
            assert session.get(TokenRow, token_digest(token)) is not None
        stored = " ".join(f"{row.token_hash} {row.family_id}"
                          for row in session.scalars(select(TokenRow)))
    assert pair.refresh_token not in stored and pair.access_token not in stored


def test_an_access_token_is_no_refresh_token_and_vice_versa(http: httpx.Client) -> None:
    pair = _login(http)
    _assert_unauthorized(_refresh(http, pair.access_token))
    _assert_unauthorized(_me(http, pair.refresh_token))
    # Neither mistake harmed the pair.
    assert _me(http, pair.access_token).status_code == 200
    assert _refresh(http, pair.refresh_token).status_code == 200


def test_unknown_refresh_token_is_401(http: httpx.Client) -> None:
    _assert_unauthorized(_refresh(http, "not-a-token"))


def test_expired_refresh_token_is_401(http: httpx.Client, live_server: LiveServer) -> None:
    pair = _login(http)
    _expire(live_server, pair.refresh_token)
    response = _refresh(http, pair.refresh_token)
    _assert_unauthorized(response)
    assert "expired" in response.json()["detail"].lower()


# --- logout ------------------------------------------------------------------------------


def test_logout_ends_the_session(http: httpx.Client) -> None:
    pair, other = _login(http), _login(http)
    assert _me(http, pair.access_token).status_code == 200  # its principal is known now
    response = http.post("/auth/logout", json={"refresh_token": pair.refresh_token})
    assert response.status_code == 204
    assert not response.content
    _assert_unauthorized(_refresh(http, pair.refresh_token))
    _assert_unauthorized(_me(http, pair.access_token))
    # Only that session: another login of the same user goes on.
    assert _me(http, other.access_token).status_code == 200


def test_logout_with_an_unknown_token_is_harmless(http: httpx.Client) -> None:
    response = http.post("/auth/logout", json={"refresh_token": "never-issued"})
    assert response.status_code == 204


# --- bearer tokens -----------------------------------------------------------------------


def test_expired_access_token_is_401(http: httpx.Client, live_server: LiveServer) -> None:
    pair = _login(http)
    assert _me(http, pair.access_token).status_code == 200
    _expire(live_server, pair.access_token)
    response = _me(http, pair.access_token)
    _assert_unauthorized(response)
    assert "expired" in response.json()["detail"].lower()
    # The refresh token still gets a working access token.
    renewed = TokenPair.model_validate(_refresh(http, pair.refresh_token).json())
    assert _me(http, renewed.access_token).status_code == 200


@pytest.mark.parametrize("header", [
    None,
    "",
    "Bearer",
    "Bearer garbage",
    "Bearer " + "A" * 43,
    "Basic bWF4Lm5vcmQ6ZGVtbzEyMzQ=",
    "Token abc",
])
def test_missing_or_garbage_bearer_is_401(http: httpx.Client, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    for path in ("/me", "/changes", "/customers", "/meta/statuses"):
        _assert_unauthorized(http.get(path, headers=headers))


def test_scheme_is_case_insensitive(http: httpx.Client) -> None:
    pair = _login(http)
    response = http.get("/me", headers={"Authorization": f"bearer {pair.access_token}"})
    assert response.status_code == 200


def test_anonymous_client_cannot_write(anonymous: Api) -> None:
    response = anonymous.post("/carts", json={"customer_id": "x", "business_transaction":
                                              "new_order"})
    _assert_unauthorized(response)


# --- /me ---------------------------------------------------------------------------------


def test_me_for_a_partner_clerk(clerk: Api) -> None:
    response = clerk.get("/me")
    assert response.status_code == 200
    me = MeOut.model_validate(response.json())
    assert me.username == "max.nord"
    assert me.role == "partner_clerk"
    assert me.email and me.display_name
    assert me.tenant.id == "t-nordlicht"
    assert me.tenant.has_power_of_attorney is True
    assert me.tenant.is_provider is False
    assert me.tenant.parent_id is None


def test_me_for_a_sub_tenant_clerk(live_server: LiveServer) -> None:
    api = Api(live_server, "lena.hh")
    try:
        me = MeOut.model_validate(api.get("/me").json())
    finally:
        api.close()
    assert me.tenant.id == "t-nordlicht-hh"
    assert me.tenant.parent_id == "t-nordlicht"


def test_me_for_provider_staff(provider: Api) -> None:
    me = MeOut.model_validate(provider.get("/me").json())
    assert me.username == "anna.berger"
    assert me.role == "provider_staff"
    assert me.tenant.is_provider is True


def test_me_for_the_other_clerk(other_clerk: Api) -> None:
    me = MeOut.model_validate(other_clerk.get("/me").json())
    assert me.tenant.id == "t-suedwest"
    assert me.tenant.has_power_of_attorney is False


# --- storage -----------------------------------------------------------------------------


def test_passwords_are_stored_as_scrypt_hashes(live_server: LiveServer) -> None:
    with live_server.context.database.read() as session:
        users = list(session.scalars(select(UserRow)))
    assert len(users) >= 5
    for user in users:
        assert user.password_hash.startswith("scrypt$"), user.username
        assert DEMO_PASSWORD not in user.password_hash
        assert verify_password(DEMO_PASSWORD, user.password_hash)
        assert not verify_password(DEMO_PASSWORD + "x", user.password_hash)


def test_tokens_are_stored_only_as_digests(http: httpx.Client, live_server: LiveServer) -> None:
    pair = _login(http)
    with live_server.context.database.read() as session:
        for token, kind in ((pair.access_token, "access"), (pair.refresh_token, "refresh")):
            row = session.get(TokenRow, token_digest(token))
            assert row is not None and row.kind == kind
            assert session.get(TokenRow, token) is None
            assert token not in row.token_hash
