"""The main window's layout: default column widths, and what it keeps across starts
(geometry, dock state, splitter, header, sort and filters) in QSettings."""

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTabWidget,
)

from desktop_app.gui.common import screen_fit, stored
from desktop_app.gui.overview import window_settings as list_settings
from desktop_app.gui.overview.column_fit import ColumnFit
from desktop_app.gui.overview.filter_bar import FilterBar
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.gui.panels.status_badge import MARK_SIZE

__all__ = ["fit_panels", "restore_layout", "save_layout", "setup_order_table", "title_width"]

# Default column widths as sample texts (plus padding); the clerk's own widths are restored.
# The order number and the status have their marks (changed, status) before the text.
_SAMPLES = {
    OrderColumn.ORDER_NUMBER: "●  AU-00000000", OrderColumn.ORDER_DATE: "26.11.2026 18:00",
    OrderColumn.CUSTOMER: "Müller Elektro GmbH", OrderColumn.BUSINESS_TRANSACTION:
    "Produktwechsel", OrderColumn.PRODUCT: "Tengo Centraflex 50 Plätze",
    OrderColumn.STATUS: "●  In Bearbeitung", OrderColumn.CONTRACT_NUMBER: "VT-10000000",
    OrderColumn.LAST_CHANGE: "26.11.2026 18:00",
}  # fmt: skip
_WHOLE = (OrderColumn.ORDER_NUMBER, OrderColumn.ORDER_DATE, OrderColumn.CONTRACT_NUMBER)
# Shown whole too while the window allows (at 1400 px with the detail panel open).
_READABLE = (*_WHOLE, OrderColumn.LAST_CHANGE)
# The other columns' narrowest widths, in average characters (the status has its icon).
_MIN_CHARS = {
    OrderColumn.CUSTOMER: 14, OrderColumn.PRODUCT: 14, OrderColumn.STATUS: 12,
    OrderColumn.BUSINESS_TRANSACTION: 9, OrderColumn.LAST_CHANGE: 9,
}  # fmt: skip
_GEOMETRY, _WINDOW_STATE = "main_window/geometry", "main_window/state"
_SPLITTER, _HEADER = "main_window/splitter", "orders/header"
_WIDTHS_BY_HAND = "orders/column_widths_by_hand"  # else fitted to the list's width


def setup_order_table(table: QTableView) -> ColumnFit:
    """Row selection (several rows for the batch export), movable columns, default widths
    from sample texts fitted to the list's width (`ColumnFit`, until the clerk's own widths
    are restored or set). The model is installed already."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().hide()
    table.setIconSize(QSize(MARK_SIZE, MARK_SIZE))  # the marks' own size: no room wasted
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    bold = QFont(table.font())
    bold.setBold(True)  # a changed order's row is bold: its numbers and dates still fit
    cells, titles, whole = table.fontMetrics(), header.fontMetrics(), QFontMetrics(bold)
    chars = cells.averageCharWidth()
    model = table.model()
    preferred, minimums, rooms = {}, {}, {}
    for column, sample in _SAMPLES.items():
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        title = titles.horizontalAdvance(text)
        cell = (whole if column in _READABLE else cells).horizontalAdvance(sample)
        preferred[column] = max(cell, title + 16) + 20  # padding, and the sort arrow
        # Narrower, texts and titles elide; numbers and the order date are not cut.
        minimums[column] = cell + 8 if column in _WHOLE else chars * _MIN_CHARS[column]
        # Until the window is too narrow, no title is cut nor the last change's date.
        readable = cell + 8 if column in _READABLE else 0
        rooms[column] = (max(readable, title_width(header, column, text, False)),
                         max(readable, title_width(header, column, text, True)))
        header.resizeSection(column, preferred[column])
    header.setMinimumSectionSize(min(minimums.values()) // 2)
    return ColumnFit(table, preferred, minimums, rooms)


def title_width(header: QHeaderView, column: int, text: str, sorted_by: bool) -> int:
    """The section width at which `text` shows whole (beside the sort arrow when
    `sorted_by`), from the style's own label rectangle."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.section, option.text = column, text
    option.orientation = Qt.Orientation.Horizontal
    option.state |= QStyle.StateFlag.State_Horizontal
    option.rect = QRect(0, 0, 1000, max(header.sizeHint().height(), 20))
    option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown if sorted_by
                            else QStyleOptionHeader.SortIndicator.None_)
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
    return header.fontMetrics().horizontalAdvance(text) + 1000 - label.width() + 2


def fit_panels(tabs: QTabWidget) -> None:
    """The panels wrap instead of scrolling sideways: their scroll areas scroll only up and
    down and are at least as wide as their contents need (the splitter stops there)."""
    for area in tabs.findChildren(QScrollArea):
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        contents = area.widget()
        if contents is not None:
            frame = 2 * area.frameWidth()
            bar = area.verticalScrollBar().sizeHint().width()
            area.setMinimumWidth(contents.minimumSizeHint().width() + bar + frame)


def restore_layout(window: QMainWindow, splitter: QSplitter, table: QTableView,
                   filter_bar: FilterBar, settings: QSettings, scope: str,
                   column_fit: ColumnFit) -> None:
    """The clerk's last layout, sort and filters (defaults on a first start); sorting is
    switched on last, so the model sorts once, by the restored indicator. Filters come back
    only into the cache (`scope`) they were set in, and the filter bar says so."""
    screen_fit.restore_fitted(window, stored.load_state(settings, _GEOMETRY), QSize(1400, 900))
    if (state := stored.load_state(settings, _WINDOW_STATE)) is not None:
        window.restoreState(state)
    if (sizes := stored.load_state(settings, _SPLITTER)) is not None:
        splitter.restoreState(sizes)
    else:
        splitter.setSizes([900, 500])
    header = table.horizontalHeader()
    if (header_state := stored.load_state(settings, _HEADER)) is not None:
        header.restoreState(header_state)  # column order (and the clerk's widths)
        if settings.value(_WIDTHS_BY_HAND, True, bool):
            column_fit.stop()
        else:
            column_fit.resume()  # the widths were fitted: fit them to this window again
    column, order = list_settings.load_sort(settings, int(OrderColumn.ORDER_DATE))
    filter_bar.set_values(list_settings.load_filters(settings, scope))
    filter_bar.announce_restored()
    header.setSortIndicator(column, order)
    table.setSortingEnabled(True)


def save_layout(window: QMainWindow, splitter: QSplitter, table: QTableView,
                filter_bar: FilterBar, settings: QSettings, scope: str,
                column_fit: ColumnFit) -> None:
    stored.save_state(settings, _GEOMETRY, window.saveGeometry())
    stored.save_state(settings, _WINDOW_STATE, window.saveState())
    stored.save_state(settings, _SPLITTER, splitter.saveState())
    header = table.horizontalHeader()
    stored.save_state(settings, _HEADER, header.saveState())
    settings.setValue(_WIDTHS_BY_HAND, not column_fit.active)
    list_settings.save_sort(settings, header.sortIndicatorSection(), header.sortIndicatorOrder())
    list_settings.save_filters(settings, filter_bar.values(), scope)
    settings.sync()
