"""The simulator's steps are conditional: two simulators on one database, each with its own
engine and write lock (as two processes have), running rounds at the same time without any
leader, still apply every step once and create one contract per order. On SQLite as well as
on PostgreSQL (when the test switch names one)."""

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from desktop_app.domain.enums import OrderStatus, QuoteState
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import ContractRow, OrderEventRow, OrderRow, QuoteRow
from desktop_app.server.leader import SoleLeader
from desktop_app.server.seed import seed_demo
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator
from sqlalchemy import func, select, update

from tests.postgres import admin_url, create_database, drop_database

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
