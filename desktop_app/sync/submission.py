"""Submitting an order exactly once, across timeouts, dropped connections and restarts.

The key goes into the cache first (committed), then the request is sent with it. A transport
failure leaves the submission in flight: sending again with the same key, now or after a
restart (`resume_in_flight`), returns the order the backend created the first time. A refusal
(rule violations, 4xx) created nothing: the submission is closed and the error raised.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from desktop_app.api.errors import (
    ApiError,
    BadRequestError,
    Language,
    NotFoundError,
    RuleViolationError,
)
from desktop_app.cache import submissions
from desktop_app.cache.store import CacheStore
from desktop_app.contract.orders import OrderConfirmation, OrderCreate

__all__ = ["OrderSubmitter", "ResumeOutcome", "resume_in_flight", "submit_once"]

# Refusals: the backend decided, nothing was created; resending the same key cannot help.
_REFUSALS = (RuleViolationError, BadRequestError, NotFoundError)


class OrderSubmitter(Protocol):
    def submit_order(self, order: OrderCreate, idempotency_key: str) -> OrderConfirmation: ...


def _now() -> datetime:
    return datetime.now(UTC)


def submit_once(client: OrderSubmitter, store: CacheStore, key: str, cart_id: str,
                quote_id: str | None, language: Language = "de",
                now: Callable[[], datetime] = _now) -> OrderConfirmation:
    """Record the key, send, note the outcome; raises the API error when it failed."""
    existing = submissions.submission(store, key)
    if existing is not None and (existing.cart_id, existing.quote_id) != (cart_id, quote_id):
        raise ValueError("an idempotency key belongs to one cart and quote")
    submissions.record(store, key, cart_id, quote_id, now())
    try:
        confirmation = client.submit_order(OrderCreate(cart_id=cart_id, quote_id=quote_id), key)
    except _REFUSALS as error:
        submissions.abandon(store, key, error.message(language), now())
        raise
    except ApiError as error:  # offline, timeout, 5xx: possibly committed, still in flight
        submissions.note_error(store, key, error.message(language))
        raise
    order = confirmation.order
    submissions.finish(store, key, order.id, order.order_number, now())
    return confirmation


@dataclass(frozen=True)
class ResumeOutcome:
    """One in-flight submission after a resume: confirmed, refused, or still in flight."""

    key: str
    cart_id: str
    confirmation: OrderConfirmation | None
    error: ApiError | None

    @property
    def still_in_flight(self) -> bool:
        return self.confirmation is None and not isinstance(self.error, _REFUSALS)


def resume_in_flight(client: OrderSubmitter, store: CacheStore,
                     language: Language = "de") -> list[ResumeOutcome]:
    """Resend every submission left in flight, each with its own key (app start)."""
    outcomes: list[ResumeOutcome] = []
    for pending in submissions.in_flight(store):
        try:
            confirmation = submit_once(client, store, pending.idempotency_key, pending.cart_id,
                                       pending.quote_id, language)
        except ApiError as error:
            outcomes.append(ResumeOutcome(pending.idempotency_key, pending.cart_id, None, error))
        else:
            outcomes.append(ResumeOutcome(pending.idempotency_key, pending.cart_id,
                                          confirmation, None))
    return outcomes
