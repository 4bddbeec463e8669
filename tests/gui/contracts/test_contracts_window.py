"""The contracts overview over a seeded cache: the models, search, sort, the minimum-term end,
a contract's orders, "New cart for this contract" by the domain's rules, offline and the
refresh after a sync."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from desktop_app.cache.writer import apply_page
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.contracts.columns import ContractColumn
from desktop_app.gui.contracts.model import CONTRACT_ID_ROLE, ContractTableModel
from desktop_app.gui.contracts.window import ContractsWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QLocale, QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui.contracts import seed

pytestmark = [pytest.mark.usefixtures("no_thread_left"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]

TODAY = date(2025, 2, 10)  # VT-10000001 (31 Jan 2025 + 1 month) is inside its minimum term
WAIT_MS = 10_000
B = BusinessTransaction


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = LiveCache(tmp_path / "cache.sqlite3")
    seed.fill(opened.store)
    yield opened
    opened.close()


@pytest.fixture
def view(qtbot: QtBot, cache: LiveCache, tasks: TaskManager,
         tmp_path: Path) -> Iterator[ContractsWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = ContractsWindow(cache, "de", settings, tasks, today=lambda: TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.rowsLoaded, timeout=WAIT_MS):
        window.show()
    yield window
    window.shutdown()
    window.close()


def numbers(view: ContractsWindow) -> list[str]:
    found = []
    for row in range(view.model.rowCount()):
        line = view.model.contract(row)
        assert line is not None
        found.append(line.contract_number)
    return found


def select(qtbot: QtBot, view: ContractsWindow, number: str) -> None:
    row = numbers(view).index(number)
    with qtbot.waitSignal(view.ordersLoaded, timeout=WAIT_MS):
        view.table.selectRow(row)


def allowed(view: ContractsWindow) -> set[BusinessTransaction]:
    return {fit.transaction for fit in view.fits() if fit.allowed}


def test_models_pass_the_model_tester(qtmodeltester: object, qtbot: QtBot,
                                      view: ContractsWindow) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    select(qtbot, view, "VT-10000001")
    qtmodeltester.check(view.orders_model)  # type: ignore[attr-defined]
    view.search_edit.setText("abel")
    view.table.sortByColumn(ContractColumn.TERM_END, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_lists_every_contract_with_its_columns(view: ContractsWindow) -> None:
    assert numbers(view) == sorted(seed.CONTRACTS)
    assert view.count_label.text() == "5 of 5 contracts"  # no translator installed
    model = view.model

    def cell(number: str, column: ContractColumn) -> str:
        return str(model.index(numbers(view).index(number), column).data())

    assert cell("VT-10000001", ContractColumn.CUSTOMER) == "Müller Elektro GmbH"
    assert cell("VT-10000001", ContractColumn.PRODUCT) == "Tengo Centraflex 10 Plätze"
    assert cell("VT-10000001", ContractColumn.STATE) == "running"  # no translator installed
    assert cell("VT-10000003", ContractColumn.STATE) == "terminated"
    assert cell("VT-10000001", ContractColumn.ORDERS) == "2"
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    month_end = ContractTableModel(locale=german)
    rows = [view.model.contract(r) for r in range(view.model.rowCount())]
    month_end.set_rows([r for r in rows if r is not None], TODAY)
    ends = {str(month_end.index(r, ContractColumn.NUMBER).data()):
            str(month_end.index(r, ContractColumn.TERM_END).data())
            for r in range(month_end.rowCount())}
    assert ends["VT-10000001"] == "28.02.2025"  # 31 Jan + 1 month
    assert ends["VT-10000002"] == "29.02.2024"  # leap year
    assert ends["VT-10000004"] == "28.02.2021"  # 31 Aug + 6 months


def test_search_is_case_and_umlaut_insensitive(view: ContractsWindow) -> None:
    view.search_edit.setText("mueller")
    assert numbers(view) == ["VT-10000001", "VT-10000005"]
    view.search_edit.setText("MÜLLER centraflex 50")
    assert numbers(view) == ["VT-10000005"]
    view.search_edit.setText("söhne")
    assert numbers(view) == ["VT-10000002", "VT-10000003"]
    view.search_edit.setText("AU-00000003")  # an order number finds its contract
    assert numbers(view) == ["VT-10000002"]
    view.search_edit.setText("SIP-Trunk")
    assert numbers(view) == ["VT-10000002"]
    view.search_edit.setText("nothing like it")
    assert numbers(view) == [] and view.table.isHidden() and not view.empty_label.isHidden()
    view.search_edit.clear()
    assert len(numbers(view)) == 5 and not view.table.isHidden()


def test_sorting_keeps_the_selection(qtbot: QtBot, view: ContractsWindow) -> None:
    select(qtbot, view, "VT-10000004")
    view.table.sortByColumn(ContractColumn.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert [n[-1] for n in numbers(view)] == ["2", "3", "1", "5", "4"]  # Abel, Müller, …
    view.table.sortByColumn(ContractColumn.TERM_END, Qt.SortOrder.DescendingOrder)
    assert numbers(view) == ["VT-10000003", "VT-10000005", "VT-10000001", "VT-10000002",
                             "VT-10000004"]
    view.table.sortByColumn(ContractColumn.ORDERS, Qt.SortOrder.DescendingOrder)
    assert numbers(view)[0] == "VT-10000001"
    current = view.current_contract()
    assert current is not None and current.contract_number == "VT-10000004"
    view.search_edit.setText("zimmermann")  # filtering keeps the sort and the selection
    current = view.current_contract()
    assert current is not None and current.contract_number == "VT-10000004"


def test_a_contract_lists_its_orders_and_opens_one(qtbot: QtBot,
                                                   view: ContractsWindow) -> None:
    assert view.orders_model.rowCount() == 0
    select(qtbot, view, "VT-10000001")
    orders = view.orders_model
    assert [orders.index(r, 0).data() for r in range(orders.rowCount())] == [
        "AU-00000001", "AU-00000002"]
    assert orders.index(1, 2).data() == "GV reorder"  # the catalog's label
    assert orders.index(1, 3).data() == "Abgeschlossen"
    assert "VT-10000001" in view.orders_label.text()
    with qtbot.waitSignal(view.openOrderRequested, timeout=WAIT_MS) as opened:
        view.orders_table.activated.emit(orders.index(1, 0))
    assert opened.args == ["order-000002"]
    select(qtbot, view, "VT-10000004")
    assert view.orders_model.rowCount() == 0 and "VT-10000004" in view.orders_label.text()


def test_show_contract_selects_it_and_clears_a_hiding_search(qtbot: QtBot,
                                                              view: ContractsWindow) -> None:
    view.search_edit.setText("abel")
    with qtbot.waitSignal(view.ordersLoaded, timeout=WAIT_MS):
        view.show_contract(seed.contract_id("VT-10000005"))
    assert view.search_edit.text() == ""
    current = view.current_contract()
    assert current is not None and current.contract_number == "VT-10000005"
    assert view.table.selectionModel().currentIndex().data(CONTRACT_ID_ROLE) == \
        seed.contract_id("VT-10000005")


def test_new_cart_offers_the_transactions_that_fit(qtbot: QtBot,
                                                   view: ContractsWindow) -> None:
    select(qtbot, view, "VT-10000003")  # terminated: nothing
    assert allowed(view) == set() and not view.new_cart_action.isEnabled()
    assert view.transaction_actions[B.REORDER].toolTip() == \
        "Der Vertrag VT-10000003 ist gekündigt."
    select(qtbot, view, "VT-10000004")  # internet, out of its minimum term
    assert allowed(view) == {B.REORDER, B.CONTRACT_EXTENSION, B.PRODUCT_CHANGE,
                             B.PRODUCT_CHANGE_NEW_ORDER}
    assert "voice" in view.transaction_actions[B.USAGE_LOCATION].toolTip()
    select(qtbot, view, "VT-10000005")  # an open contract-extension cart: reorders only
    assert allowed(view) == {B.REORDER}  # the others: the open cart stands in the way
    assert "offenen Warenkorb" in view.transaction_actions[B.CONTRACT_EXTENSION].toolTip()
    select(qtbot, view, "VT-10000001")  # inside the minimum term, no approved request
    assert B.PRODUCT_CHANGE not in allowed(view)
    assert {B.REORDER, B.CONTRACT_EXTENSION, B.USAGE_LOCATION} <= allowed(view)
    assert view.new_cart_action.isEnabled()
    with qtbot.waitSignal(view.newCartRequested, timeout=WAIT_MS) as asked:
        view.transaction_actions[B.USAGE_LOCATION].trigger()
    assert asked.args == ["party-1", seed.contract_id("VT-10000001"), "usage_location"]
    with qtbot.assertNotEmitted(view.newCartRequested):
        assert not view.new_cart(B.PRODUCT_CHANGE)


def test_offline_new_cart_is_disabled_saying_why(qtbot: QtBot, view: ContractsWindow) -> None:
    select(qtbot, view, "VT-10000001")
    view.set_online(False, "no network")
    assert not view.new_cart_action.isEnabled()
    assert "no network" in view.new_cart_action.toolTip()
    assert all(not action.isEnabled() for action in view.transaction_actions.values())
    with qtbot.assertNotEmitted(view.newCartRequested):
        assert not view.new_cart(B.REORDER)
    assert view.orders_model.rowCount() == 2  # the overview itself works from the cache
    view.set_online(True, "")
    assert view.new_cart_action.isEnabled()


def test_refresh_after_a_sync_keeps_the_selection(qtbot: QtBot, view: ContractsWindow,
                                                  cache: LiveCache) -> None:
    select(qtbot, view, "VT-10000002")
    added = records.contract("VT-10000000", "party-3")
    moved = records.order(9, customer_id="party-2", contract_number="VT-10000002")
    apply_page(cache.store, records.upserts([added, moved]), [], "2")
    with qtbot.waitSignals([view.rowsLoaded, view.ordersLoaded], timeout=WAIT_MS):
        view.refresh()
    assert numbers(view)[0] == "VT-10000000" and len(numbers(view)) == 6
    current = view.current_contract()
    assert current is not None and current.contract_number == "VT-10000002"
    assert current.order_count == 2 and view.orders_model.rowCount() == 2


def test_a_hidden_window_reads_when_shown(qtbot: QtBot, view: ContractsWindow,
                                          cache: LiveCache) -> None:
    view.hide()
    apply_page(cache.store, records.upserts([records.contract("VT-30000000", "party-1")]),
               [], "2")
    with qtbot.assertNotEmitted(view.rowsLoaded, wait=100):
        view.refresh()
    with qtbot.waitSignal(view.rowsLoaded, timeout=WAIT_MS):
        view.show()
    assert "VT-30000000" in numbers(view)
