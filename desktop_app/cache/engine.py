"""SQLite engines for the cache: WAL, foreign keys, busy timeout, explicit transactions."""

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from desktop_app.cache.search import SEARCH_KEY_FUNCTION, search_key

BUSY_TIMEOUT_MS = 10_000
# A feed page of 1000 orders writes a few MB of WAL: with SQLite's default (1000 pages, 4 MB)
# nearly every commit checkpointed, copying the page into the database a second time.
# Checkpoint about every 40 MB instead; the WAL file is cut back to 64 MB after a checkpoint.
WAL_AUTOCHECKPOINT_PAGES = 10_000
JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024
IMMEDIATE = "orderdesk_begin_immediate"
# SQLite's page cache, per connection (negative: KiB). Writers (the sync) get a larger one
# for the duration of a write transaction; readers, one per thread that reads, a small one:
# a miss costs a read from the OS's file cache, and each 32 MB reader cost its share of the
# peak memory. Temporary b-trees (index builds after a bulk load, sorts) go to temporary
# files beyond the cache instead of RAM: the same sync speed, ~30 MB less peak memory.
READ_CACHE_KIB = 8_000
WRITE_CACHE_KIB = 16_000


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine usable from any thread (each thread takes its own pooled connection).

    pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN itself
    (the recipe from SQLAlchemy's SQLite notes), so a transaction covers reads and writes
    alike; connections opened with the `IMMEDIATE` execution option take the write lock at
    BEGIN, so a writer never fails half-way on a lock upgrade.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "isolation_level": None},
        pool_size=8,
        max_overflow=8,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA temp_store = FILE")
            cursor.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
            cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            cursor.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT_BYTES}")
            # The search triggers call it (our own schema: trusted even where a build
            # defaults to untrusted schemas).
            cursor.execute("PRAGMA trusted_schema = ON")
        finally:
            cursor.close()
        dbapi_connection.create_function(SEARCH_KEY_FUNCTION, 7, search_key, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        if immediate:
            connection.exec_driver_sql(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            connection.connection.info["write_cache"] = True
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if dbapi_connection is not None and record.info.pop("write_cache", False):
            dbapi_connection.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")  # frees it

    return engine
