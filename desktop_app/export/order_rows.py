"""The order list's rows for an export, from the cache in the list's filter and sort.

The matching ids come first (one indexed query, as the list itself gets them); the rows
follow in chunks by id, so however many orders match, only one chunk of rows is in memory.
"""

from collections.abc import Callable, Generator
from dataclasses import dataclass

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.store import CacheStore

__all__ = ["CHUNK", "OrderRows", "order_rows"]

CHUNK = 1000

Progress = Callable[[int, int], None]  # rows handed out so far, rows matching


@dataclass(frozen=True, slots=True)
class OrderRows:
    total: int  # the matching orders when the export started
    rows: Generator[OrderListRow, None, None]  # close() it when stopping early


def order_rows(store: CacheStore, order_filter: OrderFilter, sort: OrderSort,
               progress: Progress | None = None, chunk: int = CHUNK) -> OrderRows:
    """The rows in list order; `progress(done, total)` after each chunk. Orders removed from
    the cache meanwhile (a sync) are left out. The session stays open while the rows are
    read: iterate the rows to the end (or close the iterator)."""
    with store.session() as session:
        ids = queries.order_ids(session, order_filter, sort)
    total = len(ids)

    def rows() -> Generator[OrderListRow, None, None]:
        with store.session() as session:
            for start in range(0, total, chunk):
                part = ids[start:start + chunk]
                found = queries.order_rows_by_ids(session, part)
                for order_id in part:
                    row = found.get(order_id)
                    if row is not None:
                        yield row
                if progress is not None:
                    progress(min(start + chunk, total), total)

    return OrderRows(total, rows())
