"""Seeding N orders into the reference backend, against a raw sqlite3 insert baseline.

    python bench/seed_bench.py [--orders 100000] [--repeat 1]

Prints the median seconds of each and their ratio; the baseline writes the same number of
order-sized JSON rows (one per order and one per feed entry) with plain sqlite3 executemany,
the floor any seeding through SQLAlchemy stands on.
"""

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.server import feed
from desktop_app.server.database import Database
from desktop_app.server.seed import seed_generated


def seed_once(folder: Path, orders: int) -> tuple[float, float]:
    url = f"sqlite:///{folder / 'seed.sqlite3'}"
    database = Database(url)
    started = time.perf_counter()
    seed_generated(database, orders)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    cursor, pages = None, 0
    while True:
        with database.read() as session:
            page = feed.read_page(session, cursor, 1000, None)
        cursor, pages = page.next_cursor, pages + 1
        if not page.has_more:
            break
    paged = time.perf_counter() - started
    database.dispose()
    return seeded, paged


def raw_insert_once(folder: Path, orders: int, payload: str) -> float:
    connection = sqlite3.connect(folder / "raw.sqlite3")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT)")
    started = time.perf_counter()
    with connection:
        connection.executemany("INSERT INTO t (data) VALUES (?)",
                               ((payload,) for _ in range(orders * 2)))
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    payload = json.dumps({"items": [{"product_code": "centraflex-10", "x": "y" * 40}] * 3,
                          "customer_name": "Musterfirma GmbH " * 10})
    seeds, pages, raws = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            seeded, paged = seed_once(Path(folder), args.orders)
            seeds.append(seeded)
            pages.append(paged)
            raws.append(raw_insert_once(Path(folder), args.orders, payload))
    seed_median, page_median, raw_median = (statistics.median(v) for v in (seeds, pages, raws))
    print(f"orders: {args.orders:,}  runs: {args.repeat}")
    print(f"seed --seed N:          {seed_median:8.2f} s (median)")
    print(f"raw sqlite3 baseline:   {raw_median:8.2f} s (median, {args.orders * 2:,} rows)")
    print(f"ratio seed / raw:       {seed_median / raw_median:8.1f}x")
    print(f"read whole feed (1000/page, in-process): {page_median:.2f} s")


if __name__ == "__main__":
    main()
