"""Change feed pages for many callers at once: one database read per (commit, page asked).

When one commit wakes 200 long-polls with the same cursor, tenant scope and limit, they share
one page read and its encoded bytes. Shared reads are keyed by the in-memory feed marks
(feed_wakeup.FeedMarks: the newest committed seq and the marks' generation), so a page read
before a commit is never handed to a caller that could know of that commit: a caller takes
the marks after registering its wait, and a commit raises the marks before it wakes anyone.
Without known marks every call reads on its own.
"""

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from desktop_app.server import feed

if TYPE_CHECKING:
    from desktop_app.server.context import ServerContext

# (generation, head, cursor, tenant scope, limit)
PageKey = tuple[int, int, str | None, frozenset[str] | None, int]
Encoded = tuple[feed.RawPage, bytes]
MAX_ENTRIES = 256  # distinct pages kept for the current head (cursors x scopes x limits)


class SharedPages:
    """Single-flight page reads with a small cache for the current feed head (one event loop)."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._entries: dict[PageKey, asyncio.Task[Encoded]] = {}
        self._newest: tuple[int, int] = (-1, -1)
        self._loading: asyncio.Task[bool] | None = None
        self.reads = 0  # database page reads so far (tests, benchmarks)

    async def page(self, key: PageKey | None, read: Callable[[], feed.RawPage]) -> Encoded:
        """The page and its bytes; `read` runs in a worker thread unless a read of the same
        key is under way or done. Errors (400/410) reach every caller of that read and are
        not kept."""
        if key is None:
            self.reads += 1
            return await run_in_threadpool(_encoded, read)
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # another server run: futures of a closed loop are useless
            self._loop, self._entries, self._newest = loop, {}, (-1, -1)
        task = self._entries.get(key)
        if task is None:
            self._make_room(key)
            self.reads += 1
            task = loop.create_task(run_in_threadpool(_encoded, read))
            self._entries[key] = task
            task.add_done_callback(lambda done: self._settled(key, done))
        # Shielded: a caller that goes away does not cancel the read the others wait for.
        return await asyncio.shield(task)

    def _make_room(self, key: PageKey) -> None:
        mark = key[:2]
        if mark > self._newest:  # the feed moved on: pages of older heads are of no use
            self._newest = mark
            self._entries = {old: task for old, task in self._entries.items()
                             if old[:2] == mark}
        while len(self._entries) >= MAX_ENTRIES:
            del self._entries[next(iter(self._entries))]

    def _settled(self, key: PageKey, task: "asyncio.Task[Encoded]") -> None:
        failed = task.cancelled() or task.exception() is not None
        if failed and self._entries.get(key) is task:
            del self._entries[key]

    def load_marks_soon(self, context: "ServerContext") -> None:
        """Start reading the feed marks into the wake-up (once at a time, in a worker)."""
        if self._loading is None or self._loading.done():
            self._loading = asyncio.get_running_loop().create_task(
                run_in_threadpool(load_marks, context))


def _encoded(read: Callable[[], feed.RawPage]) -> Encoded:
    page = read()
    return page, page.to_json()


def load_marks(context: "ServerContext") -> bool:
    """Read the feed's marks from the database into the wake-up; False if they were
    forgotten while reading (a prune committed meanwhile): they stay unknown."""
    marks = context.wakeup.marks
    generation = marks.generation  # before the snapshot: a later forget() voids this load
    with context.database.read() as session:
        epoch, horizon, head, by_tenant = feed.read_marks(session)
    return marks.loaded(generation, epoch, horizon, head, by_tenant)
