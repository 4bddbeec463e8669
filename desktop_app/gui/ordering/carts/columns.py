"""The carts-and-quotes view's columns, state labels and per-cell values.

Visible strings are English sources in the "CartsQuotes" translation context. Business
transaction labels come from the cache's catalog (the backend's words), falling back to the
code while the catalog has not been synced yet.
"""

from collections.abc import Mapping
from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.quotes import quote_state_on

__all__ = ["CONTEXT", "CartColumn", "SortValue", "header_text", "kind_text", "shown_state",
           "state_explanation", "state_text"]

CONTEXT = "CartsQuotes"
SortValue = str | int | datetime | date | None

# The states a line can show, in lifecycle order (the state column sorts by it).
STATE_ORDER: tuple[QuoteState, ...] = (
    QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED, QuoteState.REJECTED,
    QuoteState.WITHDRAWN, QuoteState.EXPIRED, QuoteState.ORDERED,
)  # fmt: skip


class CartColumn(IntEnum):
    KIND = 0
    NUMBER = 1
    STATE = 2
    CUSTOMER = 3
    BUSINESS_TRANSACTION = 4
    CONTRACT = 5
    PRODUCTS = 6
    CREATED = 7
    VALID_UNTIL = 8
    MONTHLY = 9
    ONE_TIME = 10


def shown_state(row: CartQuoteListRow, today: date) -> QuoteState:
    """What the line shows: an open cart is "open"; a quote past its validity date that the
    backend has not yet expired shows as expired already."""
    if row.quote_state is None or row.valid_until is None:
        return QuoteState.OPEN
    return quote_state_on(row.quote_state, row.valid_until, today)


def header_text(column: CartColumn) -> str:
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    match column:
        case CartColumn.KIND:
            return translate("CartsQuotes", "Type")
        case CartColumn.NUMBER:
            return translate("CartsQuotes", "Quote number")
        case CartColumn.STATE:
            return translate("CartsQuotes", "State")
        case CartColumn.CUSTOMER:
            return translate("CartsQuotes", "Customer")
        case CartColumn.BUSINESS_TRANSACTION:
            return translate("CartsQuotes", "Business transaction")
        case CartColumn.CONTRACT:
            return translate("CartsQuotes", "Contract")
        case CartColumn.PRODUCTS:
            return translate("CartsQuotes", "Products")
        case CartColumn.CREATED:
            return translate("CartsQuotes", "Created")
        case CartColumn.VALID_UNTIL:
            return translate("CartsQuotes", "Valid until")
        case CartColumn.MONTHLY:
            return translate("CartsQuotes", "Monthly (net)")
        case CartColumn.ONE_TIME:
            return translate("CartsQuotes", "One-time (net)")


def kind_text(row: CartQuoteListRow) -> str:
    if row.is_quote:
        return QCoreApplication.translate("CartsQuotes", "Quote")
    return QCoreApplication.translate("CartsQuotes", "Cart")


def state_text(state: QuoteState) -> str:
    translate = QCoreApplication.translate
    match state:
        case QuoteState.OPEN:
            return translate("CartsQuotes", "Open")
        case QuoteState.SENT:
            return translate("CartsQuotes", "Sent")
        case QuoteState.APPROVED:
            return translate("CartsQuotes", "Approved")
        case QuoteState.REJECTED:
            return translate("CartsQuotes", "Rejected")
        case QuoteState.WITHDRAWN:
            return translate("CartsQuotes", "Withdrawn")
        case QuoteState.EXPIRED:
            return translate("CartsQuotes", "Expired")
        case QuoteState.ORDERED:
            return translate("CartsQuotes", "Ordered")


def state_explanation(row: CartQuoteListRow, state: QuoteState) -> str:
    """The state cell's tooltip."""
    translate = QCoreApplication.translate
    if not row.is_quote:
        return translate("CartsQuotes", "The cart can still be changed; no quote yet.")
    match state:
        case QuoteState.OPEN:
            return translate("CartsQuotes", "The quote has been created but not sent yet.")
        case QuoteState.SENT:
            return translate("CartsQuotes", "The quote waits for the customer's approval.")
        case QuoteState.APPROVED:
            return translate("CartsQuotes", "The customer has approved the quote.")
        case QuoteState.REJECTED:
            return translate("CartsQuotes", "The customer has rejected the quote.")
        case QuoteState.WITHDRAWN:
            return translate("CartsQuotes", "The quote has been withdrawn.")
        case QuoteState.EXPIRED:
            return translate("CartsQuotes", "The quote's validity date has passed.")
        case QuoteState.ORDERED:
            return translate("CartsQuotes", "The quote has been ordered.")


def products(row: CartQuoteListRow, english: bool) -> tuple[str, ...]:
    return row.product_names_en if english else row.product_names_de


def sort_value(row: CartQuoteListRow, column: CartColumn, state: QuoteState,
               transactions: Mapping[str, str], english: bool) -> SortValue:
    """The raw value a column sorts by (EditRole): texts case-folded as shown."""
    match column:
        case CartColumn.KIND:
            return int(row.is_quote)
        case CartColumn.NUMBER:
            return row.quote_number
        case CartColumn.STATE:
            return STATE_ORDER.index(state)
        case CartColumn.CUSTOMER:
            return (row.customer_name or row.customer_id).casefold()
        case CartColumn.BUSINESS_TRANSACTION:
            code = row.business_transaction.value
            return transactions.get(code, code).casefold()
        case CartColumn.CONTRACT:
            return row.contract_number
        case CartColumn.PRODUCTS:
            return ", ".join(products(row, english)).casefold()
        case CartColumn.CREATED:
            return row.created_at
        case CartColumn.VALID_UNTIL:
            return row.valid_until
        case CartColumn.MONTHLY:
            return row.monthly_net_cents
        case CartColumn.ONE_TIME:
            return row.one_time_net_cents
