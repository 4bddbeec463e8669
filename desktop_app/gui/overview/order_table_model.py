"""The order overview's model: the ordered ids of the matching orders, rows fetched by window.

Like Anki's browser table it never holds all orders as objects: the cache returns the ids for
the current filter and sort (sorting is an SQL ORDER BY, there is no proxy model), and `data()`
fetches a window of rows around the row asked for into a bounded LRU cache.

The id query is the heavy part (50-90 ms for 100,000 orders). By default the model runs it
synchronously (`reload`); give it an `id_loader` and it only asks for ids, and whoever runs
the query (a worker) hands the result back through `apply_ids` with the query it answered.

Installing new ids keeps views stable: removed rows go out with removeRows signals, a new
order moves rows with a layout change (persistent indexes remapped by order id, so selection
and current index follow their orders), new rows come in with insertRows. Only when the ids
changed in many places does the model reset instead.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon

from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.records import OrderListRow
from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.common.formatting import datetime_format, format_datetime, locale_for
from desktop_app.gui.overview.order_columns import (
    OrderColumn,
    OrderLabels,
    changed_hint,
    clearing_case,
    clearing_hint,
    contract_pending_hint,
    header_text,
    not_yet_assigned,
    raw_value,
    sort_column,
)
from desktop_app.gui.overview.order_source import OrderQuery, OrderSource
from desktop_app.gui.overview.row_cache import RowCache
from desktop_app.gui.panels.status_badge import (
    blank_icon,
    changed_icon,
    clearing_color,
    clearing_icon,
    status_color,
    status_icon,
)

__all__ = [
    "BADGE_COLOR_ROLE",
    "ORDER_ID_ROLE",
    "ORDER_ROW_ROLE",
    "IdLoader",
    "OrderTableModel",
]

ORDER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # str: the order id
ORDER_ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # OrderListRow
BADGE_COLOR_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # QColor of the status (status column)

IdLoader = Callable[[OrderQuery], None]
Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NUMBER = int(OrderColumn.ORDER_NUMBER)  # where a changed order's mark is
_STATUS = int(OrderColumn.STATUS)
_CONTRACT = int(OrderColumn.CONTRACT_NUMBER)
_COLUMNS = tuple(OrderColumn)
_MAX_CHANGED = 256  # more inserted + removed ids than this: reset instead
_MAX_RUNS = 32  # more separate inserted/removed runs than this: reset instead
_MAX_LOOKUPS = 32  # persistent indexes on more orders than this: map all ids at once
_ROOT = QModelIndex()
_CLEARING_ICON = "clearing"
_CHANGED_ICON, _BLANK_ICON = "changed", "blank"


@dataclass(slots=True)
class _Entry:
    row: OrderListRow
    texts: tuple[str, ...] | None = None  # formatted when first shown (dates cost ~50 µs)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class OrderTableModel(QAbstractTableModel):
    countChanged = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(
        self,
        source: OrderSource,
        labels: OrderLabels,
        *,
        locale: QLocale | None = None,
        id_loader: IdLoader | None = None,
        window: int = 200,
        max_cached_rows: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._labels = labels
        self._locale = locale or locale_for(labels.language)
        self._pattern = datetime_format(self._locale)
        self._unassigned = not_yet_assigned()
        self._clearing = clearing_case()
        self._id_loader = id_loader
        self._window = window
        self._rows: RowCache[_Entry] = RowCache(max(max_cached_rows, window))
        self._icons: dict[OrderStatus | str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._ids: list[str] = []
        self._positions: dict[str, int] | None = None
        self._query = OrderQuery()
        self._requested = False  # ids asked for at least once
        self._partial = False  # see `is_partial`

    # --- what is shown -------------------------------------------------------------------

    @property
    def query(self) -> OrderQuery:
        return self._query

    @property
    def matching_count(self) -> int:
        return len(self._ids)

    @property
    def cached_row_count(self) -> int:
        """How many rows are materialized (bounded by `max_cached_rows`)."""
        return len(self._rows)

    def set_filter(self, order_filter: OrderFilter) -> None:
        self._change_query(replace(self._query, order_filter=order_filter))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL; column -1 (a view's "unsorted") is the default: newest first."""
        if 0 <= column < len(_COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            new_sort = OrderSort(sort_column(_COLUMNS[column], self._labels.language), descending)
        else:
            new_sort = OrderSort()
        self._change_query(replace(self._query, sort=new_sort))

    def refresh(self) -> None:
        """Re-read the ids (after a sync); selection and current index follow their orders."""
        self._request_ids()

    def reload(self) -> None:
        """Run the id query now, on this thread (tests, small caches, the first paint)."""
        query = self._query
        self.apply_ids(self._source.order_ids(query), query)

    @property
    def is_partial(self) -> bool:
        """Only the first rows of the list are installed; the rest is on its way."""
        return self._partial

    def apply_ids(
        self, ids: list[str], query: OrderQuery | None = None, *, partial: bool = False
    ) -> bool:
        """Install ids computed elsewhere; a result for another query than the current one
        (the clerk typed on) is dropped and False returned. The model keeps the list.

        `partial`: only the first rows (painted at once); the full list for the same query
        follows and is appended without disturbing views when it extends them."""
        if query is not None and query != self._query:
            return False
        was_partial, self._partial = self._partial, partial
        old_count = len(self._ids)
        if was_partial and len(ids) > old_count and ids[:old_count] == self._ids:
            self.beginInsertRows(_ROOT, old_count, len(ids) - 1)
            self._ids, self._positions = ids, None
            self.endInsertRows()
            self.countChanged.emit(len(ids))
            return True
        self._rows.clear()
        self._install(ids)
        if len(ids) != old_count:
            self.countChanged.emit(len(ids))
        return True

    def set_labels(self, labels: OrderLabels, locale: QLocale | None = None) -> None:
        """Switch the UI language: labels, formats and headers (the product sorts anew)."""
        self._labels = labels
        self._locale = locale or locale_for(labels.language)
        self._pattern = datetime_format(self._locale)
        self._unassigned = not_yet_assigned()
        self._clearing = clearing_case()
        self._rows.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        self._emit_all_changed()

    def row_of(self, order_id: str) -> int | None:
        if self._positions is None:
            self._positions = {oid: row for row, oid in enumerate(self._ids)}
        return self._positions.get(order_id)

    def order_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _change_query(self, query: OrderQuery) -> None:
        # A view's header click sorts twice (QTableView.sortByColumn): one query is enough.
        if query == self._query and self._requested:
            return
        self._query = query
        self._request_ids()

    def _request_ids(self) -> None:
        self._requested = True
        if self._id_loader is None:
            self.reload()
        else:
            self._id_loader(self._query)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            if role == _DISPLAY:
                return header_text(_COLUMNS[section])
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ORDER_ID_ROLE:
            return self._ids[row]
        entry = self._entry(row)
        if entry is None:
            return None
        if role == _DISPLAY:
            return self._texts_of(entry)[column]
        if role == _EDIT:
            return raw_value(entry.row, _COLUMNS[column], self._labels.language)
        if role == ORDER_ROW_ROLE:
            return entry.row
        if role == _TOOLTIP:
            return self._tooltip(entry, column)
        if role == _FONT:
            return self._bold if entry.row.changed else None
        if column == _NUMBER and role == _DECORATION:
            return self._mark(entry.row.changed)
        if column == _STATUS:
            if role == BADGE_COLOR_ROLE:
                return clearing_color() if entry.row.clearing else status_color(entry.row.status)
            if role == _DECORATION:
                return self._icon(entry.row)
        return None

    # --- rows ---------------------------------------------------------------------------

    def _entry(self, row: int) -> _Entry | None:
        order_id = self._ids[row]
        entry = self._rows.get(order_id)
        if entry is None and not self._rows.knows(order_id):
            start = max(0, min(row - self._window // 2, len(self._ids) - self._window))
            self._rows.fill(self._ids[start : start + self._window], self._load)
            entry = self._rows.get(order_id)
        return entry

    def _load(self, ids: Sequence[str]) -> dict[str, _Entry]:
        return {oid: _Entry(row) for oid, row in self._source.rows_by_ids(ids).items()}

    def _texts_of(self, entry: _Entry) -> tuple[str, ...]:
        if entry.texts is None:
            entry.texts = self._texts(entry.row)
        return entry.texts

    def _texts(self, row: OrderListRow) -> tuple[str, ...]:
        labels, locale, pattern = self._labels, self._locale, self._pattern
        unassigned = self._unassigned
        product = row.product_name_en if labels.language == "en" else row.product_name_de
        return (
            row.order_number,
            format_datetime(locale, row.created_at, pattern),
            row.customer_name,
            labels.transaction(row.business_transaction.value),
            product,
            self._clearing if row.clearing else labels.status(row.status.value),
            row.contract_number or unassigned,
            format_datetime(locale, row.updated_at, pattern),
        )

    def _tooltip(self, entry: _Entry, column: int) -> str:
        if column == _NUMBER and entry.row.changed:
            return f"{entry.row.order_number}\n{changed_hint()}"
        if column == _STATUS:
            explanation = self._labels.explanation(entry.row.status.value)
            label = self._labels.status(entry.row.status.value)
            text = f"{label}: {explanation}" if explanation else label
            return f"{text}\n{clearing_hint()}" if entry.row.clearing else text
        if column == _CONTRACT and entry.row.contract_number is None:
            return contract_pending_hint()
        return self._texts_of(entry)[column]

    def _mark(self, changed: bool) -> QIcon:
        key = _CHANGED_ICON if changed else _BLANK_ICON
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = changed_icon() if changed else blank_icon()
        return icon

    def mark_seen(self, order_id: str) -> bool:
        """The clerk opened the order: its row loses the "changed" mark in place (one
        dataChanged). False when the row is not listed or was not marked."""
        row = self.row_of(order_id)
        entry = self._rows.get(order_id)
        if row is None or entry is None or not entry.row.changed:
            return False
        entry.row = replace(entry.row, changed=False)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1),
                              [_FONT, _DECORATION, _TOOLTIP])
        return True

    def is_changed(self, order_id: str) -> bool:
        """The listed order is marked changed (its row is fetched, as for a paint)."""
        row = self.row_of(order_id)
        entry = self._entry(row) if row is not None else None
        return entry is not None and entry.row.changed

    def _icon(self, row: OrderListRow) -> QIcon:
        key = _CLEARING_ICON if row.clearing else row.status
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = clearing_icon() if row.clearing else status_icon(row.status)
        return icon

    # --- installing new ids -------------------------------------------------------------------

    def _install(self, new: list[str]) -> None:
        # Set operations and list.index run in C: for 100,000 ids a Python loop over the
        # lists cost more than the id query itself.
        old = self._ids
        if not old or not new or abs(len(new) - len(old)) > _MAX_CHANGED:
            self._reset(new)  # (without building sets of 100,000 ids first: ~15 ms)
            return
        if new == old:
            self._ids = new
            self._emit_all_changed()
            return
        old_set, new_set = set(old), set(new)
        gone, came = old_set - new_set, new_set - old_set
        if len(gone) + len(came) > _MAX_CHANGED:
            self._reset(new)
            return
        removed = _runs(sorted(old.index(oid) for oid in gone))
        added = _runs(sorted(new.index(oid) for oid in came))
        if len(removed) + len(added) > _MAX_RUNS:
            self._reset(new)
            return
        self._positions = None
        self._ids = list(old)
        for first, last in reversed(removed):
            self.beginRemoveRows(_ROOT, first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        survivors = list(new)
        for first, last in reversed(added):
            del survivors[first : last + 1]
        if survivors != self._ids:
            self._move_rows(survivors)
        for first, last in added:
            self.beginInsertRows(_ROOT, first, last)
            self._ids[first:first] = new[first : last + 1]
            self.endInsertRows()
        self._ids = new
        self._emit_all_changed()

    def _reset(self, new: list[str]) -> None:
        self.beginResetModel()
        self._ids, self._positions = new, None
        self.endResetModel()

    def _move_rows(self, ordered: list[str]) -> None:
        """Reorder the same ids; persistent indexes (selection, current) follow their ids."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_ids = self._ids
        self._ids = ordered
        moved = {old_ids[index.row()] for index in before}
        if len(moved) > _MAX_LOOKUPS:
            positions = {oid: row for row, oid in enumerate(ordered)}
        else:
            positions = {oid: ordered.index(oid) for oid in moved}
        after = [self.index(positions[old_ids[index.row()]], index.column()) for index in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _emit_all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(_COLUMNS) - 1)
            )
