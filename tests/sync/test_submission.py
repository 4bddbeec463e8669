"""Submitting an order exactly once: the key is cached first, a dropped answer is retried
with it, a restart finishes what was in flight, a refusal closes the submission."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, OfflineError, RuleViolationError, new_idempotency_key
from desktop_app.cache import submissions
from desktop_app.cache.store import CacheStore
from desktop_app.cache.transfer import copy_catalog
from desktop_app.contract.orders import OrderConfirmation, OrderCreate
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.submission import resume_in_flight, submit_once

from tests.sync.ordering import a_customer, answers_dropped, open_cart, orders_of_cart


class Recording:
    """Checks, at the moment the request goes out, that the key is already cached."""

    def __init__(self, client: ApiClient, cache: LiveCache) -> None:
        self.client, self.cache = client, cache
        self.seen: list[bool] = []

    def submit_order(self, order: OrderCreate, idempotency_key: str) -> OrderConfirmation:
        stored = submissions.submission(self.cache.store, idempotency_key)
        self.seen.append(stored is not None and stored.in_flight)
        return self.client.submit_order(order, idempotency_key)


def test_key_is_cached_before_sending_and_closed_after(server: EmbeddedServer,
                                                       client: ApiClient,
                                                       cache: LiveCache) -> None:
    cart = open_cart(client, a_customer(client))
    key = new_idempotency_key()
    recording = Recording(client, cache)
    confirmation = submit_once(recording, cache.store, key, cart, None)
    assert recording.seen == [True]
    stored = submissions.submission(cache.store, key)
    assert stored is not None and not stored.in_flight
    assert stored.order_id == confirmation.order.id
    assert submissions.in_flight(cache.store) == []
    assert orders_of_cart(server, cart) == 1


def test_dropped_answer_then_retry_creates_exactly_one_order(
        server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cart = open_cart(client, a_customer(client))
    key = new_idempotency_key()
    with answers_dropped(monkeypatch) as dropped, pytest.raises(OfflineError):
        submit_once(client, cache.store, key, cart, None)
    assert dropped == [201]  # the backend committed the order
    assert orders_of_cart(server, cart) == 1
    assert [p.idempotency_key for p in submissions.in_flight(cache.store)] == [key]
    again = submit_once(client, cache.store, key, cart, None)  # the second click
    assert orders_of_cart(server, cart) == 1
    assert again.order.cart_id == cart
    assert submissions.in_flight(cache.store) == []


def test_restart_resumes_in_flight_submission_once(server: EmbeddedServer, client: ApiClient,
                                                   cache: LiveCache,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cart = open_cart(client, a_customer(client))
    key = new_idempotency_key()
    with answers_dropped(monkeypatch), pytest.raises(OfflineError):
        submit_once(client, cache.store, key, cart, None)
    path = cache.path
    cache.close()  # the app dies
    reopened = LiveCache(path)
    try:
        outcomes = resume_in_flight(client, reopened.store)
        assert [(o.key, o.still_in_flight) for o in outcomes] == [(key, False)]
        assert outcomes[0].confirmation is not None
        assert orders_of_cart(server, cart) == 1
        assert resume_in_flight(client, reopened.store) == []  # nothing left
    finally:
        reopened.close()


def test_refused_submission_is_closed(client: ApiClient, cache: LiveCache) -> None:
    cart = open_cart(client, a_customer(client))
    submit_once(client, cache.store, new_idempotency_key(), cart, None)
    second = new_idempotency_key()
    with pytest.raises(RuleViolationError) as refused:
        submit_once(client, cache.store, second, cart, None)
    assert refused.value.codes == ["CART_ALREADY_ORDERED"]
    stored = submissions.submission(cache.store, second)
    assert stored is not None and not stored.in_flight and stored.last_error
    assert submissions.in_flight(cache.store) == []


def test_a_key_belongs_to_one_cart(client: ApiClient, cache: LiveCache) -> None:
    customer = a_customer(client)
    first, other = open_cart(client, customer), open_cart(client, customer)
    key = new_idempotency_key()
    submit_once(client, cache.store, key, first, None)
    with pytest.raises(ValueError, match="one cart"):
        submit_once(client, cache.store, key, other, None)


def test_a_full_resync_keeps_the_submissions_in_flight(tmp_path: Path) -> None:
    old, fresh = CacheStore(tmp_path / "old.sqlite3"), CacheStore(tmp_path / "new.sqlite3")
    try:
        submissions.record(old, "key-1", "cart-1", None,
                           datetime.now(UTC))
        copy_catalog(old, fresh)  # what ChangeSync._full_resync does before the swap
        assert [p.idempotency_key for p in submissions.in_flight(fresh)] == ["key-1"]
    finally:
        old.dispose()
        fresh.dispose()
