"""Carts: create, change items, validate, delete and turn into a quote."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop_app.contract.carts import CartCreate, CartItemIn, CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.domain.entities import Cart
from desktop_app.domain.enums import CartState, QuoteState
from desktop_app.domain.items import check_items
from desktop_app.domain.quotes import (
    check_cart_editable,
    check_quote_creation,
    provider_approval_required,
    quote_valid_until,
)
from desktop_app.domain.transactions import (
    OpenCart,
    TransactionContext,
    check_products_fit,
    check_transaction,
    required_fee_items,
)
from desktop_app.domain.violations import Violation, violation
from desktop_app.server.auth import Principal
from desktop_app.server.counters import business_number
from desktop_app.server.db import CartRow, ContractRow, PartyRow, QuoteRow
from desktop_app.server.locking import lock_rows
from desktop_app.server.problems import RuleViolations
from desktop_app.server.render import (
    cart_domain,
    cart_out,
    contract_domain,
    item_domain,
    item_out,
    party_domain,
    quote_out,
    totals,
)
from desktop_app.server.services import publish
from desktop_app.server.services.lookup import other_open_carts, quote_for_cart, visible


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def _context(session: Session, principal: Principal, customer_id: str, contract_id: str | None,
             transaction: Any, cart_id: str | None, now: datetime) -> TransactionContext:
    party = party_domain(visible(session, principal, PartyRow, customer_id, "customer"))
    contract = None
    open_carts: list[OpenCart] = []
    if contract_id is not None:
        contract_row = visible(session, principal, ContractRow, contract_id, "contract")
        contract = contract_domain(contract_row)
        open_carts = other_open_carts(session, contract_id, cart_id)
    return TransactionContext(transaction=transaction, party=party, contract=contract,
                              other_open_carts=tuple(open_carts), today=now.date())


def _stored_items(items: list[CartItemIn], context: TransactionContext,
                  now: datetime) -> list[dict[str, Any]]:
    stored = [item.model_dump(mode="json", exclude_none=True) for item in items]
    fees = required_fee_items(context.transaction, context.contract, now.date())
    stored += [{"product_code": fee.product_code, "quantity": fee.quantity, "automatic": True}
               for fee in fees]
    return stored


def _item_violations(context: TransactionContext, items: list[CartItemIn]) -> list[Violation]:
    domain_items = tuple(item_domain(item.model_dump(mode="json")) for item in items)
    found = check_items(context.transaction, domain_items)
    return found + check_products_fit(context, domain_items)


def create(session: Session, principal: Principal, body: CartCreate, now: datetime) -> CartOut:
    context = _context(session, principal, body.customer_id, body.contract_id,
                       body.business_transaction, None, now)
    found = check_transaction(context) + _item_violations(context, body.items)
    if found:
        raise RuleViolations(found)
    row = CartRow(id=new_id("cart"), tenant_id=context.party.tenant_id,
                  customer_id=body.customer_id, business_transaction=body.business_transaction,
                  contract_id=body.contract_id, state=CartState.OPEN,
                  items=_stored_items(body.items, context, now), created_by=principal.user.id,
                  created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    publish.cart(session, row, now)
    return cart_out(row, None)


def replace_items(session: Session, principal: Principal, cart_id: str, items: list[CartItemIn],
                  now: datetime) -> CartOut:
    lock_rows(session, CartRow, [cart_id])  # first: the lock order of retry.py
    row = visible(session, principal, CartRow, cart_id, "cart")
    domain = cart_domain(row)
    context = _context(session, principal, row.customer_id, row.contract_id,
                       domain.business_transaction, row.id, now)
    found = check_cart_editable(domain) + _item_violations(context, items)
    if found:
        raise RuleViolations(found)
    row.items = _stored_items(items, context, now)
    row.updated_at = now
    publish.cart(session, row, now)
    return cart_out(row, None)


def all_violations(session: Session, principal: Principal, row: CartRow,
                   now: datetime) -> list[Violation]:
    """Everything that would stop this cart from becoming a quote or an order now."""
    domain = cart_domain(row)
    context = _context(session, principal, row.customer_id, row.contract_id,
                       domain.business_transaction, row.id, now)
    user_items = tuple(item for item, stored in zip(domain.items, row.items, strict=True)
                       if not stored.get("automatic"))
    found = check_transaction(context) + check_items(domain.business_transaction, user_items)
    found += check_products_fit(context, user_items)
    if not user_items:
        found.append(violation("CART_EMPTY", "items"))
    return found


def remove(session: Session, principal: Principal, cart_id: str, now: datetime) -> None:
    lock_rows(session, CartRow, [cart_id])  # first: the lock order of retry.py
    row = visible(session, principal, CartRow, cart_id, "cart")
    if row.state == CartState.ORDERED:
        raise RuleViolations([violation("CART_ALREADY_ORDERED", "cart_id")])
    quote = quote_for_cart(session, row.id)
    if quote is not None:
        session.execute(delete(QuoteRow).where(QuoteRow.id == quote.id))
    session.delete(row)
    session.flush()  # the rows before the feed's counter (retry.py's lock order)
    if quote is not None:
        publish.deleted(session, ChangeKind.QUOTE, quote.id, quote.tenant_id, now)
    publish.deleted(session, ChangeKind.CART, row.id, row.tenant_id, now)


def create_quote(session: Session, principal: Principal, cart_id: str, now: datetime) -> QuoteOut:
    lock_rows(session, CartRow, [cart_id])  # first: the lock order of retry.py
    row = visible(session, principal, CartRow, cart_id, "cart")
    existing = quote_for_cart(session, row.id)
    domain: Cart = cart_domain(row)
    found = check_quote_creation(domain, existing.id if existing else None)
    if not found:
        found = all_violations(session, principal, row, now)
    if found:
        raise RuleViolations(found)
    party = party_domain(visible(session, principal, PartyRow, row.customer_id, "customer"))
    quote = QuoteRow(id=new_id("quote"), quote_number=business_number(session, "AN"),
                     cart_id=row.id, tenant_id=row.tenant_id, customer_id=row.customer_id,
                     state=QuoteState.OPEN, created_by=principal.user.id, created_at=now,
                     valid_until=quote_valid_until(now.date()), sent_to=[],
                     provider_approval_required=provider_approval_required(party),
                     updated_at=now)
    row.state = CartState.QUOTED
    row.updated_at = now
    session.add(quote)
    session.flush()
    publish.cart(session, row, now)
    publish.quote(session, quote, row, now)
    cart_totals = totals([item_out(stored) for stored in row.items])
    return quote_out(quote, principal.user.display_name, cart_totals)
