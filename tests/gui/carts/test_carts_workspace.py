"""The carts-and-quotes window inside a workspace: menu entry, refresh after a sync, the
main window's online state, and its sync request reaching the sync controller."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.sync.support import login

pytestmark = [pytest.mark.usefixtures("no_thread_left"),
              # opening raises the window, which the offscreen platform cannot do
              pytest.mark.qt_log_ignore("This plugin does not support raise")]


@pytest.fixture
def workspace(tasks: TaskManager, server: EmbeddedServer,
              tmp_path: Path) -> Iterator[Workspace]:
    client = login(server, "max.nord")
    me = client.me()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    default = QLocale()
    opened = Workspace.open(client, tmp_path / "cache.sqlite3", settings, "en", tasks,
                            me.user_id, me.tenant.id)
    yield opened
    opened.close()
    QLocale.setDefault(default)


def test_menu_entry_opens_the_window_which_follows_syncs(qtbot: QtBot,
                                                         workspace: Workspace) -> None:
    window, carts = workspace.window, workspace.carts_quotes
    action = window.window_actions.carts_quotes
    assert action.shortcut() == QKeySequence("Ctrl+Shift+A")
    orders_menu = next(entry.menu() for entry in window.menuBar().actions()
                       if entry.text() == "&Orders")
    assert isinstance(orders_menu, QMenu) and action in orders_menu.actions()
    assert isinstance(carts, CartsQuotesWindow) and carts.parent() is window
    with qtbot.waitSignal(carts.rowsLoaded, timeout=10_000):
        action.trigger()
    assert carts.isVisible() and carts.model.rowCount() == 0  # nothing synced yet
    with qtbot.waitSignal(carts.rowsLoaded, timeout=60_000):  # after the sync's refresh
        workspace.sync.request_sync()
    count = carts.model.rowCount()
    assert count > 13  # the own tenant's 13 and the Hamburg sub-tenant's (issue 12, item 2)
    assert {line.tenant_id for line in map(carts.model.cart_row, range(count))
            if line is not None} == {"t-nordlicht", "t-nordlicht-hh"}
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=60_000):
        pass  # the documents step of that sync round


def test_online_state_and_sync_requests_go_through_the_main_window(
        qtbot: QtBot, workspace: Workspace) -> None:
    window, carts = workspace.window, workspace.carts_quotes
    window.set_online(False, "The server cannot be reached (127.0.0.1).")
    carts.open()
    assert carts.delete_action.toolTip() == "Offline: The server cannot be reached (127.0.0.1)."
    window.set_online(True, "")
    assert carts.delete_action.toolTip() == "Select a cart or quote first."
    with qtbot.waitSignal(window.syncRequested, timeout=10_000):
        carts.sync_action.trigger()  # F5 in the carts window
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=60_000):
        pass  # the sync that request started


def test_the_open_window_does_not_keep_the_app_running(qtbot: QtBot,
                                                       workspace: Workspace) -> None:
    carts = workspace.carts_quotes
    with qtbot.waitSignal(carts.rowsLoaded, timeout=10_000):
        carts.open()
    assert not carts.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    assert workspace.window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
