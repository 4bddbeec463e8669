"""OrderFilter.completed_from/completed_to: completed orders by the Berlin day of their
completion (the "completed" event of the cached history), as "Completed today" needs."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import OrderStatus

from tests.cache import records
from tests.gui import orders


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    yield from records.open_store(tmp_path / "cache.sqlite3")


def _fill(store: CacheStore) -> None:
    # Completion = creation + 1 day (tests/cache/records.py). 22:30 UTC on 1 March is
    # 23:30 in Berlin; the completion is 23:30 Berlin on 2 March.
    made = [
        records.order(1, status=OrderStatus.COMPLETED,
                      created_at=datetime(2026, 3, 1, 22, 30, tzinfo=UTC)),
        records.order(2, status=OrderStatus.COMPLETED,
                      created_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC)),  # 3 March, 00:30
        records.order(3, status=OrderStatus.IN_PROCESSING,
                      created_at=datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        records.order(4, status=OrderStatus.COMPLETED,
                      created_at=datetime(2026, 2, 20, 10, 0, tzinfo=UTC)),
    ]  # fmt: skip
    orders.fill(store, made)


def _numbers(store: CacheStore, order_filter: OrderFilter) -> set[str]:
    with store.session() as session:
        rows = queries.order_page(session, order_filter, OrderSort(), 0, 100)
        assert queries.count_orders(session, order_filter) == len(rows)
    return {row.order_number for row in rows}


def test_completed_on_one_berlin_day(store: CacheStore) -> None:
    _fill(store)
    day = date(2026, 3, 2)
    assert _numbers(store, OrderFilter(completed_from=day, completed_to=day)) == {"AU-00000001"}
    third = date(2026, 3, 3)
    assert _numbers(store, OrderFilter(completed_from=third, completed_to=third)) == {
        "AU-00000002"}


def test_open_ended_and_swapped_spans(store: CacheStore) -> None:
    _fill(store)
    since = _numbers(store, OrderFilter(completed_from=date(2026, 3, 1)))
    assert since == {"AU-00000001", "AU-00000002"}
    until = _numbers(store, OrderFilter(completed_to=date(2026, 2, 28)))
    assert until == {"AU-00000004"}
    swapped = OrderFilter(completed_from=date(2026, 3, 3), completed_to=date(2026, 3, 2))
    assert _numbers(store, swapped) == {"AU-00000001", "AU-00000002"}


def test_no_completion_no_match_and_other_filters_combine(store: CacheStore) -> None:
    _fill(store)
    nothing = OrderFilter(completed_from=date(2026, 4, 1), completed_to=date(2026, 4, 30))
    assert _numbers(store, nothing) == set()
    both = OrderFilter(completed_from=date(2026, 1, 1), text="AU-00000004")
    assert _numbers(store, both) == {"AU-00000004"}
    received = OrderFilter(completed_from=date(2026, 1, 1),
                           statuses=frozenset({OrderStatus.RECEIVED.value}))
    assert _numbers(store, received) == set()
