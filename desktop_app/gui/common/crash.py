"""Bugs: logged with their traceback and shown in a crash dialog with copyable details.

`CrashReporter.install()` (desktop_app/launch) makes it the target of `sys.excepthook` (an
exception escaping a slot or an event handler), `threading.excepthook` (any thread) and
Qt's message handler (Qt's warnings go to the log; critical and fatal messages are bugs).
`report_bug()` is what the error path (errors.py) calls for anything that is not an
environment fault. Details name the version, OS, the traceback, the last sync state and the
log file, and pass `redact()`: no token or password reaches the dialog or the clipboard.
"""

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import PySide6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.redaction import redact
from desktop_app.gui.common.logs import current_log_file

__all__ = ["CrashDialog", "CrashReporter", "crash_details", "installed_reporter", "report_bug"]

log = logging.getLogger(__name__)

SyncStateText = Callable[[], str]
_reporter: "CrashReporter | None" = None


def crash_details(error: BaseException, context: str = "",
                  sync_state: SyncStateText | None = None) -> str:
    """The support text of one bug: plain English (support reads it), credentials hidden."""
    log_file = current_log_file()
    try:
        state = sync_state() if sync_state is not None else "unknown"
    except Exception as problem:  # the report of a bug must not fail itself
        state = f"unavailable ({type(problem).__name__})"
    lines = [
        f"OrderDesk {__version__} – internal error",
        f"Time: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M:%S UTC')}",
        f"Operating system: {platform.platform()} ({platform.machine()})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}",
        f"Thread: {threading.current_thread().name}",
        f"Where: {context or 'unknown'}",
        f"Last sync: {state}",
        f"Log file: {log_file if log_file is not None else 'none (it could not be created)'}",
        "",
        "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip(),
    ]
    return redact("\n".join(lines)) + "\n"


class CrashDialog(QDialog):
    """Non-modal; further bugs while it is open are appended instead of opening more."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("OrderDesk – internal error"))
        layout = QVBoxLayout(self)
        log_file = current_log_file()
        where = (self.tr("They are also in the log file %1.").replace("%1", str(log_file))
                 if log_file is not None else self.tr("No log file could be written."))
        self.message = QLabel(
            self.tr("An internal error occurred. Your cached data is safe; you can go on "
                    "working, but the last action may not have finished. Please send the "
                    "details below to support.") + " " + where)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32, 32))
        layout.addWidget(icon)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("&Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add(self, details: str) -> None:
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + details)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Receives bugs from any thread and shows them on the GUI thread."""

    bugReported = Signal(str)  # noqa: N815 (Qt naming): the details, after they were logged

    def __init__(self, sync_state: SyncStateText | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sync_state = sync_state
        self.dialog: CrashDialog | None = None
        self._previous: dict[str, Any] = {}
        self.bugReported.connect(self._show)  # queued when reported from a worker

    def install(self) -> None:
        """Become the hooks' target; again after someone else took them (a test runner's
        capture does), `uninstall()` still restores what was there first."""
        global _reporter
        previous: dict[str, Any] = {"sys": sys.excepthook, "threading": threading.excepthook}
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        previous["qt"] = qInstallMessageHandler(self._qt_message)
        if not self._previous:
            self._previous = previous
        _reporter = self

    def uninstall(self) -> None:
        global _reporter
        if not self._previous:
            return
        sys.excepthook = self._previous["sys"]
        threading.excepthook = self._previous["threading"]
        qInstallMessageHandler(self._previous["qt"])
        self._previous = {}
        if _reporter is self:
            _reporter = None

    def report(self, error: BaseException, context: str = "") -> None:
        """Log the bug with its traceback, then show it (any thread)."""
        details = crash_details(error, context, self.sync_state)
        log.error("internal error%s", f" ({context})" if context else "",
                  exc_info=(type(error), error, error.__traceback__))
        self.bugReported.emit(details)

    def _excepthook(self, kind: type[BaseException], error: BaseException,
                    trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous["sys"](kind, error, trace)
            return
        self.report(error.with_traceback(trace), "the GUI thread")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self.report(args.exc_value.with_traceback(args.exc_traceback), f"thread {name}")

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f"{context.file}:{context.line}" if context.file else "Qt"
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            log.error("Qt: %s (%s)", message, where)
        elif kind == QtMsgType.QtWarningMsg:
            log.warning("Qt: %s (%s)", message, where)
        else:
            log.debug("Qt: %s (%s)", message, where)

    @Slot(str)
    def _show(self, details: str) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)
            self.dialog.raise_()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CrashDialog(details, QApplication.activeWindow())
        self.dialog.show()


def installed_reporter() -> CrashReporter | None:
    return _reporter


def report_bug(error: BaseException, context: str = "") -> None:
    """The way to the crash dialog. Without an installed reporter (a test, or a bug before
    start-up finished) the error is raised again, so that it is never lost."""
    if _reporter is None:
        raise error
    _reporter.report(error, context)
