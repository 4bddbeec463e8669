"""The order list's rows for an export, from the cache in the list's filter and sort.

One ordered scan of the fields the export shows (`queries.order_export_rows`), read in
chunks: however many orders match, only one chunk of rows is in memory. The count for the
progress comes first (a sync in between may change the rows a little: the progress is
capped at the count, the file holds what the scan read).
"""

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.store import CacheStore

__all__ = ["CHUNK", "OrderRows", "order_rows"]

CHUNK = 1000

Progress = Callable[[int, int], None]  # rows handed out so far, rows matching


@dataclass(frozen=True, slots=True)
class OrderRows:
    total: int  # the matching orders when the export started
    rows: Generator[tuple[Any, ...], None, None]  # close() it when stopping early


def order_rows(store: CacheStore, order_filter: OrderFilter, sort: OrderSort,
               progress: Progress | None = None, chunk: int = CHUNK, *,
               fields: Sequence[str]) -> OrderRows:
    """The rows in list order, each the values of `fields` (see `queries.order_export_rows`);
    `progress(done, total)` after each chunk. The read session stays open while the rows are
    read: iterate the rows to the end (or close the iterator)."""
    with store.session() as session:
        total = queries.count_orders(session, order_filter)

    def rows() -> Generator[tuple[Any, ...], None, None]:
        with store.session() as session:
            done = 0
            chunks = queries.order_export_rows(session, order_filter, sort, fields, chunk)
            try:
                for part in chunks:
                    yield from part
                    done += len(part)
                    if progress is not None:
                        progress(min(done, total), total)
            finally:
                chunks.close()

    return OrderRows(total, rows())
