"""Generated caches for the dashboard's tests and its benchmark: orders spread over the last
two years up to `today` (the older ones completed, the newest still received), clearing
cases, and carts and quotes in every state near their validity dates."""

import random
from datetime import UTC, date, datetime, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import Model, apply_page, begin_bulk_load, finish_bulk_load
from desktop_app.contract.orders import OrderOut, StatusEventOut
from desktop_app.domain.business_time import business_midnight
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    CartState,
    OrderStatus,
    QuoteState,
)

from tests.cache import records

SPAN_DAYS = 730


def _order(n: int, rng: random.Random, now: datetime) -> OrderOut:
    created = now - timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
    degree = rng.choice(list(AutomationDegree))
    takes = {AutomationDegree.FULL: timedelta(minutes=rng.randrange(2, 30)),
             AutomationDegree.PARTIAL: timedelta(hours=rng.randrange(4, 96)),
             AutomationDegree.MANUAL: timedelta(days=rng.randrange(2, 20))}[degree]
    starts = created + takes / 4
    done = created + takes
    history = [StatusEventOut(status=OrderStatus.RECEIVED, at=created)]
    status = OrderStatus.RECEIVED
    if starts <= now:
        history.append(StatusEventOut(status=OrderStatus.IN_PROCESSING, at=starts))
        status = OrderStatus.IN_PROCESSING
    if done <= now:
        history.append(StatusEventOut(status=OrderStatus.COMPLETED, at=done))
        status = OrderStatus.COMPLETED
    base = records.order(
        n, product_code=rng.choice(list(records.PRODUCTS)), status=status,
        transaction=rng.choice(list(BusinessTransaction)), created_at=created,
        contract_number=f"VT-{10000000 + n}" if status is OrderStatus.COMPLETED else None,
        created_by=f"u-{rng.randrange(5)}", cart_id=f"cart-o{n}", quote_id=None,
    )  # fmt: skip
    clearing = (f"Klärung {n}: Rufnummer prüfen" if status is OrderStatus.IN_PROCESSING
                and rng.random() < 0.2 else None)
    return base.model_copy(update={"history": history, "automation": degree,
                                   "updated_at": history[-1].at, "clearing_note": clearing})


def _carts_and_quotes(count: int, rng: random.Random, today: date) -> list[Model]:
    models: list[Model] = []
    for n in range(count):
        cart = records.cart(f"cart-{n}")
        if rng.random() < 0.3:
            models.append(cart.model_copy(update={"state": CartState.OPEN, "quote_id": None}))
            continue
        state = rng.choice([QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED,
                            QuoteState.REJECTED, QuoteState.WITHDRAWN, QuoteState.EXPIRED])
        prospect = rng.random() < 0.3
        quote = records.quote(f"quote-{n}", f"cart-{n}", quote_number=f"AN-{n:08d}",
                              state=state).model_copy(update={
            "valid_until": today + timedelta(days=rng.randrange(-5, 30)),
            "provider_approval_required": prospect,
            "provider_approved_at": None if not prospect or rng.random() < 0.6
            else records.BASE_TIME,
        })  # fmt: skip
        models.append(cart.model_copy(update={"state": CartState.QUOTED,
                                              "quote_id": f"quote-{n}"}))
        models.append(quote)
    return models


def fill(store: CacheStore, orders: int, today: date, *, carts: int = 200,
         seed: int = 14) -> None:
    """`orders` orders (bulk loaded as a first sync fills an empty cache) and `carts` carts,
    as of noon (Berlin) on `today`."""
    rng = random.Random(seed)
    now = (business_midnight(today) + timedelta(hours=12)).astimezone(UTC)
    begin_bulk_load(store)
    batch: list[Model] = []
    for n in range(orders):
        batch.append(_order(n, rng, now))
        if len(batch) == 1000:
            apply_page(store, records.upserts(batch), [], str(n))
            batch = []
    batch += _carts_and_quotes(carts, rng, today)
    apply_page(store, records.upserts(batch), [], "end")
    finish_bulk_load(store)
