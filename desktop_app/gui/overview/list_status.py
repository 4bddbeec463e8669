"""What the order list says about itself: the count above it, and instead of an empty table
a text that tells why it is empty (nothing synced yet, or the filters hide everything)."""

from collections.abc import Mapping

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView

from desktop_app.gui.overview.filter_bar import FilterBar

__all__ = ["ListStatus"]


class ListStatus(QObject):
    def __init__(self, count_label: QLabel, pages: QStackedWidget, table: QTableView,
                 empty_label: QLabel, filter_bar: FilterBar, locale: QLocale) -> None:
        super().__init__(count_label)
        self._count, self._pages, self._table = count_label, pages, table
        self._empty, self._filter_bar, self._locale = empty_label, filter_bar, locale

    def counting(self) -> None:
        """The first rows are shown; the count follows from a worker."""
        self._count.setText(self.tr("Counting orders…"))
        self.show_table()

    def show_table(self) -> None:
        self._pages.setCurrentWidget(self._table)

    def update(self, count: int, counts: Mapping[str, int] | None = None) -> None:
        """`count` matching orders; the filter bar's status counts when given."""
        number = self._locale.toString(count)
        self._count.setText(
            self.tr("1 order") if count == 1 else self.tr("%1 orders").replace("%1", number))
        if counts is not None:
            self._filter_bar.set_status_counts(counts, self._locale.toString)
        if count:
            self.show_table()
            return
        if self._filter_bar.is_default():
            self._empty.setText(self.tr(
                "The local cache holds no orders yet.\nThey appear after the first "
                "synchronization (F5)."))
        else:
            self._empty.setText(self.tr(
                "No orders match the filters.\nChange them or reset the filters."))
        self._pages.setCurrentWidget(self._empty)
