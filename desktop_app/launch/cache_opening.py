"""Opening an account's cache at start: checked first, a damaged file set aside and replaced
by a new cache holding what the clerk made (desktop_app/cache/health.py), a cache a full disk
left unrepaired opened read-only. What goes wrong here is told, never a traceback.
"""

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from desktop_app.cache import health
from desktop_app.cache.errors import CacheError
from desktop_app.cache.store import is_disk_full
from desktop_app.domain.faults import EnvironmentFault
from desktop_app.sync.live_cache import LiveCache

__all__ = ["LOW_SPACE_BYTES", "CacheOpenError", "CacheOpening", "free_bytes", "open_cache"]

log = logging.getLogger(__name__)

# Below this much free space a start is read-only: the first synced page alone writes a few
# MB of WAL, and a write that fails half-way through a page costs a retry loop of failures.
LOW_SPACE_BYTES = 8 * 1024 * 1024


class CacheOpenError(EnvironmentFault):
    """The cache could not be opened at all (its folder cannot be written, the disk is full
    while a damaged cache had to be replaced, …). The folder is named."""

    def __init__(self, folder: Path, technical: str, *, disk_full: bool) -> None:
        if disk_full:
            de = (f"Der lokale Cache in {folder} kann nicht geöffnet werden: der Datenträger "
                  "ist voll. Bitte Platz schaffen und OrderDesk erneut starten.")
            en = (f"The local cache in {folder} cannot be opened: the disk is full. Please free "
                  "some space and start OrderDesk again.")
        else:
            de = (f"Der lokale Cache in {folder} kann nicht geöffnet werden. Einzelheiten "
                  "stehen in der Protokolldatei.")
            en = (f"The local cache in {folder} cannot be opened. The log file has the "
                  "details.")
        super().__init__(de, en, technical=technical)


def free_bytes(folder: Path) -> int | None:
    """Free space for the cache folder; None when it cannot be told."""
    try:
        return shutil.disk_usage(folder).free
    except OSError as error:
        log.warning("free space of %s unknown: %s", folder, error)
        return None


@dataclass
class CacheOpening:
    """The open cache and how it came to be: `recovery` when a damaged file was set aside,
    `read_only` when a full disk stops its repair or leaves no room for a sync."""

    cache: LiveCache
    recovery: health.Recovery | None = None
    read_only: bool = False

    @property
    def folder(self) -> Path:
        return self.cache.path.parent


_OPEN_ERRORS = (OSError, SQLAlchemyError, sqlite3.Error, CacheError)


def _failed(path: Path, error: BaseException) -> CacheOpenError:
    return CacheOpenError(path.parent, str(error), disk_full=is_disk_full(error))


def _recover(path: Path, reason: str) -> health.Recovery:
    try:
        return health.recover(path, reason, datetime.now())
    except _OPEN_ERRORS as error:
        log.exception("could not replace the damaged cache %s", path)
        raise _failed(path, error) from error


def open_cache(path: Path) -> CacheOpening:
    """The cache at `path`, checked (a few milliseconds) and, when damaged, replaced.

    CacheOpenError when it cannot be opened for another reason (the log has the details)."""
    recovery = None
    reason = health.quick_check(path)
    if reason is not None:
        recovery = _recover(path, reason)
    try:
        cache = LiveCache(path)
    except _OPEN_ERRORS as error:
        if recovery is not None or not health.is_damage(error):
            log.exception("could not open the cache %s", path)
            raise _failed(path, error) from error
        recovery = _recover(path, str(error))  # damage the quick check could not see
        try:
            cache = LiveCache(path)
        except _OPEN_ERRORS as again:
            log.exception("could not open the new cache %s", path)
            raise _failed(path, again) from again
    space = free_bytes(path.parent)
    low = space is not None and space < LOW_SPACE_BYTES
    read_only = cache.store.unrepaired is not None or low
    if read_only:
        log.warning("the cache %s opens read-only (%s free)", path, space)
    return CacheOpening(cache, recovery, read_only)
