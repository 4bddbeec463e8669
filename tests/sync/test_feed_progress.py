"""The feed must make progress (issue 17, item 2).

A hostile server on 127.0.0.1 in front of the reference backend hands back cursors that stand
still, go back, change epoch, or a `remaining` that never shrinks. The real sync stops at the
first such page with a clear message, leaves the cache as it was before that page, and backs
off: further pulls of the cache are refused without a request until the backoff has passed.
Never a loop, on a first sync, a live cache and the listener alike.
"""

import json
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.cache.queries import sync_state
from desktop_app.contract.changes import ChangeKind
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.sync import feed_check
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.feed_check import FeedStalledError, StallBackoff, forget_stall
from desktop_app.sync.listen import listen
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import parse_page
from desktop_app.sync.prefetch import AHEAD
from desktop_app.sync.progress import CancelToken

from tests.sync.hostile_server import (
    Behaviour,
    HostileServer,
    Seen,
    backwards_cursor,
    rewrite_page,
    standing_cursor,
    wait_until,
)
from tests.sync.support import assert_cache_equals_server, cached_order_ids

FEED_THREADS = {"sync-prefetch", "sync-listen", "sync-feed"}
PAGE = 50  # the demo seed gives max.nord ~3,300 changes: dozens of pages
# The bad page, the pages the prefetch fetched meanwhile (AHEAD queued, one in flight) and
# the ones before it: what one attempt may cost at most.
ONE_ATTEMPT = AHEAD + 2
STALL_AT = datetime(2026, 3, 2, 14, 30)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hostile(server: EmbeddedServer) -> Iterator[HostileServer]:
    running = HostileServer(server.base_url)
    yield running
    running.stop()


@pytest.fixture
def hostile_client(hostile: HostileServer) -> Iterator[ApiClient]:
    settings = ApiSettings(base_url=hostile.api, max_retries=0)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    api = ApiClient(settings, auth)
    yield api
    api.close()


def _feed_requests(hostile: HostileServer) -> list[Seen]:
    return hostile.requests_to("GET", "/changes")


def _settled(hostile: HostileServer) -> int:
    """The feed requests once the pulls' fetching threads have ended: a call the prefetch
    had in flight when the pull stopped reaches the server a moment later (and counts)."""
    assert wait_until(lambda: not any(thread.name in FEED_THREADS and thread.is_alive()
                                      for thread in threading.enumerate()))
    assert wait_until(lambda: hostile.active == 0)
    return len(_feed_requests(hostile))


def _cursor(cache: LiveCache) -> str | None:
    with cache.store.session() as session:
        return sync_state(session).cursor


def _last_error(cache: LiveCache) -> str | None:
    with cache.store.session() as session:
        return sync_state(session).last_error


def _orders_of_first_pages(client: ApiClient, pages: int) -> list[str]:
    cursor: str | None = None
    ids: list[str] = []
    for _ in range(pages):
        page = parse_page(client.changes_raw(cursor, PAGE))
        ids += [record["id"] for kind, record in page.upserts if kind is ChangeKind.ORDER]
        cursor = page.next_cursor
    return sorted(set(ids))


def test_a_standing_cursor_stops_the_first_sync_and_backs_off(
        hostile: HostileServer, hostile_client: ApiClient, client: ApiClient,
        cache: LiveCache) -> None:
    hostile.on("GET", "/changes", standing_cursor())  # every page asked with a cursor
    clock = Clock()
    backoff = StallBackoff(clock, local_now=lambda: STALL_AT)
    sync = ChangeSync(hostile_client, cache, page_size=PAGE, backoff=backoff)

    with pytest.raises(FeedStalledError) as caught:
        sync.run()
    asked = _settled(hostile)
    assert asked <= ONE_ATTEMPT  # not 1,108 pages
    first_cursor = _feed_requests(hostile)[1].query["since"]
    assert _cursor(cache) == first_cursor  # the first page is in, the standing one is not
    assert cached_order_ids(cache) == _orders_of_first_pages(client, 1)
    error = caught.value
    assert error.problem == feed_check.STANDING
    assert error.message("de") == (
        "Die Änderungen des Servers kommen nicht voran: die Position bleibt stehen, obwohl "
        "die Seite weitere Änderungen ankündigt oder enthält. Die Synchronisierung wurde "
        "angehalten, der lokale Stand bleibt unverändert. Ein neuer Versuch folgt frühestens "
        "um 14:31 Uhr.")
    assert error.message("en").endswith("It will be tried again at 14:31 at the earliest.")
    assert first_cursor in error.technical  # the cursors are for the log
    assert first_cursor not in error.message("de") + error.message("en")
    assert _last_error(cache) == error.message("de")

    # During the backoff: refused at once, without a request, nothing changed.
    for _ in range(3):
        with pytest.raises(FeedStalledError) as again:
            sync.run()
        assert again.value.message("en") == error.message("en")
    assert _settled(hostile) == asked
    assert _cursor(cache) == first_cursor

    # Once it has passed: one more attempt, then twice the backoff.
    clock.now += 61
    with pytest.raises(FeedStalledError) as later:
        sync.run()
    assert asked < _settled(hostile) <= asked + ONE_ATTEMPT
    assert backoff.stalls == 2
    assert "14:32" in later.value.message("de")
    assert _cursor(cache) == first_cursor

    # The backend mends its ways: the sync carries on from where it stopped.
    hostile.clear()
    clock.now += 121
    resumed_from = _settled(hostile)
    sync.run()
    assert _feed_requests(hostile)[resumed_from].query["since"] == first_cursor
    assert backoff.stalls == 0
    assert _last_error(cache) is None
    assert_cache_equals_server(cache, client)


def test_a_cursor_going_back_stops_the_sync_where_it_was(
        hostile: HostileServer, hostile_client: ApiClient, client: ApiClient,
        cache: LiveCache) -> None:
    hostile.on("GET", "/changes", backwards_cursor())  # pages 1 and 2 honest, then back
    backoff = StallBackoff(Clock())
    with pytest.raises(FeedStalledError) as caught:
        ChangeSync(hostile_client, cache, page_size=PAGE, backoff=backoff).run()
    assert caught.value.problem == feed_check.BACKWARDS
    assert _settled(hostile) <= ONE_ATTEMPT + 1
    assert _cursor(cache) == _feed_requests(hostile)[2].query["since"]  # after page 2
    assert cached_order_ids(cache) == _orders_of_first_pages(client, 2)


def test_a_restart_asks_once_more_and_stops_again(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    """The backoff is the running app's: after a restart one attempt, not a loop."""
    hostile.on("GET", "/changes", backwards_cursor())
    for attempt in range(1, 4):
        with pytest.raises(FeedStalledError):  # a new backoff: as after a restart
            ChangeSync(hostile_client, cache, page_size=PAGE, backoff=StallBackoff()).run()
        assert _settled(hostile) <= attempt * (ONE_ATTEMPT + 1)


Page = dict[str, Any]


def _on_page(number: int, change: Callable[[Page], Page]) -> Behaviour:
    """Rewrites the `number`-th page (1-based) the rule answers with `change(page)`."""
    count = [0]

    def rewrite(page: Page, _seen: Seen) -> Page:
        count[0] += 1
        return change(page) if count[0] == number else page

    return rewrite_page(rewrite)


def test_a_page_from_another_epoch_is_not_applied(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    def other_epoch(page: Page) -> Page:
        epoch, rest = page["next_cursor"].split(".", 1)
        return page | {"next_cursor": f"{int(epoch) + 1}.{rest}"}

    hostile.on("GET", "/changes", _on_page(2, other_epoch))
    with pytest.raises(FeedStalledError) as caught:
        ChangeSync(hostile_client, cache, page_size=PAGE, backoff=StallBackoff()).run()
    assert caught.value.problem == feed_check.OTHER_EPOCH
    assert _cursor(cache) == _feed_requests(hostile)[1].query["since"]  # after page 1


def test_a_remaining_that_never_shrinks_stops_the_sync(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    def frozen(page: Page, _seen: Seen) -> Page:
        return page | {"remaining": 5000} if page["has_more"] else page

    hostile.on("GET", "/changes", rewrite_page(frozen))
    with pytest.raises(FeedStalledError) as caught:
        ChangeSync(hostile_client, cache, page_size=PAGE, backoff=StallBackoff()).run()
    assert caught.value.problem == feed_check.NOT_SHRINKING
    # REMAINING_PATIENCE pages after the first are tolerated (changes committed meanwhile may
    # hold `remaining` up), the next is not.
    stalled_page = feed_check.REMAINING_PATIENCE + 2
    assert _cursor(cache) == _feed_requests(hostile)[stalled_page - 1].query["since"]
    assert _settled(hostile) <= stalled_page + AHEAD + 1


def test_the_listener_stops_on_a_standing_cursor_and_does_not_loop(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    ChangeSync(hostile_client, cache).run()  # honest: the cache is filled
    synced_to = _cursor(cache)
    before = _settled(hostile)
    hostile.on("GET", "/changes", standing_cursor())
    rounds: list[object] = []

    with pytest.raises(FeedStalledError):
        listen(hostile_client, cache, CancelToken(), rounds.append, wait=1.0)
    asked = _settled(hostile)
    assert before < asked <= before + ONE_ATTEMPT
    assert rounds == []
    assert _cursor(cache) == synced_to

    # The cache's own backoff holds for the listener and the regular sync alike.
    with pytest.raises(FeedStalledError):
        listen(hostile_client, cache, CancelToken(), rounds.append, wait=1.0)
    with pytest.raises(FeedStalledError):
        ChangeSync(hostile_client, cache).run()
    assert _settled(hostile) == asked

    forget_stall(cache)  # the clerk asked: the next pull asks at once
    hostile.clear()
    ChangeSync(hostile_client, cache).run()
    assert len(_feed_requests(hostile)) > asked


def test_a_long_poll_answer_with_the_same_cursor_is_fine(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    """The honest long-poll: nothing new, the same cursor, has_more false."""
    ChangeSync(hostile_client, cache).run()
    synced_to = _cursor(cache)
    result = ChangeSync(hostile_client, cache).run(wait=0.5)
    assert (result.changes, _cursor(cache)) == (0, synced_to)
    answer = json.loads(hostile_client.changes_raw(synced_to, PAGE))
    assert (answer["next_cursor"], answer["has_more"]) == (synced_to, False)
