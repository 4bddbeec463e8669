"""The dashboard's processing times: medians per business transaction and automation degree
of the orders completed in the last 30 Berlin days, from creation to the 'completed' event."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from desktop_app.cache import writer
from desktop_app.cache.dashboard import processing_times
from desktop_app.cache.store import CacheStore
from desktop_app.contract.orders import OrderOut, StatusEventOut
from desktop_app.domain.enums import AutomationDegree, BusinessTransaction, OrderStatus
from desktop_app.domain.processing import PLANS

from tests.cache import records

DAY = date(2026, 3, 20)
NOON = datetime(2026, 3, 20, 11, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    yield from records.open_store(tmp_path / "cache.sqlite3")


def _done(n: int, transaction: BusinessTransaction, degree: AutomationDegree,
          completed: datetime, takes: timedelta) -> OrderOut:
    created = completed - takes
    base = records.order(n, status=OrderStatus.COMPLETED, transaction=transaction,
                         created_at=created)
    history = [StatusEventOut(status=OrderStatus.RECEIVED, at=created),
               StatusEventOut(status=OrderStatus.COMPLETED, at=completed)]
    return base.model_copy(update={"history": history, "automation": degree,
                                   "updated_at": completed})


def test_medians_per_transaction_and_degree(store: CacheStore) -> None:
    new, reorder = BusinessTransaction.NEW_ORDER, BusinessTransaction.REORDER
    full, manual = AutomationDegree.FULL, AutomationDegree.MANUAL
    minute, day = timedelta(minutes=1), timedelta(days=1)
    models = [
        _done(1, new, full, NOON, 40 * minute),
        _done(2, new, full, NOON - day, 10 * minute),
        _done(3, new, full, NOON - 2 * day, 20 * minute),  # odd count: the middle one
        _done(4, reorder, manual, NOON, 1 * day),
        _done(5, reorder, manual, NOON - 3 * day, 3 * day + 500 * timedelta(microseconds=1)),
        _done(6, reorder, manual, NOON - 40 * day, 30 * day),  # completed before the period
        _done(7, new, manual, NOON, -5 * minute),  # completed "before" its creation: 0
        records.order(8, status=OrderStatus.IN_PROCESSING, transaction=new, created_at=NOON),
    ]
    writer.apply_page(store, records.upserts(models), [], "c1")
    with store.session() as session:
        found = processing_times(session, DAY)
    assert [(p.transaction, p.degree, p.orders, p.median) for p in found] == [
        (new, full, 3, 20 * minute),
        (new, manual, 1, timedelta(0)),
        (reorder, manual, 2, 2 * day),  # even count: the mean of the middle two (to the ms)
    ]
    assert all(p.expected == PLANS[p.degree].completes_after for p in found)


def test_no_completed_orders_no_rows(store: CacheStore) -> None:
    writer.apply_page(store, records.upserts([records.order(1, created_at=NOON)]), [], "c1")
    with store.session() as session:
        assert processing_times(session, DAY) == ()
