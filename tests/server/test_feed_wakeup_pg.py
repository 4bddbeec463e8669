"""The long-poll wake-up across processes on PostgreSQL (LISTEN/NOTIFY), one level down: two
PgFeedWakeup instances on one throwaway database stand for two server processes.

No wall-clock bounds: "not woken" is checked after the other process's message was applied
(`received`), and waits that must be ended by something else are far longer than needed.
"""

import asyncio
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest
from desktop_app.server.context import feed_wakeup_for
from desktop_app.server.feed_wakeup import FeedWakeup, LocalFeedWakeup
from desktop_app.server.feed_wakeup_pg import (
    MAX_PAYLOAD_BYTES,
    FeedMessage,
    PgFeedWakeup,
    conninfo,
)

from tests.postgres import create_database, drop_database, require_postgres

LONG = 120.0  # a wait that must be ended by something else than its timeout
PATIENCE = 30.0  # how long a test waits for a thread of the wake-up to act


# --- the message on the wire (no database) ------------------------------------------------


def test_a_message_survives_its_payload() -> None:
    message = FeedMessage("abc", frozenset({"t-1", "t-2"}), 42)
    assert FeedMessage.parse(message.payload()) == message
    pruned = FeedMessage("abc", pruned=True)
    assert FeedMessage.parse(pruned.payload()) == pruned


def test_merged_messages_name_every_tenant_and_the_newest_seq() -> None:
    first = FeedMessage("abc", frozenset({"t-1"}), 7)
    merged = first.merged(FeedMessage("abc", frozenset({"t-2"}), 9))
    assert merged == FeedMessage("abc", frozenset({"t-1", "t-2"}), 9)
    # An unknown seq or a prune anywhere in the burst survives the merge.
    assert merged.merged(FeedMessage("abc", frozenset(), None)).seq is None
    assert merged.merged(FeedMessage("abc", pruned=True)).pruned


def test_a_message_too_long_for_notify_wakes_everyone() -> None:
    tenants = frozenset(f"t-{index:05d}" for index in range(2000))
    message = FeedMessage("abc", tenants, 5, pruned=True)
    payload = message.payload()
    assert len(payload.encode()) <= MAX_PAYLOAD_BYTES
    parsed = FeedMessage.parse(payload)
    assert parsed.everyone and parsed.pruned and parsed.tenant_ids == frozenset()


@pytest.mark.parametrize("payload", ["", "nonsense", "[]", '{"t": []}', '{"o": 1}',
                                     '{"o": "x", "t": "t-1"}', '{"o": "x", "s": "5"}',
                                     '{"o": "x", "t": [1]}'])
def test_a_foreign_payload_is_refused(payload: str) -> None:
    with pytest.raises(ValueError, match="not a feed message"):
        FeedMessage.parse(payload)


def test_the_wakeup_is_chosen_by_the_database() -> None:
    assert type(feed_wakeup_for("sqlite:///x.sqlite3")) is LocalFeedWakeup
    wakeup = feed_wakeup_for("postgresql+psycopg://someone@127.0.0.1:1/nothing")
    assert isinstance(wakeup, PgFeedWakeup)
    wakeup.close()
    assert conninfo("postgresql+psycopg://u:p%40ss@db.example:5433/od?sslmode=require") == (
        "postgresql://u:p%40ss@db.example:5433/od?sslmode=require")


def test_marks_are_not_trusted_while_it_cannot_listen() -> None:
    wakeup = PgFeedWakeup("postgresql+psycopg://nobody@127.0.0.1:1/nothing")  # refused
    try:
        wakeup.start()  # logs that it cannot listen yet, retries in the background
        assert wakeup.marks.loaded(wakeup.marks.generation, 1, 0, 3, {"t-1": 3})
        assert not wakeup.listening
        assert wakeup.marks.head_for(None) is None
        assert wakeup.marks.head_for(frozenset({"t-1"})) is None
    finally:
        wakeup.close()
        wakeup.join(PATIENCE)


# --- two processes, one database -----------------------------------------------------------


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    admin = require_postgres()
    url = create_database(admin, "orderdesk_wakeup")
    yield url
    drop_database(admin, url)


@pytest.fixture
def pair(database_url: str) -> Iterator[tuple[PgFeedWakeup, PgFeedWakeup]]:
    first, second = PgFeedWakeup(database_url), PgFeedWakeup(database_url)
    first.start()
    second.start()
    yield first, second
    for wakeup in (first, second):
        wakeup.close()
    for wakeup in (first, second):
        wakeup.join(PATIENCE)


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        await asyncio.sleep(0.005)


def test_it_is_a_feed_wakeup_that_listens_once_started(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    first, _ = pair
    wakeup: FeedWakeup = first
    assert wakeup is first
    assert first.listening


def test_a_commit_in_one_process_wakes_the_others_waiter_and_raises_its_marks(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    here, there = pair
    assert here.marks.loaded(here.marks.generation, 1, 0, 3, {"t-1": 3})

    async def scenario() -> tuple[bool, int | None]:
        waiting = asyncio.ensure_future(here.wait(frozenset({"t-1"}), LONG))
        await _until(lambda: here.waiting == 1, "the waiter to register")
        there.notify(frozenset({"t-1", "t-9"}), 12)
        woken = await waiting
        head = here.marks.head_for(frozenset({"t-1"}))
        return woken, None if head is None else head.visible

    assert asyncio.run(scenario()) == (True, 12)
    assert here.received == 1


def test_another_tenants_commit_does_not_wake_it(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    here, there = pair

    async def scenario() -> tuple[int, int, bool]:
        waiting = asyncio.ensure_future(here.wait(frozenset({"t-1"}), LONG))
        await _until(lambda: here.waiting == 1, "the waiter to register")
        there.notify(frozenset({"t-2"}), 5)
        await _until(lambda: here.received == 1, "the other process's message")
        still_waiting, woken = here.waiting, here.woken
        there.notify(frozenset({"t-1"}), 6)
        return still_waiting, woken, await waiting

    assert asyncio.run(scenario()) == (1, 0, True)


def test_its_own_commits_are_not_applied_twice(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    here, there = pair
    here.notify(frozenset({"t-1"}), 3)
    there.notify(frozenset({"t-1"}), 4)  # sent after the first: arrives after it
    deadline = time.monotonic() + PATIENCE
    while here.received < 1 or there.received < 1:
        assert time.monotonic() < deadline, "gave up waiting for the messages"
        time.sleep(0.005)
    assert (here.received, there.received) == (1, 1)


def test_a_prune_in_one_process_makes_the_other_forget_its_marks(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    here, there = pair
    assert here.marks.loaded(here.marks.generation, 1, 0, 3, {"t-1": 3})
    assert here.marks.head_for(None) is not None
    there.pruned()
    deadline = time.monotonic() + PATIENCE
    while here.received < 1:
        assert time.monotonic() < deadline, "gave up waiting for the prune"
        time.sleep(0.005)
    assert here.marks.head_for(None) is None


def test_a_lost_listen_connection_wakes_every_waiter_and_listens_again(
        pair: tuple[PgFeedWakeup, PgFeedWakeup], database_url: str) -> None:
    here, there = pair
    assert here.marks.loaded(here.marks.generation, 1, 0, 3, {"t-1": 3})

    async def scenario() -> tuple[bool, bool, bool]:
        waiting = asyncio.ensure_future(here.wait(frozenset({"t-1"}), LONG))
        await _until(lambda: here.waiting == 1, "the waiter to register")
        with psycopg.connect(conninfo(database_url), autocommit=True) as admin:
            killed = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s", (f"orderdesk-feed-listen-{here.origin}",)
            ).fetchall()
        assert killed == [(True,)]
        woken_by_loss = await waiting  # nobody committed: the loss woke it to read
        marks_forgotten = here.marks.head_for(None) is None
        await _until(lambda: here.listening, "listening again")
        again = asyncio.ensure_future(here.wait(frozenset({"t-1"}), LONG))
        await _until(lambda: here.waiting == 1, "the new waiter to register")
        there.notify(frozenset({"t-1"}), 20)
        return woken_by_loss, marks_forgotten, await again

    assert asyncio.run(scenario()) == (True, True, True)


def test_close_ends_the_waits_and_the_threads(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    here, _ = pair
    here.notify(frozenset({"t-1"}), 2)  # the sender thread runs

    async def scenario() -> tuple[bool, bool]:
        waiting = asyncio.ensure_future(here.wait(None, LONG))
        await _until(lambda: here.waiting == 1, "the waiter to register")
        here.close()
        return await waiting, await here.wait(None, LONG)

    assert asyncio.run(scenario()) == (False, False)
    here.join(PATIENCE)
    assert not here.listening
    assert here._listener is not None and not here._listener.is_alive()
    assert here._sender is None


def test_a_commit_after_close_is_announced_and_leaves_no_thread(
        pair: tuple[PgFeedWakeup, PgFeedWakeup]) -> None:
    """Shutdown waits for requests in flight, whose commits come after close(): their sender
    delivers and ends instead of waiting for a message forever (found in review)."""
    here, _ = pair
    here.notify(frozenset({"t-1"}), 2)
    here.close()
    here.join(PATIENCE)
    assert here._sender is None
    here.notify(frozenset({"t-1"}), 3)  # a late commit starts a sender once more
    late = here._sender
    assert late is not None
    late.join(PATIENCE)
    assert not late.is_alive() and here._sender is None
