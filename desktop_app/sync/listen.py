"""Listening to the change feed: one long-poll after the other, each applied as a sync is.

Every round is a `ChangeSync` pull whose first request waits up to `wait` seconds for a change
(same pages, transactions and cursor as the regular sync, under the same lock), so a change
committed on the backend reaches the cache within moments. The loop ends by `SyncCancelled`
(the caller cancelled), by the pull's error (offline, not logged in, a bad page: the caller
decides), or with `ListenEnd.UNSUPPORTED` when the backend answers empty pages at once: one
that does not know `wait` (the periodic sync then stays in charge). A feed that does not move
forward ends it too (FeedStalledError, desktop_app/sync/feed_check.py): a round whose page
hands back its own cursor with changes would otherwise be answered at once, again and again.
"""

import enum
import logging
import time
from collections.abc import Callable

from desktop_app.sync.changes import ChangeSync, SyncResult
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.prefetch import FeedSource, FeedWorker
from desktop_app.sync.progress import CancelToken

__all__ = ["LISTEN_WAIT", "UNSUPPORTED_STREAK", "ListenEnd", "listen"]

LISTEN_WAIT = 25.0  # seconds one long-poll is held (the backend caps it at MAX_WAIT = 60)
UNSUPPORTED_STREAK = 3  # empty answers in a row, each well before `wait`: the backend won't wait
log = logging.getLogger(__name__)


class ListenEnd(enum.Enum):
    UNSUPPORTED = "unsupported"  # the backend answers at once: it has no long-poll


def listen(source: FeedSource, cache: LiveCache, cancel: CancelToken,
           on_round: Callable[[SyncResult], None], *, wait: float = LISTEN_WAIT,
           clock: Callable[[], float] = time.monotonic) -> ListenEnd:
    """Pull round after round until cancelled (raises SyncCancelled) or until the backend
    shows that it does not wait; `on_round(result)` after every round, on this thread."""
    if wait <= 0:
        raise ValueError("listening needs a wait above zero")
    worker = FeedWorker("sync-listen")  # one thread: one HTTP session for every round
    sync = ChangeSync(source, cache, worker=worker)
    quick_empty = 0
    try:
        while True:
            cancel.raise_if_cancelled()
            started = clock()
            result = sync.run(cancel, wait=wait)
            on_round(result)
            if result.changes == 0 and not result.full_resync and clock() - started < wait / 2:
                quick_empty += 1
                if quick_empty >= UNSUPPORTED_STREAK:
                    log.info("the backend answered %d empty pages at once: it does not "
                             "long-poll; the periodic sync stays in charge", quick_empty)
                    return ListenEnd.UNSUPPORTED
            else:
                quick_empty = 0
    finally:
        worker.close()
