"""Login throttling per user name and per client address, shared by every worker process.

Each bucket is one row of the counters table (name `login:u:<digest>` or `login:a:<digest>`)
whose value is the GCRA "theoretical arrival time" in Unix seconds: every counted attempt
moves it `interval` seconds further into the future (starting from now when it lies in the
past); an attempt that would move it more than `burst * interval` ahead of now is refused
with 429 and Retry-After. That is a token bucket in one integer, updated by one upsert, so
it holds across worker processes and restarts without a table of its own, and a burst is
counted exactly even when the attempts arrive at once (each takes its row lock in turn).

Attempts are taken before the password is checked (a refused one costs no KDF) and given
back when the password was right, so only failures count: a clerk who logs in many times a
day, or a whole office behind one address, is never throttled for succeeding.
"""

import hashlib
import ipaddress
import logging
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import and_, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop_app.server.db import CounterRow
from desktop_app.server.problems import ProblemError

log = logging.getLogger(__name__)

PREFIX = "login:"
_PAST_PREFIX = "login;"  # the first name after every "login:..." (";" follows ":")
_USER, _ADDRESS = PREFIX + "u:", PREFIX + "a:"
# A bucket name fits the counters' 32 characters: 8 of prefix, 24 hex digits (96 bits).
_DIGEST_CHARS = 24
# Every this many counted attempts (on average) drop the buckets that are full again.
PRUNE_ONE_IN = 64


@dataclass(frozen=True)
class Limit:
    burst: int  # failed logins allowed in a row
    interval: int  # seconds until one more is allowed (a full bucket after burst * interval)


@dataclass(frozen=True)
class LoginPolicy:
    # A password guesser gets 10 tries at once, then one per 30 s (120 an hour) per user.
    per_user: Limit = field(default_factory=lambda: Limit(burst=10, interval=30))
    # An address may fail more (an office behind one NAT address; several user names),
    # then 10 a minute: guessing across many user names from one address is slowed too.
    per_address: Limit = field(default_factory=lambda: Limit(burst=50, interval=6))


DEFAULT_POLICY = LoginPolicy()

Buckets = Mapping[str, Limit]


class LoginThrottled(ProblemError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(429, "Too Many Requests",
                         f"Too many failed logins; try again in {retry_after} seconds.",
                         {"Retry-After": str(retry_after)})
        self.retry_after = retry_after


def now_seconds() -> int:
    return int(time.time())


def user_key(username: str) -> str:
    """One bucket per user name however it is spelled (case, surrounding blanks)."""
    return _USER + _digest(username.strip().casefold())


def address_key(host: str | None) -> str:
    """One bucket per IPv4 address and per IPv6 /64 (one subscriber's whole network);
    anything else (a Unix socket, a test client) by its text."""
    text = host or "unknown"
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return _ADDRESS + _digest(text)
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped
        text = str(mapped) if mapped else str(ipaddress.ip_network(f"{address}/64",
                                                                    strict=False))
    else:
        text = str(address)
    return _ADDRESS + _digest(text)


def _digest(text: str) -> str:
    # User names and addresses are personal data: the counters keep a digest only.
    return hashlib.sha256(text.encode()).hexdigest()[:_DIGEST_CHARS]


def login_buckets(username: str, host: str | None,
                  policy: LoginPolicy | None = None) -> dict[str, Limit]:
    policy = policy or DEFAULT_POLICY  # looked up now: a test may set a stricter one
    return {user_key(username): policy.per_user, address_key(host): policy.per_address}


def take_attempt(session: Session, buckets: Buckets, now: int) -> None:
    """Count one attempt in every bucket, or raise LoginThrottled (429) when one of them is
    spent; raised inside the write transaction, which then rolls the counting back."""
    wait = 0
    for name in sorted(buckets):  # one lock order, so concurrent logins cannot deadlock
        limit = buckets[name]
        arrival = _advance(session, name, limit.interval, now)
        wait = max(wait, arrival - now - limit.burst * limit.interval)
    if wait > 0:
        raise LoginThrottled(wait)


def give_back(session: Session, buckets: Buckets) -> None:
    """Undo take_attempt for a login that succeeded."""
    for name in sorted(buckets):
        session.execute(update(CounterRow).where(CounterRow.name == name)
                        .values(value=CounterRow.value - buckets[name].interval))


def _advance(session: Session, name: str, interval: int, now: int) -> int:
    """Upsert the bucket's arrival time to max(stored, now) + interval; the new value."""
    # The server runs on these two; both have INSERT ... ON CONFLICT DO UPDATE ... RETURNING.
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stored = CounterRow.__table__.c.value
    statement = insert(CounterRow).values(name=name, value=now + interval).on_conflict_do_update(
        index_elements=[CounterRow.name],
        set_={"value": case((stored > now, stored), else_=now) + interval},
    ).returning(CounterRow.value)
    return int(session.execute(statement).scalar_one())


def maybe_prune(session: Session, now: int) -> None:
    """Now and then, drop the buckets that are full again (they count as absent)."""
    if secrets.randbelow(PRUNE_ONE_IN) == 0:
        prune(session, now)


def prune(session: Session, now: int) -> int:
    """Delete the buckets whose arrival time has passed; rows another login holds are
    skipped (SKIP LOCKED), so pruning never waits for a login nor deadlocks with one."""
    in_range = and_(CounterRow.name >= PREFIX, CounterRow.name < _PAST_PREFIX,
                    CounterRow.value < now)
    names = select(CounterRow.name).where(in_range).with_for_update(skip_locked=True)
    result = session.execute(delete(CounterRow).where(CounterRow.name.in_(names.scalar_subquery())))
    removed = int(getattr(result, "rowcount", 0) or 0)
    if removed:
        log.debug("pruned %d login throttle buckets", removed)
    return removed
