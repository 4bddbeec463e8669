"""Quotes: read, send, withdraw, customer decision (demo link) and provider approval."""

from fastapi import APIRouter

from desktop_app.contract.carts import CustomerDecision, QuoteOut, QuoteSend
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.database import utcnow
from desktop_app.server.db import CartRow, QuoteRow
from desktop_app.server.problems import ProblemError
from desktop_app.server.render import item_out, quote_out, totals
from desktop_app.server.services import quotes
from desktop_app.server.services.lookup import user_name, visible

router = APIRouter(tags=["quotes"])


@router.get("/quotes/{quote_id}")
def get_quote(quote_id: str, context: Context, principal: CurrentPrincipal) -> QuoteOut:
    with context.database.read() as session:
        row = visible(session, principal, QuoteRow, quote_id, "quote")
        cart = session.get(CartRow, row.cart_id)
        assert cart is not None
        return quote_out(row, user_name(session, row.created_by) or "",
                         totals([item_out(stored) for stored in cart.items]))


@router.post("/quotes/{quote_id}/send")
def send_quote(quote_id: str, body: QuoteSend, context: Context,
               principal: CurrentPrincipal) -> QuoteOut:
    with context.database.write() as session:
        return quotes.send(session, principal, quote_id, body.extra_recipient, utcnow())


@router.post("/quotes/{quote_id}/withdraw")
def withdraw_quote(quote_id: str, context: Context, principal: CurrentPrincipal) -> QuoteOut:
    with context.database.write() as session:
        return quotes.withdraw(session, principal, quote_id, utcnow())


@router.post("/quotes/{quote_id}/approval")
def customer_decision(quote_id: str, body: CustomerDecision, context: Context,
                      principal: CurrentPrincipal) -> QuoteOut:
    """Simulates the customer's approval link; only where the server allows demo approvals."""
    if not context.settings.demo_approvals:
        raise ProblemError(403, "Forbidden", "Customers approve quotes through their link.")
    with context.database.write() as session:
        return quotes.customer_decision(session, principal, quote_id, body.approver_email,
                                        body.approve, utcnow())


@router.post("/quotes/{quote_id}/provider-approval")
def provider_approval(quote_id: str, context: Context, principal: CurrentPrincipal) -> QuoteOut:
    with context.database.write() as session:
        return quotes.provider_approval(session, principal, quote_id, utcnow())
