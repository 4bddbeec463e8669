"""The document-flow buttons open what they name (issue: Warenkorb, Angebot and Vertrag showed
a tooltip but did nothing): the cached cart, quote and contract, and from the contract every
order placed on it."""

from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.gui.panels import FlowKind
from desktop_app.gui.panels.flow_document import FlowDocumentDialog
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui import orders
from tests.gui.panels import support
from tests.gui.panels.support import Catalogs
from tests.gui.window import ids_shown, live_cache, open_window


def dialog(qtbot: QtBot, store: CacheStore, kind: FlowKind) -> FlowDocumentDialog:
    shown = FlowDocumentDialog(kind, support.detail(store, support.COMPLETE), english=True)
    qtbot.addWidget(shown)
    return shown


@pytest.mark.parametrize(("kind", "title", "facts"), [
    (FlowKind.CART, "Cart of order AU-00000001", ["Customer", "Created", "Monthly"]),
    (FlowKind.QUOTE, "Quote AN-00000001", ["Quote number", "AN-00000001", "Valid until"]),
    (FlowKind.CONTRACT, "Contract VT-10000001", ["VT-10000001", "Minimum term", "Start"]),
])  # fmt: skip
def test_each_step_shows_its_document(qtbot: QtBot, store: CacheStore, catalogs: Catalogs,
                                      kind: FlowKind, title: str, facts: list[str]) -> None:
    shown = dialog(qtbot, store, kind)
    shown.show()
    assert shown.windowTitle() == title
    for fact in facts:
        assert support.shows(shown, fact), fact


def test_the_contract_lists_every_order_on_it(qtbot: QtBot, store: CacheStore,
                                              catalogs: Catalogs) -> None:
    shown = dialog(qtbot, store, FlowKind.CONTRACT)
    shown.show()
    button = shown.findChild(QPushButton, "contractOrdersButton")
    assert button is not None
    with qtbot.waitSignal(shown.contractOrdersRequested) as asked:
        button.click()
    assert asked.args == ["VT-10000001"]
    assert not shown.isVisible()


def test_a_cart_or_quote_has_no_contract_button(qtbot: QtBot, store: CacheStore,
                                                catalogs: Catalogs) -> None:
    for kind in (FlowKind.CART, FlowKind.QUOTE):
        assert dialog(qtbot, store, kind).findChild(QPushButton, "contractOrdersButton") is None


def test_the_window_lists_the_orders_on_the_contract_asked_for(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    cache = live_cache(tmp_path / "cache.sqlite3", count=0)
    try:
        orders.fill(cache.store, [records.order(1, contract_number="VT-10000001"),
                                  records.order(2, contract_number="VT-10000001"),
                                  records.order(3, contract_number="VT-10000099")])
        window = open_window(qtbot, cache, tmp_path / "orderdesk.ini", english=True)
        qtbot.waitUntil(lambda: len(ids_shown(window)) == 3, timeout=20_000)
        window.status_panel.contractOrdersRequested.emit("VT-10000001")
        qtbot.waitUntil(lambda: len(ids_shown(window)) == 2, timeout=20_000)
        assert window.search_edit.text() == "VT-10000001"
        window.close()
    finally:
        cache.close()


def test_the_dialog_shows_each_fact_whole(qtbot: QtBot, store: CacheStore,
                                          catalogs: Catalogs) -> None:
    """Every value gets the room its text needs (a wrapped label was cut off at the bottom)."""
    shown = dialog(qtbot, store, FlowKind.CONTRACT)
    shown.show()
    qtbot.waitExposed(shown)
    for label in shown.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.height() >= label.sizeHint().height(), label.text()
            assert label.width() >= label.sizeHint().width(), label.text()


def test_the_cart_names_its_author_not_a_user_id(qtbot: QtBot, store: CacheStore,
                                                 catalogs: Catalogs) -> None:
    shown = dialog(qtbot, store, FlowKind.CART)
    shown.show()
    assert support.shows(shown, "Max Nordmann")
    assert not support.shows(shown, "u-1")
