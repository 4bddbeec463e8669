"""Shared test set-up: offscreen Qt for every test session; the task manager and the crash
reporter that the composition root would hand down and install."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

pytest_plugins = ["tests.live_fixtures", "tests.keyring_fixtures"]

if TYPE_CHECKING:  # Qt loads once the platform is set
    from desktop_app.gui.common.crash import CrashReporter
    from desktop_app.gui.common.tasks import TaskManager


@pytest.fixture
def tasks(qapp: object) -> "Iterator[TaskManager]":
    """The one task manager; shut down after the test (no worker outlives it)."""
    from desktop_app.gui.common.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()
    manager.deleteLater()


@pytest.fixture
def crash_reporter(qapp: object, tmp_path_factory: pytest.TempPathFactory
                   ) -> "Iterator[CrashReporter]":
    """The app's crash reporter installed (excepthooks, Qt messages) with a log file of its
    own; `reporter.dialog` is the crash dialog once a bug was reported."""
    from desktop_app.gui.common.crash import CrashReporter
    from desktop_app.gui.common.logs import start_logging, stop_logging

    start_logging(tmp_path_factory.mktemp("logs"))
    reporter = CrashReporter(lambda: "last success never")
    reporter.install()
    try:
        yield reporter
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()
            reporter.dialog.deleteLater()
        stop_logging()
