"""The one way the GUI runs work off its thread: a task manager with two lanes and operations.

The composition root creates one `TaskManager` (desktop_app/launch/workspace.py) and hands it
down. It owns the app's only thread pools, one per `Lane` (as Anki's taskman): cache reads and
writes on one, backend calls on the other, so a slow server never delays a list query.

Widgets never touch the pools: each gets a `TaskGroup` tied to itself (`tasks.group(self,
lane)`) and starts work with an `Operation` (in the spirit of Anki's QueryOp)::

    Operation(read_rows, name="order ids").on_success(self._loaded).run_in(self._queries)

Results come back on the GUI thread. A group dies with its owner widget: its tasks are
cancelled and a closed window never receives a result. An operation without `on_failure`
reports through the error path (desktop_app/gui/common/errors.py): an environment fault
reaches the clerk as a message, anything else is a bug (log + crash dialog).

Cancelling a task also aborts its backend calls in flight: the work runs with the task's
`CallScope` bound (desktop_app/api/calls.py), so a call that waits on a stalled server ends
at once and the task fails with SyncCancelled; quitting never waits for the network.
"""

import enum
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.api.calls import CallScope
from desktop_app.api.limits import CallAborted
from desktop_app.gui.common import errors
from desktop_app.sync.progress import CancelToken, SyncCancelled

__all__ = ["BackgroundTask", "Lane", "Operation", "ProgressReport", "TaskGroup", "TaskManager",
           "Work"]

log = logging.getLogger(__name__)

ProgressReport = Callable[[int, int | None], None]
Work = Callable[[CancelToken, ProgressReport], object]

SHUTDOWN_TIMEOUT_MS = 10_000
PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress signals a second reach the GUI


class Lane(enum.Enum):
    """Which pool runs a task; the value is the pool's thread count."""

    CACHE = 2  # two: a running whole-list query never delays the next filter's first rows
    NETWORK = 4  # sync, wizard and document calls can wait on the backend side by side


class BackgroundTask(QObject):
    """One run of a callable; lives on the GUI thread, its signals are emitted from a pool."""

    started = Signal()
    progress = Signal(int, object)  # done, total (None while unknown)
    finished = Signal(object)  # the callable's result
    failed = Signal(object)  # the exception it raised (SyncCancelled after a cancel)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self.scope = CallScope()  # the backend calls its work makes, on any thread it binds
        self._done = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        """Stop the work where it checks its token, and its backend calls in flight now."""
        self.token.cancel()
        self.scope.abort()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def wait(self, timeout_s: float) -> bool:
        """Block until the work has ended (True) or `timeout_s` passed (False)."""
        return self._done.wait(timeout_s)

    def report(self, done: int, total: int | None) -> None:
        """Called by the work on its thread; throttled, except for the last step."""
        now = time.monotonic()
        if (total is not None and done >= total) or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progress.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the manager keeps it until the task ends (tryTake)
        self._task, self._work = task, work

    def run(self) -> None:
        task = self._task
        try:
            task.started.emit()
            with task.scope.bound():
                result = self._work(task.token, task.report)
        except CallAborted as aborted:  # by the task's cancel: a cancel, not a fault
            task._done.set()
            task.failed.emit(SyncCancelled() if task.token.cancelled else aborted)
        except BaseException as error:  # handed to the GUI's error path
            task._done.set()
            task.failed.emit(error)
        else:
            task._done.set()
            task.finished.emit(result)


class TaskManager(QObject):
    """The application's thread pools; everything else starts work through a TaskGroup."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane in Lane:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(lane.value)
            self._pools[lane] = pool
        self._runnables: dict[BackgroundTask, tuple[Lane, _Runnable]] = {}
        # A task is deleted once its work has ended and its group is done with it: deleting
        # it earlier drops the group's queued delivery of the same signal.
        self._ended_tasks: set[BackgroundTask] = set()
        self._released: set[BackgroundTask] = set()
        self._closed = False

    def group(self, owner: QObject | None, lane: Lane) -> "TaskGroup":
        """Tasks of `owner` on `lane`: cancelled, and never delivered, once `owner` is gone."""
        return TaskGroup(self, lane, owner)

    def start(self, lane: Lane, work: Work, name: str,
              connect: Callable[[BackgroundTask], None]) -> BackgroundTask:
        """Queue `work`; `connect(task)` runs before it can start, so no signal is lost."""
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        task = BackgroundTask(name, self)  # owned here: the worker may outlive its widget
        runnable = _Runnable(task, work)
        self._runnables[task] = (lane, runnable)
        task.finished.connect(self._ended)
        task.failed.connect(self._ended)
        connect(task)
        self._pools[lane].start(runnable)
        return task

    def withdraw(self, task: BackgroundTask) -> bool:
        """Take a task that has not started yet out of its queue; True when it never runs."""
        entry = self._runnables.get(task)
        if entry is None or not self._pools[entry[0]].tryTake(entry[1]):
            return False
        task._done.set()
        self._ended_tasks.add(task)
        self.release(task)
        return True

    @Slot(object)
    def _ended(self, _outcome: object) -> None:
        task = self.sender()
        if isinstance(task, BackgroundTask) and task in self._runnables:
            self._ended_tasks.add(task)
            self._forget_if_done(task)

    def release(self, task: BackgroundTask) -> None:
        """The task's group has handled its outcome, or is gone."""
        if task in self._runnables:
            self._released.add(task)
            self._forget_if_done(task)

    def _forget_if_done(self, task: BackgroundTask) -> None:
        if task in self._ended_tasks and task in self._released:
            self._ended_tasks.discard(task)
            self._released.discard(task)
            del self._runnables[task]
            task.deleteLater()

    @property
    def active(self) -> int:
        return sum(task.running for task in self._runnables)

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel everything, drop what has not started, wait for the rest; True when every
        pool thread has ended."""
        self._closed = True
        for task in list(self._runnables):
            task.cancel()
            self.withdraw(task)
        deadline = time.monotonic() + timeout_ms / 1000
        finished = True
        for pool in self._pools.values():
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            finished = pool.waitForDone(left_ms) and finished
        if not finished:
            log.warning("background work still running after %d ms", timeout_ms)
        return finished


class TaskGroup(QObject):
    """The tasks one widget started on one lane. A child of that widget: when the widget is
    destroyed, so is the group, its tasks are cancelled and their results go nowhere."""

    def __init__(self, manager: TaskManager, lane: Lane, owner: QObject | None) -> None:
        super().__init__(owner)
        self._manager, self._lane = manager, lane
        self._owner = owner
        self._tasks: dict[BackgroundTask, Operation] = {}
        self._closed = False
        self.destroyed.connect(_abandon(manager, self._tasks))

    @property
    def owner_widget(self) -> QWidget | None:
        return self._owner if isinstance(self._owner, QWidget) else None

    def start(self, operation: "Operation") -> BackgroundTask:
        if self._closed:
            raise RuntimeError("the task group is shut down")
        def connect(task: BackgroundTask) -> None:
            self._tasks[task] = operation
            # Queued into this group (GUI thread); a destroyed group receives nothing.
            task.progress.connect(self._progressed)
            task.finished.connect(self._finished)
            task.failed.connect(self._failed)

        return self._manager.start(self._lane, operation.work, operation.name, connect)

    def _operation(self) -> tuple[BackgroundTask, "Operation"] | None:
        task = self.sender()
        if not isinstance(task, BackgroundTask) or task not in self._tasks:
            return None
        return task, self._tasks[task]

    @Slot(int, object)
    def _progressed(self, done: int, total: int | None) -> None:
        if (found := self._operation()) is not None and found[1].progress_handler is not None:
            found[1].progress_handler(done, total)

    @Slot(object)
    def _finished(self, result: object) -> None:
        if (found := self._operation()) is None:
            return
        task, operation = found
        del self._tasks[task]
        self._manager.release(task)
        if operation.success_handler is not None:
            operation.success_handler(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if (found := self._operation()) is None:
            return
        task, operation = found
        del self._tasks[task]
        self._manager.release(task)
        if operation.failure_handler is not None:
            operation.failure_handler(error)
        else:
            errors.report(error, self.owner_widget)

    @property
    def active(self) -> int:
        return sum(task.running for task in self._tasks)

    def cancel_all(self) -> None:
        """Cancel every task of this group; queued ones never start."""
        for task in list(self._tasks):
            task.cancel()
            if self._manager.withdraw(task):
                del self._tasks[task]

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel, then wait for this group's running work (the owner is about to close a
        resource the work uses); True when all of it has ended."""
        self._closed = True
        self.cancel_all()
        deadline = time.monotonic() + timeout_ms / 1000
        ended = all(task.wait(max(0.0, deadline - time.monotonic())) for task in self._tasks)
        if not ended:
            log.warning("%s: background work still running after %d ms",
                        type(self._owner).__name__, timeout_ms)
        return ended


def _abandon(manager: TaskManager,
             tasks: dict[BackgroundTask, "Operation"]) -> Callable[[], None]:
    """A destroyed-handler that holds no reference to the (then deleted) group itself: its
    tasks are cancelled and left to the manager."""

    def abandon() -> None:
        for task in list(tasks):
            task.cancel()
            manager.release(task)
        tasks.clear()

    return abandon


class Operation:
    """What to run off the GUI thread and what to do with its outcome on the GUI thread.

    `work(cancel, report)` runs on the group's lane; it checks `cancel` where it can stop
    safely and calls `report(done, total)` for progress. The handlers run on the GUI thread,
    only while the group's owner exists. Work that returns after a cancel (e.g. an export with
    what it wrote so far) is a success; work that stops raises SyncCancelled."""

    def __init__(self, work: Work, *, name: str = "") -> None:
        self.work = work
        self.name = name or getattr(work, "__name__", "task")
        self.success_handler: Callable[[Any], None] | None = None
        self.failure_handler: Callable[[BaseException], None] | None = None
        self.progress_handler: Callable[[int, int | None], None] | None = None

    def on_success(self, handler: Callable[[Any], None]) -> Self:
        self.success_handler = handler
        return self

    def on_failure(self, handler: Callable[[BaseException], None]) -> Self:
        """Replaces the default (the error path); the handler sees SyncCancelled too."""
        self.failure_handler = handler
        return self

    def with_progress(self, handler: Callable[[int, int | None], None]) -> Self:
        self.progress_handler = handler
        return self

    def run_in(self, group: TaskGroup) -> BackgroundTask:
        """Start it; the returned task can be cancelled (`task.cancel()`)."""
        return group.start(self)
