"""A seeded cache and order-list models over it."""

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.store import CacheStore
from desktop_app.gui.overview.order_columns import OrderLabels
from desktop_app.gui.overview.order_source import CacheOrderSource, OrderQuery
from desktop_app.gui.overview.order_table_model import OrderTableModel

from tests.cache import records
from tests.gui import orders

if TYPE_CHECKING:  # pytest-qt's modeltest needs Qt set up, which happens after conftests load
    from pytestqt.modeltest import ModelTester

SEEDED = 300


class CountingSource(CacheOrderSource):
    """The cache source, counting what the model asks of it."""

    def __init__(self, store: CacheStore) -> None:
        super().__init__(store)
        self.id_queries = 0
        self.rows_fetched = 0

    def order_ids(self, query: OrderQuery, limit: int | None = None, *,
                  stale: Callable[[], bool] | None = None) -> list[str]:
        self.id_queries += 1
        return super().order_ids(query, limit, stale=stale)

    def rows_by_ids(self, ids: Sequence[str]) -> dict[str, OrderListRow]:
        self.rows_fetched += len(ids)
        return super().rows_by_ids(ids)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    yield from records.open_store(tmp_path / "cache.sqlite3")


@pytest.fixture
def seeded(store: CacheStore) -> CacheStore:
    orders.fill(store, orders.generated(SEEDED))
    return store


@pytest.fixture
def source(seeded: CacheStore) -> CountingSource:
    return CountingSource(seeded)


@pytest.fixture
def labels(seeded: CacheStore) -> OrderLabels:
    with seeded.session() as session:
        return OrderLabels.load(session, "de")


@pytest.fixture
def model(qapp: object, source: CountingSource, labels: OrderLabels) -> OrderTableModel:
    table = OrderTableModel(source, labels)
    table.reload()
    return table


def check_model(qtmodeltester: "ModelTester", model: OrderTableModel) -> None:
    """Attach Qt's model tester (Warning mode: a failure is a Qt warning, which fails the
    test); it stays attached and checks every later change."""
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def model_ids(model: OrderTableModel) -> list[str]:
    return [model.order_id(row) or "" for row in range(model.rowCount())]
