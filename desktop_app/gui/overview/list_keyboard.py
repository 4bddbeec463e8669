"""The overview's keys between the search field, the list and the detail tab: Down or Enter
in the search field moves into the list with its first row selected (Enter searches at once),
Enter on a listed order opens its details."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTableView

from desktop_app.gui.overview.filter_bar import FilterBar
from desktop_app.gui.overview.list_loader import OrderListLoader
from desktop_app.gui.overview.order_table_model import OrderTableModel


class ListKeyboard(QObject):
    def __init__(self, search: QLineEdit, table: QTableView, filter_bar: FilterBar,
                 loader: OrderListLoader, model: OrderTableModel,
                 open_details: Callable[[], bool]) -> None:
        """`open_details()` shows the current order's details; False when none is shown."""
        super().__init__(table)
        self._search, self._table, self._filter_bar = search, table, filter_bar
        self._loader, self._model, self._open_details = loader, model, open_details
        self._select_first = False  # Enter in the search: select the first row once listed
        table.installEventFilter(self)
        search.installEventFilter(self)
        loader.firstRowsShown.connect(self.select_first_listed)

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def enter_list(self, *, search_first: bool = False) -> None:
        """From the search field into the list, its first row selected; `search_first`
        (Enter): apply the typed text now, and select once the new list is there."""
        query = self._model.query
        if search_first:
            self._filter_bar.apply_now()
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._model.query != query:
            self._select_first = True  # the first rows land later (firstRowsShown)
        elif self._model.rowCount():
            self._loader.select_row(0)

    @Slot()
    def select_first_listed(self) -> None:
        if self._select_first and self._model.rowCount():
            self._select_first = False
            self._loader.select_row(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self._table and enter and self._open_details():
            return True
        if watched is self._search and (enter or event.key() == Qt.Key.Key_Down):
            self.enter_list(search_first=enter)
            return True
        return super().eventFilter(watched, event)
