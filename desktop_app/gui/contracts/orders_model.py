"""The lower panel's list: the orders that created or changed the selected contract (a few
per contract, so a plain in-memory table)."""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Qt

from desktop_app.cache.contracts import ContractOrderRow
from desktop_app.gui.common.formatting import format_datetime
from desktop_app.gui.common.sorted_rows import Index, LinesTableModel

__all__ = ["ORDER_ID_ROLE", "ContractOrdersModel"]

ORDER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_HEADERS = (QT_TRANSLATE_NOOP("ContractOrders", "Order"),
            QT_TRANSLATE_NOOP("ContractOrders", "Received"),
            QT_TRANSLATE_NOOP("ContractOrders", "Business transaction"),
            QT_TRANSLATE_NOOP("ContractOrders", "Status"),
            QT_TRANSLATE_NOOP("ContractOrders", "Product"))


class ContractOrdersModel(LinesTableModel[ContractOrderRow]):
    def __init__(self, *, locale: QLocale | None = None, english: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(len(_HEADERS), parent)
        self._locale, self._english = locale or QLocale(), english
        self._transactions: Mapping[str, str] = {}
        self._statuses: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[ContractOrderRow], transactions: Mapping[str, str],
                 statuses: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._shown, self._transactions, self._statuses = list(rows), transactions, statuses
        self.endResetModel()

    def order_id(self, row: int) -> str | None:
        return self._shown[row].id if 0 <= row < len(self._shown) else None

    def _header(self, section: int) -> str:
        return QCoreApplication.translate("ContractOrders", str(_HEADERS[section]))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self._shown[index.row()]
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
