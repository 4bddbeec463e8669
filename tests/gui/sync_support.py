"""Sync-controller test support: a window stand-in that records calls, a GUI-stall meter,
a live seeded server and a check that no thread outlives a test."""

import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from desktop_app.api import ApiClient
from desktop_app.gui.account.sync_controller import BannerKind
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from tests.sync.support import login, start_seeded_server


class RecordingWindow(QObject):
    """The part of MainWindow the sync controller talks to; every call is recorded."""

    syncRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def _record(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def refresh_after_sync(self) -> None:
        self._record("refresh_after_sync")

    def set_online(self, online: bool, reason: str) -> None:
        self._record("set_online", online, reason)

    def set_sync_progress(self, done: int, total: int) -> None:
        self._record("set_sync_progress", done, total)

    def set_last_sync(self, when: datetime | None) -> None:
        self._record("set_last_sync", when)

    def show_banner(self, text: str, kind: BannerKind) -> None:
        self._record("show_banner", text, kind)

    def hide_banner(self) -> None:
        self._record("hide_banner")


class StallMeter(QObject):
    """A 10 ms timer on the GUI thread; `longest` is the longest gap between its ticks."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def python_threads() -> set[threading.Thread]:
    """Live threads Python started (Qt pool threads appear as daemon dummies: left out)."""
    return {thread for thread in threading.enumerate()
            if not isinstance(thread, threading._DummyThread)}


def new_threads(before: set[threading.Thread]) -> set[str]:
    """Threads started since `before`, except the module server's request workers (AnyIO
    keeps them idle in its pool until that server stops)."""
    return {thread.name for thread in python_threads() - before
            if thread.name != "AnyIO worker thread"}


@pytest.fixture
def no_thread_left() -> Iterator[None]:
    before = python_threads()
    yield
    deadline = time.monotonic() + 5
    while new_threads(before) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = new_threads(before)
    assert not left, left
    assert QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    running = start_seeded_server(tmp_path_factory.mktemp("server"))
    yield running
    running.stop()


@pytest.fixture
def client(server: EmbeddedServer) -> Iterator[ApiClient]:
    api = login(server)
    yield api
    api.close()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    yield live
    live.close()
