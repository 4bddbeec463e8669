"""Listening: long-polled pulls against the live server, tracked pages, the pulls' lock, a
backend without long-poll, a cancel during the wait, and a writer that never pauses."""

import threading
from collections.abc import Iterator

import pytest
from desktop_app.api import ApiClient
from desktop_app.cache.notifications import changed_count, changed_order_ids
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync, SyncResult
from desktop_app.sync.listen import UNSUPPORTED_STREAK, ListenEnd, listen
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken, SyncCancelled
from sqlalchemy import text

from tests.sync.live_changes import (
    RecordingFeed,
    cached_versions,
    caught_up,
    server_versions,
    tenant_of,
    touch_orders,
)
from tests.sync.support import assert_cache_equals_server

pytestmark = pytest.mark.usefixtures("no_thread_left")
WAIT = 5.0  # seconds per long-poll (a cancelled one ends on its own within that)
JOIN = 60.0  # generous: how long a test waits for a listener to end


@pytest.fixture
def synced(client: ApiClient, cache: LiveCache) -> LiveCache:
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    return cache


class Listener:
    """listen() on a thread of its own; rounds and the outcome recorded."""

    def __init__(self, source: RecordingFeed, cache: LiveCache, wait: float = WAIT) -> None:
        self.cancel = CancelToken()
        self.rounds: list[SyncResult] = []
        self.applied = threading.Event()
        self.outcome: ListenEnd | BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(source, cache, wait),
                                        name="test-listener")
        self._thread.start()

    def _run(self, source: RecordingFeed, cache: LiveCache, wait: float) -> None:
        def on_round(result: SyncResult) -> None:
            self.rounds.append(result)
            if result.changes:
                self.applied.set()
        try:
            self.outcome = listen(source, cache, self.cancel, on_round, wait=wait)
        except BaseException as error:
            self.outcome = error

    def stop(self) -> ListenEnd | BaseException | None:
        self.cancel.cancel()
        self._thread.join(JOIN)
        assert not self._thread.is_alive()
        return self.outcome


@pytest.fixture
def listeners() -> Iterator[list[Listener]]:
    started: list[Listener] = []
    yield started
    for listener in started:
        listener.stop()


def test_the_first_request_of_a_pull_waits_and_later_pages_do_not(
        server: EmbeddedServer, client: ApiClient, cache: LiveCache) -> None:
    first = RecordingFeed(client)
    sync_catalog(client, cache)
    ChangeSync(first, cache, page_size=200).run(wait=WAIT)
    assert set(first.waits) == {0}  # an empty cache is filled in bulk: nothing waits
    with cache.store.session() as session:
        assert changed_count(session) == 0  # and nothing is news

    with cache.store.session() as session:
        received = set(session.scalars(text("SELECT id FROM orders WHERE status = 'received'")))
    touched = touch_orders(server, tenant_of(client), count=450)
    live = RecordingFeed(client)
    result = ChangeSync(live, cache, page_size=200).run(wait=WAIT)
    assert result.changes == len(touched) and result.pages == 3
    assert live.waits == [WAIT, 0, 0]  # answered at once: changes were there
    with cache.store.session() as session:
        # a live pull tracks its pages: the orders that moved on are marked, not those
        # that only got a new updated_at
        moved = received & set(touched)
        assert moved and changed_order_ids(session, list(touched)) == moved
    assert_cache_equals_server(cache, client)


def test_a_change_on_the_server_wakes_the_listener(
        server: EmbeddedServer, client: ApiClient, synced: LiveCache,
        listeners: list[Listener]) -> None:
    feed = RecordingFeed(client)
    listener = Listener(feed, synced)
    listeners.append(listener)
    assert feed.in_flight.wait(JOIN)  # the long-poll is open
    touched = touch_orders(server, tenant_of(client), count=1)
    assert listener.applied.wait(JOIN)
    assert [r.changes for r in listener.rounds if r.changes] == [1]
    order_id, updated = next(iter(touched.items()))
    assert cached_versions(synced)[order_id] == server_versions(client)[order_id]
    assert updated is not None
    assert isinstance(listener.stop(), SyncCancelled)
    listeners.clear()


def test_a_cancel_ends_a_pending_long_poll(client: ApiClient, synced: LiveCache) -> None:
    feed = RecordingFeed(client)
    listener = Listener(feed, synced)
    assert feed.in_flight.wait(JOIN)
    assert isinstance(listener.stop(), SyncCancelled)  # while the wait is still open
    assert listener.rounds == []


def test_a_backend_without_long_poll_ends_listening(
        client: ApiClient, synced: LiveCache, listeners: list[Listener]) -> None:
    feed = RecordingFeed(client, strip_wait=True)  # every answer comes at once
    listener = Listener(feed, synced)
    listeners.append(listener)
    listener._thread.join(JOIN)
    assert listener.outcome is ListenEnd.UNSUPPORTED
    assert len(listener.rounds) == UNSUPPORTED_STREAK
    assert all(result.changes == 0 for result in listener.rounds)


def test_listening_needs_a_wait(client: ApiClient, synced: LiveCache) -> None:
    with pytest.raises(ValueError, match="wait"):
        listen(client, synced, CancelToken(), lambda _result: None, wait=0)


def test_a_concurrent_writer_loses_and_doubles_nothing(
        server: EmbeddedServer, client: ApiClient, synced: LiveCache,
        listeners: list[Listener]) -> None:
    """A writer commits without pause while the listener and a regular sync both pull the
    same cache: their lock makes them take turns, so no page is fetched for the same
    cursor twice (no seq arrives twice) and the cache ends equal to the server."""
    feed = RecordingFeed(client)
    listeners.append(Listener(feed, synced))
    tenant = tenant_of(client)
    stop = threading.Event()
    commits = 0

    def write() -> None:
        nonlocal commits
        while not stop.is_set() and commits < 300:
            touch_orders(server, tenant, count=1 + commits % 3, offset=commits % 50)
            commits += 1

    writer = threading.Thread(target=write, name="test-writer")
    writer.start()
    try:
        regular = RecordingFeed(client)
        while writer.is_alive():  # the periodic sync, as often as it can
            ChangeSync(regular, synced).run()
    finally:
        stop.set()
        writer.join(JOIN)
    deadline_rounds = 0
    while not caught_up(client, synced) and deadline_rounds < 600:
        listeners[0].applied.clear()
        listeners[0].applied.wait(0.1)
        deadline_rounds += 1
    assert caught_up(client, synced)
    assert isinstance(listeners[0].stop(), SyncCancelled)
    listeners.clear()
    seqs = feed.seqs + regular.seqs
    assert len(seqs) == len(set(seqs))  # nothing fetched (and applied) twice
    assert commits > 10 and feed.seqs and regular.seqs  # both pulled while it wrote
    assert cached_versions(synced) == server_versions(client)
    assert_cache_equals_server(synced, client)


def test_the_cycle_collector_stays_on_while_a_long_poll_waits(
        server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause of the cycle collector (for bulk loads) is process-wide: a listener that
    waits most of the time must not keep it off for the whole app."""
    import gc

    sync_catalog(client, cache)
    ChangeSync(client, cache).run()  # the first sync, in bulk
    seen: list[bool] = []
    answer = client.changes_raw

    def recording(since: str | None = None, limit: int = 500, wait: float = 0) -> bytes:
        seen.append(gc.isenabled())
        return answer(since, limit, wait)

    monkeypatch.setattr(client, "changes_raw", recording)
    ChangeSync(client, cache).run(wait=0.5)  # a listener round: nothing new, it waits
    assert seen and all(seen)
