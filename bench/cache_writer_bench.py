"""apply_page throughput against a raw sqlite3 executemany of the same number of rows.

    python bench/cache_writer_bench.py [--pages 100] [--page-size 1000]

Records come from a demo-seeded reference server's change log (realistic orders), copied with
fresh ids. Only apply_page is timed (building the OrderOut objects is the sync's job). The raw
limit inserts the same `orders` rows (list columns and the items/history/recipients JSON, as
`writer.order_row` makes them) into one table without indexes. Prints the total rate and the
median of the per-page rates (the machine is noisy).
"""

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import ORDER_COLUMNS, apply_page, order_row
from desktop_app.contract.orders import OrderOut


def demo_orders(folder: Path) -> list[OrderOut]:
    from desktop_app.server.database import Database  # bench only: the cache never imports it
    from desktop_app.server.seed import seed_demo

    database = Database(f"sqlite:///{folder / 'server.sqlite3'}")
    seed_demo(database)
    database.dispose()
    connection = sqlite3.connect(folder / "server.sqlite3")
    rows = connection.execute("SELECT data FROM change_log WHERE kind = 'order'").fetchall()
    connection.close()
    return [OrderOut.model_validate_json(row[0]) for row in rows]


def page_of(templates: list[OrderOut], page: int, size: int) -> list[OrderOut]:
    out = []
    for n in range(size):
        base = templates[(page * size + n) % len(templates)]
        oid = f"order-{page:04d}-{n:04d}"
        out.append(base.model_copy(update={
            "id": oid, "order_number": f"AU-{page * size + n:08d}",
            "documents": [d.model_copy(update={"id": f"{oid}.{i}", "order_id": oid})
                          for i, d in enumerate(base.documents)],
        }))  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        templates = demo_orders(folder)
        store = CacheStore(folder / "cache.sqlite3")
        applied = 0.0
        per_page: list[float] = []
        raw_rows = []
        for page in range(args.pages):
            orders = page_of(templates, page, args.page_size)
            started = time.perf_counter()
            apply_page(store, orders, [], f"cursor-{page}")
            seconds = time.perf_counter() - started
            applied += seconds
            per_page.append(args.page_size / seconds)
            raw_rows.append([order_row(order) for order in orders])
        store.dispose()
        raw = sqlite3.connect(folder / "raw.sqlite3")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute(f"CREATE TABLE orders ({', '.join(ORDER_COLUMNS)})")
        marks = ", ".join("?" * len(ORDER_COLUMNS))
        started = time.perf_counter()
        for rows_of_page in raw_rows:
            with raw:
                raw.executemany(f"INSERT INTO orders VALUES ({marks})", rows_of_page)
        raw_seconds = time.perf_counter() - started
        raw.close()
    total = args.pages * args.page_size
    print(f"apply_page: {total} orders in {applied:.2f} s = {total / applied:,.0f} orders/s "
          f"(median page {statistics.median(per_page):,.0f} orders/s)")
    print(f"raw sqlite3 executemany (one table): {total / raw_seconds:,.0f} rows/s")
    print(f"ratio apply_page / raw: {raw_seconds / applied:.2%}")


if __name__ == "__main__":
    main()
