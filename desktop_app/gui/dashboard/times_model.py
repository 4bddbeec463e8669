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
        self._labels: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[ProcessingTime], labels: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._labels = list(rows), dict(labels)
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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _ALIGN:
            right = Qt.AlignmentFlag.AlignRight if column >= 2 else Qt.AlignmentFlag.AlignLeft
            return int(right | Qt.AlignmentFlag.AlignVCenter)
        if role == _EDIT:
            return (row.transaction.value, row.degree.value, row.orders,
                    row.median.total_seconds(), row.expected.total_seconds())[column]
        if role == _TOOLTIP and column == 3 and row.median > row.expected:
            return QCoreApplication.translate("Dashboard", "Slower than expected")
        if role != _DISPLAY:
            return None
        code = row.transaction.value
        return (self._labels.get(code, code), degree_text(row.degree),
                self._locale.toString(row.orders), duration_text(row.median, self._locale),
                duration_text(row.expected, self._locale))[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
