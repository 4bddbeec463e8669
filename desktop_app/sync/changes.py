"""Pulling the change feed into the cache: page by page, each page with its cursor.

Every page is applied in one transaction together with the cursor it leads to, so a sync cut
at any moment (network, crash, cancel) resumes exactly after the last applied page.
"""

import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app.api.errors import ApiError, CursorGoneError
from desktop_app.cache.errors import CacheError
from desktop_app.cache.queries import sync_state
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import (
    apply_page,
    begin_bulk_load,
    finish_bulk_load,
    is_bulk_loading,
    record_sync_error,
    record_sync_success,
)
from desktop_app.sync.live_cache import LiveCache, remove_database_files
from desktop_app.sync.pages import InvalidPageError
from desktop_app.sync.prefetch import FeedSource, cyclic_gc_paused, pages_ahead
from desktop_app.sync.progress import (
    CancelToken,
    ProgressCallback,
    SyncCancelled,
    SyncProgress,
    ignore_progress,
)

PAGE_SIZE = 1000


@dataclass(frozen=True)
class SyncResult:
    changes: int
    pages: int
    full_resync: bool
    cursor: str | None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ChangeSync:
    def __init__(self, source: FeedSource, cache: LiveCache, page_size: int = PAGE_SIZE) -> None:
        self._source, self._cache, self._page_size = source, cache, page_size

    def run(self, cancel: CancelToken | None = None,
            progress: ProgressCallback = ignore_progress) -> SyncResult:
        cancel = cancel or CancelToken()
        store = self._cache.store
        try:
            try:
                return self._pull(store, current_cursor(store), cancel, progress, "changes")
            except CursorGoneError:
                return self._full_resync(cancel, progress)
        except SyncCancelled:
            raise
        except (ApiError, InvalidPageError) as error:
            record_sync_error(self._cache.store, error.message("de"), utcnow())
            raise
        except CacheError as error:  # e.g. a full disk: the page was rolled back
            record_sync_error(self._cache.store, f"Lokaler Zwischenspeicher: {error}", utcnow())
            raise

    def _pull(self, store: CacheStore, cursor: str | None, cancel: CancelToken,
              progress: ProgressCallback, phase: str) -> SyncResult:
        # An empty cache is filled in bulk: indexes and search are built once at the end
        # (also when the load is cut short, so that what arrived is searchable offline).
        bulk = cursor is None or is_bulk_loading(store)
        if bulk:
            begin_bulk_load(store)
        stop = threading.Event()
        try:
            done = pages = 0
            with cyclic_gc_paused():
                for page in pages_ahead(self._source, cursor, self._page_size, stop):
                    cancel.raise_if_cancelled()
                    apply_page(store, page.upserts, page.deletes, page.next_cursor)
                    cursor = page.next_cursor
                    done, pages = done + page.count, pages + 1
                    progress(SyncProgress(phase, done, done + page.remaining))
        finally:
            stop.set()
            if bulk:
                finish_bulk_load(store)
        record_sync_success(store, utcnow())
        return SyncResult(changes=done, pages=pages, full_resync=phase == "resync", cursor=cursor)

    def _full_resync(self, cancel: CancelToken, progress: ProgressCallback) -> SyncResult:
        """Build a new cache from the start of the feed; swap it in only once complete."""
        fresh_path = self._cache.fresh_path()
        remove_database_files(fresh_path)
        fresh = CacheStore(fresh_path)
        try:
            result = self._pull(fresh, None, cancel, progress, "resync")
        except BaseException:
            fresh.dispose()
            remove_database_files(fresh_path)
            raise
        fresh.dispose()
        self._cache.replace_with(fresh_path)
        return result


def current_cursor(store: CacheStore) -> str | None:
    with store.session() as session:
        return sync_state(session).cursor
