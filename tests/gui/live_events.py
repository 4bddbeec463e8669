"""Live events for the notification tests: a record's state before (an untracked page, as
the first sync wrote it) and the tracked live page that moves it, as the sync applies them."""

from datetime import datetime, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import Model, apply_page
from desktop_app.contract.orders import OrderOut
from desktop_app.domain.enums import CartState, OrderStatus, QuoteState
from desktop_app.domain.notifications import NotificationKind

from tests.cache import records
from tests.gui.window import USER

LATER = records.BASE_TIME + timedelta(days=400)  # newer than every generated order
QUOTE_CUSTOMER = "Schröder Bau AG"


def _page(store: CacheStore, models: list[Model], cursor: str, *, track: bool) -> None:
    apply_page(store, records.upserts(models), [], cursor, track=track)


def _order(number: int, status: OrderStatus, user: str, contract_number: str | None = None,
           updated_at: datetime | None = None) -> OrderOut:
    return records.order(number, status=status, quote_id=None, created_by=user,
                         customer_name="Neumann Krause KG", contract_number=contract_number,
                         updated_at=updated_at)


def order_number(number: int) -> str:
    return f"AU-{number:08d}"


def quote_number(number: int) -> str:
    return f"AN-{number:08d}"


def cart_id(number: int) -> str:
    return f"cart-{number}"


def happen(store: CacheStore, kind: NotificationKind, number: int, *, user: str = USER,
           step: int = 0) -> None:
    """One event of `kind` on record `number` (created by `user`): its state before, then the
    live page with the transition. `step` orders events in time (later steps happen later)."""
    at = LATER + timedelta(minutes=step)
    if kind in (NotificationKind.ORDER_COMPLETED, NotificationKind.ORDER_CLEARING):
        if kind is NotificationKind.ORDER_COMPLETED:
            before = _order(number, OrderStatus.IN_PROCESSING, user)
            after = _order(number, OrderStatus.COMPLETED, user,
                           contract_number=f"VT-{20000000 + number}", updated_at=at)
        else:
            before = _order(number, OrderStatus.RECEIVED, user)
            after = _order(number, OrderStatus.IN_PROCESSING, user, updated_at=at)
        _page(store, [before], f"before-{number}", track=False)
        _page(store, [after], f"live-{number}-{step}", track=True)
        return
    state = {NotificationKind.QUOTE_APPROVED: QuoteState.APPROVED,
             NotificationKind.QUOTE_REJECTED: QuoteState.REJECTED,
             NotificationKind.QUOTE_EXPIRED: QuoteState.EXPIRED}[kind]
    quote_id, cart = f"quote-{number}", cart_id(number)
    customer = f"party-{number}"

    def quote(quote_state: QuoteState, updated: datetime = records.BASE_TIME) -> Model:
        return records.quote(quote_id, cart, state=quote_state, created_by=user,
                             quote_number=quote_number(number), customer_id=customer,
                             updated_at=updated)

    quoted_cart = records.cart(cart, customer).model_copy(
        update={"state": CartState.QUOTED, "quote_id": quote_id, "created_by": user})
    _page(store, [records.party(customer, QUOTE_CUSTOMER), quoted_cart, quote(QuoteState.SENT)],
          f"before-{number}", track=False)
    _page(store, [quote(state, at)], f"live-{number}-{step}", track=True)
