"""The processing-times table: median receipt-to-completion time per business transaction
and automation degree, beside the expected time."""

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.cache.dashboard import ProcessingTime
from desktop_app.domain.enums import AutomationDegree

__all__ = ["ProcessingTimesModel", "degree_text", "duration_text"]

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
_ALIGN, _TOOLTIP = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ToolTipRole)
_COLUMNS = 5
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CONTEXT = "Dashboard"


def degree_text(degree: AutomationDegree) -> str:
    translate = QCoreApplication.translate
    match degree:
        case AutomationDegree.FULL:
            return translate("Dashboard", "fully automated")
        case AutomationDegree.PARTIAL:
            return translate("Dashboard", "partly automated")
        case AutomationDegree.MANUAL:
            return translate("Dashboard", "manual")


def duration_text(value: timedelta, locale: QLocale) -> str:
    """Minutes under an hour, hours under two days, else days (one decimal)."""
    translate = QCoreApplication.translate
    seconds = value.total_seconds()
    if seconds < 3600:
        return translate("Dashboard", "%1 min").replace("%1", locale.toString(round(seconds / 60)))
    if seconds < 2 * 86400:
        return translate("Dashboard", "%1 h").replace("%1", locale.toString(seconds / 3600, "f", 1))
    return translate("Dashboard", "%1 days").replace("%1", locale.toString(seconds / 86400, "f", 1))


class ProcessingTimesModel(QAbstractTableModel):
    def __init__(self, locale: QLocale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._rows: list[ProcessingTime] = []
        # Per row, its cells' display texts and sort values, made once by `set_rows`: the
        # view asks for them about 1,700 times while it sizes and paints the table (on the
        # GUI thread, each call waiting for the GIL while the dashboard's read runs).
        self._texts: list[tuple[str, ...]] = []
        self._values: list[tuple[object, ...]] = []

    def set_rows(self, rows: Sequence[ProcessingTime], labels: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        number, locale = self._locale.toString, self._locale
        self._texts = [
            (labels.get(row.transaction.value, row.transaction.value), degree_text(row.degree),
             number(row.orders), duration_text(row.median, locale),
             duration_text(row.expected, locale))
            for row in self._rows
        ]
        self._values = [
            (row.transaction.value, row.degree.value, row.orders, row.median.total_seconds(),
             row.expected.total_seconds())
            for row in self._rows
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        translate = QCoreApplication.translate
        titles = (translate("Dashboard", "Business transaction"),
                  translate("Dashboard", "Automation"), translate("Dashboard", "Orders"),
                  translate("Dashboard", "Median time"), translate("Dashboard", "Expected"))
        return titles[section] if 0 <= section < _COLUMNS else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()
        if not 0 <= row < len(self._texts) or not index.isValid():
            return None
        if role == _DISPLAY:
            return self._texts[row][index.column()]
        column = index.column()
        if role == _ALIGN:
            return _RIGHT if column >= 2 else _LEFT
        if role == _EDIT:
            return self._values[row][column]
        if role == _TOOLTIP and column == 3 and self._rows[row].median > self._rows[row].expected:
            return QCoreApplication.translate("Dashboard", "Slower than expected")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
