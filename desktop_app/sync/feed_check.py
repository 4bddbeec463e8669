"""Holding the change feed to its promise of progress, and backing off when it breaks it.

A cursor is `epoch.seq[.horizon]` (the reference backend's format, desktop_app/server/feed.py).
Each page must come from the epoch of the cursor it was asked with; its cursor must lie
strictly after that one whenever the page carries changes or announces more (`has_more`), and
its changes' `seq` lie after the old cursor and up to the new one. While `has_more`, the
announced `remaining` must shrink: changes committed meanwhile (records already pulled that
are published again) hold it up, for many pages while many clerks write and many pull, so
`REMAINING_PATIENCE` pages in a row that bring it below no earlier figure are tolerated, one
more is not. The cursor check already stops a feed that stands; this one stops a feed whose
cursor moves but never ends. A page that breaks this is never applied (FeedStalledError); the
pages before it stay, as after any cut sync.

A stall is remembered per cache (`backoff_of`): until its backoff has passed (1 minute,
doubling with each stall in a row up to 30), every pull of that cache — the listener, the
periodic sync, F5 — is refused at once with the same message, without a request. A pull that
reaches the end of the feed clears it. So a backend that hands back the same page costs a few
requests per backoff, never a loop.
"""

import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import ChangePageRecords, InvalidPageError

__all__ = ["FIRST_DELAY", "MAX_DELAY", "REMAINING_PATIENCE", "FeedPosition", "FeedStalledError",
           "ProgressCheck", "StallBackoff", "backoff_of", "forget_stall", "position_of"]

REMAINING_PATIENCE = 20  # pages in a row whose `remaining` does not shrink, then a stall
FIRST_DELAY = timedelta(minutes=1)  # the backoff after the first stall, doubling to …
MAX_DELAY = timedelta(minutes=30)  # … at most this
log = logging.getLogger(__name__)

# (German, English): what the page did wrong, completing "… kommen nicht voran: …".
Problem = tuple[str, str]
BACKWARDS: Problem = ("die Position springt zurück", "its position went back")
STANDING: Problem = ("die Position bleibt stehen, obwohl die Seite weitere Änderungen "
                     "ankündigt oder enthält",
                     "its position stands still although the page announces or carries "
                     "more changes")
OTHER_EPOCH: Problem = ("die Seite stammt aus einer anderen Zählung des Servers",
                        "the page comes from another numbering of the server's feed")
UNREADABLE: Problem = ("die Seite nennt keine lesbare Position",
                       "the page gives no readable position")
OUT_OF_RANGE: Problem = ("die Seite enthält Änderungen außerhalb ihres Bereichs",
                         "the page holds changes outside its range")
NOT_SHRINKING: Problem = ("die Zahl der noch ausstehenden Änderungen sinkt nicht",
                          "the number of changes still to come does not go down")


@dataclass(frozen=True, order=True)
class FeedPosition:
    epoch: int
    seq: int


def position_of(cursor: str | None) -> FeedPosition | None:
    """The cursor's epoch and sequence; None for no cursor or one that cannot be read."""
    if not cursor or len(cursor) > 40:
        return None
    parts = cursor.split(".")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if len(parts) not in (2, 3) or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return FeedPosition(int(parts[0]), int(parts[1]))


class FeedStalledError(InvalidPageError):
    """The feed does not move forward: the page was not applied and the sync stopped.

    `retry_at` (local time) is when the next pull of this cache may ask again; set by the
    cache's StallBackoff."""

    def __init__(self, problem: Problem, *, technical: str,
                 retry_at: datetime | None = None) -> None:
        self.problem, self.retry_at = problem, retry_at
        when_de = when_en = ""
        if retry_at is not None:
            when_de = f" Ein neuer Versuch folgt frühestens um {retry_at:%H:%M} Uhr."
            when_en = f" It will be tried again at {retry_at:%H:%M} at the earliest."
        super().__init__(
            f"Die Änderungen des Servers kommen nicht voran: {problem[0]}. Die Synchronisierung "
            f"wurde angehalten, der lokale Stand bleibt unverändert.{when_de}",
            f"The server's change feed does not move forward: {problem[1]}. The sync was "
            f"stopped and the local data left as it was.{when_en}",
            technical=technical)

    def retried_at(self, when: datetime) -> "FeedStalledError":
        return FeedStalledError(self.problem, technical=self.technical, retry_at=when)


class ProgressCheck:
    """Checks one pull's pages in order; `accept(page)` raises FeedStalledError for a page
    that must not be applied. Starts at the cursor the pull starts from."""

    def __init__(self, cursor: str | None) -> None:
        self._since = cursor
        self._lowest_remaining: int | None = None
        self._flat = 0  # pages in a row with has_more that did not bring `remaining` lower

    def accept(self, page: ChangePageRecords) -> None:
        since, after = self._since, position_of(page.next_cursor)
        technical = (f"asked since {since!r}, got next_cursor {page.next_cursor!r}, "
                     f"has_more={page.has_more}, remaining={page.remaining}, "
                     f"changes={page.count}, seq {page.first_seq}..{page.last_seq}")
        if after is None:
            raise FeedStalledError(UNREADABLE, technical=technical)
        # A stored cursor this client cannot read (none it accepted) is treated as a start.
        before = position_of(since)
        if before is not None:
            if after.epoch != before.epoch:
                raise FeedStalledError(OTHER_EPOCH, technical=technical)
            if after.seq < before.seq:
                raise FeedStalledError(BACKWARDS, technical=technical)
            if after.seq == before.seq and (page.has_more or page.count):
                raise FeedStalledError(STANDING, technical=technical)
        if page.first_seq is not None and page.last_seq is not None and (
                page.first_seq <= (before.seq if before is not None else 0)
                or page.last_seq > after.seq):
            raise FeedStalledError(OUT_OF_RANGE, technical=technical)
        if page.has_more:
            self._check_remaining(page.remaining, technical)
        self._since = page.next_cursor

    def _check_remaining(self, remaining: int, technical: str) -> None:
        lowest = self._lowest_remaining
        if lowest is not None and remaining >= lowest:
            self._flat += 1
            if self._flat > REMAINING_PATIENCE:
                raise FeedStalledError(NOT_SHRINKING,
                                       technical=f"{technical}; lowest remaining {lowest}")
        else:
            self._flat = 0
            self._lowest_remaining = remaining


class StallBackoff:
    """One cache's stall: refuses pulls until its backoff has passed (see the module)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 local_now: Callable[[], datetime] = datetime.now) -> None:
        self._clock, self._local_now = clock, local_now
        self._stalls = 0  # in a row
        self._not_before = 0.0
        self._error: FeedStalledError | None = None

    @property
    def stalls(self) -> int:
        return self._stalls

    def check(self) -> None:
        """Raises (a copy of) the last stall's error while its backoff runs."""
        error = self._error
        if error is not None and self._clock() < self._not_before:
            log.info("change feed stalled before: no request until %s",
                     error.retry_at.strftime("%H:%M:%S") if error.retry_at else "?")
            raise FeedStalledError(error.problem, technical=error.technical,
                                   retry_at=error.retry_at)

    def stalled(self, error: FeedStalledError) -> FeedStalledError:
        """Remember a stall: the error again, now saying when the next attempt may be."""
        self._stalls += 1
        delay = min(FIRST_DELAY * 2 ** (self._stalls - 1), MAX_DELAY)
        self._not_before = self._clock() + delay.total_seconds()
        self._error = error.retried_at(self._local_now() + delay)
        log.warning("change feed stalled (%d in a row; next attempt in %s): %s", self._stalls,
                    delay, error.technical)
        return self._error

    def cleared(self) -> None:
        """A pull reached the end of the feed."""
        self._stalls, self._not_before, self._error = 0, 0.0, None


# Beside each cache rather than in it: the state is the running app's, not the file's (a
# restart may ask once more), and every ChangeSync of the cache must see the same one.
_BACKOFFS: "weakref.WeakKeyDictionary[LiveCache, StallBackoff]" = weakref.WeakKeyDictionary()
_BACKOFFS_LOCK = threading.Lock()


def backoff_of(cache: LiveCache) -> StallBackoff:
    """The stall backoff every pull of `cache` obeys (kept as long as the cache lives)."""
    with _BACKOFFS_LOCK:
        backoff = _BACKOFFS.get(cache)
        if backoff is None:
            backoff = _BACKOFFS[cache] = StallBackoff()
        return backoff


def forget_stall(cache: LiveCache) -> None:
    """Let the next pull of `cache` ask at once (e.g. the clerk asked for a sync)."""
    with _BACKOFFS_LOCK:
        backoff = _BACKOFFS.get(cache)
    if backoff is not None:
        backoff.cleared()
