"""Sync-controller test support: a window stand-in that records calls and a GUI-stall meter
(the live server, client, cache and thread check are in tests/live_fixtures.py)."""

import time
from datetime import datetime
from typing import Any

from desktop_app.gui.account.sync_controller import BannerKind
from PySide6.QtCore import QObject, QTimer, Signal


class RecordingWindow(QObject):
    """The part of MainWindow the sync controller talks to; every call is recorded."""

    syncRequested = Signal()  # noqa: N815 (Qt naming)
    syncCancelRequested = Signal()  # noqa: N815 — Cancel beside the progress bar

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

    def show_status_message(self, text: str) -> None:
        self._record("show_status_message", text)


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
