"""Login, keyring storage, refresh on 401, logout and the missing-keyring case."""

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.api import (
    ApiClient,
    ApiSettings,
    AuthSession,
    KeyringTokenStore,
    NotAuthenticatedError,
    NoTokenStore,
    choose_token_store,
    keyring_status,
)
from desktop_app.api.tokens import SERVICE_NAME, account_name
from desktop_app.server.database import utcnow
from desktop_app.server.db import TokenRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.security import token_digest
from desktop_app.server.seed import DEMO_PASSWORD

from tests.api.api_support import Reply, StubServer, fast_settings, stub_client
from tests.keyring_fixtures import InMemoryKeyring


@pytest.fixture
def settings(api_server: EmbeddedServer) -> ApiSettings:
    return ApiSettings(api_server.api, max_retries=1, backoff_factor=0.01)


@pytest.fixture
def client(settings: ApiSettings, memory_keyring: InMemoryKeyring) -> Iterator[ApiClient]:
    auth = AuthSession(settings, KeyringTokenStore())
    api = ApiClient(settings, auth)
    yield api
    api.close()


def stored_token(backend: InMemoryKeyring, settings: ApiSettings, user: str) -> str | None:
    return backend.get_password(SERVICE_NAME, account_name(settings.base_url, user))


def expire(server: EmbeddedServer, token: str) -> None:
    with server.context.database.write() as session:
        row = session.get(TokenRow, token_digest(token))
        assert row is not None
        row.expires_at = utcnow() - timedelta(seconds=1)


def files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [path for path in root.rglob("*") if path.is_file() and data in path.read_bytes()]


def test_login_returns_me_and_keeps_the_refresh_token_in_the_keyring(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings) -> None:
    me = client.auth.login("max.nord", DEMO_PASSWORD)
    assert me.username == "max.nord"
    assert me.tenant.id
    assert client.me() == me
    assert list(memory_keyring.entries) == [(SERVICE_NAME, f"{settings.base_url}|max.nord")]
    assert stored_token(memory_keyring, settings, "max.nord")


def test_wrong_password_is_not_authenticated_and_keeps_nothing(
        client: ApiClient, memory_keyring: InMemoryKeyring) -> None:
    password = "Wrong-Passw0rd-xyz"
    with pytest.raises(NotAuthenticatedError) as caught:
        client.auth.login("max.nord", password)
    assert caught.value.message("de") == "Benutzername oder Passwort falsch."
    assert caught.value.message("en") == "Wrong user name or password."
    for text in (str(caught.value), repr(caught.value), caught.value.message("de")):
        assert password not in text
    assert memory_keyring.entries == {}
    assert not client.auth.signed_in
    with pytest.raises(NotAuthenticatedError):
        client.me()


def test_empty_credentials_are_refused_locally(client: ApiClient) -> None:
    with pytest.raises(NotAuthenticatedError, match="user name and password"):
        client.auth.login("max.nord", "")


def test_refresh_token_is_in_the_keyring_and_nowhere_else_on_disk(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings,
        tmp_path_factory: pytest.TempPathFactory, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.auth.login("max.nord", DEMO_PASSWORD)
    client.auth.refresh()
    client.me()
    token = stored_token(memory_keyring, settings, "max.nord")
    assert token
    assert files_containing(tmp_path_factory.getbasetemp(), token) == []
    assert token not in caplog.text
    assert token not in repr(client.auth)
    assert DEMO_PASSWORD not in caplog.text


def test_401_refreshes_once_and_repeats_the_call(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings,
        api_server: EmbeddedServer) -> None:
    client.auth.login("max.nord", DEMO_PASSWORD)
    first_refresh = stored_token(memory_keyring, settings, "max.nord")
    expire(api_server, client.auth.access_token())
    assert client.me().username == "max.nord"
    rotated = stored_token(memory_keyring, settings, "max.nord")
    assert rotated and rotated != first_refresh
    # the old refresh token was rotated away on the server
    with api_server.context.database.read() as session:
        old = session.get(TokenRow, token_digest(first_refresh or ""))
        assert old is not None and old.revoked_at is not None


def test_concurrent_401s_cause_one_refresh(
        client: ApiClient, api_server: EmbeddedServer) -> None:
    client.auth.login("max.nord", DEMO_PASSWORD)
    stale = client.auth.access_token()
    expire(api_server, stale)
    failures: list[BaseException] = []
    barrier = threading.Barrier(6)

    def call() -> None:
        try:
            barrier.wait()
            client.me()
        except BaseException as error:  # collected for the assertion below
            failures.append(error)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # A second refresh with the rotated token would revoke the family: every call would fail.
    assert failures == []
    with api_server.context.database.read() as session:
        family = session.get(TokenRow, token_digest(client.auth.access_token()))
        assert family is not None
        refresh_rows = session.query(TokenRow).filter(TokenRow.family_id == family.family_id,
                                                      TokenRow.kind == "refresh").count()
    assert refresh_rows == 2  # the login's and exactly one rotation


def test_second_401_raises_not_authenticated(stub: StubServer) -> None:
    client = stub_client(stub)
    try:
        stub.script("GET", "/me", Reply(401, {"title": "Unauthorized", "status": 401}))
        stub.script("POST", "/auth/refresh", Reply(200, {
            "access_token": "second-access-token", "refresh_token": "second-refresh-token",
            "expires_in": 900, "refresh_expires_in": 86400}))
        with pytest.raises(NotAuthenticatedError) as caught:
            client.me()
    finally:
        client.close()
    assert stub.count("POST", "/auth/refresh") == 1
    assert stub.count("GET", "/me") == 3  # login's, the call, the repeat
    assert "erneut an" in caught.value.message("de")
    assert "second-access-token" not in caught.value.message("de")


def test_refused_refresh_signs_out_and_deletes_the_stored_token(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings,
        api_server: EmbeddedServer) -> None:
    client.auth.login("max.nord", DEMO_PASSWORD)
    token = stored_token(memory_keyring, settings, "max.nord")
    assert token
    expire(api_server, token)
    expire(api_server, client.auth.access_token())
    with pytest.raises(NotAuthenticatedError):
        client.me()
    assert stored_token(memory_keyring, settings, "max.nord") is None
    assert not client.auth.signed_in


def test_resume_with_a_stored_refresh_token(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings) -> None:
    client.auth.login("paul.sued", DEMO_PASSWORD)
    before = stored_token(memory_keyring, settings, "paul.sued")
    later = AuthSession(settings, KeyringTokenStore())
    resumed = ApiClient(settings, later)
    try:
        assert later.resume("paul.sued")
        assert resumed.me().username == "paul.sued"
        assert stored_token(memory_keyring, settings, "paul.sued") not in (None, before)
        assert not later.resume("anna.berger")  # nothing stored for her
    finally:
        resumed.close()


def test_resume_with_an_invalid_token_deletes_it(
        memory_keyring: InMemoryKeyring, settings: ApiSettings) -> None:
    memory_keyring.set_password(SERVICE_NAME, account_name(settings.base_url, "max.nord"),
                                "not-a-real-token")
    auth = AuthSession(settings, KeyringTokenStore())
    try:
        assert not auth.resume("max.nord")
    finally:
        auth.transport.close()
    assert memory_keyring.entries == {}
    assert not auth.signed_in


def test_logout_revokes_and_deletes_the_keyring_entry(
        client: ApiClient, memory_keyring: InMemoryKeyring, settings: ApiSettings,
        api_server: EmbeddedServer) -> None:
    client.auth.login("max.nord", DEMO_PASSWORD)
    token = stored_token(memory_keyring, settings, "max.nord")
    assert client.auth.logout()
    assert memory_keyring.entries == {}
    assert not client.auth.signed_in
    with api_server.context.database.read() as session:
        row = session.get(TokenRow, token_digest(token or ""))
        assert row is not None and row.revoked_at is not None
    with pytest.raises(NotAuthenticatedError):
        client.me()


def test_keyring_status_with_a_working_backend(memory_keyring: InMemoryKeyring) -> None:
    usable, reason = keyring_status()
    assert usable
    assert "Schlüsselbund" in reason
    store, _ = choose_token_store()
    assert isinstance(store, KeyringTokenStore)


def test_without_a_keyring_backend_nothing_is_stored_and_the_reason_is_given(
        no_keyring: None, settings: ApiSettings,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    usable, reason = keyring_status()
    assert not usable
    assert reason.startswith("Kein Schlüsselbund verfügbar")
    assert "Das Passwort wird bei jedem Start abgefragt." in reason
    usable_en, reason_en = keyring_status("en")
    assert not usable_en and "password is asked for at every start" in reason_en
    store, shown = choose_token_store()
    assert isinstance(store, NoTokenStore)
    assert shown == reason
    auth = AuthSession(settings, store)
    client = ApiClient(settings, auth)
    try:
        assert auth.login("max.nord", DEMO_PASSWORD).username == "max.nord"
        auth.refresh()  # works from memory within the running session
        assert client.me().username == "max.nord"
        assert not AuthSession(settings, store).resume("max.nord")
        refresh_token = auth._refresh_token
        assert refresh_token
        assert files_containing(tmp_path_factory.getbasetemp(), refresh_token) == []
    finally:
        client.close()


def test_the_keyring_store_itself_degrades_quietly_without_a_backend(no_keyring: None) -> None:
    store = KeyringTokenStore()
    store.save("https://x.example/api/v1", "max", "token-value")
    assert store.load("https://x.example/api/v1", "max") is None
    store.delete("https://x.example/api/v1", "max")


def test_settings_and_auth_must_name_the_same_backend(stub: StubServer) -> None:
    auth = AuthSession(fast_settings(stub.api), NoTokenStore())
    with pytest.raises(ValueError, match="different backends"):
        ApiClient(fast_settings("http://127.0.0.1:1/api/v1"), auth)


def test_importing_the_api_layer_does_not_import_keyring_or_qt() -> None:
    code = ("import sys, desktop_app.api, desktop_app.api.auth; "
            "bad = [m for m in ('keyring', 'PySide6', 'desktop_app.server') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code],  # noqa: S603 (fixed arguments)
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
