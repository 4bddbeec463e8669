"""The open cache: one engine per file, sessions for readers, one write transaction at a time."""

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from desktop_app.cache import bulk_schema
from desktop_app.cache.engine import IMMEDIATE, make_engine
from desktop_app.cache.errors import CacheError
from desktop_app.cache.revision import is_at_head

log = logging.getLogger(__name__)

_SQLITE_FULL = 13  # SQLite's primary result code for "database or disk is full"


def is_disk_full(error: BaseException) -> bool:
    """True when `error`, or an error it was raised from, says the disk is full."""
    seen: BaseException | None = error
    while seen is not None:
        original = getattr(seen, "orig", seen)
        if isinstance(original, sqlite3.Error):
            code = getattr(original, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == _SQLITE_FULL:
                return True
        if isinstance(original, OSError) and original.errno == errno.ENOSPC:
            return True
        if "disk is full" in str(original).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class CacheStore:
    """A cache file, migrated to the newest schema when opened (and, when a bulk load was cut
    short, with its indexes and search rebuilt: see `bulk`).

    Thread use: every thread (GUI, query workers, the sync) takes its own `session()` or
    `write()`; the engine hands each its own pooled connection. WAL lets readers go on while
    the sync writes.
    """

    def __init__(self, path: Path, *, migrate: bool = True,
                 repair_bulk_load: bool = True) -> None:
        """`repair_bulk_load=False` lets a sync carry on with a load nobody reads yet."""
        self.path = path
        if migrate and not is_at_head(path):
            # Alembic only when there is something to migrate (its import alone is ~135 ms).
            from desktop_app.cache.migrate import upgrade

            upgrade(path)
        self.engine: Engine = make_engine(path)
        # The repair a full disk stopped: the cache reads (slower, search incomplete) until
        # `repair()` succeeds; a sync finishes the same load by itself.
        self.unrepaired: CacheError | None = None
        if migrate and repair_bulk_load and bulk_schema.loading(self.engine):
            # A bulk load was cut (crash, power loss): indexes and search come back first.
            try:
                bulk_schema.finish(self.write)
            except CacheError as error:
                if not is_disk_full(error):
                    self.engine.dispose()
                    raise
                log.warning("the cache %s stays unrepaired for now: %s", path, error)
                self.unrepaired = error

    def repair(self) -> None:
        """Finish the bulk load a full disk stopped when opening (CacheError while it still
        cannot be written; the transaction is rolled back, nothing half-applied)."""
        if bulk_schema.loading(self.engine):
            bulk_schema.finish(self.write)
        self.unrepaired = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (one snapshot until it ends); closed, never committed, on exit."""
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): committed on exit, rolled back on error."""
        with self.engine.connect() as connection:
            connection.execution_options(**{IMMEDIATE: True})
            with connection.begin():
                yield connection

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "CacheStore":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.dispose()
