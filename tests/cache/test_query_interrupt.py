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
    with (store.session() as session, pytest.raises(QueryInterrupted),
          queries.interrupted_when(session, lambda: next(asked) >= 3)):
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
    with (store.session() as session, pytest.raises(exc.OperationalError),
          queries.interrupted_when(session, lambda: True)):
        session.execute(text("SELECT * FROM no_such_table")).all()


def test_a_read_straight_from_the_dbapi_cursor_is_aborted_too(store: CacheStore) -> None:
    """`order_ids` reads its rows from the DBAPI cursor: SQLite's error is not wrapped there."""
    asked = itertools.count()
    with (store.session() as session, pytest.raises(QueryInterrupted),
          queries.interrupted_when(session, lambda: next(asked) >= 3)):
        session.connection().execute(LONG).cursor.fetchall()


@pytest.mark.parametrize("few_hits", [1, 2000])  # 1: the sort-index walk; 2000: from the hits
def test_first_rows_of_a_search_are_the_head_of_its_whole_list(
    store: CacheStore, monkeypatch: pytest.MonkeyPatch, few_hits: int
) -> None:
    monkeypatch.setattr(queries, "_FEW_HITS", few_hits)
    orders = [records.order(number, customer_name=f"Kunde {number % 3} Bau")
              for number in range(1, 13)]  # fmt: skip
    writer.apply_page(store, records.upserts(orders), [], "c1")
    for typed in ("kunde", "bau 1", "zzz"):
        with store.session() as session:
            whole = queries.order_ids(session, OrderFilter(text=typed), OrderSort())
            first = queries.order_ids(session, OrderFilter(text=typed), OrderSort(), 3)
        assert first == whole[:3]
    assert len(whole) == 0 and len(first) == 0
