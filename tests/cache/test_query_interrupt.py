"""`queries.interrupted_when`: a stale list query is aborted inside SQLite, a fresh one runs."""

import itertools

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.queries import OrderFilter, OrderSort, QueryInterrupted
from desktop_app.cache.store import CacheStore
from sqlalchemy import exc, text

from tests.cache import records

# Millions of SQLite steps: seconds if it ran to the end, so only an interrupt ends it early.
LONG = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000)"
            " SELECT count(*) FROM n")
SHORT = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)"
             " SELECT count(*) FROM n")


def test_a_statement_that_turns_stale_is_aborted(store: CacheStore) -> None:
    asked = itertools.count()
    with store.session() as session, pytest.raises(QueryInterrupted):  # noqa: PT012
        with queries.interrupted_when(session, lambda: next(asked) >= 3):
            session.execute(LONG).scalar_one()
    assert next(asked) <= 5  # aborted at the first check that said stale


def test_a_fresh_query_runs_to_its_end(store: CacheStore) -> None:
    orders = [records.order(number) for number in range(1, 6)]
    writer.apply_page(store, records.upserts(orders), [], "c1")
    with store.session() as session, queries.interrupted_when(session, lambda: False):
        ids = queries.order_ids(session, OrderFilter(), OrderSort())
        assert session.execute(SHORT).scalar_one() == 200000
    assert sorted(ids) == sorted(order.id for order in orders)


def test_the_check_is_removed_after_the_block(store: CacheStore) -> None:
    stale = False
    with store.session() as session:
        with queries.interrupted_when(session, lambda: stale):
            session.execute(SHORT).scalar_one()
        stale = True  # would abort the next statement if the handler were still installed
        assert session.execute(SHORT).scalar_one() == 200000


def test_other_database_errors_pass_unchanged_even_when_stale(store: CacheStore) -> None:
    with store.session() as session, pytest.raises(exc.OperationalError):  # noqa: PT012
        with queries.interrupted_when(session, lambda: True):
            session.execute(text("SELECT * FROM no_such_table")).all()
