"""The task manager and its operations: results on the GUI thread, progress, cancelling, a
closed widget that never hears back, and failures that reach the error path by default."""

import threading
from collections.abc import Iterator

import pytest
from desktop_app.api.errors import OfflineError
from desktop_app.gui.common import errors
from desktop_app.gui.common.crash import CrashReporter
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.sync.progress import CancelToken, SyncCancelled
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

WAIT_MS = 10_000


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def german() -> Iterator[None]:
    before = errors.ui_language()
    errors.set_language("de")
    yield
    errors.set_language(before)


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, tasks: TaskManager,
                                                      owner: QWidget) -> None:
    seen: list[tuple[str, object]] = []
    worker: list[str] = []

    def work(_cancel: CancelToken, report: ProgressReport) -> int:
        worker.append(threading.current_thread().name)
        report(1, 2)
        report(2, 2)
        return 42

    def landed(value: object) -> None:
        seen.append((threading.current_thread().name, value))

    group = tasks.group(owner, Lane.CACHE)
    progress: list[tuple[int, int | None]] = []
    (Operation(work, name="answer").with_progress(lambda d, t: progress.append((d, t)))
     .on_success(landed).run_in(group))
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert seen == [(threading.main_thread().name, 42)]
    assert worker and worker[0] != threading.main_thread().name
    assert progress[-1] == (2, 2)
    qtbot.waitUntil(lambda: tasks.active == 0, timeout=WAIT_MS)


def test_a_closed_widget_never_receives_a_result(qtbot: QtBot, tasks: TaskManager) -> None:
    owner = QWidget()
    release, started = threading.Event(), threading.Event()
    landed: list[object] = []

    def work(_cancel: CancelToken, _report: ProgressReport) -> str:
        started.set()
        release.wait(WAIT_MS / 1000)
        return "too late"

    group = tasks.group(owner, Lane.NETWORK)
    task = Operation(work).on_success(landed.append).on_failure(landed.append).run_in(group)
    assert started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(owner.destroyed, timeout=WAIT_MS):
        owner.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: not task.running, timeout=WAIT_MS)
    qtbot.wait(50)  # the queued result would have landed by now
    assert landed == []
    assert task.token.cancelled  # the group cancelled it when its widget went


def test_cancel_all_drops_queued_work(qtbot: QtBot, tasks: TaskManager,
                                      owner: QWidget) -> None:
    gate = threading.Event()
    ran: list[str] = []

    def blocker(_cancel: CancelToken, _report: ProgressReport) -> None:
        gate.wait(WAIT_MS / 1000)

    def queued(_cancel: CancelToken, _report: ProgressReport) -> None:
        ran.append("queued")

    group = tasks.group(owner, Lane.CACHE)
    busy = [Operation(blocker).run_in(group) for _ in range(Lane.CACHE.value)]
    late = Operation(queued).on_success(ran.append).run_in(group)
    group.cancel_all()
    gate.set()
    qtbot.waitUntil(lambda: not any(task.running for task in busy), timeout=WAIT_MS)
    qtbot.wait(50)
    assert ran == [] and not late.running


def test_a_fault_without_a_handler_reaches_the_clerk_in_german(
        qtbot: QtBot, tasks: TaskManager, owner: QWidget, german: None) -> None:
    def work(_cancel: CancelToken, _report: ProgressReport) -> None:
        raise OfflineError("orders.example.com")

    owner.show()
    Operation(work).run_in(tasks.group(owner, Lane.NETWORK))

    def box() -> QMessageBox | None:
        return next(iter(owner.findChildren(QMessageBox)), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=WAIT_MS)
    shown = box()
    assert shown is not None
    assert shown.text() == OfflineError("orders.example.com").message("de")
    shown.close()


def test_a_bug_without_a_handler_gets_the_crash_dialog(
        qtbot: QtBot, tasks: TaskManager, owner: QWidget,
        crash_reporter: CrashReporter) -> None:
    def work(_cancel: CancelToken, _report: ProgressReport) -> None:
        raise KeyError("no such column")

    Operation(work, name="broken").run_in(tasks.group(owner, Lane.CACHE))
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None, timeout=WAIT_MS)
    assert crash_reporter.dialog is not None
    assert "KeyError: 'no such column'" in crash_reporter.dialog.details.toPlainText()


def test_a_cancelled_operation_is_silent(qtbot: QtBot, tasks: TaskManager,
                                         owner: QWidget) -> None:
    def work(cancel: CancelToken, _report: ProgressReport) -> None:
        cancel.cancel()
        cancel.raise_if_cancelled()

    failures: list[BaseException] = []
    task = Operation(work).on_failure(failures.append).run_in(tasks.group(owner, Lane.CACHE))
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], SyncCancelled) and not task.running
    errors.report(failures[0], owner)  # the default path says nothing either
    assert owner.findChildren(QMessageBox) == []


def test_shutdown_waits_and_refuses_new_work(qtbot: QtBot, owner: QWidget) -> None:
    manager = TaskManager()
    done = threading.Event()

    def work(_cancel: CancelToken, _report: ProgressReport) -> None:
        done.wait(0.2)
        done.set()

    group = manager.group(owner, Lane.NETWORK)
    Operation(work).run_in(group)
    assert manager.shutdown(WAIT_MS)
    assert done.is_set()
    with pytest.raises(RuntimeError):
        Operation(work).run_in(group)
    manager.deleteLater()
