"""Where the order overview's ids and rows come from: the cache, or a stub in tests."""

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Protocol

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.store import CacheStore

__all__ = ["CacheOrderSource", "OrderQuery", "OrderSource"]


@dataclass(frozen=True, slots=True)
class OrderQuery:
    """What the overview shows: a filter and a sort (results carry it to spot stale ones)."""

    order_filter: OrderFilter = field(default_factory=OrderFilter)
    sort: OrderSort = field(default_factory=OrderSort)


class OrderSource(Protocol):
    def order_ids(self, query: OrderQuery, limit: int | None = None) -> list[str]:
        """The matching ids in list order: all (the heavy query: a worker may run it), or the
        first `limit` (cheap: painted while the rest is read)."""
        ...

    def rows_by_ids(self, ids: Sequence[str]) -> dict[str, OrderListRow]:
        """Rows by id (a window: cheap, primary-key lookups); missing ids are left out."""
        ...


class CacheOrderSource:
    """Reads the cache; each call its own session, so any thread may call it."""

    def __init__(self, store: CacheStore) -> None:
        self._store = store

    def order_ids(self, query: OrderQuery, limit: int | None = None, *,
                  stale: Callable[[], bool] | None = None) -> list[str]:
        """As `OrderSource.order_ids`; with `stale`, the query is aborted (raising
        `queries.QueryInterrupted`) as soon as `stale()` turns True."""
        with self._store.session() as session, (
            nullcontext() if stale is None else queries.interrupted_when(session, stale)
        ):
            return queries.order_ids(session, query.order_filter, query.sort, limit)

    def rows_by_ids(self, ids: Sequence[str]) -> dict[str, OrderListRow]:
        with self._store.session() as session:
            return queries.order_rows_by_ids(session, ids)
