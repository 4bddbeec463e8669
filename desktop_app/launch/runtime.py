"""What every start of the desktop app sets up first, demo and real use alike: the
QApplication, the log file, the crash reporter (sys/threading excepthooks, Qt's messages) and
the one task manager whose thread pools all background work of the GUI runs on."""

import logging
import platform
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.gui.common.crash import CrashReporter
from desktop_app.gui.common.logs import start_logging, stop_logging
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.workspace import desktop_application

__all__ = ["Runtime"]

log = logging.getLogger(__name__)
QUIT_WAIT_MS = 2_000  # quitting never waits longer for background work
# Python runs a signal handler only between bytecodes: while Qt's event loop waits in C++, a
# timer lets it in now and then, so Ctrl+C ends the app through its normal clean-up.
SIGNAL_CHECK_MS = 200
QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


@dataclass
class Runtime:
    app: QApplication
    settings: QSettings
    tasks: TaskManager
    crash: CrashReporter
    log_file: Path | None
    _previous_handlers: dict[int, Any] = field(default_factory=dict)
    _signal_timer: QTimer | None = None

    @classmethod
    def start(cls) -> "Runtime":
        app = desktop_application()
        log_file = start_logging()
        log.info("OrderDesk %s starts on %s (Python %s)", __version__, platform.platform(),
                 platform.python_version())
        crash = CrashReporter(parent=app)
        crash.install()
        runtime = cls(app, QSettings(), TaskManager(app), crash, log_file)
        runtime._quit_on_signals()
        return runtime

    def _quit_on_signals(self) -> None:
        """Ctrl+C, a terminal closed, a SIGTERM: the event loop ends and every `finally` of
        the start runs (the demo removes its folder), instead of dying where Python was."""
        def quit_app(number: int, _frame: FrameType | None) -> None:
            log.info("signal %d: OrderDesk quits", number)
            self.app.quit()

        for number in QUIT_SIGNALS:
            try:
                self._previous_handlers[number] = signal.signal(number, quit_app)
            except (ValueError, OSError) as error:  # not the main thread, or not settable
                log.warning("cannot handle signal %d: %s", number, error)
        self._signal_timer = QTimer()
        self._signal_timer.timeout.connect(lambda: None)
        self._signal_timer.start(SIGNAL_CHECK_MS)

    def describe_sync(self, describe: Callable[[], str]) -> None:
        """What the crash details say about the sync (the workspace knows it)."""
        self.crash.sync_state = describe

    def close(self) -> None:
        if self._signal_timer is not None:
            self._signal_timer.stop()
        for number, previous in self._previous_handlers.items():
            signal.signal(number, previous)
        self.tasks.shutdown(QUIT_WAIT_MS)
        self.crash.uninstall()
        log.info("OrderDesk ends")
        stop_logging()
