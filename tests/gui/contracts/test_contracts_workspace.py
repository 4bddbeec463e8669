"""The contracts overview inside a workspace over the live reference server: View →
Contracts, the refresh after a sync, order → contract ("Show contract" in the order menu),
contract → order (the main window opens it), "New cart for this contract" opening the order
wizard on the customer, contract and transaction, and offline."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.domain.enums import BusinessTransaction, ContractState
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.contracts.window import ContractsWindow
from desktop_app.gui.ordering.wizard.ids import PageId
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.sync.support import login

pytestmark = [pytest.mark.usefixtures("no_thread_left"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]
SYNC_MS = 60_000


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


def synced(qtbot: QtBot, workspace: Workspace) -> None:
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS):
        workspace.sync.request_sync()
    qtbot.waitUntil(lambda: workspace.window.model.rowCount() > 0, timeout=SYNC_MS)


def test_menu_entry_opens_the_window_which_follows_syncs(qtbot: QtBot,
                                                         workspace: Workspace) -> None:
    window, contracts = workspace.window, workspace.contracts
    action = window.window_actions.contracts
    assert action.shortcut() == QKeySequence("Ctrl+Shift+V")
    view_menu = next(entry.menu() for entry in window.menuBar().actions()
                     if entry.text() == "&View")
    assert isinstance(view_menu, QMenu) and action in view_menu.actions()
    assert isinstance(contracts, ContractsWindow) and contracts.parent() is window
    with qtbot.waitSignal(contracts.rowsLoaded, timeout=10_000):
        action.trigger()
    assert contracts.isVisible() and contracts.model.rowCount() == 0  # nothing synced yet
    with qtbot.waitSignal(contracts.rowsLoaded, timeout=SYNC_MS):  # the sync's refresh
        workspace.sync.request_sync()
    assert contracts.model.rowCount() > 0
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS):
        pass  # the documents step of that sync round


def test_order_to_contract_and_back(qtbot: QtBot, workspace: Workspace) -> None:
    synced(qtbot, workspace)
    window, contracts = workspace.window, workspace.contracts
    model = window.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data() and _contract_of(workspace, r))
    contract_id = _contract_of(workspace, row)
    window.select_row(row)
    menu = window.table_menu(window.table.visualRect(model.index(row, 0)).center())
    assert menu is not None
    show = next(a for a in menu.actions() if a.text().startswith("Show contract"))
    window.set_online(False, "cut")  # works offline: the overview reads the cache
    assert show.isEnabled()
    with qtbot.waitSignal(contracts.ordersLoaded, timeout=SYNC_MS):
        show.trigger()
    current = contracts.current_contract()
    assert contracts.isVisible() and current is not None and current.id == contract_id
    orders = contracts.orders_model
    assert orders.rowCount() >= 1
    other = orders.order_id(orders.rowCount() - 1)
    assert other is not None
    contracts.orders_table.activated.emit(orders.index(orders.rowCount() - 1, 0))
    qtbot.waitUntil(lambda: window.shown_order_id == other, timeout=SYNC_MS)


def _contract_of(workspace: Workspace, row: int) -> str | None:
    from desktop_app.cache import queries

    order_id = workspace.window.model.order_id(row)
    with workspace.cache.store.session() as session:
        detail = queries.order_detail(session, order_id or "")
    return detail.contract.id if detail and detail.contract else None


def test_new_cart_for_a_contract_opens_the_wizard_on_it(qtbot: QtBot,
                                                        workspace: Workspace) -> None:
    synced(qtbot, workspace)
    contracts = workspace.contracts
    with qtbot.waitSignal(contracts.rowsLoaded, timeout=10_000):
        workspace.window.window_actions.contracts.trigger()
    model = contracts.model
    rows = [model.contract(r) for r in range(model.rowCount())]
    running = next(r for r, line in enumerate(rows)
                   if line is not None and line.state is ContractState.RUNNING)
    with qtbot.waitSignal(contracts.ordersLoaded, timeout=10_000):
        contracts.table.selectRow(running)
    line = contracts.current_contract()
    assert line is not None
    reorder = contracts.transaction_actions[BusinessTransaction.REORDER]
    workspace.window.set_online(False, "The server cannot be reached (127.0.0.1).")
    assert not contracts.new_cart_action.isEnabled() and not reorder.isEnabled()
    assert contracts.new_cart_action.toolTip() == \
        "Offline: The server cannot be reached (127.0.0.1)."
    workspace.window.set_online(True, "")
    assert contracts.new_cart_action.isEnabled() and reorder.isEnabled()
    reorder.trigger()
    wizard = workspace.ordering.wizard
    assert wizard is not None and wizard.currentId() == int(PageId.TRANSACTION)
    assert wizard.state.party is not None and wizard.state.party.id == line.customer_id
    page = wizard.transaction_page
    assert page.transaction is BusinessTransaction.REORDER
    contract = page.contract
    assert contract is not None and contract.id == line.id
    qtbot.waitUntil(lambda: not wizard.customer_page.busy, timeout=10_000)
