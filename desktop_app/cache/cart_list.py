"""The carts-and-quotes list: open carts and the quotes made from carts, not yet ordered.

One line per cart: a cart without a quote shows as the open cart, a cart with a quote as its
quote (one quote per cart). Ordered carts and quotes are orders now and live in the order
overview. A few thousand lines at most, so the query reads them all at once.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.cache.schema import (
    CartRow,
    ContractRow,
    CustomerRow,
    OrderRow,
    QuoteRow,
    parse_timestamp,
)
from desktop_app.domain.enums import BusinessTransaction, CartState, QuoteState

__all__ = ["CartQuoteListRow", "cart_line", "open_carts_and_quotes", "tenant_names"]


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
    tenant_name: str | None = None  # as the cache's orders name it; None while none is cached
    # A prospect's quote the provider has still to check and approve.
    provider_approval_pending: bool = False

    @property
    def is_quote(self) -> bool:
        return self.quote_id is not None


def _names(items_json: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    items: list[dict[str, Any]] = orjson.loads(items_json)
    return (tuple(str(item.get("product_name_de", "")) for item in items),
            tuple(str(item.get("product_name_en", "")) for item in items))


# Plain columns, not ORM entities: building two entities per line cost 10x the raw SELECT.
_COLUMNS = (
    CartRow.id, QuoteRow.id, QuoteRow.quote_number, CartRow.tenant_id, CartRow.customer_id,
    CustomerRow.company, CartRow.business_transaction, CartRow.contract_id,
    ContractRow.contract_number, CartRow.state, QuoteRow.state, CartRow.items,
    func.coalesce(QuoteRow.created_at, CartRow.created_at), QuoteRow.valid_until,
    func.coalesce(QuoteRow.monthly_net_cents, CartRow.monthly_net_cents),
    func.coalesce(QuoteRow.monthly_gross_cents, CartRow.monthly_gross_cents),
    func.coalesce(QuoteRow.one_time_net_cents, CartRow.one_time_net_cents),
    func.coalesce(QuoteRow.one_time_gross_cents, CartRow.one_time_gross_cents),
    func.max(CartRow.updated_at, func.coalesce(QuoteRow.updated_at, CartRow.updated_at)),
    and_(QuoteRow.provider_approval_required.is_(True), QuoteRow.provider_approved_at.is_(None)),
)


def _row(values: Sequence[Any]) -> CartQuoteListRow:
    names_de, names_en = _names(values[11])
    return CartQuoteListRow(
        values[0], values[1], values[2], values[3], values[4], values[5],
        BusinessTransaction(values[6]), values[7], values[8], CartState(values[9]),
        QuoteState(values[10]) if values[10] is not None else None, names_de, names_en,
        parse_timestamp(values[12]), date.fromisoformat(values[13]) if values[13] else None,
        values[14], values[15], values[16], values[17], parse_timestamp(values[18]),
        provider_approval_pending=bool(values[19]),
    )  # fmt: skip


def open_carts_and_quotes(session: Session,
                          tenant_ids: frozenset[str] | None = None) -> list[CartQuoteListRow]:
    """Open carts and not-yet-ordered quotes, newest change first, with their tenant's name;
    only those of `tenant_ids` when given (None: every tenant the cache holds, which is what
    the backend lets this account see: its own tenant and its sub-tenants)."""
    statement = (
        select(*_COLUMNS)
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
    result = session.connection().execute(statement)
    try:  # straight from the DBAPI cursor: raw text, no result processing per value
        rows = [_row(values) for values in result.cursor.fetchall()]
    finally:
        result.close()
    names = tenant_names(session, {row.tenant_id for row in rows})
    return [replace(row, tenant_name=names.get(row.tenant_id)) for row in rows]


def cart_line(session: Session, cart_id: str) -> CartQuoteListRow | None:
    """One cart as the list shows it (any state), e.g. the open cart blocking a contract;
    None while the cache does not know it."""
    statement = (select(*_COLUMNS)
                 .outerjoin(QuoteRow, QuoteRow.cart_id == CartRow.id)
                 .outerjoin(CustomerRow, CustomerRow.id == CartRow.customer_id)
                 .outerjoin(ContractRow, ContractRow.id == CartRow.contract_id)
                 .where(CartRow.id == cart_id))  # fmt: skip
    result = session.connection().execute(statement)
    try:
        values = result.cursor.fetchone()
    finally:
        result.close()
    return _row(values) if values is not None else None


def tenant_names(session: Session, tenant_ids: set[str]) -> dict[str, str]:
    """Tenant id -> name, from any cached order of that tenant (the feed carries tenant
    names only on orders). One short lookup per tenant: a clerk sees a handful."""
    names: dict[str, str] = {}
    for tenant_id in sorted(tenant_ids):
        name = session.scalar(select(OrderRow.tenant_name)
                              .where(OrderRow.tenant_id == tenant_id).limit(1))
        if name:
            names[tenant_id] = name
    return names
