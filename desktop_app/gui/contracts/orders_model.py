"""The lower panel's list: the orders that created or changed the selected contract (a few
per contract, so a plain in-memory table)."""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.cache.contracts import ContractOrderRow
from desktop_app.gui.common.formatting import format_datetime

__all__ = ["ORDER_ID_ROLE", "ContractOrdersModel"]

ORDER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ROOT = QModelIndex()
_HEADERS = (QT_TRANSLATE_NOOP("ContractOrders", "Order"),
            QT_TRANSLATE_NOOP("ContractOrders", "Received"),
            QT_TRANSLATE_NOOP("ContractOrders", "Business transaction"),
            QT_TRANSLATE_NOOP("ContractOrders", "Status"),
            QT_TRANSLATE_NOOP("ContractOrders", "Product"))


class ContractOrdersModel(QAbstractTableModel):
    def __init__(self, *, locale: QLocale | None = None, english: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale, self._english = locale or QLocale(), english
        self._rows: list[ContractOrderRow] = []
        self._transactions: Mapping[str, str] = {}
        self._statuses: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[ContractOrderRow], transactions: Mapping[str, str],
                 statuses: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._transactions, self._statuses = list(rows), transactions, statuses
        self.endResetModel()

    def order_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == _DISPLAY
                and 0 <= section < len(_HEADERS)):
            return QCoreApplication.translate("ContractOrders", str(_HEADERS[section]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ORDER_ID_ROLE:
            return row.id
        if role != _DISPLAY:
            return None
        column = index.column()
        if column == 0:
            return row.order_number
        if column == 1:
            return format_datetime(self._locale, row.created_at)
        if column == 2:
            code = row.business_transaction.value
            return self._transactions.get(code, code)
        if column == 3:
            return self._statuses.get(row.status.value, row.status.value)
        return row.product_name_en if self._english else row.product_name_de
