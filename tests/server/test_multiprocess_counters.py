"""Counters created on first use, by two writers at once (two engines, each with its own write
lock, as two processes have) on one PostgreSQL database: the second waits for the first's
new row and counts on from it, instead of failing on the duplicate key."""

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from desktop_app.server.counters import next_values, party_number
from desktop_app.server.database import Database
from sqlalchemy import text
from sqlalchemy.orm import Session

from tests.postgres import create_database, drop_database, require_postgres

WAIT_TIMEOUT = 60.0


@pytest.fixture
def databases() -> Iterator[tuple[Database, Database]]:
    admin = require_postgres()
    url = create_database(admin)
    pair = (Database(url), Database(url))
    yield pair
    for database in pair:
        database.dispose()
    drop_database(admin, url)


def _someone_waits_for_a_lock(database: Database) -> bool:
    with database.read() as session:
        return bool(session.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")))


def _race(databases: tuple[Database, Database], use: Callable[[Session], object]) -> list[object]:
    """The first writer uses the counter and keeps its transaction open until the second
    one waits for it; then both commit. Their results, first writer's first."""
    results: list[object] = [None, None]
    failures: list[BaseException] = []
    first_used = threading.Event()
    release_first = threading.Event()

    def first() -> None:
        try:
            with databases[0].write() as session:
                results[0] = use(session)
                first_used.set()
                assert release_first.wait(WAIT_TIMEOUT)
        except BaseException as error:  # reported below
            failures.append(error)
            first_used.set()

    def second() -> None:
        try:
            with databases[1].write() as session:
                results[1] = use(session)
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert first_used.wait(WAIT_TIMEOUT)
    threads[1].start()
    deadline = time.monotonic() + WAIT_TIMEOUT
    while not _someone_waits_for_a_lock(databases[0]) and threads[1].is_alive():
        assert time.monotonic() < deadline, "the second writer never waited"
        time.sleep(0.01)
    release_first.set()
    for thread in threads:
        thread.join(WAIT_TIMEOUT)
    assert not failures, failures
    return results


def test_a_new_counter_used_by_two_writers_at_once(
        databases: tuple[Database, Database]) -> None:
    assert _race(databases, lambda session: next_values(session, "number_XY")) == [1, 2]
    with databases[0].write() as session:
        assert next_values(session, "number_XY", 3) == 5


def test_the_party_counter_started_by_two_writers_at_once(
        databases: tuple[Database, Database]) -> None:
    """An empty database: the counter starts below the seed's numbers, once."""
    assert _race(databases, lambda session: party_number(session, "KD")) == [
        "KD-100000", "KD-100001"]
