"""Quotes: send, withdraw, the customer's decision and the provider's approval."""

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.entities import Quote
from desktop_app.domain.enums import QuoteState, RecipientSource
from desktop_app.domain.quotes import (
    check_customer_decision,
    check_provider_approval,
    check_quote_send,
    check_quote_withdrawal,
)
from desktop_app.domain.violations import Violation
from desktop_app.server.auth import Principal
from desktop_app.server.db import CartRow, OutboxRow, PartyRow, QuoteRow
from desktop_app.server.locking import lock_rows
from desktop_app.server.problems import RuleViolations
from desktop_app.server.render import item_out, quote_domain, quote_out, totals
from desktop_app.server.services import publish
from desktop_app.server.services.lookup import user_name, visible


def _finish(session: Session, row: QuoteRow, now: datetime) -> QuoteOut:
    cart = session.get(CartRow, row.cart_id)
    assert cart is not None  # foreign key
    row.updated_at = now
    session.flush()
    publish.quote(session, row, cart, now)
    return quote_out(row, user_name(session, row.created_by) or "",
                     totals([item_out(stored) for stored in cart.items]))


def _apply(session: Session, principal: Principal, quote_id: str, now: datetime,
           check: Callable[[Quote, QuoteRow], list[Violation]]) -> QuoteRow:
    # Locked before it is read: the check sees the newest state, and a concurrent change of
    # this quote (another process, the simulator's expiry) waits instead of being overwritten.
    lock_rows(session, QuoteRow, [quote_id])
    row = visible(session, principal, QuoteRow, quote_id, "quote")
    found = check(quote_domain(row), row)
    if found:
        raise RuleViolations(found)
    return row


def send(session: Session, principal: Principal, quote_id: str, extra_recipient: str | None,
         now: datetime) -> QuoteOut:
    extra = extra_recipient.strip() if extra_recipient and extra_recipient.strip() else None

    def check(quote: Quote, row: QuoteRow) -> list[Violation]:
        party = session.get(PartyRow, row.customer_id)
        return check_quote_send(quote, party.email if party else None, extra, now.date())

    row = _apply(session, principal, quote_id, now, check)
    party = session.get(PartyRow, row.customer_id)
    assert party is not None and party.email is not None  # checked above
    recipients = [{"email": party.email, "sources": [RecipientSource.CUSTOMER_MASTER_DATA]}]
    if extra:
        recipients.append({"email": extra, "sources": ["extra_recipient"]})
    row.state, row.sent_at, row.extra_recipient = QuoteState.SENT, now, extra
    row.sent_to = [recipient["email"] for recipient in recipients]
    session.add(OutboxRow(kind="quote", tenant_id=row.tenant_id, reference_id=row.id,
                          subject=f"Ihr Angebot {row.quote_number}", recipients=recipients,
                          created_at=now))
    return _finish(session, row, now)


def withdraw(session: Session, principal: Principal, quote_id: str, now: datetime) -> QuoteOut:
    row = _apply(session, principal, quote_id, now,
                 lambda quote, _row: check_quote_withdrawal(quote))
    row.state = QuoteState.WITHDRAWN
    return _finish(session, row, now)


def customer_decision(session: Session, principal: Principal, quote_id: str, approver_email: str,
                      approve: bool, now: datetime) -> QuoteOut:
    """What the customer's approval link does; the reference server lets clerks simulate it."""
    row = _apply(session, principal, quote_id, now,
                 lambda quote, _row: check_customer_decision(quote, approver_email, now.date()))
    row.state = QuoteState.APPROVED if approve else QuoteState.REJECTED
    row.approver_email, row.customer_decided_at = approver_email.strip(), now
    return _finish(session, row, now)


def provider_approval(session: Session, principal: Principal, quote_id: str,
                      now: datetime) -> QuoteOut:
    row = _apply(session, principal, quote_id, now,
                 lambda quote, _row: check_provider_approval(quote, principal.user, now.date()))
    row.provider_approved_by, row.provider_approved_at = principal.user.id, now
    return _finish(session, row, now)


EXPIRING_STATES = (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED)


def expire_overdue(session: Session, now: datetime) -> int:
    """Quotes past their validity date expire (run by the simulator); returns how many.

    Each expiry is conditional (`WHERE state IN (...)`): a quote ordered or withdrawn in
    the meantime, or expired by an overlapping round, stays as it is. All quotes change
    before the first feed record (retry.py's lock order).
    """
    overdue = sorted(session.scalars(select(QuoteRow.id).where(
        QuoteRow.state.in_(EXPIRING_STATES), QuoteRow.valid_until < now.date())))
    expired: list[QuoteRow] = []
    for quote_id in overdue:
        result = session.execute(
            update(QuoteRow).where(QuoteRow.id == quote_id, QuoteRow.state.in_(EXPIRING_STATES),
                                   QuoteRow.valid_until < now.date())
            .values(state=QuoteState.EXPIRED, updated_at=now)
            .execution_options(synchronize_session=False))
        if result.rowcount == 1:  # type: ignore[attr-defined]
            row = session.get(QuoteRow, quote_id, populate_existing=True)
            assert row is not None  # just updated
            expired.append(row)
    for row in expired:
        _finish(session, row, now)
    return len(expired)
