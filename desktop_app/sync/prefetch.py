"""Fetching and validating the next page while the current one is written.

The network wait and pydantic's validation run in a helper thread; SQLite releases the GIL
while it writes, so on two cores the three overlap. The queue is bounded (two pages), so
memory stays flat however long the feed is.
"""

import gc
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from desktop_app.sync.pages import ChangePageRecords, parse_page
from desktop_app.sync.progress import CancelToken

AHEAD = 2


class FeedSource(Protocol):
    def changes_raw(self, since: str | None, limit: int) -> bytes: ...


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_Item = ChangePageRecords | _Failed


def pages_ahead(source: FeedSource, cursor: str | None, page_size: int,
                stop: threading.Event,
                cancel: CancelToken | None = None) -> Iterator[ChangePageRecords]:
    """Pages from `cursor` to the end of the feed; errors surface in the caller's thread.

    A cancel is honoured within a tenth of a second, even while a request is in flight (its
    page is dropped). Set `stop` (or stop iterating) to let the helper thread end.
    """
    pending: queue.Queue[_Item] = queue.Queue(maxsize=AHEAD)

    def produce() -> None:
        next_cursor = cursor
        try:
            while not stop.is_set():
                page = parse_page(source.changes_raw(next_cursor, page_size))
                _put(pending, page, stop)
                if not page.has_more:
                    return
                next_cursor = page.next_cursor
        except BaseException as error:  # handed over to the consumer, not lost in a thread
            _put(pending, _Failed(error), stop)

    worker = threading.Thread(target=produce, name="sync-prefetch", daemon=True)
    worker.start()
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
        worker.join(timeout=0.5)  # a call in flight finishes on its own; its page is dropped


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
