"""Withdraw a quote, delete a cart: on a worker, with the outcome remembered until the cache
has caught up.

After an action the view asks for a sync; until the synced cache shows the change (or if that
sync was already running and missed it) `Pending` patches the lines read from the cache, so
a withdrawn quote never flips back to "sent" and a deleted cart never reappears.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from desktop_app.api.errors import ApiError, Language
from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.enums import QuoteState

__all__ = ["CartBackend", "Pending", "error_text"]

log = logging.getLogger(__name__)


class CartBackend(Protocol):
    """What the view needs of the ApiClient (tests may hand in a fake)."""

    def withdraw_quote(self, quote_id: str) -> QuoteOut: ...
    def delete_cart(self, cart_id: str) -> None: ...


@dataclass
class Pending:
    """Outcomes of actions that the cache may not show yet, by cart id."""

    quotes: dict[str, tuple[QuoteState, datetime]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)

    def quote_changed(self, cart_id: str, quote: QuoteOut) -> None:
        self.quotes[cart_id] = (quote.state, quote.updated_at)

    def cart_deleted(self, cart_id: str) -> None:
        self.quotes.pop(cart_id, None)
        self.deleted.add(cart_id)

    def apply(self, rows: Sequence[CartQuoteListRow]) -> list[CartQuoteListRow]:
        """The rows with the outcomes applied; outcomes the rows already show are dropped."""
        present = {row.cart_id for row in rows}
        self.deleted &= present  # the cache no longer holds these: nothing left to hide
        patched: list[CartQuoteListRow] = []
        for row in rows:
            if row.cart_id in self.deleted:
                continue
            change = self.quotes.get(row.cart_id)
            if change is not None:
                state, at = change
                if row.quote_state is state or _aware(row.updated_at) >= _aware(at):
                    del self.quotes[row.cart_id]  # the cache has caught up
                else:
                    row = replace(row, quote_state=state)
            patched.append(row)
        for cart_id in set(self.quotes) - present:
            del self.quotes[cart_id]
        return patched


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def error_text(error: BaseException, language: Language,
               internal: Callable[[], str]) -> str:
    """The clerk's message for a failed action; a bug is logged and gets `internal()`."""
    if isinstance(error, ApiError):
        return error.message(language)
    log.error("a cart/quote action failed", exc_info=(type(error), error, error.__traceback__))
    return internal()
