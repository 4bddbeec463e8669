"""The contracts overview's table: every contract in memory, sorted and filtered in Python.

A clerk's customers hold up to some 30,000 contracts; the cache reads them in one query on
the cache lane and the model keeps them in sort order with a precomputed search text folded
like the order search (case, ä/ae, ö/oe, ü/ue, ß/ss), so a filter keystroke is one pass over
those texts and a sort one key sort (bench/contracts_bench.py measures both at 30,000). Cell
texts are formatted on first display. Sorting keeps the selection (persistent indexes moved
by contract id); new rows or a new filter reset the model and the window reselects.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from desktop_app.cache.contracts import ContractListRow
from desktop_app.cache.search import fold
from desktop_app.domain.enums import ContractState
from desktop_app.gui.common.formatting import day
from desktop_app.gui.common.sorted_rows import RIGHT_ALIGNED, Index, SortedLinesModel
from desktop_app.gui.contracts.columns import (
    ContractColumn,
    SortValue,
    header_text,
    product_name,
    sort_value,
    state_text,
)

__all__ = ["CONTRACT_ID_ROLE", "ContractTableModel", "Prepared", "prepare"]

CONTRACT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # str
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_COLUMNS = tuple(ContractColumn)


@dataclass(slots=True)
class _Line:
    row: ContractListRow
    haystack: str  # number, customer, product, order numbers: folded
    keys: tuple[tuple[SortValue, str, str], ...]  # per column: value, number, id
    texts: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """Lines built and sorted off the GUI thread (`prepare`), for `install`."""

    lines: list[_Line]
    english: bool
    column: ContractColumn
    descending: bool


def _line(row: ContractListRow, english: bool) -> _Line:
    parts = (row.contract_number, row.customer_name or "", row.customer_number or "",
             product_name(row, english), row.product_code, *row.order_numbers)
    keys = tuple((sort_value(row, column, english), row.contract_number, row.id)
                 for column in _COLUMNS)
    return _Line(row, fold("\n".join(parts)), keys)


def _key(column: ContractColumn) -> Callable[[_Line], tuple[SortValue, str, str]]:
    def key(line: _Line) -> tuple[SortValue, str, str]:
        return line.keys[column]

    return key


def prepare(rows: Sequence[ContractListRow], english: bool, column: ContractColumn,
            descending: bool) -> Prepared:
    """The search texts and the sort order of `rows`: no Qt, so a worker can do it (at
    30,000 contracts most of the cost of showing them)."""
    lines = [_line(row, english) for row in rows]
    lines.sort(key=_key(column), reverse=descending)
    return Prepared(lines, english, column, descending)


class ContractTableModel(SortedLinesModel[_Line, ContractColumn]):
    """The cached contracts; `set_rows` installs a fresh read, `set_filter` searches."""

    def __init__(self, *, locale: QLocale | None = None, english: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(_COLUMNS, ContractColumn.NUMBER, Qt.SortOrder.AscendingOrder, parent)
        self._locale = locale or QLocale()
        self._english = english
        self._today = date.today()
        self._needle = ""
        self._dimmed = QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    # --- content --------------------------------------------------------------------------

    @property
    def sort_state(self) -> tuple[ContractColumn, bool]:
        """The sort column and whether it is descending (for `prepare`)."""
        return self._sort_column, self._descending

    def set_rows(self, rows: Sequence[ContractListRow], today: date | None = None) -> None:
        """Install rows prepared here (small lists, tests); a worker calls `prepare`."""
        self.install(prepare(rows, self._english, *self.sort_state), today)

    def install(self, prepared: Prepared, today: date | None = None) -> None:
        self.beginResetModel()
        self._today = today or date.today()
        self._all = prepared.lines
        if prepared.english != self._english:
            self._all = [_line(line.row, self._english) for line in self._all]
        if (prepared.column, prepared.descending) != self.sort_state \
                or prepared.english != self._english:  # sorted meanwhile
            self._sort_all()
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Only contracts whose number, customer, product or order numbers contain every
        word of `text` (case- and umlaut-insensitive)."""
        needle = fold(text.strip())
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._shown = self._matching()  # `_all` is kept sorted: filtering keeps the order
        self.endResetModel()

    def _matching(self) -> list[_Line]:
        words = self._needle.split()
        if not words:
            return list(self._all)
        if len(words) == 1:
            word = words[0]
            return [line for line in self._all if word in line.haystack]
        return [line for line in self._all if all(w in line.haystack for w in words)]

    def contract(self, row: int) -> ContractListRow | None:
        return self._shown[row].row if 0 <= row < len(self._shown) else None

    def is_listed(self, contract_id: str) -> bool:
        """Cached at all (whatever the filter)."""
        return any(line.row.id == contract_id for line in self._all)

    # --- sorting ----------------------------------------------------------------------------

    def _key(self, line: _Line) -> tuple[SortValue, str, str]:
        return line.keys[self._sort_column]

    def _line_id(self, line: _Line) -> str:
        return line.row.id

    # --- Qt model interface -----------------------------------------------------------------

    def _header(self, section: int) -> str:
        return header_text(_COLUMNS[section])

    def _right_aligned(self, column: int) -> bool:
        return _COLUMNS[column] is ContractColumn.ORDERS

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        line, column = self._shown[index.row()], _COLUMNS[index.column()]
        if role == _DISPLAY:
            if line.texts is None:
                line.texts = self._texts(line.row)
            return line.texts[column]
        if role == _EDIT:
            return sort_value(line.row, column, self._english)
        if role == _TOOLTIP:
            return self._tooltip(line.row, column)
        if role == _ALIGN and column is ContractColumn.ORDERS:
            return RIGHT_ALIGNED
        if role == _FOREGROUND and line.row.state is ContractState.TERMINATED:
            return self._dimmed
        if role == CONTRACT_ID_ROLE:
            return line.row.id
        return None

    def _texts(self, row: ContractListRow) -> tuple[str, ...]:
        locale = self._locale
        return (
            row.contract_number, row.customer_name or row.customer_id,
            product_name(row, self._english), state_text(row.state),
            day(row.start_date, locale), day(row.minimum_term_end, locale),
            locale.toString(row.order_count),
        )  # fmt: skip

    def _tooltip(self, row: ContractListRow, column: ContractColumn) -> str | None:
        if column is ContractColumn.CUSTOMER and row.customer_number:
            return "\n".join((row.customer_name or row.customer_id, self.tr(
                "Customer number %1").replace("%1", row.customer_number)))
        if column is ContractColumn.PRODUCT:
            return product_name(row, self._english)  # when the cell is cut
        if column is ContractColumn.TERM_END:
            months = self.tr("%n month(s) from the start", "", row.minimum_term_months)
            if row.state is ContractState.RUNNING and self._today < row.minimum_term_end:
                return self.tr("Inside the minimum term (%1)").replace("%1", months)
            return months
        if column is ContractColumn.ORDERS and row.order_numbers:
            return "\n".join(row.order_numbers)
        return None
