"""Transactions that lost a race are run again, never answered with a 500.

Lock order. Every write transaction takes the row locks it needs in this order (skipping
what it does not need), so that two transactions never wait for each other in a circle:

  1. the idempotency key (POST /orders claims it first; a concurrent duplicate waits here)
  2. business rows: carts -> orders -> contracts -> parties -> quotes; several of one kind
     in the order of their ids (the simulator)
  3. business-number counters (number_AU, number_VT, ...), created on first use
  4. the feed sequence counter (feed_seq) -- last: every record's change is made and flushed
     before the first feed.record(), which holds feed_seq until commit; then the change-log
     rows and the pruning horizon, which only holders of feed_seq touch

What still loses a race -- a deadlock (PostgreSQL 40P01) or serialization failure (40001)
where code strays from that order or the database chooses a victim, SQLite's "database is
locked" when another process writes, a unique key a concurrent transaction inserted first
(23505) -- is rolled back by the database and retried here: `RetryConflicts` replays the
whole request (its body buffered) while no byte of the answer has been sent; the simulator
retries its round with `run_retrying`. After the last attempt a lock conflict answers
503 problem+json with Retry-After; a unique violation that persists is a bug and goes on
to the 500 handler.

A replayed request runs its route again from the start: routes keep one write transaction
per request (an earlier committed one would run twice), and everything they do outside the
database happens after it committed.
"""

import asyncio
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.contract.base import Problem

log = logging.getLogger(__name__)

DEADLOCK = "40P01"
SERIALIZATION_FAILURE = "40001"
UNIQUE_VIOLATION = "23505"
LOCK_CONFLICTS = frozenset({DEADLOCK, SERIALIZATION_FAILURE})
ATTEMPTS = 5
# A request body larger than this is not kept for a replay (ours are small JSON documents).
MAX_REPLAY_BODY = 1 << 20
RETRY_AFTER_SECONDS = 1
T = TypeVar("T")


def _driver_error(error: BaseException) -> BaseException:
    return error.orig if isinstance(error, DBAPIError) and error.orig is not None else error


def _sqlite_locked(error: BaseException) -> bool:
    if not isinstance(error, sqlite3.OperationalError):
        return False
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    return (name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
            or "database is locked" in text or "database table is locked" in text)


def is_lock_conflict(error: BaseException) -> bool:
    """A deadlock, a serialization failure, or SQLite's "database is locked"."""
    driver = _driver_error(error)
    return getattr(driver, "sqlstate", None) in LOCK_CONFLICTS or _sqlite_locked(driver)


def is_unique_violation(error: BaseException) -> bool:
    driver = _driver_error(error)
    if getattr(driver, "sqlstate", None) == UNIQUE_VIOLATION:
        return True
    return (isinstance(driver, sqlite3.IntegrityError)
            and getattr(driver, "sqlite_errorname", "") in ("SQLITE_CONSTRAINT_UNIQUE",
                                                            "SQLITE_CONSTRAINT_PRIMARYKEY"))


def is_retryable(error: BaseException) -> bool:
    """The transaction lost a race and was rolled back: running it again may succeed."""
    return is_lock_conflict(error) or is_unique_violation(error)


def backoff(attempt: int) -> float:
    """Seconds before attempt `attempt + 1`: a few ms, doubling, jittered so that the two
    transactions that collided do not collide again in step."""
    ceiling: float = min(0.01 * 2.0 ** attempt, 0.5)
    return random.uniform(0.5, 1.0) * ceiling  # noqa: S311 (jitter, not secrecy)


def run_retrying(work: Callable[[], T], what: str, attempts: int = ATTEMPTS) -> T:
    """`work()` (one transaction) again after a lost race; the last failure is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as error:
            if attempt == attempts or not is_retryable(error):
                raise
            log.info("%s lost a race (attempt %d of %d), retrying: %s", what, attempt,
                     attempts, _driver_error(error))
            time.sleep(backoff(attempt))
    raise AssertionError("unreachable")  # the loop returns or raises


class RetryConflicts:
    """ASGI middleware: replay a request whose transaction lost a race (see the module)."""

    def __init__(self, app: ASGIApp, attempts: int = ATTEMPTS) -> None:
        self.app, self.attempts = app, attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body, complete = await _read_body(receive)
        if not complete:  # too large to keep: one attempt, streamed on
            await self.app(scope, _replay(body, receive), send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        for attempt in range(1, self.attempts + 1):
            try:
                await self.app(scope, _replay(body, receive), tracking_send)
                return
            except DBAPIError as error:
                if started or not is_retryable(error):
                    raise
                last = attempt == self.attempts
                if last and not is_lock_conflict(error):
                    raise  # a unique violation that every attempt meets is a bug
                log.info("%s %s lost a race (attempt %d of %d)%s: %s", scope.get("method"),
                         scope.get("path"), attempt, self.attempts,
                         "" if last else ", retrying", _driver_error(error))
                if last:
                    await _busy(send)
                    return
                await asyncio.sleep(backoff(attempt))


async def _read_body(receive: Receive) -> tuple[list[Message], bool]:
    """The request's body messages; False if it is larger than MAX_REPLAY_BODY (then the
    messages hold what was read so far) or the client went away."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, False
        size += len(message.get("body", b""))
        if not message.get("more_body", False):
            return messages, True
        if size > MAX_REPLAY_BODY:
            return messages, False


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """The buffered messages first, then the real channel (a disconnect, for long-polls)."""
    pending = list(messages)

    async def replaying_receive() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replaying_receive


async def _busy(send: Send) -> None:
    body = Problem(title="Service Unavailable", status=503,
                   detail="The database was busy with conflicting changes; please retry."
                   ).model_dump_json().encode()
    await send({"type": "http.response.start", "status": 503, "headers": [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode())]})
    await send({"type": "http.response.body", "body": body})
