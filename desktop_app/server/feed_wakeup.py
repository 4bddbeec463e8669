"""Wakes long-polls of the change feed when a commit recorded changes for their tenants.

One small interface, so that a wake-up across server processes can replace the in-process
one: LocalFeedWakeup serves one process (SQLite), feed_wakeup_pg.PgFeedWakeup the processes
of one PostgreSQL database (LISTEN/NOTIFY feeding each one's local fan-out).
"""

import asyncio
import contextlib
import threading
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class FeedHead:
    """What this process knows of the committed feed, without reading it."""

    epoch: int
    horizon: int
    head: int  # the newest committed seq (every seq up to it is committed)
    visible: int  # the newest committed seq of the asked tenants (an upper bound)
    generation: int  # bumped whenever the knowledge is dropped (a prune, a notify without seq)


class FeedMarks:
    """The newest committed feed seq, overall and per tenant, kept in memory (thread-safe).

    Marks only grow and are upper bounds: a commit raises them (notify carries its last seq)
    before its waiters are woken, so a long-poll that registered its wait and then finds no
    mark past its cursor cannot miss a change: a later commit wakes it. They are *known* only
    after `loaded` merged a database snapshot; a prune (the horizon moves, old cursors become
    410) or a notify without a seq forgets them until the next load.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known = False
        self._generation = 0
        self._epoch = self._horizon = self._head = 0
        self._by_tenant: dict[str, int] = {}

    @property
    def generation(self) -> int:
        with self._lock:
            return self._generation

    def committed(self, tenant_ids: frozenset[str], seq: int) -> None:
        with self._lock:
            self._head = max(self._head, seq)
            for tenant_id in tenant_ids:
                if self._by_tenant.get(tenant_id, 0) < seq:
                    self._by_tenant[tenant_id] = seq

    def forget(self) -> None:
        with self._lock:
            self._known = False
            self._generation += 1

    def loaded(self, generation: int, epoch: int, horizon: int, head: int,
               by_tenant: dict[str, int]) -> bool:
        """Merge a snapshot whose reading began after `generation` was taken; False (and
        still unknown) if the marks were forgotten meanwhile."""
        with self._lock:
            if generation != self._generation:
                return False
            self._epoch, self._horizon = epoch, horizon
            self._head = max(self._head, head)
            for tenant_id, seq in by_tenant.items():
                if self._by_tenant.get(tenant_id, 0) < seq:
                    self._by_tenant[tenant_id] = seq
            self._known = True
            return True

    def head_for(self, tenant_ids: frozenset[str] | None) -> FeedHead | None:
        """None while unknown; `visible` for None (every tenant) is the overall head."""
        with self._lock:
            if not self._known:
                return None
            visible = self._head if tenant_ids is None else max(
                (self._by_tenant.get(tenant_id, 0) for tenant_id in tenant_ids), default=0)
            return FeedHead(self._epoch, self._horizon, self._head, visible, self._generation)


class FeedWakeup(Protocol):
    # The committed feed's marks, raised by notify before it wakes anyone.
    marks: FeedMarks

    def notify(self, tenant_ids: frozenset[str], seq: int | None = None) -> None:
        """Changes of these tenants were committed (any thread, after the commit); `seq`:
        the newest seq the commit recorded (None: unknown, the marks are forgotten)."""

    async def wait(self, tenant_ids: frozenset[str] | None, timeout: float) -> bool:
        """Wait for a notify that concerns `tenant_ids` (None: every tenant).

        True when woken by such a notify; False on timeout or when closed. The waiter is
        registered when the coroutine first runs, before it first suspends: a notify from
        then on wakes it.
        """

    def notify_everyone(self) -> None:
        """Something committed that this process did not see (another process writing the
        same database): forget the marks and wake every waiter, whatever its tenants."""

    def pruned(self) -> None:
        """A commit pruned the feed (its horizon moved): forget the marks, in every process
        that serves the database."""

    def start(self) -> None:
        """The server begins serving: begin hearing other processes' commits (if it can)."""

    def close(self) -> None:
        """Wake every waiter (with False); later waits return False at once."""


@dataclass(eq=False)
class _Waiter:
    loop: asyncio.AbstractEventLoop
    future: "asyncio.Future[bool]"
    tenant_ids: frozenset[str] | None

    def wake(self, woken: bool) -> None:
        # RuntimeError: its loop is closed, nobody waits on it any more.
        with contextlib.suppress(RuntimeError):
            self.loop.call_soon_threadsafe(_resolve, self.future, woken)


def _resolve(future: "asyncio.Future[bool]", woken: bool) -> None:
    if not future.done():
        future.set_result(woken)


class LocalFeedWakeup:
    """Waiters of this process, indexed by tenant; notify is thread-safe and O(woken)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_tenant: dict[str, set[_Waiter]] = {}
        self._everyone: set[_Waiter] = set()
        self._all: set[_Waiter] = set()
        self._closed = False
        self.marks = FeedMarks()
        self.woken = 0  # waiters woken by a notify so far (tests, benchmarks)

    @property
    def waiting(self) -> int:
        """How many waits are registered now."""
        with self._lock:
            return len(self._all)

    def notify(self, tenant_ids: frozenset[str], seq: int | None = None) -> None:
        # Marks first: a waiter that registered before this and checks the marks after it
        # reads the feed; one that checked them before is woken below.
        if seq is None:
            self.marks.forget()
        else:
            self.marks.committed(tenant_ids, seq)
        with self._lock:
            woken = set(self._everyone)
            for tenant_id in tenant_ids:
                woken.update(self._by_tenant.get(tenant_id, ()))
            for waiter in woken:
                self._remove(waiter)
            self.woken += len(woken)
        for waiter in woken:
            waiter.wake(True)

    def notify_everyone(self) -> None:
        self.marks.forget()
        with self._lock:
            woken = set(self._all)
            for waiter in woken:
                self._remove(waiter)
            self.woken += len(woken)
        for waiter in woken:
            waiter.wake(True)

    def pruned(self) -> None:
        self.marks.forget()

    def start(self) -> None:
        """Nothing to hear: its own commits notify it (others' are feed_watch's)."""

    async def wait(self, tenant_ids: frozenset[str] | None, timeout: float) -> bool:
        if timeout <= 0:
            return False
        loop = asyncio.get_running_loop()
        waiter = _Waiter(loop, loop.create_future(), tenant_ids)
        with self._lock:
            if self._closed:
                return False
            self._add(waiter)
        try:
            async with asyncio.timeout(timeout):
                return await waiter.future
        except TimeoutError:
            return False
        finally:
            with self._lock:
                self._remove(waiter)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            waiters, self._all = self._all, set()
            self._everyone.clear()
            self._by_tenant.clear()
        for waiter in waiters:
            waiter.wake(False)

    def _add(self, waiter: _Waiter) -> None:
        self._all.add(waiter)
        if waiter.tenant_ids is None:
            self._everyone.add(waiter)
            return
        for tenant_id in waiter.tenant_ids:
            self._by_tenant.setdefault(tenant_id, set()).add(waiter)

    def _remove(self, waiter: _Waiter) -> None:
        """Idempotent: a woken waiter is removed by notify, then again by its wait."""
        if waiter not in self._all:
            return
        self._all.discard(waiter)
        if waiter.tenant_ids is None:
            self._everyone.discard(waiter)
            return
        for tenant_id in waiter.tenant_ids:
            waiters = self._by_tenant.get(tenant_id)
            if waiters is not None:
                waiters.discard(waiter)
                if not waiters:
                    del self._by_tenant[tenant_id]
