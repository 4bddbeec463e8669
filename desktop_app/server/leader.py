"""Which server process runs the processing simulator: exactly one per database.

PostgreSQL: the process holding a session-level advisory lock leads. The lock lives on a
dedicated connection (outside the pool, in autocommit, so no transaction stays open) and is
held as long as that connection is: a leader that dies or loses its connection lets the
database release it, and a waiting process takes over at its next attempt (every
RETRY_INTERVAL seconds). SQLite serves one process only, so that process leads.
"""

import hashlib
import logging
import time
from typing import Protocol

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)

# A 64-bit key of our own in the database's advisory-lock space (signed, as PostgreSQL's).
SIMULATOR_LOCK_KEY = int.from_bytes(
    hashlib.sha256(b"orderdesk.server.processing-simulator").digest()[:8], "big", signed=True)
RETRY_INTERVAL = 3.0
# The lock connection must never hang the simulator's thread: a connect or a check that
# does not answer ends in seconds, and a silently dead peer is noticed by TCP keepalives
# (without them a lost network waits out the kernel's retransmissions, ~15 min).
LOCK_CONNECTION_ARGS: dict[str, object] = {
    "connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
    "keepalives_count": 3, "options": "-c statement_timeout=5000"}


class Leadership(Protocol):
    def lead(self) -> bool:
        """Whether this process leads now; takes the lead if it is free (not too often)."""
        ...

    def release(self) -> None: ...


class SoleLeader:
    """One process per database (SQLite): always the leader."""

    def lead(self) -> bool:
        return True

    def release(self) -> None:
        return None


class AdvisoryLockLeader:
    """Leads while holding `pg_try_advisory_lock(key)` on a connection of its own."""

    def __init__(self, engine: Engine, key: int = SIMULATOR_LOCK_KEY,
                 retry_interval: float = RETRY_INTERVAL) -> None:
        # Same URL and credentials as the pool, but never one of its connections: the lock
        # connection is held for as long as this process leads.
        self._engine = create_engine(engine.url, poolclass=NullPool,
                                     connect_args=dict(LOCK_CONNECTION_ARGS))
        self._key, self._retry_interval = key, retry_interval
        self._connection: Connection | None = None
        self._tried_at: float | None = None

    def lead(self) -> bool:
        if self._connection is not None:
            if self._still_connected(self._connection):
                return True
            log.warning("processing simulator: lost the leader's database connection; "
                        "another process may lead now")
            self._close()
        now = time.monotonic()
        if self._tried_at is not None and now - self._tried_at < self._retry_interval:
            return False
        self._tried_at = now
        return self._try_lock()

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                         {"key": self._key})
            except DBAPIError:  # closing the connection releases it as well
                log.warning("processing simulator: could not unlock, closing", exc_info=True)
            self._close()
            log.info("processing simulator: stepped down as leader")
        self._engine.dispose()

    def _try_lock(self) -> bool:
        connection: Connection | None = None
        try:
            connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            locked = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:key)"),
                                            {"key": self._key}))
        except DBAPIError:
            log.warning("processing simulator: could not ask for the lead", exc_info=True)
            if connection is not None:
                connection.close()
            return False
        if not locked:
            connection.close()
            return False
        self._connection = connection
        log.info("processing simulator: this process leads (advisory lock %d)", self._key)
        return True

    @staticmethod
    def _still_connected(connection: Connection) -> bool:
        try:
            connection.execute(text("SELECT 1"))
        except DBAPIError:
            log.debug("leader connection check failed", exc_info=True)
            return False
        return True

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.invalidate()  # a broken connection: do not try to reset it
                connection.close()
            except DBAPIError:
                log.debug("closing the leader connection failed", exc_info=True)


def leadership_for(engine: Engine) -> Leadership:
    """The advisory lock on PostgreSQL; SQLite (one process) always leads."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLockLeader(engine)
    return SoleLeader()
