"""Read-only tables over lines kept in memory (the contracts overview, carts and quotes).

`LinesTableModel` is the flat table over `self._shown` (the lines on display): row and
column counts, selectable cells and the horizontal header, whose texts and right-aligned
columns the subclass names. `SortedLinesModel` keeps all lines (`self._all`) in sort order
(the subclass's `_key` for the sort column) and shows those its filter lets through
(`_matching`, in that order); its `sort` is a layout change that keeps the selection: the
persistent indexes (the view's selection and current index) move with their lines, matched
by each line's id (`_line_id`).
"""

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

__all__ = ["RIGHT_ALIGNED", "Index", "LinesTableModel", "SortedLinesModel"]

Index = QModelIndex | QPersistentModelIndex
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ROOT = QModelIndex()

LineT = TypeVar("LineT")
ColumnT = TypeVar("ColumnT", bound=IntEnum)


class LinesTableModel(QAbstractTableModel, Generic[LineT]):
    """`column_count` columns over the lines in `self._shown`."""

    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._column_count = column_count
        self._shown: list[LineT] = []

    def _header(self, section: int) -> str:
        """The header text of column `section` (in range)."""
        raise NotImplementedError

    def _right_aligned(self, column: int) -> bool:
        """Whether column `column` (numbers, money) is right-aligned, header and cells."""
        return False

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._column_count

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._column_count:
            if role == _DISPLAY:
                return self._header(section)
            if role == _ALIGN and self._right_aligned(section):
                return RIGHT_ALIGNED
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SortedLinesModel(LinesTableModel[LineT], Generic[LineT, ColumnT]):
    """`columns` (section i is `columns[i]`), sorted by `column` in `order` at first."""

    def __init__(self, columns: Sequence[ColumnT], column: ColumnT, order: Qt.SortOrder,
                 parent: QObject | None = None) -> None:
        super().__init__(len(columns), parent)
        self._columns = tuple(columns)
        self._all: list[LineT] = []
        self._sort_column, self._sort_order = column, order

    def _key(self, line: LineT) -> Any:
        """The line's sort key for `self._sort_column` (ties broken, so the order is total)."""
        raise NotImplementedError

    def _matching(self) -> list[LineT]:
        """The lines of `self._all` the filter lets through, in their order."""
        raise NotImplementedError

    def _line_id(self, line: LineT) -> str:
        """What tells the lines apart (unique among the shown lines)."""
        raise NotImplementedError

    @property
    def total_count(self) -> int:
        """Lines before filtering."""
        return len(self._all)

    def row_of(self, line_id: str) -> int | None:
        """The row that shows the line with id `line_id`; None: not shown."""
        for position, line in enumerate(self._shown):
            if self._line_id(line) == line_id:
                return position
        return None

    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _sort_all(self) -> None:
        """Put `self._all` in the sort order (after new lines or new sort keys)."""
        self._all.sort(key=self._key, reverse=self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self._column_count:
            return
        self.layoutAboutToBeChanged.emit()
        before = [self._line_id(line) for line in self._shown]
        self._sort_column, self._sort_order = self._columns[column], order
        self._sort_all()
        self._shown = self._matching()
        after = {self._line_id(line): position for position, line in enumerate(self._shown)}
        for index in self.persistentIndexList():
            new_row = after[before[index.row()]]
            self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()
