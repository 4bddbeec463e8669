"""Resuming a cart stored on the backend: its items back into the clerk's editable form, and
the page the wizard continues on (cart, quote, approval or order)."""

from dataclasses import dataclass

from desktop_app.api import ApiClient
from desktop_app.contract.carts import (
    CartItemIn,
    CartItemOut,
    CartOut,
    QuoteOut,
    SelectedOptionIn,
    UsageLocationIn,
)
from desktop_app.contract.parties import AddressIn, PartyOut
from desktop_app.domain.enums import CartState, QuoteState
from desktop_app.gui.ordering.wizard.ids import PageId


@dataclass(frozen=True)
class StoredCart:
    cart: CartOut
    quote: QuoteOut | None
    party: PartyOut


def load_cart(client: ApiClient, cart_id: str) -> StoredCart:
    """On a worker: the cart, its quote and its customer, fresh from the backend."""
    cart = client.get_cart(cart_id)
    quote = client.quote(cart.quote_id) if cart.quote_id else None
    return StoredCart(cart, quote, client.customer(cart.customer_id))


def items_in(items: list[CartItemOut]) -> list[CartItemIn]:
    """The clerk's items as they are sent back (the automatic fee is the backend's)."""
    return [
        CartItemIn(
            product_code=item.product_code, quantity=item.quantity,
            options=[SelectedOptionIn(code=o.code, quantity=o.quantity,
                                      phone_numbers=list(o.phone_numbers))
                     for o in item.options],
            usage_locations=[UsageLocationIn(
                address=AddressIn(street=u.address.street, postal_code=u.address.postal_code,
                                  city=u.address.city, country=u.address.country),
                phone_numbers=list(u.phone_numbers)) for u in item.usage_locations])
        for item in items if not item.automatic
    ]  # fmt: skip


def resume_page(stored: StoredCart) -> PageId:
    """Where the clerk carries on: an open cart is edited; a quote waits to be sent or
    approved; an approved one is ordered."""
    quote = stored.quote
    if stored.cart.state is CartState.OPEN or quote is None:
        return PageId.CART
    if quote.state is QuoteState.OPEN:
        return PageId.QUOTE
    if quote.state is QuoteState.APPROVED and (not quote.provider_approval_required
                                               or quote.provider_approved_at is not None):
        return PageId.SUBMIT
    return PageId.APPROVAL
