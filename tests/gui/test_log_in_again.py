"""A backend that wants a new login (no token left): File → Log in again… continues the sync
with the same account; another account is refused (the window shows this one's cache)."""

from pathlib import Path

import pytest
from desktop_app.gui.account.login_dialog import LoginDialog
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.account import StartOptions, start_account
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.test_login import USER, fast, log_in
from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring

pytestmark = [pytest.mark.usefixtures("no_thread_left"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
SYNC_MS = 60_000


def start_signed_out(qtbot: QtBot, server: EmbeddedServer, settings: QSettings, root: Path,
                     logins: list[tuple[str, str]], tasks: TaskManager) -> Workspace:
    """Logs in (first entry of `logins`), syncs once, then loses the session; each later
    login dialog logs in with the next entry."""

    def ask(dialog: LoginDialog) -> int:
        user, password = logins.pop(0)
        log_in(qtbot, dialog, server.api, password=password, user=user)
        return dialog.result()

    started = start_account(settings, "en", tasks, server.api,
                            StartOptions(caches_root=root, make_settings=fast, ask=ask))
    assert isinstance(started, Workspace)
    with qtbot.waitSignal(started.sync.syncFinished, timeout=SYNC_MS) as first:
        started.show()
    assert first.args == [True]
    auth = started.client.auth
    auth.adopt(type(auth)(auth.settings, auth.store))  # the session is gone (e.g. revoked)
    return started


def test_log_in_again_continues_the_sync(tasks: TaskManager, qtbot: QtBot,
                                         server: EmbeddedServer, tmp_path: Path,
                                         memory_keyring: InMemoryKeyring) -> None:
    settings = settings_at(tmp_path / "settings.ini")
    logins = [(USER, "demo1234"), (USER, "demo1234")]
    workspace = start_signed_out(qtbot, server, settings, tmp_path / "caches", logins, tasks)
    window, action = workspace.window, workspace.window.window_actions.sign_in
    try:
        assert not action.isVisible()
        with qtbot.waitSignal(workspace.sync.signInRequired, timeout=SYNC_MS):
            assert workspace.sync.request_sync()
        assert action.isVisible()
        assert window.banner.isVisible()
        assert "log in again" in window.indicators.banner_label.text()
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as again:
            action.trigger()
        assert again.args == [True]
        assert not action.isVisible() and logins == []
        assert workspace.client.auth.username == USER
    finally:
        workspace.close()


def test_log_in_again_as_another_account_is_refused(
        tasks: TaskManager,
    qtbot: QtBot, server: EmbeddedServer, tmp_path: Path, memory_keyring: InMemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_: warnings.append(text))
    settings = settings_at(tmp_path / "settings.ini")
    logins = [(USER, "demo1234"), ("paul.sued", "demo1234")]
    workspace = start_signed_out(qtbot, server, settings, tmp_path / "caches", logins, tasks)
    try:
        with qtbot.waitSignal(workspace.sync.signInRequired, timeout=SYNC_MS):
            workspace.sync.request_sync()
        workspace.window.window_actions.sign_in.trigger()
        assert warnings and USER in warnings[0]
        assert workspace.client.auth.username is None  # still signed out: nothing adopted
        assert workspace.window.window_actions.sign_in.isVisible()
    finally:
        workspace.close()
