"""Bugs reach the log file and the crash dialog, from a slot or any thread; faults reach the
clerk as their German or English message; no secret is ever written or shown."""

import logging
import threading
from pathlib import Path

import pytest
from desktop_app import __version__
from desktop_app.api.errors import ServerError
from desktop_app.cache.errors import CacheWriteError
from desktop_app.gui.common import errors
from desktop_app.gui.common.crash import CrashReporter, report_bug
from desktop_app.gui.common.logs import current_log_file
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

WAIT_MS = 10_000
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTAwMiJ9.c2lnbmF0dXJl"


def log_text() -> str:
    log_file = current_log_file()
    assert log_file is not None
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_a_bug_in_a_slot_is_logged_and_shown(qtbot: QtBot,
                                             crash_reporter: CrashReporter) -> None:
    def broken_slot() -> None:
        raise ZeroDivisionError("the clerk clicked something we did not expect")

    crash_reporter.install()  # again: pytest-qt took sys.excepthook for the test's call
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None, timeout=WAIT_MS)
    dialog = crash_reporter.dialog
    assert dialog is not None and dialog.isVisible()
    details = dialog.details.toPlainText()
    for expected in (f"OrderDesk {__version__}", "Operating system: ", "Traceback",
                     "ZeroDivisionError: the clerk clicked", "broken_slot",
                     "Last sync: last success never", f"Log file: {current_log_file()}"):
        assert expected in details
    assert str(current_log_file()) in dialog.message.text()
    logged = log_text()
    assert "Traceback" in logged and "ZeroDivisionError: the clerk clicked" in logged
    dialog.copy_details()
    assert QApplication.clipboard().text() == details


def test_a_bug_in_another_thread_reaches_the_dialog(qtbot: QtBot,
                                                    crash_reporter: CrashReporter) -> None:
    def crash() -> None:
        raise LookupError("raised on a plain thread")

    crash_reporter.install()  # again: pytest took threading.excepthook for the test's call
    thread = threading.Thread(target=crash, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None, timeout=WAIT_MS)
    assert crash_reporter.dialog is not None
    details = crash_reporter.dialog.details.toPlainText()
    assert "LookupError: raised on a plain thread" in details and "thread helper" in details


def test_more_bugs_go_into_the_open_dialog(qtbot: QtBot,
                                           crash_reporter: CrashReporter) -> None:
    crash_reporter.report(ValueError("first"))
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None, timeout=WAIT_MS)
    first = crash_reporter.dialog
    assert first is not None
    crash_reporter.report(ValueError("second"))
    qtbot.waitUntil(lambda: "second" in first.details.toPlainText(), timeout=WAIT_MS)
    assert crash_reporter.dialog is first


def test_no_secret_reaches_the_log_or_the_dialog(qtbot: QtBot,
                                                 crash_reporter: CrashReporter) -> None:
    secret = (f"Authorization: Bearer {TOKEN}; {{'password': 'demo1234'}} "
              "refresh_token=r-77-secret")
    logging.getLogger("tests").warning("request failed: %s", secret)
    crash_reporter.report(RuntimeError(secret))
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None, timeout=WAIT_MS)
    assert crash_reporter.dialog is not None
    shown = crash_reporter.dialog.details.toPlainText()
    logged = log_text()
    assert "request failed" in logged and "RuntimeError" in logged
    for text in (logged, shown):
        for leaked in (TOKEN, "demo1234", "r-77-secret"):
            assert leaked not in text
        assert "[hidden]" in text


def test_qt_warnings_go_to_the_log(crash_reporter: CrashReporter) -> None:
    qWarning("a Qt warning for the log")
    assert "Qt: a Qt warning for the log" in log_text()
    assert crash_reporter.dialog is None  # a warning is no crash


def test_without_a_reporter_a_bug_is_raised_again() -> None:
    with pytest.raises(KeyError):
        report_bug(KeyError("never swallowed"))


def test_a_fault_shows_its_german_text_where_the_caller_wants_it(
        crash_reporter: CrashReporter) -> None:
    shown: list[tuple[str, str]] = []
    errors.report(ServerError(503), surface=lambda text, kind: shown.append((text, kind)),
                  language="de")
    assert shown == [(ServerError(503).message("de"), "error")]
    assert shown[0][0].startswith("Der Server ist derzeit überlastet")
    assert crash_reporter.dialog is None


def test_a_fault_with_technical_details_names_the_log_file(
        crash_reporter: CrashReporter) -> None:
    shown: list[str] = []
    fault = CacheWriteError("database or disk is full")
    errors.report(fault, surface=lambda text, _kind: shown.append(text), language="en")
    assert shown[0].startswith("The local cache could not be updated; it keeps its last state. "
                               "The disk is full")
    assert shown[0].endswith(f"Details: {current_log_file()}")
    assert "database or disk is full" in log_text()  # the driver's words: log only
    german: list[str] = []
    errors.report(fault, surface=lambda text, _kind: german.append(text), language="de")
    assert "disk" not in german[0].split("Einzelheiten")[0]  # no English in the German text


def test_the_log_folder_can_be_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.gui.common import logs

    monkeypatch.setenv("ORDERDESK_LOG_DIR", str(tmp_path / "elsewhere"))
    assert logs.default_log_folder() == tmp_path / "elsewhere"
