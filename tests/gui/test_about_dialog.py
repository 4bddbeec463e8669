"""Help → About OrderDesk: versions, backend, cache location, and the diagnostic text that
support gets — never a password or token, even when a URL or a sync error carries one."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app import __version__
from desktop_app.cache.writer import record_sync_error, record_sync_success
from desktop_app.gui.account.about_dialog import AboutDialog
from desktop_app.gui.account.diagnostics import AboutInfo, redact, safe_url
from desktop_app.gui.common.crash import CrashReporter
from desktop_app.gui.common.logs import current_log_file
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from PySide6.QtCore import QLocale, QSettings, qVersion
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.gui.window import live_cache, open_window
from tests.sync.support import login

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SECRET_URL = "https://max.nord:geheim-123@orders.example:8443/api/v1?access_token=tok-999"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXgifQ.c2lnbmF0dXJl"


def about_from_menu(window: object) -> AboutDialog:
    """Open the dialog the way a clerk does: Help → About OrderDesk…"""
    menus = window.menuBar().findChildren(QMenu)  # type: ignore[attr-defined]
    help_menu = next(menu for menu in menus if menu.title() == "&Help")
    about = next(action for action in help_menu.actions() if action.text().startswith("&About"))
    about.trigger()
    dialog = window.findChild(AboutDialog)  # type: ignore[attr-defined]
    assert isinstance(dialog, AboutDialog)
    return dialog


def test_about_shows_versions_backend_and_cache_and_copies_no_secrets(
        qtbot: QtBot, tmp_path: Path, crash_reporter: CrashReporter) -> None:
    cache = live_cache(tmp_path / "cache.sqlite3", count=3)
    record_sync_success(cache.store, datetime(2026, 11, 26, 9, 30, tzinfo=UTC))
    record_sync_error(cache.store, f"401 from {SECRET_URL}: Bearer {JWT}; password=hunter2",
                      datetime(2026, 11, 26, 10, 0, tzinfo=UTC))
    window = open_window(qtbot, cache, tmp_path / "settings.ini", english=True)
    window.about_info = AboutInfo(cache.path, SECRET_URL)
    dialog = about_from_menu(window)
    assert dialog.isVisible()
    assert dialog.backend_label.text() == "https://orders.example:8443/api/v1"
    assert dialog.cache_label.text() == str(cache.path)
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == dialog.diagnostics
    for expected in (f"OrderDesk: {__version__}", f"Qt: {qVersion()}", "PySide6: ", "Python: ",
                     "Operating system: ", f"Cache: {cache.path}",
                     "Backend: https://orders.example:8443/api/v1", "Settings: ",
                     f"Log file: {current_log_file()}",
                     "Forms: ", "Translations: ", "Last successful sync: 2026-11-26 09:30:00 UTC",
                     "Last sync attempt: 2026-11-26 10:00:00 UTC",
                     "Last sync error: 401 from https://orders.example:8443/api/v1"):
        assert expected in copied
    for secret in ("geheim-123", "tok-999", JWT, "eyJ", "hunter2", "max.nord:"):
        assert secret not in copied
    assert "Copied" in dialog.copied_label.text()
    dialog.close()
    cache.close()


def test_about_without_a_sync_says_never(qtbot: QtBot, tmp_path: Path) -> None:
    cache = live_cache(tmp_path / "cache.sqlite3", count=0)
    window = open_window(qtbot, cache, tmp_path / "settings.ini", english=True, shown=False)
    dialog = window.open_about()
    assert dialog.backend_label.text() == "unknown"  # a window without a workspace
    assert "Last successful sync: never" in dialog.diagnostics
    assert "Last sync error: none" in dialog.diagnostics
    assert "Change feed position: none" in dialog.diagnostics
    dialog.close()
    cache.close()


@pytest.mark.parametrize(("text", "leak"), [
    ("Authorization: Bearer abc.def-ghi", "abc.def-ghi"),
    ("basic dXNlcjpwYXNz rejected", "dXNlcjpwYXNz"),
    ('{"refresh_token": "r-123", "x": 1}', "r-123"),
    ("password = hunter2; retry", "hunter2"),
    ("api_key=k-1&x=2", "k-1"),
    (f"token {JWT} expired", JWT),
])  # fmt: skip
def test_redact_hides_credentials(text: str, leak: str) -> None:
    assert leak not in redact(text)
    assert "[hidden]" in redact(text)


def test_redact_drops_user_password_and_query_of_urls() -> None:
    redacted = redact("see https://anna:pw-77@host.example/path?secret=s-1")
    assert redacted == "see https://host.example/path"


def test_safe_url_keeps_scheme_host_port_and_path() -> None:
    assert safe_url(SECRET_URL) == "https://orders.example:8443/api/v1"
    assert safe_url("http://127.0.0.1:8765/api/v1") == "http://127.0.0.1:8765/api/v1"


@pytest.fixture
def workspace(tasks: TaskManager, server: EmbeddedServer,
              tmp_path: Path) -> Iterator[Workspace]:
    client = login(server, "max.nord")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    default = QLocale()
    me = client.me()
    opened = Workspace.open(client, tmp_path / "cache.sqlite3", settings, "en", tasks,
                            me.user_id, me.tenant.id)
    yield opened
    opened.close()
    QLocale.setDefault(default)


@pytest.mark.usefixtures("no_thread_left")
def test_a_signed_in_workspace_gives_the_dialog_its_backend_and_cache_after_a_sync(
        qtbot: QtBot, workspace: Workspace, server: EmbeddedServer, tmp_path: Path) -> None:
    """Live: a real login and sync; neither its tokens nor the password reach the text."""
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=60_000) as finished:
        workspace.sync.start()
    assert finished.args == [True]
    dialog = about_from_menu(workspace.window)
    assert dialog.backend_label.text() == server.api
    assert dialog.cache_label.text() == str(tmp_path / "cache.sqlite3")
    text = dialog.diagnostics
    assert f"Backend: {server.api}" in text
    assert "Last successful sync: never" not in text
    auth = workspace.client.auth
    for secret in (auth.access_token(), auth._refresh_token, DEMO_PASSWORD):
        assert secret
        assert secret not in text
    dialog.close()
