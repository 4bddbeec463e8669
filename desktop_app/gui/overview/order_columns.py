"""The order overview's columns: header, sort column, displayed text and raw value per column.

Visible strings are English sources in the "OrderColumns" translation context (Qt's
convention); German comes from the translation files. Status and business-transaction labels
come from the cache's catalog (the backend's words) in the UI language, falling back to the
code while the catalog has not been synced yet.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderSortColumn
from desktop_app.cache.records import OrderListRow
from desktop_app.gui.common.formatting import Language

__all__ = [
    "CONTEXT",
    "OrderColumn",
    "OrderLabels",
    "changed_hint",
    "clearing_case",
    "clearing_hint",
    "contract_pending_hint",
    "header_text",
    "not_yet_assigned",
    "raw_value",
    "sort_column",
]

CONTEXT = "OrderColumns"


class OrderColumn(IntEnum):
    """The columns, in their default order (the value is the model column)."""

    ORDER_NUMBER = 0
    ORDER_DATE = 1
    CUSTOMER = 2
    BUSINESS_TRANSACTION = 3
    PRODUCT = 4
    STATUS = 5
    CONTRACT_NUMBER = 6
    LAST_CHANGE = 7


_SORT: dict[OrderColumn, OrderSortColumn] = {
    OrderColumn.ORDER_NUMBER: OrderSortColumn.ORDER_NUMBER,
    OrderColumn.ORDER_DATE: OrderSortColumn.CREATED_AT,
    OrderColumn.CUSTOMER: OrderSortColumn.CUSTOMER_NAME,
    OrderColumn.BUSINESS_TRANSACTION: OrderSortColumn.BUSINESS_TRANSACTION,
    OrderColumn.PRODUCT: OrderSortColumn.PRODUCT_NAME_DE,
    OrderColumn.STATUS: OrderSortColumn.STATUS,
    OrderColumn.CONTRACT_NUMBER: OrderSortColumn.CONTRACT_NUMBER,
    OrderColumn.LAST_CHANGE: OrderSortColumn.UPDATED_AT,
}


def header_text(column: OrderColumn) -> str:
    # Literal translate() calls, so that lupdate finds every header.
    translate = QCoreApplication.translate
    match column:
        case OrderColumn.ORDER_NUMBER:
            return translate("OrderColumns", "Order number")
        case OrderColumn.ORDER_DATE:
            return translate("OrderColumns", "Order date")
        case OrderColumn.CUSTOMER:
            return translate("OrderColumns", "Customer")
        case OrderColumn.BUSINESS_TRANSACTION:
            return translate("OrderColumns", "Business transaction")
        case OrderColumn.PRODUCT:
            return translate("OrderColumns", "Product")
        case OrderColumn.STATUS:
            return translate("OrderColumns", "Status")
        case OrderColumn.CONTRACT_NUMBER:
            return translate("OrderColumns", "Contract number")
        case OrderColumn.LAST_CHANGE:
            return translate("OrderColumns", "Last change")


def not_yet_assigned() -> str:
    """Shown for an order whose contract number the backend has not assigned yet."""
    return QCoreApplication.translate("OrderColumns", "not yet assigned")


def clearing_case() -> str:
    """The status column's text for a clearing case (an order in processing that waits for a
    manual correction)."""
    return QCoreApplication.translate("OrderColumns", "Clearing case")


def clearing_hint() -> str:
    """The status tooltip's explanation of a clearing case."""
    return QCoreApplication.translate(
        "OrderColumns",
        "Clearing case: the provider's clearing team corrects the order by hand; "
        "processing continues afterwards.",
    )


def changed_hint() -> str:
    """The tooltip of an order's mark: it changed since the clerk last opened it."""
    return QCoreApplication.translate("OrderColumns", "Changed since you last opened it")


def contract_pending_hint() -> str:
    """The tooltip explaining a missing contract number."""
    return QCoreApplication.translate(
        "OrderColumns", "The contract number is shown once the order has been processed."
    )


def sort_column(column: OrderColumn, language: Language) -> OrderSortColumn:
    """The SQL sort behind a column (the product sorts by its name in the UI language)."""
    if column is OrderColumn.PRODUCT and language == "en":
        return OrderSortColumn.PRODUCT_NAME_EN
    return _SORT[column]


def raw_value(row: OrderListRow, column: OrderColumn, language: Language) -> str | datetime | None:
    """The unformatted value (EditRole). (The status sorts by its place in the workflow, in
    SQL: `OrderSortColumn.STATUS`.)"""
    match column:
        case OrderColumn.ORDER_NUMBER:
            return row.order_number
        case OrderColumn.ORDER_DATE:
            return row.created_at
        case OrderColumn.CUSTOMER:
            return row.customer_name
        case OrderColumn.BUSINESS_TRANSACTION:
            return row.business_transaction.value
        case OrderColumn.PRODUCT:
            return row.product_name_en if language == "en" else row.product_name_de
        case OrderColumn.STATUS:
            return row.status.value
        case OrderColumn.CONTRACT_NUMBER:
            return row.contract_number
        case OrderColumn.LAST_CHANGE:
            return row.updated_at


@dataclass(frozen=True, slots=True)
class OrderLabels:
    """Status and business-transaction labels (and status explanations) in one language."""

    language: Language
    statuses: Mapping[str, str]
    explanations: Mapping[str, str]
    transactions: Mapping[str, str]

    @classmethod
    def load(cls, session: Session, language: Language) -> "OrderLabels":
        english = language == "en"
        statuses = queries.statuses(session)
        return cls(
            language,
            {s.code.value: s.label_en if english else s.label_de for s in statuses},
            {s.code.value: s.explanation_en if english else s.explanation_de for s in statuses},
            {
                t.code.value: t.label_en if english else t.label_de
                for t in queries.business_transactions(session)
            },
        )

    def status(self, code: str) -> str:
        return self.statuses.get(code, code)

    def explanation(self, code: str) -> str:
        return self.explanations.get(code, "")

    def transaction(self, code: str) -> str:
        return self.transactions.get(code, code)
