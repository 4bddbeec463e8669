"""The model under a real QTableView (offscreen): it paints, and header clicks sort in SQL."""

from desktop_app.cache.queries import OrderSortColumn
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.gui.overview.order_table_model import OrderTableModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.gui.conftest import CountingSource


def test_table_view_paints_and_sorts_through_the_model(
    model: OrderTableModel, source: CountingSource, qtbot: QtBot
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    pixmap = view.grab()
    assert not pixmap.isNull() and pixmap.width() == 1000
    assert 0 < model.cached_row_count <= 1000
    queries_before = source.id_queries
    view.sortByColumn(OrderColumn.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert source.id_queries == queries_before + 1
    assert model.query.sort.column is OrderSortColumn.CUSTOMER_NAME
    assert not model.query.sort.descending
    view.selectRow(3)
    chosen = model.order_id(3)
    view.sortByColumn(OrderColumn.CUSTOMER, Qt.SortOrder.DescendingOrder)
    assert model.order_id(view.currentIndex().row()) == chosen
    assert not view.grab().isNull()
