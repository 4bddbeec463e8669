"""Order-list queries on a generated 100,000-order cache, against raw sqlite3 SELECTs.

    python bench/cache_queries_bench.py [--orders 100000] [--repeat 7]

The cache is filled as the sync fills an empty one (bulk load, then indexes, search and
statistics). For every sortable column (both directions), a text search and a filtered count,
prints the median ms of the cache query and of a raw sqlite3 SELECT of the same page, and
their ratio.
"""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.search import fts_query
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, begin_bulk_load, finish_bulk_load
from desktop_app.domain.enums import BusinessTransaction, OrderStatus

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from tests.cache import records

NAMES = ["Müller", "Schröder", "Abel", "Zimmermann", "Becker", "Wolf", "Neumann", "Krause"]
FORMS = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."]
PAGE = 100


def generate(store: CacheStore, count: int) -> None:
    rng = random.Random(7)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    batch = []
    begin_bulk_load(store)  # as the sync fills an empty cache
    for n in range(count):
        batch.append(records.order(
            n, customer_name=f"{rng.choice(NAMES)} {rng.choice(NAMES)} {rng.choice(FORMS)}",
            product_code=rng.choice(list(records.PRODUCTS)),
            status=rng.choice(list(OrderStatus)),
            transaction=rng.choice(list(BusinessTransaction)),
            contract_number=f"VT-{10000000 + n}" if rng.random() < 0.8 else None,
            created_at=start + timedelta(minutes=rng.randrange(1_000_000)),
            created_by=f"u-{rng.randrange(20)}",
        ))  # fmt: skip
        if len(batch) == 1000:
            apply_page(store, records.upserts(batch), [], str(n))
            batch = []
    if batch:
        apply_page(store, records.upserts(batch), [], "end")
    finish_bulk_load(store)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def fetch_all(connection: sqlite3.Connection, sql: str, params: tuple[str, ...]) -> list[object]:
    return connection.execute(sql, params).fetchall()


LIST_SQL = (
    "SELECT id, order_number, created_at, customer_name, business_transaction, "
    "product_name_de, product_name_en, product_family, status, contract_number, updated_at, "
    "created_by FROM orders"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite3"
        store = CacheStore(path)
        started = time.perf_counter()
        generate(store, args.orders)
        print(f"generated {args.orders} orders in {time.perf_counter() - started:.1f} s")
        raw = sqlite3.connect(path)
        print(f"{'query':44} {'cache ms':>9} {'raw ms':>8} {'ratio':>6}")
        cases: list[tuple[str, OrderFilter, OrderSort, str, tuple[str, ...]]] = []
        for column in OrderSortColumn:
            for descending in (False, True):
                way = "DESC" if descending else "ASC"
                cases.append((
                    f"page sorted by {column.value} {way.lower()}", OrderFilter(),
                    OrderSort(column, descending),
                    f"{LIST_SQL} ORDER BY {column.value} {way}, id {way} LIMIT {PAGE} OFFSET 500",
                    (),
                ))  # fmt: skip
        for typed in ("müller", "AU-0004", "VT-1000123", "sip trunk"):
            match = fts_query(typed)
            cases.append((
                f"search {typed!r}", OrderFilter(text=typed), OrderSort(),
                f"{LIST_SQL} WHERE row_id IN (SELECT rowid FROM order_search WHERE "
                f"order_search MATCH ?) ORDER BY created_at DESC, id DESC LIMIT {PAGE}",
                (match,),
            ))  # fmt: skip
        status = OrderFilter(statuses=frozenset({"in_processing"}), created_by="u-3")
        cases.append((
            "status + created_by, by customer", status,
            OrderSort(OrderSortColumn.CUSTOMER_NAME, False),
            f"{LIST_SQL} WHERE status = 'in_processing' AND created_by = 'u-3' "
            f"ORDER BY customer_name, id LIMIT {PAGE}",
            (),
        ))  # fmt: skip
        with store.session() as session:
            for name, order_filter, sort, sql, params in cases:
                offset = 500 if name.startswith("page") else 0
                cache_ms = median_ms(
                    partial(queries.order_page, session, order_filter, sort, offset, PAGE),
                    args.repeat,
                )
                raw_ms = median_ms(partial(fetch_all, raw, sql, params), args.repeat)
                print(f"{name:44} {cache_ms:9.2f} {raw_ms:8.2f} {cache_ms / raw_ms:6.1f}")
            for name, action in (
                ("count all", lambda: queries.count_orders(session, OrderFilter())),
                ("count search 'müller'",
                 lambda: queries.count_orders(session, OrderFilter(text="müller"))),
                ("status counts", lambda: queries.status_counts(session, OrderFilter())),
                ("order_ids all (created_at desc)",
                 lambda: queries.order_ids(session, OrderFilter(), OrderSort())),
                ("order_detail", lambda: queries.order_detail(session, "order-000500")),
            ):  # fmt: skip
                print(f"{name:44} {median_ms(action, args.repeat):9.2f}")
        raw.close()
        store.dispose()


if __name__ == "__main__":
    main()
