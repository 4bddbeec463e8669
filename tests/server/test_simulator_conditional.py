"""The simulator's steps are conditional: two simulators on one database, each with its own
engine and write lock (as two processes have), running rounds at the same time without any
leader, still apply every step once and create one contract per order. On SQLite as well as
on PostgreSQL (when the test switch names one)."""

import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from desktop_app.domain.enums import OrderStatus, QuoteState
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import ChangeRow, ContractRow, OrderEventRow, OrderRow, QuoteRow
from desktop_app.server.leader import SoleLeader
from desktop_app.server.seed import seed_demo
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator
from sqlalchemy import func, select, text, update

from tests.postgres import admin_url, create_database, drop_database, require_postgres

ROUNDS_TIMEOUT = 120.0


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    admin = admin_url()
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    elif admin is None:
        pytest.skip("needs PostgreSQL: set ORDERDESK_TEST_DATABASE_URL")
    else:
        url = create_database(admin)
    database = Database(url)
    try:
        seed_demo(database)
    finally:
        database.dispose()
    yield url
    if request.param == "postgresql" and admin is not None:
        drop_database(admin, url)


def _all_due(database: Database, now: datetime) -> None:
    with database.write() as session:
        session.execute(update(OrderRow).where(OrderRow.status != OrderStatus.COMPLETED)
                        .values(created_at=now - timedelta(seconds=10),
                                due_processing_at=now - timedelta(seconds=5),
                                due_completion_at=now - timedelta(seconds=1)))
        session.execute(update(QuoteRow).where(QuoteRow.state.in_(
            (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED)))
            .values(valid_until=(now - timedelta(days=1)).date()))


def test_two_simulators_racing_apply_each_step_once(database_url: str) -> None:
    databases = [Database(database_url), Database(database_url)]
    try:
        now = utcnow()
        _all_due(databases[0], now)
        with databases[0].read() as session:
            contracts_before = set(session.scalars(select(ContractRow.id)))
            statuses = Counter(session.scalars(select(OrderRow.status)))
            quotes_expiring = session.scalar(select(func.count()).select_from(QuoteRow).where(
                QuoteRow.state.in_((QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED))))
        received, in_processing = (statuses[OrderStatus.RECEIVED],
                                   statuses[OrderStatus.IN_PROCESSING])
        assert received and in_processing and quotes_expiring
        simulators = [ProcessingSimulator(database, ServerSettings(database_url=database_url),
                                          leadership=SoleLeader()) for database in databases]
        moved = [0, 0]
        start = threading.Barrier(2)
        failures: list[BaseException] = []

        def run(index: int) -> None:
            try:
                start.wait(timeout=30)
                later = now + timedelta(days=60)  # every step is due, clearing cases too
                while (step := simulators[index].advance(now=later)) > 0:
                    moved[index] += step
            except BaseException as error:  # reported below
                failures.append(error)

        threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(ROUNDS_TIMEOUT)
        assert not failures, failures
        assert not any(thread.is_alive() for thread in threads)

        # Each step made by exactly one of them: their counts add up to every step once.
        assert sum(moved) == 2 * received + in_processing, moved
        with databases[0].read() as session:
            events = Counter(session.execute(select(OrderEventRow.order_id,
                                                    OrderEventRow.status)))
            assert max(events.values()) == 1, [key for key, n in events.items() if n > 1][:5]
            assert session.scalar(select(func.count()).select_from(OrderRow).where(
                OrderRow.status != OrderStatus.COMPLETED)) == 0
            completed_now = set(session.scalars(select(OrderEventRow.order_id).where(
                OrderEventRow.status == OrderStatus.COMPLETED, OrderEventRow.at >= now)))
            assert len(completed_now) == received + in_processing
            new_contracts = set(session.scalars(select(ContractRow.id))) - contracts_before
            referenced = Counter(session.scalars(select(OrderRow.contract_id).where(
                OrderRow.contract_id.in_(new_contracts))))
            expired = session.scalar(select(func.count()).select_from(QuoteRow).where(
                QuoteRow.state == QuoteState.EXPIRED, QuoteRow.updated_at >= now))
        assert new_contracts and set(referenced) == new_contracts  # no orphan contract
        assert set(referenced.values()) == {1}  # one order each
        assert expired == quotes_expiring
    finally:
        for database in databases:
            database.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    admin = require_postgres()
    url = create_database(admin)
    database = Database(url)
    try:
        seed_demo(database)
    finally:
        database.dispose()
    yield url
    drop_database(admin, url)


def _waits_for_a_lock(database: Database) -> bool:
    with database.read() as session:
        return bool(session.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")))


def test_a_quote_withdrawn_while_the_expiry_waits_for_it_stays_withdrawn(
        postgres_url: str) -> None:
    """The expiry's UPDATE waits for the clerk's transaction, then finds the quote no longer
    expiring: it leaves it withdrawn (an unconditional update would overwrite that)."""
    clerk, simulator_db = Database(postgres_url), Database(postgres_url)
    try:
        now = utcnow()
        with clerk.write() as session:
            quote_id = session.scalars(select(QuoteRow.id).where(
                QuoteRow.state == QuoteState.SENT).order_by(QuoteRow.id)).first()
            assert quote_id is not None
            session.execute(update(QuoteRow).where(QuoteRow.state.in_(
                (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED)))
                .values(valid_until=(now - timedelta(days=1)).date()))
        simulator = ProcessingSimulator(simulator_db, ServerSettings(database_url=postgres_url),
                                        leadership=SoleLeader())
        failures: list[BaseException] = []

        def expire() -> None:
            try:
                simulator.advance(now=now)
            except BaseException as error:  # reported below
                failures.append(error)

        expiry = threading.Thread(target=expire)
        with clerk.write() as session:  # the clerk withdraws the quote meanwhile
            session.execute(update(QuoteRow).where(QuoteRow.id == quote_id)
                            .values(state=QuoteState.WITHDRAWN, updated_at=now))
            expiry.start()
            deadline = time.monotonic() + ROUNDS_TIMEOUT
            while not _waits_for_a_lock(simulator_db):
                assert time.monotonic() < deadline and expiry.is_alive(), "expiry never waited"
                time.sleep(0.01)
        expiry.join(ROUNDS_TIMEOUT)
        assert not failures, failures
        with clerk.read() as session:
            withdrawn = session.get(QuoteRow, quote_id)
            assert withdrawn is not None and withdrawn.state == QuoteState.WITHDRAWN
            left = session.scalar(select(func.count()).select_from(QuoteRow).where(
                QuoteRow.state.in_((QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED))))
            feed = session.scalar(select(ChangeRow.data).where(
                ChangeRow.kind == "quote", ChangeRow.entity_id == quote_id))
        assert left == 0  # the others expired
        assert feed is None or '"expired"' not in feed
    finally:
        clerk.dispose()
        simulator_db.dispose()
