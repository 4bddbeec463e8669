"""The contracts overview's columns: titles, and the value each sorts by."""

import enum
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.cache.contracts import ContractListRow
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.enums import ContractState

__all__ = ["ContractColumn", "SortValue", "header_text", "product_name", "sort_value",
           "state_text"]

_CONTEXT = "Contracts"
SortValue = str | int | date


class ContractColumn(enum.IntEnum):
    NUMBER = 0
    CUSTOMER = 1
    PRODUCT = 2
    STATE = 3
    START = 4
    TERM_END = 5
    ORDERS = 6


_HEADERS = {
    ContractColumn.NUMBER: QT_TRANSLATE_NOOP("Contracts", "Contract"),
    ContractColumn.CUSTOMER: QT_TRANSLATE_NOOP("Contracts", "Customer"),
    ContractColumn.PRODUCT: QT_TRANSLATE_NOOP("Contracts", "Product"),
    ContractColumn.STATE: QT_TRANSLATE_NOOP("Contracts", "State"),
    ContractColumn.START: QT_TRANSLATE_NOOP("Contracts", "Start"),
    ContractColumn.TERM_END: QT_TRANSLATE_NOOP("Contracts", "Minimum term until"),
    ContractColumn.ORDERS: QT_TRANSLATE_NOOP("Contracts", "Orders"),
}


def header_text(column: ContractColumn) -> str:
    return QCoreApplication.translate(_CONTEXT, str(_HEADERS[column]))


def state_text(state: ContractState) -> str:
    if state is ContractState.TERMINATED:
        return QCoreApplication.translate("Contracts", "terminated")
    return QCoreApplication.translate("Contracts", "running")


def product_name(row: ContractListRow, english: bool) -> str:
    """The product's name in the UI language: the cached catalog's, else the built-in one,
    else its code."""
    name = row.product_name_en if english else row.product_name_de
    if name:
        return name
    known = product_by_code(row.product_code)
    if known is not None:
        return known.name_en if english else known.name_de
    return row.product_code


def sort_value(row: ContractListRow, column: ContractColumn, english: bool) -> SortValue:
    """The raw value of a cell (EditRole), which the column sorts by."""
    if column is ContractColumn.NUMBER:
        return row.contract_number
    if column is ContractColumn.CUSTOMER:
        return (row.customer_name or row.customer_id).casefold()
    if column is ContractColumn.PRODUCT:
        return product_name(row, english).casefold()
    if column is ContractColumn.STATE:
        return 1 if row.state is ContractState.TERMINATED else 0
    if column is ContractColumn.START:
        return row.start_date
    if column is ContractColumn.TERM_END:
        return row.minimum_term_end
    return row.order_count
