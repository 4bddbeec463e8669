"""The carts-and-quotes list: open carts and the quotes made from carts, not yet ordered.

One line per cart: a cart without a quote shows as the open cart, a cart with a quote as its
quote (one quote per cart). Ordered carts and quotes are orders now and live in the order
overview. A few thousand lines at most, so the query reads them all at once.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.cache.schema import CartRow, ContractRow, CustomerRow, QuoteRow
from desktop_app.domain.enums import BusinessTransaction, CartState, QuoteState

__all__ = ["CartQuoteListRow", "open_carts_and_quotes"]


@dataclass(frozen=True, slots=True)
class CartQuoteListRow:
    """One line of the carts-and-quotes view (quote fields are None for a bare cart)."""

    cart_id: str
    quote_id: str | None
    quote_number: str | None
    tenant_id: str
    customer_id: str
    customer_name: str | None  # None while the customer is not cached
    business_transaction: BusinessTransaction
    contract_id: str | None
    contract_number: str | None  # None for a new order, or while the contract is not cached
    cart_state: CartState
    quote_state: QuoteState | None  # as stored; the view derives "expired" from valid_until
    product_names_de: tuple[str, ...]
    product_names_en: tuple[str, ...]
    created_at: datetime  # the quote's creation for a quote, else the cart's
    valid_until: date | None
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int
    updated_at: datetime

    @property
    def is_quote(self) -> bool:
        return self.quote_id is not None


def _names(items: list[dict[str, Any]], key: str) -> tuple[str, ...]:
    return tuple(str(item.get(key, "")) for item in items)


def _row(cart: CartRow, quote: QuoteRow | None, company: str | None,
         contract_number: str | None) -> CartQuoteListRow:
    items: list[dict[str, Any]] = json.loads(cart.items)
    totals = quote or cart
    return CartQuoteListRow(
        cart.id, quote.id if quote else None, quote.quote_number if quote else None,
        cart.tenant_id, cart.customer_id, company,
        BusinessTransaction(cart.business_transaction), cart.contract_id, contract_number,
        CartState(cart.state), QuoteState(quote.state) if quote else None,
        _names(items, "product_name_de"), _names(items, "product_name_en"),
        quote.created_at if quote else cart.created_at, quote.valid_until if quote else None,
        totals.monthly_net_cents, totals.monthly_gross_cents, totals.one_time_net_cents,
        totals.one_time_gross_cents, max(cart.updated_at, quote.updated_at) if quote
        else cart.updated_at,
    )  # fmt: skip


def open_carts_and_quotes(session: Session,
                          tenant_ids: frozenset[str] | None = None) -> list[CartQuoteListRow]:
    """Open carts and not-yet-ordered quotes, newest change first; only those of
    `tenant_ids` when given (None: every tenant the cache holds)."""
    statement = (
        select(CartRow, QuoteRow, CustomerRow.company, ContractRow.contract_number)
        .outerjoin(QuoteRow, QuoteRow.cart_id == CartRow.id)
        .outerjoin(CustomerRow, CustomerRow.id == CartRow.customer_id)
        .outerjoin(ContractRow, ContractRow.id == CartRow.contract_id)
        .where(or_(
            and_(QuoteRow.id.is_(None), CartRow.state == CartState.OPEN.value),
            and_(QuoteRow.id.is_not(None), QuoteRow.state != QuoteState.ORDERED.value,
                 CartRow.state != CartState.ORDERED.value),
        ))
        .order_by(CartRow.updated_at.desc(), CartRow.id)
    )  # fmt: skip
    if tenant_ids is not None:
        statement = statement.where(CartRow.tenant_id.in_(sorted(tenant_ids)))
    return [_row(cart, quote, company, number)
            for cart, quote, company, number in session.execute(statement)]
