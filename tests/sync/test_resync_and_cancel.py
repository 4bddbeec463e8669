"""A cut full resync carries on where it stopped; the catalog survives it; cancel is prompt."""

import threading
import time
from datetime import timedelta

import pytest
from desktop_app.api import ApiClient
from desktop_app.cache.queries import statuses, sync_state
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartCreate
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.server import feed as server_feed
from desktop_app.server.database import utcnow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.prefetch import pages_ahead
from desktop_app.sync.progress import CancelToken, SyncCancelled, SyncProgress

from tests.sync.support import ScriptedFeed, assert_cache_equals_server


def _expire_cursor(server: EmbeddedServer, client: ApiClient) -> None:
    """Delete a cart and prune its tombstone: every older cursor now gets 410."""
    customer = client.customers(limit=1)[0]
    cart = client.create_cart(CartCreate(customer_id=customer.id,
                                         business_transaction=BusinessTransaction.NEW_ORDER))
    client.delete_cart(cart.id)
    with server.context.database.write() as session:
        server_feed.prune_tombstones(session, timedelta(0), utcnow() + timedelta(seconds=1))


def test_a_cut_full_resync_resumes_and_keeps_the_catalog(
        server: EmbeddedServer, client: ApiClient, cache: LiveCache) -> None:
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    _expire_cursor(server, client)
    token = CancelToken()

    def cancel_midway(progress: SyncProgress) -> None:
        if progress.phase == "resync" and progress.done >= 600:
            token.cancel()

    with pytest.raises(SyncCancelled):
        ChangeSync(client, cache, page_size=300).run(token, cancel_midway)
    fresh = cache.fresh_path()
    assert fresh.exists()  # kept, with its own cursor
    probe = CacheStore(fresh, repair_bulk_load=False)
    with probe.session() as session:
        cut_at = sync_state(session).cursor
    probe.dispose()
    assert cut_at is not None

    resumed = ScriptedFeed(client)
    result = ChangeSync(resumed, cache, page_size=300).run()
    assert result.full_resync and resumed.cursors[0] == cut_at  # not from zero
    assert not fresh.exists()
    with cache.store.session() as session:
        assert len(statuses(session)) == 3  # the catalog came along
    assert_cache_equals_server(cache, client)


class SlowSecondPage:
    """The second page hangs until `release` is set (a request on a slow line)."""

    def __init__(self, client: ApiClient) -> None:
        self.client, self.calls = client, 0
        self.release, self.returned = threading.Event(), threading.Event()

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        self.calls += 1
        if self.calls == 2:
            self.release.wait(30)
            self.returned.set()
        return self.client.changes_raw(since, limit)


def test_cancel_is_prompt_while_a_request_hangs(client: ApiClient, cache: LiveCache) -> None:
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    slow = SlowSecondPage(client)
    try:
        with pytest.raises(SyncCancelled):
            ChangeSync(slow, cache, page_size=200).run(token)
        # The sync gave up while the hanging call was still out (no wall-clock bound).
        assert not slow.returned.is_set()
    finally:
        slow.release.set()


class Failing:
    def __init__(self, client: ApiClient, fail_on: int) -> None:
        self.client, self.fail_on, self.calls = client, fail_on, 0

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        self.calls += 1
        if self.calls == self.fail_on:
            raise RuntimeError("boom")
        return self.client.changes_raw(since, limit)


def test_pages_ahead_hands_errors_to_the_consumer_in_order(client: ApiClient) -> None:
    stop = threading.Event()
    seen = 0
    with pytest.raises(RuntimeError, match="boom"):
        for _page in pages_ahead(Failing(client, fail_on=3), None, 100, stop):
            seen += 1
    assert seen == 2  # both good pages first, then the failure
    assert stop.is_set()


def test_pages_ahead_stops_its_thread_when_the_consumer_leaves(client: ApiClient) -> None:
    stop = threading.Event()
    before = set(threading.enumerate())

    def new_prefetchers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "sync-prefetch" and t not in before]

    for _page in pages_ahead(client, None, 100, stop):
        break
    deadline = time.monotonic() + 30
    while new_prefetchers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not new_prefetchers()
