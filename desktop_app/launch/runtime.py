"""What every start of the desktop app sets up first, demo and real use alike: the
QApplication, the log file, the crash reporter (sys/threading excepthooks, Qt's messages) and
the one task manager whose thread pools all background work of the GUI runs on."""

import logging
import platform
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.gui.common.crash import CrashReporter
from desktop_app.gui.common.logs import start_logging, stop_logging
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.workspace import desktop_application

__all__ = ["Runtime"]

log = logging.getLogger(__name__)
QUIT_WAIT_MS = 2_000  # quitting never waits longer for background work


@dataclass
class Runtime:
    app: QApplication
    settings: QSettings
    tasks: TaskManager
    crash: CrashReporter
    log_file: Path | None

    @classmethod
    def start(cls) -> "Runtime":
        app = desktop_application()
        log_file = start_logging()
        log.info("OrderDesk %s starts on %s (Python %s)", __version__, platform.platform(),
                 platform.python_version())
        crash = CrashReporter(parent=app)
        crash.install()
        return cls(app, QSettings(), TaskManager(app), crash, log_file)

    def describe_sync(self, describe: Callable[[], str]) -> None:
        """What the crash details say about the sync (the workspace knows it)."""
        self.crash.sync_state = describe

    def close(self) -> None:
        self.tasks.shutdown(QUIT_WAIT_MS)
        self.crash.uninstall()
        log.info("OrderDesk ends")
        stop_logging()
