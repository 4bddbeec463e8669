"""The one background-operation helper of the GUI: run a callable off the GUI thread.

A `BackgroundRunner` owns a small QThreadPool. `run(work)` hands `work(cancel, report)` to a
pool thread and returns a `BackgroundTask` whose signals arrive on the GUI thread (queued):
`started`, `progress(done, total)`, `finished(result)` and `failed(error)`. Cancelling sets
the task's `CancelToken`; the work checks it where it can stop safely. `shutdown()` cancels
everything and waits (with a timeout) so that no thread outlives the application.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.sync.progress import CancelToken

log = logging.getLogger(__name__)

ProgressReport = Callable[[int, int | None], None]
Work = Callable[[CancelToken, ProgressReport], object]

SHUTDOWN_TIMEOUT_MS = 10_000
PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress signals a second reach the GUI


class BackgroundTask(QObject):
    """One run of a callable; lives on the GUI thread, its signals are emitted from the pool."""

    started = Signal()
    progress = Signal(int, object)  # done, total (None while unknown)
    finished = Signal(object)  # the callable's result
    failed = Signal(object)  # the exception it raised (SyncCancelled after a cancel)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self._done = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def report(self, done: int, total: int | None) -> None:
        """Called by the work on its thread; throttled, except for the last step."""
        now = time.monotonic()
        if (total is not None and done >= total) or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progress.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask, work: Work) -> None:
        super().__init__()
        self._task, self._work = task, work

    def run(self) -> None:
        task = self._task
        try:
            task.started.emit()
            result = self._work(task.token, task.report)
        except BaseException as error:  # reported to the GUI; a bug is logged there
            task._done.set()
            task.failed.emit(error)
        else:
            task._done.set()
            task.finished.emit(result)


class BackgroundRunner(QObject):
    """Runs work on its own thread pool; every task's errors reach `failed` of that task."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: set[BackgroundTask] = set()
        self._closed = False

    def run(self, work: Work, name: str = "", *,
            progress: Callable[[int, int | None], None] | None = None,
            finished: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None) -> BackgroundTask:
        """Start `work(cancel, report)`; the callbacks (slots of QObjects on the GUI thread)
        are connected before the work starts, so that no signal is lost."""
        if self._closed:
            raise RuntimeError("the background runner is shut down")
        task = BackgroundTask(name or getattr(work, "__name__", "task"), self)
        self._tasks.add(task)
        for signal, slot in ((task.progress, progress), (task.finished, finished),
                             (task.failed, failed)):
            if slot is not None:
                signal.connect(slot)
        task.finished.connect(self._task_ended)
        task.failed.connect(self._task_ended)
        self._pool.start(_Runnable(task, work))
        return task

    @Slot(object)
    def _task_ended(self, _outcome: object) -> None:
        task = self.sender()
        if isinstance(task, BackgroundTask) and task in self._tasks:
            self._tasks.discard(task)
            task.deleteLater()

    @property
    def active(self) -> int:
        return sum(task.running for task in self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel, then wait for running work; True when every pool thread has ended."""
        self._closed = True
        self.cancel_all()
        self._pool.clear()  # queued, not yet started
        finished = self._pool.waitForDone(timeout_ms)
        if not finished:
            log.warning("background work still running after %d ms", timeout_ms)
        return finished
