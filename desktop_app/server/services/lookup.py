"""Fetching records the principal may see; anything else is 404, never 403."""

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import BusinessTransaction, CartState
from desktop_app.domain.transactions import OpenCart
from desktop_app.server.auth import Principal
from desktop_app.server.db import CartRow, ContractRow, OrderRow, PartyRow, QuoteRow, UserRow
from desktop_app.server.problems import NotFound

Scoped = TypeVar("Scoped", PartyRow, ContractRow, CartRow, QuoteRow, OrderRow)

OPEN_CART_STATES = (CartState.OPEN.value, CartState.QUOTED.value)


def visible(session: Session, principal: Principal, model: type[Scoped], record_id: str,
            what: str) -> Scoped:
    row = session.get(model, record_id)
    if row is None or not principal.can_see(row.tenant_id):
        raise NotFound(what)
    return row


def quote_for_cart(session: Session, cart_id: str) -> QuoteRow | None:
    return session.scalar(select(QuoteRow).where(QuoteRow.cart_id == cart_id))


def other_open_carts(session: Session, contract_id: str,
                     except_cart_id: str | None) -> list[OpenCart]:
    query = select(CartRow.id, CartRow.business_transaction).where(
        CartRow.contract_id == contract_id, CartRow.state.in_(OPEN_CART_STATES)
    ).order_by(CartRow.id)
    return [OpenCart(cart_id, BusinessTransaction(transaction))
            for cart_id, transaction in session.execute(query) if cart_id != except_cart_id]


def user_name(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(UserRow, user_id)
    return user.display_name if user else None
