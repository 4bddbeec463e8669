"""The real sync through the hostile server: a trickling page, stalled headers, an endless
page and more records than asked each end the sync with their own message, leave the cache
as the last good page left it, keep memory flat, and the next sync resumes once the backend
behaves. (Cursors that do not advance: tests/sync/test_feed_progress.py.)"""

import tracemalloc
from collections.abc import Iterator

import pytest
from desktop_app.api import (
    ApiClient,
    ApiError,
    ApiSettings,
    AuthSession,
    DeadlineError,
    NoTokenStore,
    ResponseTooLargeError,
    TooManyRecordsError,
)
from desktop_app.cache.queries import meta_etags, sync_state
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import PAGE_SIZE, ChangeSync
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import parse_page

from tests.sync.hostile_server import (
    Behaviour,
    HostileServer,
    endless_page,
    more_records,
    slow_body,
    stall_headers,
)
from tests.sync.support import cached_order_ids

MIB = 1024 * 1024


@pytest.fixture
def hostile(server: EmbeddedServer) -> Iterator[HostileServer]:
    running = HostileServer(server.base_url)
    yield running
    running.stop()


@pytest.fixture
def hostile_client(hostile: HostileServer) -> Iterator[ApiClient]:
    settings = ApiSettings(hostile.api, call_deadline=2.0, read_timeout=120.0, max_retries=1,
                           backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    api = ApiClient(settings, auth)
    yield api
    api.close()


def _first_page(client: ApiClient) -> tuple[str, int]:
    """The honest first page's next cursor and how many orders it holds."""
    page = parse_page(client.changes_raw(None, PAGE_SIZE))
    assert page.has_more  # the demo feed has several pages
    orders = sum(1 for kind, _record in page.upserts if kind.value == "order")
    return page.next_cursor, orders


@pytest.mark.parametrize(("behaviour", "error"), [
    (slow_body(), DeadlineError),
    (stall_headers, DeadlineError),
    (endless_page(200 * MIB), ResponseTooLargeError),
    (more_records(1), TooManyRecordsError),
], ids=["trickling-page", "stalled-headers", "endless-page", "more-records"])
def test_a_hostile_second_page_stops_the_sync_after_the_first(
        hostile: HostileServer, hostile_client: ApiClient, client: ApiClient,
        cache: LiveCache, behaviour: Behaviour, error: type[ApiError]) -> None:
    cursor, orders = _first_page(client)
    hostile.on("GET", "/changes", behaviour, after=1)
    with pytest.raises(error) as raised:
        ChangeSync(hostile_client, cache).run()
    with cache.store.session() as session:
        state = sync_state(session)
        assert state.cursor == cursor  # the first page is in, the hostile one is not
        assert state.last_error == raised.value.message("de")
    assert len(cached_order_ids(cache)) == orders
    assert len(hostile.requests_to("GET", "/changes")) == 2  # no retry past the deadline

    hostile.clear()  # the backend behaves again: the next sync resumes after page one
    result = ChangeSync(hostile_client, cache).run()
    assert result.changes > 0
    assert len(cached_order_ids(cache)) == len(cached_order_ids_of_server(client))


def cached_order_ids_of_server(client: ApiClient) -> list[str]:
    ids: list[str] = []
    cursor: str | None = None
    while True:
        page = parse_page(client.changes_raw(cursor, 1000))
        ids += [record["id"] for kind, record in page.upserts if kind.value == "order"]
        cursor = page.next_cursor
        if not page.has_more:
            return sorted(set(ids))


def test_an_endless_first_page_leaves_the_cache_empty_and_memory_flat(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    """200 MB for limit=500: Python's allocations during the whole sync stay far below
    +50 MB (the answer is refused at ~4 MB, before it is held or validated)."""
    hostile.on("GET", "/changes", endless_page(200 * MIB))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            ChangeSync(hostile_client, cache).run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * MIB, peak
    assert cached_order_ids(cache) == []
    with cache.store.session() as session:
        assert sync_state(session).cursor is None


def test_a_stalled_catalog_call_ends_at_the_deadline(
        hostile: HostileServer, hostile_client: ApiClient, cache: LiveCache) -> None:
    hostile.on("GET", "/catalog/products", stall_headers)
    with pytest.raises(DeadlineError):
        sync_catalog(hostile_client, cache)
    with cache.store.session() as session:
        assert "products" not in meta_etags(session)
