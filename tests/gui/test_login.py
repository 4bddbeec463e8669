"""The login dialog and the start of real use (resume, offline start) against a live server."""

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import (
    ApiSettings,
    AuthSession,
    InsecureUrlError,
    KeyringTokenStore,
    NotAuthenticatedError,
    keyring_status,
)
from desktop_app.api.errors import Language
from desktop_app.cache.paths import cache_file
from desktop_app.gui.account.login_dialog import LoginDialog, SavedLogin
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.account import DEMO, StartOptions, start_account
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.gui import orders
from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring

pytestmark = pytest.mark.usefixtures("no_thread_left")
USER = "max.nord"
LOGIN_TIMEOUT_MS = 20_000


def fast(url: str) -> ApiSettings:
    return ApiSettings(base_url=url, max_retries=0, backoff_factor=0.01, connect_timeout=2)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return settings_at(tmp_path / "settings.ini")


def make_dialog(qtbot: QtBot, settings: QSettings, language: Language = "de",
                backend: str | None = None) -> Iterator[LoginDialog]:
    tasks = TaskManager()  # lives as long as the dialog
    dialog = LoginDialog(settings, language, tasks, backend_url=backend, make_settings=fast)
    tasks.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.shutdown()


@pytest.fixture
def dialog(qtbot: QtBot, settings: QSettings, memory_keyring: InMemoryKeyring,
           ) -> Iterator[LoginDialog]:
    yield from make_dialog(qtbot, settings)


def log_in(qtbot: QtBot, dialog: LoginDialog, url: str, password: str = DEMO_PASSWORD,
           user: str = USER) -> None:
    dialog.url_edit.setText(url)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    assert dialog.busy  # the login runs in the background
    assert dialog.busy_bar.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LOGIN_TIMEOUT_MS)


def test_login_returns_the_session_and_keeps_url_and_user(
        qtbot: QtBot, dialog: LoginDialog, server: EmbeddedServer, settings: QSettings,
        tmp_path: Path) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=LOGIN_TIMEOUT_MS):
        log_in(qtbot, dialog, server.api)
    result = dialog.result_login
    assert result is not None
    assert result.auth.signed_in and result.me.username == USER
    saved = SavedLogin.load(settings)
    assert (saved.backend_url, saved.username) == (server.api, USER)
    assert saved.tenant_id == result.me.tenant.id
    result.auth.transport.close()
    settings.sync()
    assert DEMO_PASSWORD not in (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_the_base_address_gets_the_api_path(qtbot: QtBot, dialog: LoginDialog,
                                            server: EmbeddedServer) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=LOGIN_TIMEOUT_MS):
        log_in(qtbot, dialog, server.base_url)
    assert dialog.result_login is not None
    assert dialog.result_login.auth.backend_url == server.api
    dialog.result_login.auth.transport.close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_wrong_password_is_shown_and_the_dialog_stays_open(
        qtbot: QtBot, settings: QSettings, memory_keyring: InMemoryKeyring,
        server: EmbeddedServer, language: Language) -> None:
    for dialog in make_dialog(qtbot, settings, language):
        log_in(qtbot, dialog, server.api, password="wrong-password")
        assert dialog.message == NotAuthenticatedError.login_refused().message(language)
        assert dialog.isVisible() and dialog.result_login is None
        assert SavedLogin.load(settings).username == ""


def test_unreachable_server_shows_the_offline_message(qtbot: QtBot,
                                                      dialog: LoginDialog) -> None:
    log_in(qtbot, dialog, closed_port_url())
    assert "Der Server ist nicht erreichbar (127.0.0.1:" in dialog.message
    assert dialog.isVisible() and dialog.result_login is None
    assert not dialog.offline_button.isVisible()  # no cache to review


def test_plain_http_to_a_remote_host_is_refused(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.url_edit.setText("http://example.com")
    dialog.user_edit.setText(USER)
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.login_button.click()
    assert not dialog.busy  # refused before any network
    expected = InsecureUrlError("http://example.com", "unverschlüsseltes http ist nur für "
                                "diesen Rechner (localhost) erlaubt; bitte https verwenden.", "")
    assert dialog.message == expected.message("de")


def test_remember_me_keeps_the_refresh_token_in_the_keyring_only(
        qtbot: QtBot, dialog: LoginDialog, server: EmbeddedServer,
        memory_keyring: InMemoryKeyring, tmp_path: Path) -> None:
    assert dialog.remember_check.isEnabled()
    assert not dialog.keyring_note.isVisible()
    dialog.remember_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=LOGIN_TIMEOUT_MS):
        log_in(qtbot, dialog, server.api)
    assert dialog.result_login is not None
    dialog.result_login.auth.transport.close()
    tokens = list(memory_keyring.entries.values())
    assert len(tokens) == 1 and tokens[0]
    assert ("OrderDesk", f"{server.api}|{USER}") in memory_keyring.entries
    dialog._settings.sync()  # the settings file is written now, not at exit
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert files  # the settings file at least: there is something to search
    for path in files:
        assert tokens[0].encode() not in path.read_bytes(), path


def test_without_remember_me_a_stored_login_is_deleted(
        qtbot: QtBot, dialog: LoginDialog, server: EmbeddedServer,
        memory_keyring: InMemoryKeyring) -> None:
    KeyringTokenStore().save(server.api, USER, "old-refresh-token")
    dialog.remember_check.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=LOGIN_TIMEOUT_MS):
        log_in(qtbot, dialog, server.api)
    assert dialog.result_login is not None
    dialog.result_login.auth.transport.close()
    assert memory_keyring.entries == {}


def test_without_a_keyring_remember_me_is_disabled_with_the_reason(
        qtbot: QtBot, settings: QSettings, no_keyring: None) -> None:
    for dialog in make_dialog(qtbot, settings):
        assert not dialog.remember_check.isEnabled()
        assert not dialog.remember_check.isChecked()
        assert dialog.remember_check.toolTip() == keyring_status("de")[1]
        assert dialog.keyring_note.isVisible()
        assert "No keyring available" in dialog.keyring_note.text()


def test_first_start_offers_the_demo(tasks: TaskManager, qtbot: QtBot, settings: QSettings,
                                     memory_keyring: InMemoryKeyring) -> None:
    def ask(dialog: LoginDialog) -> int:
        assert dialog.demo_hint.isVisibleTo(dialog) and dialog.demo_button.isEnabled()
        dialog.demo_button.click()
        return dialog.result()

    assert start_account(settings, "de", tasks, None, StartOptions(ask=ask)) == DEMO


def test_plain_start_fills_in_the_last_backend_and_user(tasks: TaskManager, qtbot: QtBot,
                                                       settings: QSettings,
                                                       memory_keyring: InMemoryKeyring) -> None:
    SavedLogin("https://orders.example.com/api/v1", "erika", "t-1", "u-1").save(settings)
    seen: list[tuple[str, str, bool]] = []

    def ask(dialog: LoginDialog) -> int:
        seen.append((dialog.url_edit.text(), dialog.user_edit.text(),
                     dialog.demo_hint.isVisibleTo(dialog)))
        return LoginDialog.DialogCode.Rejected.value

    assert start_account(settings, "de", tasks, None, StartOptions(ask=ask)) is None
    assert seen == [("https://orders.example.com/api/v1", "erika", False)]


def never_ask(dialog: LoginDialog) -> int:
    raise AssertionError("the login dialog was shown")


def test_backend_with_a_stored_token_resumes_without_the_dialog(tasks: TaskManager,
        qtbot: QtBot, settings: QSettings, server: EmbeddedServer,
        memory_keyring: InMemoryKeyring, tmp_path: Path) -> None:
    auth = AuthSession(fast(server.api), KeyringTokenStore())
    me = auth.login(USER, DEMO_PASSWORD)
    auth.transport.close()
    SavedLogin(server.api, USER, me.tenant.id, me.user_id).save(settings)
    options = StartOptions(caches_root=tmp_path / "caches", make_settings=fast, ask=never_ask)
    started = start_account(settings, "de", tasks, server.base_url, options)
    assert isinstance(started, Workspace)
    try:
        assert started.client.auth.signed_in
        assert started.cache.path == cache_file(server.api, me.tenant.id, USER,
                                                root=tmp_path / "caches")
        with qtbot.waitSignal(started.sync.syncFinished, timeout=60_000) as synced:
            started.show()
        assert synced.args == [True]
        assert started.window.is_online
        assert started.window.model.rowCount() > 0
    finally:
        started.close()


def test_offline_start_opens_the_cache(tasks: TaskManager, qtbot: QtBot, settings: QSettings,
                                       memory_keyring: InMemoryKeyring,
                                       tmp_path: Path) -> None:
    url = closed_port_url()
    root = tmp_path / "caches"
    path = cache_file(url, "t-1", USER, root=root)
    path.parent.mkdir(parents=True)
    cache = LiveCache(path)
    orders.fill(cache.store, orders.generated(25))
    cache.close()
    SavedLogin(url, USER, "t-1", "u-1").save(settings)
    KeyringTokenStore().save(url, USER, "stored-refresh-token")
    options = StartOptions(caches_root=root, make_settings=fast, ask=never_ask)
    started = start_account(settings, "de", tasks, url, options)
    assert isinstance(started, Workspace)
    try:
        assert not started.window.is_online
        with qtbot.waitSignal(started.sync.syncFinished, timeout=30_000) as synced:
            started.show()
        assert synced.args == [False]  # still offline: the controller retries later
        assert not started.sync.online
        assert started.window.model.rowCount() == 25
    finally:
        started.close()
    # An unreachable server does not cost the stored login.
    assert memory_keyring.entries == {("OrderDesk", f"{url}|{USER}"): "stored-refresh-token"}


def test_login_dialog_offers_offline_work_when_a_cache_exists(tasks: TaskManager,
        qtbot: QtBot, settings: QSettings, memory_keyring: InMemoryKeyring,
        tmp_path: Path) -> None:
    url = closed_port_url()
    root = tmp_path / "caches"
    path = cache_file(url, "t-1", USER, root=root)
    path.parent.mkdir(parents=True)
    LiveCache(path).close()
    SavedLogin(url, USER, "t-1", "u-1").save(settings)
    KeyringTokenStore().save(url, USER, "stored-refresh-token")

    def ask(dialog: LoginDialog) -> int:
        log_in(qtbot, dialog, url)
        assert dialog.offline_button.isVisibleTo(dialog)
        dialog.offline_button.click()
        return dialog.result()

    started = start_account(settings, "en", tasks, None,
                            StartOptions(caches_root=root, make_settings=fast, ask=ask))
    assert isinstance(started, Workspace)
    try:
        assert not started.window.is_online
        assert started.client.auth.username == USER  # the sync signs in once it can
    finally:
        started.close()
