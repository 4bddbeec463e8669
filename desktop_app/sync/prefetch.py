"""Fetching and validating the next page while the current one is written.

The network wait and pydantic's validation run in a helper thread; SQLite releases the GIL
while it writes, so on two cores the three overlap. The queue is bounded (two pages), so
memory stays flat however long the feed is.

A pull's first request may be a long-poll (`wait` seconds: the backend holds it until a change
arrives); the pages after it never wait. A listener that pulls again and again hands in one
`FeedWorker`: its one thread makes the calls of every pull, so the transport's per-thread HTTP
session and its kept-alive connection serve them all (a thread per pull would leave one
session with an open connection behind per pull).
"""

import gc
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from desktop_app.sync.pages import ChangePageRecords, parse_page
from desktop_app.sync.progress import CancelToken

AHEAD = 2
log = logging.getLogger(__name__)


class FeedSource(Protocol):
    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes: ...


def fetch(source: FeedSource, since: str | None, limit: int, wait: float) -> bytes:
    """One page; `wait` is passed only when there is one (older sources know no wait)."""
    if wait > 0:
        return source.changes_raw(since, limit, wait=wait)
    return source.changes_raw(since, limit)


class FeedWorker:
    """A long-lived daemon thread that runs the feed calls of one pull after the other.

    A pull that was given up while its call was in flight (a cancelled long-poll) leaves that
    call to end on its own: the next pull then gets a new thread at once instead of waiting
    for it behind the old one.
    """

    def __init__(self, name: str = "sync-feed") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._jobs: queue.Queue[Callable[[], None] | None] | None = None
        self._busy = threading.Event()
        self._closed = False

    def run(self, job: Callable[[], None]) -> None:
        """Start `job` on the worker's thread (a new one when the current one is busy)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the feed worker is closed")
            if self._jobs is None or self._busy.is_set():
                if self._jobs is not None:
                    self._jobs.put(None)  # the busy thread ends after its call
                self._jobs, self._busy = queue.Queue(), threading.Event()
                threading.Thread(target=_serve, args=(self._jobs, self._busy),
                                 name=self._name, daemon=True).start()
            self._busy.set()
            self._jobs.put(job)

    def close(self) -> None:
        """The thread ends once its call (if any) returns."""
        with self._lock:
            self._closed = True
            if self._jobs is not None:
                self._jobs.put(None)
                self._jobs = None


def _serve(jobs: "queue.Queue[Callable[[], None] | None]", busy: threading.Event) -> None:
    while (job := jobs.get()) is not None:
        try:
            job()
        except BaseException:  # a job hands its errors over itself; never lose the thread
            log.exception("feed call failed")
        finally:
            busy.clear()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_Item = ChangePageRecords | _Failed


def pages_ahead(source: FeedSource, cursor: str | None, page_size: int,
                stop: threading.Event,
                cancel: CancelToken | None = None, *, wait: float = 0,
                worker: FeedWorker | None = None) -> Iterator[ChangePageRecords]:
    """Pages from `cursor` to the end of the feed; errors surface in the caller's thread.

    The first request waits up to `wait` seconds for a change (long-poll), the later ones do
    not. A cancel is honoured within a tenth of a second, even while a request is in flight
    (its page is dropped). Set `stop` (or stop iterating) to let the helper thread end. With
    `worker`, its thread makes the calls; without, a thread of this pull's own.
    """
    pending: queue.Queue[_Item] = queue.Queue(maxsize=AHEAD)

    def produce() -> None:
        next_cursor, first_wait = cursor, wait
        try:
            while not stop.is_set():
                page = parse_page(fetch(source, next_cursor, page_size, first_wait))
                first_wait = 0
                _put(pending, page, stop)
                if not page.has_more:
                    return
                next_cursor = page.next_cursor
        except BaseException as error:  # handed over to the consumer, not lost in a thread
            _put(pending, _Failed(error), stop)

    thread: threading.Thread | None = None
    if worker is None:
        thread = threading.Thread(target=produce, name="sync-prefetch", daemon=True)
        thread.start()
    else:
        worker.run(produce)
    try:
        while True:
            item = _next(pending, cancel)
            if isinstance(item, _Failed):
                raise item.error
            yield item
            if not item.has_more:
                return
    finally:
        stop.set()
        if thread is not None:  # a call in flight finishes on its own; its page is dropped
            thread.join(timeout=0.5)


def _next(pending: "queue.Queue[_Item]", cancel: CancelToken | None) -> _Item:
    while True:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            return pending.get(timeout=0.1)
        except queue.Empty:
            continue


def _put(pending: "queue.Queue[_Item]", item: _Item, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            pending.put(item, timeout=0.1)
            return
        except queue.Full:
            continue


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Millions of short-lived dicts would trigger the cycle collector over and over (it
    cost a third of a full sync); reference counting frees them anyway."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
