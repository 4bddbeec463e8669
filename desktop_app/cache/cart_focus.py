"""The dashboard's views of the carts-and-quotes list: which lines a quote or cart tile
counts. The carts-and-quotes window filters by the same `matches`, over the same
`open_carts_and_quotes` lines, so a tile's count is the number of lines the window shows."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.quotes import quote_state_on

__all__ = ["EXPIRY_DAYS", "CartFocus", "CartFocusKind", "matches"]

EXPIRY_DAYS = 7  # "expiring soon": valid for at most this many more days


class CartFocusKind(StrEnum):
    AWAITING_CUSTOMER = "awaiting_customer"  # sent, the customer has not decided yet
    AWAITING_PROVIDER = "awaiting_provider"  # a prospect's quote the provider must approve
    EXPIRING = "expiring"  # a live quote whose validity ends within EXPIRY_DAYS
    OPEN_CARTS = "open_carts"  # carts without a quote yet


@dataclass(frozen=True, slots=True)
class CartFocus:
    """One tile's lines as of `day` (the Berlin day the dashboard counted on)."""

    kind: CartFocusKind
    day: date


_LIVE = (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED)


def matches(focus: CartFocus, row: CartQuoteListRow) -> bool:
    if focus.kind is CartFocusKind.OPEN_CARTS:
        return row.quote_id is None
    if row.quote_state is None or row.valid_until is None:
        return False
    state = quote_state_on(row.quote_state, row.valid_until, focus.day)
    if focus.kind is CartFocusKind.AWAITING_CUSTOMER:
        return state is QuoteState.SENT
    if focus.kind is CartFocusKind.AWAITING_PROVIDER:
        return row.provider_approval_pending and state in (QuoteState.SENT, QuoteState.APPROVED)
    return state in _LIVE and row.valid_until <= focus.day + timedelta(days=EXPIRY_DAYS)
