"""The cache the app reads, and its atomic replacement after a full resync."""

import threading
from collections.abc import Callable
from pathlib import Path

from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.store import CacheStore

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def remove_database_files(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_SIDE_FILES)):
        candidate.unlink(missing_ok=True)


class LiveCache:
    """Hands out the current store; a full resync swaps in a new file while readers go on.

    Until the swap the old file stays fully readable; the swap itself is an os.replace, so a
    crash leaves either the old or the new complete cache, never a half-written one.

    `feed_lock` is held by the pull that applies change pages to this cache (regular sync or
    listener), so they take turns (desktop_app/sync/changes.py).
    """

    def __init__(self, path: Path, open_store: Callable[[Path], CacheStore] = CacheStore) -> None:
        self.path = path
        self._open = open_store
        self._lock = threading.RLock()
        self.feed_lock = threading.Lock()
        self._store = open_store(path)

    @property
    def store(self) -> CacheStore:
        with self._lock:
            return self._store

    def fresh_path(self) -> Path:
        return self.path.with_name(self.path.name + ".resync")

    def replace_with(self, fresh: Path) -> None:
        with self._lock:
            self._store.dispose()
            try:
                # A stale -wal next to the new file would be replayed into it: remove it.
                for suffix in SQLITE_SIDE_FILES:
                    self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
                fresh.replace(self.path)
            except OSError as error:  # e.g. Windows, while another handle holds the file
                self._store = self._open(self.path)
                raise CacheWriteError(f"could not swap in the rebuilt cache: {error}") from error
            self._store = self._open(self.path)

    def close(self) -> None:
        with self._lock:
            self._store.dispose()
