"""The order-list model against a seeded cache: model rules, SQL sorting, filters, windows."""

from datetime import date, datetime

import pytest
from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.store import CacheStore
from desktop_app.domain.business_time import business_zone
from desktop_app.domain.enums import BusinessTransaction, OrderStatus, ProductFamily
from desktop_app.gui.overview.order_columns import OrderColumn, OrderLabels
from desktop_app.gui.overview.order_table_model import (
    BADGE_COLOR_ROLE,
    ORDER_ID_ROLE,
    ORDER_ROW_ROLE,
    OrderTableModel,
)
from desktop_app.gui.panels.status_badge import status_color
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui import orders
from tests.gui.conftest import CountingSource, check_model, model_ids

DESC = Qt.SortOrder.DescendingOrder
ASC = Qt.SortOrder.AscendingOrder


def test_model_passes_the_model_tester_through_sorts_filters_and_refreshes(
    model: OrderTableModel, qtmodeltester: ModelTester, seeded: CacheStore
) -> None:
    check_model(qtmodeltester, model)
    fatal = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for column in OrderColumn:
        model.sort(column, DESC)
    model.set_filter(OrderFilter(statuses=frozenset({OrderStatus.RECEIVED.value})))
    model.set_filter(OrderFilter(text="Müller"))
    model.set_filter(OrderFilter())
    model.refresh()
    assert fatal.model() is model  # (a broken model rule would have aborted before)
    assert model_ids(model) == page_ids(seeded, OrderFilter(), model.query.sort)


def test_english_model_passes_the_model_tester(
    qapp: object, source: CountingSource, seeded: CacheStore, qtmodeltester: ModelTester
) -> None:
    with seeded.session() as session:
        model = OrderTableModel(source, OrderLabels.load(session, "en"))
    model.reload()
    check_model(qtmodeltester, model)
    assert model.data(model.index(0, OrderColumn.STATUS)) in {"Received", "In processing",
                                                              "Completed"}  # fmt: skip


def page_ids(store: CacheStore, order_filter: OrderFilter, sort: OrderSort) -> list[str]:
    with store.session() as session:
        return [row.id for row in queries.order_page(session, order_filter, sort, 0, 10**6)]


@pytest.mark.parametrize("column", list(OrderColumn))
@pytest.mark.parametrize("order", [ASC, DESC])
def test_sorting_each_column_matches_the_cache_order(
    model: OrderTableModel, seeded: CacheStore, column: OrderColumn, order: Qt.SortOrder
) -> None:
    model.sort(column, order)
    assert model.query.sort.descending is (order == DESC)
    assert model_ids(model) == page_ids(seeded, OrderFilter(), model.query.sort)
    assert len(model_ids(model)) == 300


def test_default_and_unsorted_is_newest_first(model: OrderTableModel, seeded: CacheStore) -> None:
    assert model.query.sort == OrderSort(OrderSortColumn.CREATED_AT, descending=True)
    model.sort(OrderColumn.CUSTOMER, ASC)
    model.sort(-1, ASC)
    assert model_ids(model) == page_ids(seeded, OrderFilter(), OrderSort())


def test_english_product_column_sorts_by_english_name(qapp: object, source: CountingSource) -> None:
    model = OrderTableModel(source, OrderLabels("en", {}, {}, {}))
    model.sort(OrderColumn.PRODUCT, ASC)
    assert model.query.sort.column is OrderSortColumn.PRODUCT_NAME_EN


FILTERS = [
    OrderFilter(statuses=frozenset({OrderStatus.IN_PROCESSING.value})),
    OrderFilter(statuses=frozenset({OrderStatus.RECEIVED.value, OrderStatus.COMPLETED.value})),
    OrderFilter(transactions=frozenset({BusinessTransaction.REORDER.value})),
    OrderFilter(families=frozenset({ProductFamily.IPFONIE.value})),
    OrderFilter(date_from=date(2025, 3, 1), date_to=date(2025, 6, 30)),
    OrderFilter(created_by="u-2"),
    OrderFilter(text="Schröder"),
    OrderFilter(text="VT-1000001"),
    OrderFilter(text="sip trunk"),
    OrderFilter(text="AU-00000042"),
    OrderFilter(text="Wolf", statuses=frozenset({OrderStatus.COMPLETED.value}),
                created_by="u-1"),
    OrderFilter(text="nothing-like-this"),
]  # fmt: skip


@pytest.mark.parametrize("order_filter", FILTERS)
def test_filter_changes_rows_to_the_matching_orders(
    model: OrderTableModel, seeded: CacheStore, qtbot: QtBot, order_filter: OrderFilter
) -> None:
    with seeded.session() as session:
        expected_count = queries.count_orders(session, order_filter)
    assert 0 <= expected_count < 300
    with qtbot.wait_signal(model.countChanged) as blocker:
        model.set_filter(order_filter)
    assert blocker.args == [expected_count]
    assert model.rowCount() == model.matching_count == expected_count
    assert model_ids(model) == page_ids(seeded, order_filter, model.query.sort)


def test_filter_and_sort_combine(model: OrderTableModel, seeded: CacheStore) -> None:
    order_filter = OrderFilter(families=frozenset({ProductFamily.INTERNET.value}))
    model.set_filter(order_filter)
    model.sort(OrderColumn.CONTRACT_NUMBER, ASC)
    assert model_ids(model) == page_ids(seeded, order_filter, model.query.sort)


def test_rows_are_fetched_lazily_in_windows_into_a_bounded_cache(
    qapp: object, store: CacheStore, labels: OrderLabels
) -> None:
    orders.fill(store, orders.generated(5000))
    source = CountingSource(store)
    model = OrderTableModel(source, labels, window=200, max_cached_rows=600)
    model.reload()
    assert model.rowCount() == 5000
    assert model.cached_row_count == 0 and source.rows_fetched == 0
    for row in (0, 1, 150, 2500, 2600, 4999, 4900, 1000, 3700, 0, 10):
        assert model.data(model.index(row, OrderColumn.ORDER_NUMBER)).startswith("AU-")
        assert model.cached_row_count <= 600
    assert source.id_queries == 1
    assert source.rows_fetched <= 8 * 200  # windows, never the whole list
    fetched = source.rows_fetched
    model.data(model.index(10, OrderColumn.CUSTOMER))  # still cached: no query
    assert source.rows_fetched == fetched


def row_of_number(model: OrderTableModel, number: int) -> int:
    row = model.row_of(f"order-{number:06d}")
    assert row is not None
    return row


def test_display_texts_in_german(store: CacheStore, qapp: object) -> None:
    evening = datetime(2026, 11, 26, 18, 0, tzinfo=business_zone())  # the app shows Berlin time
    orders.fill(store, [
        records.order(1, created_at=evening, contract_number=None,
                             status=OrderStatus.IN_PROCESSING,
                      ).model_copy(update={"clearing_note": None}),  # no clearing case
        records.order(2, contract_number="VT-10000002",
                             transaction=BusinessTransaction.REORDER,
                             product_code="ipfonie-trunk-30"),
    ])  # fmt: skip
    with store.session() as session:
        model = OrderTableModel(CountingSource(store), OrderLabels.load(session, "de"))
    model.reload()
    first, second = row_of_number(model, 1), row_of_number(model, 2)

    def text(row: int, column: OrderColumn) -> object:
        return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    assert text(first, OrderColumn.ORDER_NUMBER) == "AU-00000001"
    assert text(first, OrderColumn.ORDER_DATE) == "26.11.2026 18:00"
    assert text(first, OrderColumn.LAST_CHANGE) == "26.11.2026 18:05"
    assert text(first, OrderColumn.CUSTOMER) == "Müller Elektro GmbH"
    assert text(first, OrderColumn.STATUS) == "In Bearbeitung"
    assert text(first, OrderColumn.CONTRACT_NUMBER) == "not yet assigned"  # English source
    assert text(second, OrderColumn.CONTRACT_NUMBER) == "VT-10000002"
    assert text(second, OrderColumn.BUSINESS_TRANSACTION) == "GV reorder"
    assert text(second, OrderColumn.PRODUCT) == "IPfonie SIP-Trunk 30 Kanäle"
    tip = model.data(model.index(first, OrderColumn.STATUS), Qt.ItemDataRole.ToolTipRole)
    assert tip == "In Bearbeitung: Der Auftrag wird bearbeitet."
    tip = model.data(model.index(first, OrderColumn.CONTRACT_NUMBER),
                     Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "contract number" in tip
    assert model.headerData(OrderColumn.CONTRACT_NUMBER, Qt.Orientation.Horizontal) == (
        "Contract number"
    )


def test_labels_fall_back_to_codes_without_a_catalog(qapp: object, store: CacheStore) -> None:
    orders.fill(store, [records.order(1)])
    model = OrderTableModel(CountingSource(store), OrderLabels("de", {}, {}, {}))
    model.reload()
    assert model.data(model.index(0, OrderColumn.STATUS)) == "received"
    assert model.data(model.index(0, OrderColumn.BUSINESS_TRANSACTION)) == "new_order"


def test_edit_role_gives_raw_sortable_values(model: OrderTableModel, seeded: CacheStore) -> None:
    row = 17
    listed: OrderListRow = model.data(model.index(row, 0), ORDER_ROW_ROLE)
    assert model.data(model.index(row, 3), ORDER_ID_ROLE) == listed.id
    with seeded.session() as session:
        assert queries.order_rows_by_ids(session, [listed.id])[listed.id] == listed

    def raw(column: OrderColumn) -> object:
        return model.data(model.index(row, column), Qt.ItemDataRole.EditRole)

    assert raw(OrderColumn.ORDER_NUMBER) == listed.order_number
    assert raw(OrderColumn.ORDER_DATE) == listed.created_at
    assert isinstance(raw(OrderColumn.ORDER_DATE), datetime)
    assert raw(OrderColumn.CUSTOMER) == listed.customer_name
    assert raw(OrderColumn.BUSINESS_TRANSACTION) == listed.business_transaction.value
    assert raw(OrderColumn.PRODUCT) == listed.product_name_de
    assert raw(OrderColumn.STATUS) == listed.status.value
    assert raw(OrderColumn.CONTRACT_NUMBER) == listed.contract_number
    assert raw(OrderColumn.LAST_CHANGE) == listed.updated_at


def test_status_badge_colour_and_icon(model: OrderTableModel) -> None:
    index = model.index(0, OrderColumn.STATUS)
    listed: OrderListRow = model.data(index, ORDER_ROW_ROLE)
    assert model.data(index, BADGE_COLOR_ROLE) == status_color(listed.status)
    icon = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert model.data(model.index(0, OrderColumn.CUSTOMER), BADGE_COLOR_ROLE) is None
    assert len({status_color(status).name() for status in OrderStatus}) == 3


def test_first_rows_then_the_whole_list_appends_and_keeps_the_view(
    qapp: object, source: CountingSource, labels: OrderLabels, qtmodeltester: ModelTester,
    qtbot: QtBot,
) -> None:
    shown: list[str] = []
    model = OrderTableModel(source, labels, id_loader=lambda _query: None)
    check_model(qtmodeltester, model)
    query = model.query
    full = source.order_ids(query)
    first = source.order_ids(query, 20)
    assert first == full[:20]  # the first rows are the list's prefix, in the same order
    assert model.apply_ids(first, query, partial=True)
    assert model.is_partial and model.rowCount() == 20
    current = model.index(5, 0)
    kept = model.data(current, ORDER_ID_ROLE)
    persistent = QPersistentModelIndex(current)
    model.modelReset.connect(lambda: shown.append("reset"))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.apply_ids(full, query)
    assert inserted.args is not None and inserted.args[1:] == [20, len(full) - 1]
    assert not model.is_partial and model.rowCount() == len(full)
    assert shown == [] and persistent.isValid() and persistent.data(ORDER_ID_ROLE) == kept


def test_a_complete_list_that_grows_is_not_taken_for_the_rest_of_a_partial_one(
    qapp: object, source: CountingSource, labels: OrderLabels
) -> None:
    """After a sync, a list that only grew at the end still re-reads the shown rows (their
    status may have changed): the append shortcut is for the rest of first rows only."""
    model = OrderTableModel(source, labels, id_loader=lambda _query: None)
    full = source.order_ids(model.query)
    assert model.apply_ids(full[:-3], model.query)
    model.data(model.index(0, 0))  # materialize a window
    assert model.cached_row_count > 0
    assert model.apply_ids(full, model.query)
    assert model.rowCount() == len(full) and model.cached_row_count == 0


def test_first_rows_of_a_search_match_the_whole_list(seeded: CacheStore) -> None:
    """The first-rows query walks the sort index (`+row_id`): same rows, same order."""
    for text_filter in ("m", "AU-00", "Müller", "zzzz"):
        for sort in (OrderSort(), OrderSort(OrderSortColumn.CUSTOMER_NAME, descending=False)):
            with seeded.session() as session:
                order_filter = OrderFilter(text=text_filter)
                full = queries.order_ids(session, order_filter, sort)
                assert queries.order_ids(session, order_filter, sort, 25) == full[:25]
