"""New ids after a sync or in a worker: selection and current index follow their orders."""

from datetime import timedelta

from desktop_app.cache import queries, writer
from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.store import CacheStore
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.orders import OrderOut
from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.overview.order_columns import OrderColumn, OrderLabels
from desktop_app.gui.overview.order_source import OrderQuery
from desktop_app.gui.overview.order_table_model import ORDER_ID_ROLE, OrderTableModel
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui import orders
from tests.gui.conftest import SEEDED, CountingSource, check_model, model_ids

ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
KEEP = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


def select(selection: QItemSelectionModel, model: OrderTableModel, *order_ids: str) -> None:
    for n, order_id in enumerate(order_ids):
        row = model.row_of(order_id)
        assert row is not None
        selection.select(model.index(row, 0), ROWS if n == 0 else KEEP)
    last = model.row_of(order_ids[-1])
    assert last is not None
    selection.setCurrentIndex(model.index(last, 2), QItemSelectionModel.SelectionFlag.NoUpdate)


def selected_ids(selection: QItemSelectionModel) -> list[str]:
    return sorted(str(index.data(ORDER_ID_ROLE)) for index in selection.selectedRows())


def current_id(selection: QItemSelectionModel) -> object:
    return selection.currentIndex().data(ORDER_ID_ROLE)


def sync(store: CacheStore, *changed: OrderOut) -> None:
    writer.apply_page(store, records.upserts(list(changed)), [], "next")


def changed_status(order: OrderOut, status: OrderStatus) -> OrderOut:
    return order.model_copy(
        update={"status": status, "updated_at": order.updated_at + timedelta(days=3)}
    )


def pick(status: OrderStatus, skip: int = 0) -> OrderOut:
    return [o for o in orders.generated(SEEDED) if o.status is status][skip]


def test_status_change_under_status_sort_moves_the_row_and_keeps_selection(
    model: OrderTableModel, seeded: CacheStore, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    check_model(qtmodeltester, model)
    model.sort(OrderColumn.STATUS, Qt.SortOrder.AscendingOrder)
    selection = QItemSelectionModel(model)
    order, neighbour = pick(OrderStatus.RECEIVED), pick(OrderStatus.IN_PROCESSING)
    select(selection, model, neighbour.id, order.id)
    row_before = model.row_of(order.id)
    sync(seeded, changed_status(order, OrderStatus.COMPLETED))
    with qtbot.assert_not_emitted(model.modelReset), qtbot.wait_signal(model.layoutChanged):
        model.refresh()
    assert model.row_of(order.id) != row_before
    assert selected_ids(selection) == sorted([order.id, neighbour.id])
    assert current_id(selection) == order.id
    assert selection.currentIndex().column() == 2
    row = model.row_of(order.id)
    assert row is not None
    assert model.data(model.index(row, OrderColumn.STATUS)) == "Abgeschlossen"
    assert model_ids(model) == queries_ids(seeded, model.query)


def queries_ids(store: CacheStore, query: OrderQuery) -> list[str]:
    with store.session() as session:
        return queries.order_ids(session, query.order_filter, query.sort)


def test_status_change_in_place_updates_the_row_and_keeps_selection(
    model: OrderTableModel, seeded: CacheStore, qtbot: QtBot
) -> None:
    selection = QItemSelectionModel(model)
    order = pick(OrderStatus.RECEIVED, 3)
    select(selection, model, order.id)
    row = model.row_of(order.id)
    assert row is not None and model.data(model.index(row, 5)) == "Eingegangen"
    sync(seeded, changed_status(order, OrderStatus.IN_PROCESSING))
    with qtbot.assert_not_emitted(model.layoutChanged), qtbot.wait_signal(model.dataChanged):
        model.refresh()
    assert model.row_of(order.id) == row
    assert model.data(model.index(row, 5)) == "In Bearbeitung"
    assert selected_ids(selection) == [order.id]
    assert current_id(selection) == order.id


def test_order_leaving_the_filter_is_removed_and_others_stay_selected(
    model: OrderTableModel, seeded: CacheStore, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    check_model(qtmodeltester, model)
    model.set_filter(OrderFilter(statuses=frozenset({OrderStatus.RECEIVED.value})))
    selection = QItemSelectionModel(model)
    leaving, staying = pick(OrderStatus.RECEIVED, 1), pick(OrderStatus.RECEIVED, 2)
    select(selection, model, leaving.id, staying.id)
    count = model.rowCount()
    sync(seeded, changed_status(leaving, OrderStatus.IN_PROCESSING))
    with qtbot.wait_signal(model.countChanged) as counted, \
            qtbot.assert_not_emitted(model.modelReset):  # fmt: skip
        model.refresh()
    assert counted.args == [count - 1]
    assert model.row_of(leaving.id) is None
    assert selected_ids(selection) == [staying.id]
    assert current_id(selection) == staying.id


def test_new_orders_are_inserted_and_selection_follows(
    model: OrderTableModel, seeded: CacheStore, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    check_model(qtmodeltester, model)
    selection = QItemSelectionModel(model)
    order = pick(OrderStatus.COMPLETED, 4)
    select(selection, model, order.id)
    row = model.row_of(order.id)
    assert row is not None
    newest = records.order(9001, created_at=orders.START + timedelta(days=900))
    with qtbot.wait_signal(model.rowsInserted), qtbot.assert_not_emitted(model.modelReset):
        sync(seeded, newest)
        model.refresh()
    assert model.row_of(newest.id) == 0
    assert model.row_of(order.id) == row + 1
    assert selected_ids(selection) == [order.id]
    assert current_id(selection) == order.id
    assert model.matching_count == SEEDED + 1


def test_ids_changed_in_many_places_reset_the_model(
    model: OrderTableModel, seeded: CacheStore, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    check_model(qtmodeltester, model)
    with qtbot.wait_signal(model.modelReset):
        model.set_filter(OrderFilter(text="Müller"))
    assert model_ids(model) == queries_ids(seeded, model.query)


def test_an_id_loader_runs_the_query_elsewhere_and_stale_results_are_dropped(
    qapp: object, source: CountingSource, labels: OrderLabels, qtbot: QtBot
) -> None:
    requested: list[OrderQuery] = []
    model = OrderTableModel(source, labels, id_loader=requested.append)
    model.set_filter(OrderFilter(created_by="u-1"))
    model.sort(OrderColumn.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert source.id_queries == 0 and model.rowCount() == 0
    assert [q.order_filter.created_by for q in requested] == ["u-1", "u-1"]
    stale, current = requested
    assert not model.apply_ids(source.order_ids(stale), stale)  # the clerk sorted meanwhile
    assert model.rowCount() == 0
    ids = source.order_ids(current)
    with qtbot.wait_signal(model.countChanged):
        assert model.apply_ids(ids, current)
    assert model_ids(model) == ids
    model.refresh()
    assert requested[-1] == current


def test_a_vanished_order_shows_empty_until_the_next_refresh(
    model: OrderTableModel, seeded: CacheStore
) -> None:
    gone = model.order_id(5)
    assert gone is not None
    writer.apply_page(seeded, [], [(ChangeKind.ORDER, gone)], "next")
    assert model.data(model.index(5, 0)) is None
    assert model.data(model.index(5, 0), ORDER_ID_ROLE) == gone
    model.refresh()
    assert model.row_of(gone) is None
