"""Rules for the quote lifecycle: create, send, withdraw, approve (customer and provider)."""

from datetime import date, timedelta

from desktop_app.domain import names
from desktop_app.domain.entities import Cart, Party, Quote, User
from desktop_app.domain.enums import CartState, PartyKind, QuoteState, Role
from desktop_app.domain.validation import check_email
from desktop_app.domain.violations import Violation, violation

QUOTE_VALIDITY = timedelta(days=30)


def quote_valid_until(created: date) -> date:
    return created + QUOTE_VALIDITY


# The states in which a quote still counts; past its validity date such a quote has expired.
LIVE_QUOTE_STATES = frozenset({QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED})


def quote_state_on(state: QuoteState, valid_until: date, today: date) -> QuoteState:
    """The state a quote has on `today`: a live quote past its validity date is expired,
    even before the backend's expiry run has said so."""
    if state in LIVE_QUOTE_STATES and today > valid_until:
        return QuoteState.EXPIRED
    return state


def provider_approval_required(party: Party) -> bool:
    """A prospect's quote must additionally be checked and approved by the provider."""
    return party.kind is PartyKind.PROSPECT


def check_cart_editable(cart: Cart) -> list[Violation]:
    """Once a quote exists (or the cart was ordered) the cart is read-only."""
    if cart.state is not CartState.OPEN:
        return [violation("CART_NOT_OPEN", "cart", state=names.cart_state(cart.state))]
    return []


def check_quote_creation(cart: Cart, existing_quote_id: str | None) -> list[Violation]:
    """One quote per cart, from an open cart with at least one item."""
    if existing_quote_id is not None:
        return [violation("QUOTE_EXISTS", "cart", quote=existing_quote_id)]
    found = check_cart_editable(cart)
    if not cart.items:
        found.append(violation("CART_EMPTY", "items"))
    return found


def check_quote_send(quote: Quote, master_data_email: str | None,
                     extra_recipient: str | None, today: date) -> list[Violation]:
    """Sent to the master-data address plus at most one optional extra recipient."""
    found = _check_state(quote, (QuoteState.OPEN, QuoteState.SENT))
    found += _check_not_expired(quote, today)
    if master_data_email is None or not master_data_email.strip():
        found.append(violation("MASTER_DATA_EMAIL_MISSING", "master_data_email"))
    else:
        found += check_email(master_data_email, "master_data_email")
    if extra_recipient is not None and extra_recipient.strip():
        found += check_email(extra_recipient, "extra_recipient")
    return found


def check_quote_withdrawal(quote: Quote) -> list[Violation]:
    return _check_state(quote, (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED))


def check_customer_decision(quote: Quote, approver_email: str | None,
                            today: date) -> list[Violation]:
    """The customer answers a sent quote via its link; the approver's email is recorded."""
    found = _check_state(quote, (QuoteState.SENT,))
    found += _check_not_expired(quote, today)
    found += check_email(approver_email, "approver_email")
    return found


def check_provider_approval(quote: Quote, user: User, today: date) -> list[Violation]:
    if user.role is not Role.PROVIDER_STAFF:
        return [violation("PROVIDER_STAFF_ONLY", "user")]
    if not quote.provider_approval_required:
        return [violation("PROVIDER_APPROVAL_NOT_REQUIRED", "quote")]
    return (_check_state(quote, (QuoteState.SENT, QuoteState.APPROVED))
            + _check_not_expired(quote, today))


def _check_state(quote: Quote, allowed: tuple[QuoteState, ...]) -> list[Violation]:
    if quote.state not in allowed:
        return [violation("QUOTE_STATE_INVALID", "quote.state",
                          state=names.quote_state(quote.state))]
    return []


def _check_not_expired(quote: Quote, today: date) -> list[Violation]:
    if quote.state is not QuoteState.EXPIRED and quote.is_expired(today):
        return [violation("QUOTE_EXPIRED", "quote.valid_until",
                          until=quote.valid_until.strftime("%d.%m.%Y"))]
    return []
