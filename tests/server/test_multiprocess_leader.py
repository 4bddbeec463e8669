"""The simulator's leader: a PostgreSQL session advisory lock, one holder per database, taken
over when the holder steps down or loses its connection. SQLite's one process always leads."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.server.leader import AdvisoryLockLeader, SoleLeader, leadership_for
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine

from tests.postgres import create_database, drop_database, require_postgres


@pytest.fixture
def admin() -> str:
    return require_postgres()


@pytest.fixture
def engine(admin: str) -> Iterator[Engine]:
    url = create_database(admin)
    engine = create_engine(url)
    yield engine
    engine.dispose()
    drop_database(admin, url)


def _holders(engine: Engine) -> list[int]:
    """Backend pids holding an advisory lock in this engine's database."""
    with engine.connect() as connection:
        return list(connection.scalars(text(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")))


def _terminate(admin: str, pid: int) -> None:
    import psycopg  # only with the PostgreSQL switch

    url = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_one_leader_per_database_until_it_steps_down(engine: Engine) -> None:
    first = AdvisoryLockLeader(engine, retry_interval=0)
    second = AdvisoryLockLeader(engine, retry_interval=0)
    try:
        assert first.lead() is True
        assert second.lead() is False
        assert first.lead() is True  # still: the check does not give the lock up
        assert second.lead() is False
        assert len(_holders(engine)) == 1
        first.release()
        assert _holders(engine) == []
        assert second.lead() is True
        assert AdvisoryLockLeader(engine, retry_interval=0).lead() is False
    finally:
        first.release()
        second.release()


def test_a_waiting_process_asks_again_only_after_the_retry_interval(engine: Engine) -> None:
    first = AdvisoryLockLeader(engine, retry_interval=0)
    patient = AdvisoryLockLeader(engine, retry_interval=3600)
    try:
        assert first.lead() is True
        assert patient.lead() is False
        first.release()
        assert patient.lead() is False  # not asked again within the hour
        assert _holders(engine) == []
    finally:
        first.release()
        patient.release()


def test_a_leader_that_loses_its_connection_is_replaced(admin: str, engine: Engine) -> None:
    first = AdvisoryLockLeader(engine, retry_interval=0)
    second = AdvisoryLockLeader(engine, retry_interval=0)
    try:
        assert first.lead() is True
        [pid] = _holders(engine)
        _terminate(admin, pid)  # the database released the lock with the session
        assert second.lead() is True
        assert first.lead() is False  # it notices, and does not lead beside the new one
        assert _holders(engine) != [pid]
    finally:
        first.release()
        second.release()


def test_leaders_of_different_databases_do_not_exclude_each_other(admin: str,
                                                                  engine: Engine) -> None:
    other_url = create_database(admin)
    other_engine = create_engine(other_url)
    leaders = [AdvisoryLockLeader(engine, retry_interval=0),
               AdvisoryLockLeader(other_engine, retry_interval=0)]
    try:
        assert [leader.lead() for leader in leaders] == [True, True]
    finally:
        for leader in leaders:
            leader.release()
        other_engine.dispose()
        drop_database(admin, other_url)


def test_an_unreachable_database_means_not_leading(admin: str) -> None:
    unreachable = create_engine(make_url(admin).set(port=1, database="nowhere"))
    leader = AdvisoryLockLeader(unreachable, retry_interval=0)
    try:
        assert leader.lead() is False
    finally:
        leader.release()
        unreachable.dispose()


def test_sqlite_always_leads(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        leadership = leadership_for(engine)
        assert isinstance(leadership, SoleLeader)
        assert leadership.lead() is True
        leadership.release()
    finally:
        engine.dispose()


def test_postgresql_leads_by_advisory_lock(engine: Engine) -> None:
    leadership = leadership_for(engine)
    try:
        assert isinstance(leadership, AdvisoryLockLeader)
    finally:
        leadership.release()
