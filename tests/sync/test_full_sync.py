"""A full sync makes the cache equal to the server; interrupted syncs resume exactly."""

from pathlib import Path

import pytest
from desktop_app.api import ApiClient, OfflineError
from desktop_app.cache.queries import sync_state
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken, SyncCancelled, SyncProgress

from tests.sync.support import (
    ScriptedFeed,
    assert_cache_equals_server,
    cached_order_ids,
    drop_connection,
)


def test_full_sync_equals_the_server_order_by_order(client: ApiClient, cache: LiveCache) -> None:
    seen: list[SyncProgress] = []
    result = ChangeSync(client, cache, page_size=250).run(progress=seen.append)
    assert result.pages > 1 and not result.full_resync
    compared = assert_cache_equals_server(cache, client)
    assert compared > 1000  # max.nord sees Nordlicht and its sub-tenant
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == seen[-1].total == result.changes
    with cache.store.session() as session:
        state = sync_state(session)
    assert state.cursor == result.cursor and state.last_success_at is not None
    assert state.last_error is None


def test_a_second_sync_brings_only_what_changed(client: ApiClient, cache: LiveCache) -> None:
    sync = ChangeSync(client, cache)
    sync.run()
    assert sync.run().changes == 0


@pytest.mark.parametrize("cut_before_page", [0, 1, 3])
def test_a_cut_sync_resumes_and_equals_an_uninterrupted_one(
        client: ApiClient, cache: LiveCache, tmp_path: Path, cut_before_page: int) -> None:
    feed = ScriptedFeed(client, before_page={cut_before_page: drop_connection})
    with pytest.raises(OfflineError):
        ChangeSync(feed, cache, page_size=200).run()
    with cache.store.session() as session:
        state = sync_state(session)
    # The cursor stands after the last applied page, and the error is on record.
    assert state.cursor == (feed.cursors[cut_before_page] if cut_before_page else None)
    assert state.last_error is not None and "erreichbar" in state.last_error
    resumed = ScriptedFeed(client)
    ChangeSync(resumed, cache, page_size=200).run()
    assert resumed.cursors[0] == state.cursor  # resumed exactly where it stopped

    uninterrupted = LiveCache(tmp_path / "uninterrupted.sqlite3")
    try:
        ChangeSync(client, uninterrupted, page_size=200).run()
        assert cached_order_ids(cache) == cached_order_ids(uninterrupted)
    finally:
        uninterrupted.close()
    assert_cache_equals_server(cache, client)


def test_cancel_keeps_what_was_applied_and_resumes(client: ApiClient, cache: LiveCache) -> None:
    token = CancelToken()

    def cancel_after_two_pages(progress: SyncProgress) -> None:
        if progress.done >= 400:
            token.cancel()

    with pytest.raises(SyncCancelled):
        ChangeSync(client, cache, page_size=200).run(token, cancel_after_two_pages)
    with cache.store.session() as session:
        assert sync_state(session).cursor is not None  # the applied pages stay
    ChangeSync(client, cache, page_size=200).run()
    assert_cache_equals_server(cache, client)
