"""Shared test set-up: offscreen Qt for every test session."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest


@pytest.fixture
def tasks(qapp: object) -> "Iterator[TaskManager]":
    """The one task manager the composition root would hand down; shut down after the test
    (no worker outlives it)."""
    from desktop_app.gui.common.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()
    manager.deleteLater()


if False:  # for the annotations only; Qt loads once the platform is set
    from desktop_app.gui.common.tasks import TaskManager
