"""Engine, sessions and the write lock of the reference backend."""

import logging
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.server.db import CounterRow
from desktop_app.server.engine import (
    MAX_OVERFLOW,
    POOL_SIZE,
    SQLITE_IMMEDIATE,
    is_postgres,
    make_engine,
)
from desktop_app.server.engine import json_text as json_text
from desktop_app.server.schema import migrate

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


class Database:
    """One engine; reads run freely, writes are serialised by a process-wide lock.

    Opening it migrates the schema to the newest revision (desktop_app.server.schema; safe
    when several processes open one database at once). The lock keeps SQLite writers from
    racing (and the feed sequence in commit order); on a server database the counter row lock
    does the same across processes. On SQLite a write transaction takes the file's write
    lock when it begins, so another process's writer waits its turn (busy_timeout) instead
    of failing halfway. The pool's size is explained in desktop_app.server.engine.
    """

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE,
                 max_overflow: int = MAX_OVERFLOW) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size, max_overflow=max_overflow)
        self.is_postgres = is_postgres(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{SQLITE_IMMEDIATE: True}), expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._feed_listeners: list[FeedListener] = []
        try:
            migrate(self.engine)
            self._ensure_counters()
        except BaseException:
            self.engine.dispose()
            raise

    def add_feed_listener(self, listener: FeedListener) -> None:
        """Called after each committed write that recorded feed changes or pruned it."""
        self._feed_listeners.append(listener)

    def remove_feed_listener(self, listener: FeedListener) -> None:
        if listener in self._feed_listeners:
            self._feed_listeners.remove(listener)

    def _ensure_counters(self) -> None:
        """The feed's counters, created by whichever process opens a new database first
        (INSERT ... ON CONFLICT DO NOTHING: several may try at once)."""
        defaults = {FEED_SEQ: 0, FEED_HORIZON: 0, FEED_EPOCH: secrets.randbelow(2**31 - 1) + 1}
        dialect = postgresql if self.is_postgres else sqlite
        statement = dialect.insert(CounterRow).on_conflict_do_nothing(
            index_elements=[CounterRow.name])
        with self.write() as session:
            session.execute(statement, [{"name": name, "value": value}
                                        for name, value in defaults.items()])

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction under the write lock; after its commit (not after a rollback) the
        feed listeners hear which tenants it recorded changes for."""
        with self._write_lock:
            with self._write_sessions.begin() as session:
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
