"""Engine, sessions and the write lock of the reference backend."""

import logging
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.server.db import Base, CounterRow

FEED_SEQ = "feed_seq"
FEED_HORIZON = "feed_horizon"
FEED_EPOCH = "feed_epoch"
# session.info key: the tenants whose feed a write transaction recorded changes for.
FEED_TENANTS = "feed_tenants"
# session.info keys: the newest feed seq a write transaction recorded; whether it pruned.
FEED_LAST_SEQ = "feed_last_seq"
FEED_PRUNED = "feed_pruned"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedCommit:
    """What a committed write did to the change feed."""

    tenant_ids: frozenset[str]  # the tenants it recorded changes for
    last_seq: int | None  # the newest seq it recorded (None: none)
    pruned: bool = False  # it pruned tombstones (the horizon moved)


FeedListener = Callable[[FeedCommit], None]


def utcnow() -> datetime:
    """Naive UTC, as stored in the database; the wire format adds the zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def json_text(value: Any) -> str:
    """JSON columns and feed entries go through orjson: seeding 100,000 orders is JSON-bound."""
    return orjson.dumps(value).decode()


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
        connection.exec_driver_sql("BEGIN")


class Database:
    """One engine; reads run freely, writes are serialised by a process-wide lock.

    The lock keeps SQLite writers from racing (and the feed sequence in commit order); on a
    server database the counter row lock does the same across processes.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        is_sqlite = url.startswith("sqlite")
        connect_args = {"check_same_thread": False} if is_sqlite else {}
        self.engine = create_engine(url, connect_args=connect_args, json_serializer=json_text,
                                    json_deserializer=orjson.loads)
        if is_sqlite:
            _configure_sqlite(self.engine)
        Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._feed_listeners: list[FeedListener] = []
        self._ensure_counters()

    def add_feed_listener(self, listener: FeedListener) -> None:
        """Called after each committed write that recorded feed changes or pruned it."""
        self._feed_listeners.append(listener)

    def remove_feed_listener(self, listener: FeedListener) -> None:
        if listener in self._feed_listeners:
            self._feed_listeners.remove(listener)

    def _ensure_counters(self) -> None:
        with self.write() as session:
            present = set(session.scalars(select(CounterRow.name)))
            defaults = {FEED_SEQ: 0, FEED_HORIZON: 0, FEED_EPOCH: secrets.randbelow(2**31 - 1) + 1}
            for name, value in defaults.items():
                if name not in present:
                    session.add(CounterRow(name=name, value=value))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction under the write lock; after its commit (not after a rollback) the
        feed listeners hear which tenants it recorded changes for."""
        with self._write_lock:
            with self._sessions.begin() as session:
                tenants: set[str] = session.info.setdefault(FEED_TENANTS, set())
                yield session
            session.info.pop(FEED_TENANTS, None)
            last_seq: int | None = session.info.pop(FEED_LAST_SEQ, None)
            pruned = bool(session.info.pop(FEED_PRUNED, False))
        if tenants or pruned:
            self._feed_committed(FeedCommit(frozenset(tenants), last_seq, pruned))

    def _feed_committed(self, commit: FeedCommit) -> None:
        for listener in list(self._feed_listeners):
            try:
                listener(commit)
            except Exception:  # the write is committed: a listener must not turn it into an error
                log.exception("feed listener failed")

    def dispose(self) -> None:
        self.engine.dispose()
