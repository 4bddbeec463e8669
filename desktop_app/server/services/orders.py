"""Submitting an order from a cart (with its quote, or on power of attorney)."""

import hashlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.contract.orders import OrderConfirmation, OrderCreate, RecipientOut
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.enums import (
    AutomationDegree,
    CartState,
    OrderStatus,
    ProductFamily,
    QuoteState,
    RecipientSource,
)
from desktop_app.domain.orders import check_order_submission
from desktop_app.domain.processing import processing_plan
from desktop_app.domain.recipients import RecipientList, confirmation_recipients
from desktop_app.server.auth import Principal, tenant_from_row
from desktop_app.server.counters import business_number
from desktop_app.server.db import (
    CartRow,
    OrderEventRow,
    OrderRow,
    OutboxRow,
    PartyRow,
    QuoteRow,
    TenantRow,
    UserRow,
)
from desktop_app.server.locking import lock_rows
from desktop_app.server.orders_view import order_out
from desktop_app.server.problems import RuleViolations, violation_out
from desktop_app.server.render import cart_domain, item_out, party_domain, quote_domain, totals
from desktop_app.server.services import publish
from desktop_app.server.services.carts import all_violations, new_id
from desktop_app.server.services.lookup import quote_for_cart, user_name, visible


def is_clearing_case(order_id: str, degree: AutomationDegree) -> bool:
    """About one in eight orders that people touch needs manual correction; deterministic."""
    digest = int(hashlib.sha256(order_id.encode()).hexdigest()[:8], 16)
    return degree is not AutomationDegree.FULL and digest % 8 == 0


def recipients_for(session: Session, party: PartyRow, confirming_user_email: str | None,
                   quote: QuoteRow | None, tenant: TenantRow) -> RecipientList:
    candidates: list[tuple[RecipientSource, str | None]] = [
        (RecipientSource.CUSTOMER_MASTER_DATA, party.email),
        (RecipientSource.CONFIRMING_USER, confirming_user_email),
        (RecipientSource.TENANT_MASTER_DATA, tenant.email),
    ]
    if quote is not None:
        creator = session.get(UserRow, quote.created_by)
        candidates += [(RecipientSource.APPROVER, quote.approver_email),
                       (RecipientSource.QUOTE_CREATOR, creator.email if creator else None)]
    return confirmation_recipients(candidates)


def submit(session: Session, principal: Principal, body: OrderCreate,
           now: datetime, clock_speed: float) -> OrderConfirmation:
    """Locks the cart, then its quote, before reading them (retry.py's lock order): a second
    submission of the cart in another process waits, then finds it ordered."""
    lock_rows(session, CartRow, [body.cart_id])
    lock_rows(session, QuoteRow, [body.quote_id] if body.quote_id else
              session.scalars(select(QuoteRow.id).where(QuoteRow.cart_id == body.cart_id)))
    cart = visible(session, principal, CartRow, body.cart_id, "cart")
    quote = (visible(session, principal, QuoteRow, body.quote_id, "quote") if body.quote_id
             else quote_for_cart(session, cart.id))
    party = visible(session, principal, PartyRow, cart.customer_id, "customer")
    tenant = session.get(TenantRow, cart.tenant_id)
    assert tenant is not None  # foreign key
    found = check_order_submission(cart_domain(cart), quote_domain(quote) if quote else None,
                                   party_domain(party), tenant_from_row(tenant), now.date())
    if cart.state != CartState.ORDERED:
        found += [v for v in all_violations(session, principal, cart, now)
                  if v.code not in {f.code for f in found}]
    if found:
        raise RuleViolations(found)

    items = [item_out(stored) for stored in cart.items]
    main = next(item for item in items if item.family != ProductFamily.FEE.value)
    product = product_by_code(main.product_code)
    assert product is not None  # validated with the cart
    plan = processing_plan(product.family, cart_domain(cart).business_transaction)
    recipients = recipients_for(session, party, principal.user.email, quote, tenant)
    recipients_out = [RecipientOut(email=r.email, sources=list(r.sources))
                      for r in recipients.recipients]
    cart.state, cart.updated_at = CartState.ORDERED, now
    if quote is not None:
        quote.state, quote.updated_at = QuoteState.ORDERED, now
    session.flush()  # the locked rows change before a counter is taken (retry.py)
    order_id = new_id("order")
    speed = max(clock_speed, 1e-6)
    row = OrderRow(
        id=order_id, order_number=business_number(session, "AU"), tenant_id=cart.tenant_id,
        customer_id=party.id, cart_id=cart.id, quote_id=quote.id if quote else None,
        business_transaction=cart.business_transaction, product_code=product.code,
        status=OrderStatus.RECEIVED, clearing_note=None, automation=plan.degree,
        created_at=now, created_by=principal.user.id, contract_id=cart.contract_id,
        contract_number=None, due_processing_at=now + plan.starts_after / speed,
        due_completion_at=now + plan.completes_after / speed,
        becomes_clearing_case=is_clearing_case(order_id, plan.degree),
        snapshot={
            "tenant_name": tenant.name, "customer_name": party.company, "cart_id": cart.id,
            "quote_id": quote.id if quote else None,
            "quote_number": quote.quote_number if quote else None,
            "business_transaction": cart.business_transaction,
            "product_family": product.family.value, "product_code": product.code,
            "product_name_de": product.name_de, "product_name_en": product.name_en,
            "created_by_name": principal.user.display_name,
            "quote_created_by_name": user_name(session, quote.created_by) if quote else None,
            "approver_email": quote.approver_email if quote else None,
            "items": [item.model_dump(mode="json") for item in items],
            "totals": totals(items).model_dump(mode="json"),
            "recipients": [r.model_dump(mode="json") for r in recipients_out],
        },
        updated_at=now)
    session.add(row)
    session.flush()  # no relationship() orders the INSERTs: the event's foreign key needs it
    session.add(OrderEventRow(order_id=order_id, status=OrderStatus.RECEIVED, at=now, note=None))
    session.add(OutboxRow(kind="order_confirmation", tenant_id=cart.tenant_id,
                          reference_id=order_id,
                          subject=f"Auftragseingangsbestätigung {row.order_number}",
                          recipients=[r.model_dump(mode="json") for r in recipients_out],
                          created_at=now))
    session.flush()  # every change made: the feed records come last
    publish.cart(session, cart, now)
    if quote is not None:
        publish.quote(session, quote, cart, now)
    publish.order(session, row, now)
    order = order_out(session, row)
    return OrderConfirmation(order=order, documents=order.documents, recipients=recipients_out,
                             recipient_problems=[violation_out(v) for v in recipients.problems])
