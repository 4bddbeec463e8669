"""How a sync reports to whoever watches it (the GUI connects these to signals)."""

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "changes", "resync", "catalog", "documents"
    done: int
    total: int | None  # None while unknown


ProgressCallback = Callable[[SyncProgress], None]


class SyncCancelled(Exception):
    """The user cancelled; everything applied so far stays, the next sync resumes from it."""


class CancelToken:
    """A flag the GUI sets and the worker checks between pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise SyncCancelled()


def ignore_progress(_progress: SyncProgress) -> None:
    """The default callback."""
