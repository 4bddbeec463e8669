"""The open cache: one engine per file, sessions for readers, one write transaction at a time."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from desktop_app.cache import bulk_schema
from desktop_app.cache.engine import IMMEDIATE, make_engine
from desktop_app.cache.revision import is_at_head


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
        if migrate and repair_bulk_load and bulk_schema.loading(self.engine):
            # A bulk load was cut (crash, power loss): indexes and search come back first.
            bulk_schema.finish(self.write)

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
