"""Ordering in the main window: the wizard from the context menu, the new order in the
overview after the sync, a submission in flight finished at start, the confirmation page
reopened from the cache."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, OfflineError, new_idempotency_key
from desktop_app.cache import queries, submissions
from desktop_app.cache.ordering import open_carts_of_contract
from desktop_app.domain.enums import BusinessTransaction, ContractState
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
from desktop_app.gui.ordering.controller import OrderingController
from desktop_app.gui.ordering.wizard import PageId
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.submission import submit_once
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.window import open_window
from tests.gui.wizard_support import (
    add_item,
    cache,
    client,
    next_page,
)
from tests.sync.ordering import a_customer, answers_dropped, open_cart, orders_of_cart

__all__ = ["cache", "client"]  # the wizard_support fixtures
SYNC_TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot: QtBot, cache: LiveCache, tmp_path: Path, tasks: TaskManager) -> MainWindow:
    return open_window(qtbot, cache, tmp_path / "settings.ini", english=True, tasks=tasks)


@pytest.fixture
def sync(window: MainWindow, client: ApiClient, cache: LiveCache,
         tmp_path: Path, tasks: TaskManager) -> Iterator[SyncController]:
    controller = SyncController(window, client, cache, tmp_path / "documents", tasks, "en")
    yield controller
    controller.shutdown()


@pytest.fixture
def ordering(window: MainWindow, client: ApiClient, cache: LiveCache,
             sync: SyncController, tasks: TaskManager) -> Iterator[OrderingController]:
    controller = OrderingController(window, client, cache, sync, "en", tasks)
    yield controller
    controller.shutdown()


def test_new_cart_action_is_enabled_with_the_wizard(window: MainWindow,
                                                    ordering: OrderingController) -> None:
    assert window.new_cart_action.isEnabled()
    window.set_online(False, "Server not reachable")
    assert not window.new_cart_action.isEnabled()
    assert "Server not reachable" in window.new_cart_action.toolTip()
    window.set_online(True, "")
    window.new_cart_action.trigger()  # Ctrl+N / tool bar
    wizard = ordering.wizard
    assert wizard is not None and wizard.currentId() == int(PageId.CUSTOMER)
    window.set_online(False, "Server not reachable (timeout)")  # while the wizard is open
    box = wizard.customer_page.offline_box
    assert box.isVisible() and "needs the order backend" in box.text()
    assert "Server not reachable (timeout)" in box.text()
    assert not wizard.cart_page.offline_box.isHidden()  # every page says so
    window.set_online(True, "")
    assert not box.isVisible()


def _row_with_reorderable_contract(window: MainWindow, cache: LiveCache) -> int:
    """A listed order whose contract runs and has no open product change."""
    with cache.store.session() as session:
        for row in range(window.model.rowCount()):
            detail = queries.order_detail(session, window.model.order_id(row) or "")
            contract = detail.contract if detail else None
            if contract is None or contract.state is not ContractState.RUNNING:
                continue
            carts = open_carts_of_contract(session, contract.id)
            if not any(kind.is_product_change for _, kind in carts):
                return row
    raise AssertionError("no order with a reorderable contract")


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_context_menu_opens_the_wizard_for_the_contract_and_the_order_appears(
        qtbot: QtBot, server: EmbeddedServer, window: MainWindow, cache: LiveCache,
        ordering: OrderingController, sync: SyncController) -> None:
    row = _row_with_reorderable_contract(window, cache)
    window.select_row(row)
    position = window.table.visualRect(window.model.index(row, 0)).center()
    menu = window.table_menu(position)
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert any(text.startswith("New cart for customer") for text in texts)
    assert any(text.startswith("New cart for contract") for text in texts)
    with qtbot.waitSignal(window.newCartRequested) as asked:
        next(a for a in menu.actions() if a.text().startswith("New cart for contract")).trigger()
    wizard = ordering.wizard
    assert wizard is not None and wizard.currentId() == int(PageId.TRANSACTION)
    customer_id, contract_id = asked.args
    assert wizard.transaction_page.select_contract(contract_id)
    assert wizard.state.party is not None and wizard.state.party.id == customer_id
    qtbot.waitUntil(lambda: not wizard.customer_page.busy, timeout=10_000)
    wizard.transaction_page.select_transaction(BusinessTransaction.REORDER)
    next_page(qtbot, wizard, PageId.CART)
    contract = wizard.state.contract
    assert contract is not None
    add_item(qtbot, wizard, contract.product_code)
    next_page(qtbot, wizard, PageId.QUOTE)
    wizard.quote_page.without_quote.setChecked(True)
    next_page(qtbot, wizard, PageId.SUBMIT)
    with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_TIMEOUT_MS):
        next_page(qtbot, wizard, PageId.CONFIRMATION)
    confirmation = wizard.state.confirmation
    assert confirmation is not None
    order_id = confirmation.order.id
    qtbot.waitUntil(lambda: window.shown_order_id == order_id, timeout=SYNC_TIMEOUT_MS)
    with qtbot.waitSignal(window.documentRequested) as opened:
        opener = wizard.confirmation_page.view.findChild(
            QPushButton, f"open:{confirmation.documents[0].id}")
        assert isinstance(opener, QPushButton)
        opener.click()
    assert opened.args == [confirmation.documents[0].id]


def test_restart_finishes_the_submission_in_flight(
        qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        window: MainWindow, ordering: OrderingController, sync: SyncController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cart = open_cart(client, a_customer(client, 8))
    key = new_idempotency_key()
    with answers_dropped(monkeypatch), pytest.raises(OfflineError):
        submit_once(client, cache.store, key, cart, None)  # the app died after this
    assert orders_of_cart(server, cart) == 1
    with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_TIMEOUT_MS):
        ordering.resume_submissions()  # what Workspace.show() does at start
    assert orders_of_cart(server, cart) == 1
    stored = submissions.submission(cache.store, key)
    assert stored is not None and stored.order_number and not stored.in_flight
    notice = window.indicators.banner_label.text()
    assert window.banner.isVisible() and stored.order_number in notice
    assert "has been completed" in notice
    assert window.model.row_of(stored.order_id or "") is not None


def test_confirmation_reopens_from_the_cache_offline(qtbot: QtBot, window: MainWindow,
                                                     cache: LiveCache,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []
    for name in ("preview", "print_", "save_pdf"):  # (the dialogs: test_confirmation_output)
        monkeypatch.setattr(ConfirmationOutput, name,
                            lambda _self, _parent, order_id, _n=name: asked.append((_n, order_id)))
    window.set_online(False, "Server not reachable")
    order_id = window.model.order_id(0)
    assert order_id is not None
    window.select_order(order_id)
    button = window.detail_panel.findChild(QPushButton, "confirmationButton")
    assert isinstance(button, QPushButton)
    with qtbot.waitSignal(window.detail_panel.confirmationRequested):
        button.click()
    dialogs = window.confirmations.windows
    assert len(dialogs) == 1
    view = dialogs[0].view
    assert view.order_id == order_id
    with cache.store.session() as session:
        detail = queries.order_detail(session, order_id)
    assert detail is not None
    assert [email for email, _ in view.shown_recipients] == [r.email for r in detail.recipients]
    buttons = {b.objectName(): b for b in view.findChildren(QPushButton)}
    for name in ("previewButton", "printButton", "savePdfButton"):
        buttons[name].click()  # the confirmation letter comes from the cache: offline too
    assert asked == [("preview", order_id), ("print_", order_id), ("save_pdf", order_id)]
    with qtbot.waitSignal(view.openOrderRequested):
        view.open_order_button.click()
    assert window.shown_order_id == order_id


def test_closing_the_wizard_never_waits_for_the_backend(qtbot: QtBot,
                                                        ordering: OrderingController) -> None:
    wizard = ordering.open_wizard()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10_000)
    release, running = threading.Event(), threading.Event()

    def slow_call() -> bool:
        running.set()
        return release.wait(10)

    wizard.customer_page.call(slow_call, lambda _result: None)
    assert running.wait(10)  # the call runs (a busy machine may start it late)
    wizard.reject()  # Cancel while a call runs: returns without waiting for it
    assert ordering.wizard is None and wizard.busy
    with qtbot.waitSignal(wizard.destroyed, timeout=5_000):
        release.set()  # the call comes back; only then is the wizard deleted
