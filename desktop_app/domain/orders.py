"""Rules for submitting an order from a cart, with or without a quote."""

from datetime import date

from desktop_app.domain import names
from desktop_app.domain.entities import Cart, Party, Quote, Tenant
from desktop_app.domain.enums import CartState, PartyKind, QuoteState
from desktop_app.domain.violations import Violation, violation


def check_order_submission(cart: Cart, quote: Quote | None, party: Party, tenant: Tenant,
                           today: date) -> list[Violation]:
    """cart -> quote -> order; a partner with power of attorney may skip the quote.

    A prospect always goes through a quote, since the provider has to approve it.
    """
    if cart.state is CartState.ORDERED or (quote and quote.state is QuoteState.ORDERED):
        return [violation("CART_ALREADY_ORDERED", "cart_id")]
    found: list[Violation] = []
    if not cart.items:
        found.append(violation("CART_EMPTY", "items"))
    if quote is None:
        may_skip_quote = tenant.has_power_of_attorney and party.kind is PartyKind.CUSTOMER
        if not may_skip_quote:
            found.append(violation("ORDER_NEEDS_QUOTE", "quote_id"))
        return found
    if quote.cart_id != cart.id:
        return [*found, violation("QUOTE_OF_OTHER_CART", "quote_id", quote=quote.id)]
    if quote.is_expired(today):
        found.append(violation("QUOTE_EXPIRED", "quote_id",
                               until=quote.valid_until.strftime("%d.%m.%Y")))
    elif quote.state is not QuoteState.APPROVED:
        found.append(violation("QUOTE_NOT_APPROVED", "quote_id",
                               state=names.quote_state(quote.state)))
    if quote.provider_approval_required and not quote.provider_approved:
        found.append(violation("PROVIDER_APPROVAL_MISSING", "quote_id"))
    return found
