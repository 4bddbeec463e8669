"""Issue 12, item 7: an order on an existing contract (a product change, a reorder, ...) shows
that contract in the flow strip and in the detail panel while it is processed — not
"Vertrag / keines" and "noch nicht vergeben"."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.records import OrderDetail
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from desktop_app.gui.common.forms import child
from desktop_app.gui.panels import FlowKind, OrderDetailPanel, OrderStatusPanel
from desktop_app.gui.panels.flow import FlowStrip, flow_steps
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui.panels import support

CHANGE, REORDER, UNCACHED, NEW = "order-000011", "order-000012", "order-000013", "order-000014"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    for opened in records.open_store(tmp_path / "contracts.sqlite3"):
        support.fill(opened)

        def on_contract(number: int, transaction: BusinessTransaction,
                        contract_id: str) -> object:  # fmt: skip
            order = records.order(number, status=OrderStatus.IN_PROCESSING,
                                  transaction=transaction)  # fmt: skip
            return order.model_copy(update={"contract_id": contract_id})

        models = [
            on_contract(11, BusinessTransaction.PRODUCT_CHANGE, "contract-VT-10000001"),
            on_contract(12, BusinessTransaction.REORDER, "contract-VT-10000001"),
            on_contract(13, BusinessTransaction.CONTRACT_EXTENSION, "contract-VT-99999999"),
            records.order(14, status=OrderStatus.IN_PROCESSING),
        ]
        writer.apply_page(opened, records.upserts(models), [], "c2")  # type: ignore[arg-type]
        yield opened


def _detail(store: CacheStore, order_id: str) -> OrderDetail:
    detail = support.detail(store, order_id)
    assert detail.contract_number is None  # not processed yet
    return detail


def _catalogs(store: CacheStore) -> support.Catalogs:
    with store.session() as session:
        return queries.statuses(session), queries.business_transactions(session)


def _contract_row(panel: OrderDetailPanel) -> str:
    return child(panel, QLabel, "contractValue").text()


def test_a_product_change_shows_the_contract_it_changes(store: CacheStore, qtbot: QtBot) -> None:
    detail = _detail(store, CHANGE)
    step = next(s for s in flow_steps(detail) if s.kind is FlowKind.CONTRACT)
    assert step.number == "VT-10000001" and step.cached
    strip = FlowStrip()
    qtbot.addWidget(strip)
    strip.show_flow(detail)
    text = strip.button(FlowKind.CONTRACT).text()
    assert "VT-10000001" in text and "none" not in text and "not yet" not in text
    assert "existing" in strip.button(FlowKind.CONTRACT).toolTip()
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(detail, *_catalogs(store), "de")
    row = _contract_row(panel)
    assert row.startswith("VT-10000001") and "new number" in row


def test_a_reorder_shows_its_contract(store: CacheStore, qtbot: QtBot) -> None:
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(_detail(store, REORDER), *_catalogs(store), "de")
    assert _contract_row(panel) == "VT-10000001 (existing contract)"
    status = OrderStatusPanel()
    qtbot.addWidget(status)
    status.show_order(_detail(store, REORDER), *_catalogs(store), "de")
    assert support.shows(status, "VT-10000001")


def test_an_existing_contract_not_in_the_cache_says_so(store: CacheStore, qtbot: QtBot) -> None:
    detail = _detail(store, UNCACHED)
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(detail, *_catalogs(store), "de")
    assert _contract_row(panel) == "existing contract, not in the local cache"
    strip = FlowStrip()
    qtbot.addWidget(strip)
    strip.show_flow(detail)
    assert "not yet" not in strip.button(FlowKind.CONTRACT).text()


def test_a_new_order_still_waits_for_its_number(store: CacheStore, qtbot: QtBot) -> None:
    detail = support.detail(store, NEW)
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(detail, *_catalogs(store), "de")
    assert _contract_row(panel) == "not yet assigned"
    strip = FlowStrip()
    qtbot.addWidget(strip)
    strip.show_flow(detail)
    assert "not yet assigned" in strip.button(FlowKind.CONTRACT).text()
