"""The reference backend's SQLAlchemy engine: one recipe for SQLite and PostgreSQL.

Pool size: FastAPI runs every synchronous route and dependency on AnyIO's worker threads,
at most `REQUEST_THREADS` (AnyIO's default limiter) at a time per process; each holds at
most one pooled connection while it runs (a long-poll waits without one). The pool keeps
that many connections plus `BACKGROUND_CONNECTIONS` for the process's own threads (the
simulator, the feed watch) and lets `MAX_OVERFLOW` more open for bursts, so a burst waits for
a connection only when every thread already holds one. A PostgreSQL server therefore needs
`max_connections` of at least workers x (pool size + overflow) plus its other clients (the
wake-up listener and the leader lock keep a connection each per process): 2 workers need
~110, the CI cluster allows 400. Connections are checked with a ping before use
(`pool_pre_ping`), so a database restart costs one retry instead of a failed request.
"""

from typing import Any

import orjson
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

REQUEST_THREADS = 40  # anyio.to_thread's default limiter (starlette's run_in_threadpool)
BACKGROUND_CONNECTIONS = 4
POOL_SIZE = REQUEST_THREADS + BACKGROUND_CONNECTIONS
MAX_OVERFLOW = 10
# Execution option of a connection whose SQLite transaction must take the write lock at
# BEGIN (BEGIN IMMEDIATE): a deferred transaction that reads, then writes, fails at once with
# "database is locked" when another process wrote in between, instead of waiting its turn.
SQLITE_IMMEDIATE = "orderdesk_sqlite_immediate"


def json_text(value: Any) -> str:
    """JSON columns and feed entries go through orjson: seeding 100,000 orders is JSON-bound."""
    return orjson.dumps(value).decode()


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def make_engine(url: str, *, pool_size: int = POOL_SIZE,
                max_overflow: int = MAX_OVERFLOW) -> Engine:
    """An engine for the server database at `url` (SQLite file or PostgreSQL)."""
    parsed = make_url(url)
    options: dict[str, Any] = {"json_serializer": json_text, "json_deserializer": orjson.loads,
                               "pool_pre_ping": True}
    backend = parsed.get_backend_name()
    in_memory = backend == "sqlite" and parsed.database in (None, "", ":memory:")
    if not in_memory:  # an in-memory SQLite database lives in one connection, no pool
        options |= {"pool_size": pool_size, "max_overflow": max_overflow}
    if backend == "sqlite":
        options["connect_args"] = {"check_same_thread": False}
    elif backend == "postgresql":
        # The session's time zone is UTC whatever the server's default: timestamps without a
        # zone (literals, casts in raw SQL) then mean UTC, as the columns store it.
        options["connect_args"] = {"options": "-c timezone=UTC"}
    engine = create_engine(parsed, **options)
    if backend == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite would otherwise open transactions lazily and skip BEGIN before SELECTs, which
    # breaks snapshot reads; this is SQLAlchemy's documented recipe.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
