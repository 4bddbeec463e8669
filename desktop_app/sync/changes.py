"""Pulling the change feed into the cache: page by page, each page with its cursor.

Every page is applied in one transaction together with the cursor it leads to, so a sync cut
at any moment (network, crash, cancel) resumes exactly after the last applied page.

Pulls of one cache never overlap: each holds the cache's `feed_lock` from reading the cursor
to its last page, so the regular sync and the listener (a pull whose first request is a
long-poll) cannot apply the same page twice or move the cursor back.

Every page must move the feed forward (desktop_app/sync/feed_check.py): one whose cursor goes
back or stands still with more to come is not applied, the pull stops with FeedStalledError,
and the cache's pulls are refused without a request until a backoff has passed.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app.api.errors import ApiError, CursorGoneError
from desktop_app.cache.errors import CacheError
from desktop_app.cache.queries import sync_state
from desktop_app.cache.store import CacheStore
from desktop_app.cache.transfer import copy_catalog
from desktop_app.cache.writer import (
    apply_page,
    begin_bulk_load,
    finish_bulk_load,
    is_bulk_loading,
    record_sync_error,
    record_sync_success,
)
from desktop_app.sync.feed_check import (
    FeedStalledError,
    ProgressCheck,
    StallBackoff,
    backoff_of,
)
from desktop_app.sync.live_cache import LiveCache, remove_database_files
from desktop_app.sync.pages import InvalidPageError
from desktop_app.sync.prefetch import FeedSource, FeedWorker, cyclic_gc_paused, pages_ahead
from desktop_app.sync.progress import (
    CancelToken,
    ProgressCallback,
    SyncCancelled,
    SyncProgress,
    ignore_progress,
)

# Validating a page holds the GIL (pydantic-core): 500 orders take ~25 ms, so the GUI thread
# never waits longer than that for it; 1000 cost the 50 ms stall budget on their own.
PAGE_SIZE = 500
LOCK_POLL = 0.1  # seconds: how often a pull waiting for another one checks its cancel
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncResult:
    changes: int
    pages: int
    full_resync: bool
    cursor: str | None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ChangeSync:
    def __init__(self, source: FeedSource, cache: LiveCache, page_size: int = PAGE_SIZE, *,
                 worker: FeedWorker | None = None, backoff: StallBackoff | None = None) -> None:
        """`backoff`: the cache's own (backoff_of) unless a test hands in one."""
        self._source, self._cache, self._page_size = source, cache, page_size
        self._worker = worker
        self._backoff = backoff if backoff is not None else backoff_of(cache)

    def run(self, cancel: CancelToken | None = None,
            progress: ProgressCallback = ignore_progress, *, wait: float = 0) -> SyncResult:
        """Pull to the end of the feed. With `wait` > 0 the first request is a long-poll: it
        returns when a change arrives or after `wait` seconds (then with nothing to apply).

        Pages of a live pull into a filled cache are tracked (apply_page's `track`: marks and
        notifications); the first fill and a full resync are not. Waits for a pull of the
        same cache that is under way (honouring `cancel`). FeedStalledError when the feed
        does not move forward, or did not at the last attempt and its backoff still runs."""
        cancel = cancel or CancelToken()
        with _held(self._cache.feed_lock, cancel):
            return self._run(cancel, progress, wait)

    def _run(self, cancel: CancelToken, progress: ProgressCallback, wait: float) -> SyncResult:
        try:
            self._backoff.check()
            result = self._sync(cancel, progress, wait)
        except SyncCancelled:
            raise
        except FeedStalledError as error:
            stalled = error if error.retry_at is not None else self._backoff.stalled(error)
            self._record_error(stalled)
            raise stalled from None
        except (ApiError, InvalidPageError, CacheError) as error:  # a full disk: rolled back
            self._record_error(error)
            raise
        self._backoff.cleared()
        return result

    def _sync(self, cancel: CancelToken, progress: ProgressCallback, wait: float) -> SyncResult:
        if self._cache.fresh_path().exists():  # a full resync was cut: carry it on
            return self._full_resync(cancel, progress)
        store = self._cache.store
        try:
            return self._pull(store, current_cursor(store), cancel, progress, live=True,
                              wait=wait)
        except CursorGoneError:
            return self._full_resync(cancel, progress)

    def _record_error(self, error: ApiError | InvalidPageError | CacheError) -> None:
        """The clerk's German message in the cache's sync state (the log has the details);
        a cache that cannot take even that does not hide the original error."""
        try:
            record_sync_error(self._cache.store, error.message("de"), utcnow())
        except CacheError:
            log.exception("could not record the failed sync in the cache")

    def _pull(self, store: CacheStore, cursor: str | None, cancel: CancelToken,
              progress: ProgressCallback, live: bool, wait: float = 0) -> SyncResult:
        """Apply pages from `cursor` to the end; `live` is the cache the app reads."""
        # An empty cache is filled in bulk: indexes and search are built once at the end.
        bulk = cursor is None or is_bulk_loading(store)
        if bulk:
            begin_bulk_load(store)
        track = live and not bulk
        phase = "changes" if live else "resync"
        stop = threading.Event()
        check = ProgressCheck(cursor)
        done = pages = 0
        try:
            # Not around a long-poll: the pause is process-wide and the listener waits up to
            # `wait` seconds at a time, which left the cycle collector off nearly always.
            with cyclic_gc_paused() if bulk or wait <= 0 else nullcontext():
                for page in pages_ahead(self._source, cursor, self._page_size, stop, cancel,
                                        wait=0 if bulk else wait, worker=self._worker):
                    check.accept(page)  # a page that does not move forward is not applied
                    apply_page(store, page.upserts, page.deletes, page.next_cursor,
                               track=track)
                    cursor = page.next_cursor
                    done, pages = done + page.count, pages + 1
                    progress(SyncProgress(phase, done, done + page.remaining))
        except BaseException:
            stop.set()
            if bulk and live:  # what arrived must stay searchable for offline review
                _finish_without_masking(store)
            raise  # a cut resync file stays as it is; the next run carries it on
        if bulk:
            finish_bulk_load(store)
        record_sync_success(store, utcnow())
        return SyncResult(changes=done, pages=pages, full_resync=not live, cursor=cursor)

    def _full_resync(self, cancel: CancelToken, progress: ProgressCallback) -> SyncResult:
        """Build a new cache from the start of the feed; swap it in only once complete.

        The new file keeps its own cursor, so a resync that is cut resumes too; the old
        cache stays readable until the swap.
        """
        fresh_path = self._cache.fresh_path()
        fresh = CacheStore(fresh_path, repair_bulk_load=False)
        try:
            try:
                result = self._pull(fresh, current_cursor(fresh), cancel, progress, live=False)
            except CursorGoneError:  # even the cut resync's cursor is too old: start over
                fresh.dispose()
                remove_database_files(fresh_path)
                fresh = CacheStore(fresh_path, repair_bulk_load=False)
                result = self._pull(fresh, None, cancel, progress, live=False)
            copy_catalog(self._cache.store, fresh)
        finally:
            fresh.dispose()
        self._cache.replace_with(fresh_path)
        return result


@contextmanager
def _held(lock: threading.Lock, cancel: CancelToken) -> Iterator[None]:
    """`lock` acquired; SyncCancelled when cancelled while waiting for it."""
    while not lock.acquire(timeout=LOCK_POLL):
        cancel.raise_if_cancelled()
    try:
        cancel.raise_if_cancelled()
        yield
    finally:
        lock.release()


def _finish_without_masking(store: CacheStore) -> None:
    try:
        finish_bulk_load(store)
    except CacheError:
        log.exception("could not rebuild the cache's indexes after a cut sync")


def current_cursor(store: CacheStore) -> str | None:
    with store.session() as session:
        return sync_state(session).cursor
