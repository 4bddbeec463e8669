"""Put the current state of a record into the change feed, in the caller's transaction."""

from datetime import datetime

from sqlalchemy.orm import Session

from desktop_app.contract.changes import ChangeKind
from desktop_app.server import feed
from desktop_app.server.db import CartRow, ContractRow, OrderRow, PartyRow, QuoteRow
from desktop_app.server.orders_view import order_out
from desktop_app.server.render import cart_out, contract_out, item_out, party_out, quote_out, totals
from desktop_app.server.services.lookup import quote_for_cart, user_name


def party(session: Session, row: PartyRow, now: datetime) -> None:
    feed.record(session, ChangeKind.CUSTOMER, row.id, row.tenant_id,
                party_out(row).model_dump(mode="json"), now)


def contract(session: Session, row: ContractRow, now: datetime) -> None:
    feed.record(session, ChangeKind.CONTRACT, row.id, row.tenant_id,
                contract_out(row).model_dump(mode="json"), now)


def cart(session: Session, row: CartRow, now: datetime) -> None:
    quote = quote_for_cart(session, row.id)
    feed.record(session, ChangeKind.CART, row.id, row.tenant_id,
                cart_out(row, quote.id if quote else None).model_dump(mode="json"), now)


def quote(session: Session, row: QuoteRow, cart_row: CartRow, now: datetime) -> None:
    cart_totals = totals([item_out(stored) for stored in cart_row.items])
    data = quote_out(row, user_name(session, row.created_by) or "", cart_totals)
    feed.record(session, ChangeKind.QUOTE, row.id, row.tenant_id, data.model_dump(mode="json"), now)


def order(session: Session, row: OrderRow, now: datetime) -> None:
    session.flush()
    feed.record(session, ChangeKind.ORDER, row.id, row.tenant_id,
                order_out(session, row).model_dump(mode="json"), now)


def deleted(session: Session, kind: ChangeKind, record_id: str, tenant_id: str,
            now: datetime) -> None:
    feed.record(session, kind, record_id, tenant_id, None, now)
