"""The order list's header menu (show/hide columns, reset the layout) and a view's columns
(order, hidden, widths) taken from and given to the header."""

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from desktop_app.gui.overview.column_fit import ColumnFit
from desktop_app.gui.overview.order_columns import OrderColumn, header_text
from desktop_app.gui.overview.views.store import ViewColumn

__all__ = ["FIXED", "HeaderMenu", "apply_columns", "capture_columns"]

FIXED = OrderColumn.ORDER_NUMBER  # always shown: it names the order


def capture_columns(table: QTableView, fit: ColumnFit) -> tuple[ViewColumn, ...]:
    """The columns left to right; widths only when they are the clerk's (not fitted)."""
    header = table.horizontalHeader()
    found = []
    for visual in range(header.count()):
        column = header.logicalIndex(visual)
        width = None if fit.active or header.isSectionHidden(column) else header.sectionSize(column)
        found.append(ViewColumn(column=column, hidden=header.isSectionHidden(column),
                                width=width))  # fmt: skip
    return tuple(found)


def apply_columns(table: QTableView, fit: ColumnFit, columns: Sequence[ViewColumn]) -> None:
    """Show `columns` in their order; unknown columns are skipped, the order number stays
    shown; without widths the columns are fitted to the list again."""
    header = table.horizontalHeader()
    known = [c for c in columns if 0 <= c.column < header.count()]
    for place, spec in enumerate(known):
        header.moveSection(header.visualIndex(spec.column), place)
    for spec in known:
        fit.set_hidden(OrderColumn(spec.column), spec.hidden and spec.column != FIXED)
    widths = {spec.column: spec.width for spec in known if spec.width is not None}
    if widths:
        fit.stop()
        for column, width in widths.items():
            header.resizeSection(column, width)
    else:
        fit.resume()


class HeaderMenu(QObject):
    """The header's context menu: a check per column (the order number cannot be hidden)
    and "Reset columns"."""

    def __init__(self, table: QTableView, fit: ColumnFit) -> None:
        super().__init__(table)
        self._table, self._fit = table, fit
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.popup)
        self.reset_action = QAction(self.tr("&Reset columns"), self)
        self.reset_action.setToolTip(self.tr("Show every column in its place, at its width"))
        self.reset_action.triggered.connect(fit.reset)

    def menu(self) -> QMenu:
        header = self._table.horizontalHeader()
        menu = QMenu(self._table)
        menu.setObjectName("headerMenu")
        menu.setToolTipsVisible(True)
        for visual in range(header.count()):
            column = OrderColumn(header.logicalIndex(visual))
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setData(int(column))
            if column == FIXED:
                action.setEnabled(False)
                action.setToolTip(self.tr("Always shown"))
            action.toggled.connect(
                lambda shown, hidden=column: self._fit.set_hidden(hidden, not shown))
        menu.addSeparator()
        menu.addAction(self.reset_action)
        return menu

    def popup(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._table.horizontalHeader().mapToGlobal(position))
