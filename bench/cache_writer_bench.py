"""apply_page throughput, normal and bulk mode, against a raw sqlite3 executemany.

    python bench/cache_writer_bench.py [--pages 100] [--page-size 1000] [--profile]

Records come from a demo-seeded reference server's change log (realistic orders), as the
records the sync validates into (`record_of` of the models), copied with fresh ids. Only the
cache's own work is timed (making the records is the sync's job):
  * normal mode: apply_page per page into a new cache (all indexes and search kept current);
  * bulk mode: begin_bulk_load, the same pages, finish_bulk_load (indexes, search, ANALYZE);
    the rate includes begin and finish;
  * raw limit: the same `orders` rows (list columns plus the items/history/recipients JSON,
    as `writer.order_row` / `writer.order_detail_row` make them) into one table without
    indexes.
Prints total rates and the median of the per-page rates (the machine is noisy). With
--profile, prints a cProfile of the bulk-mode pages.
"""

import argparse
import cProfile
import pstats
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import (
    DETAIL_COLUMNS,
    ORDER_COLUMNS,
    Upsert,
    apply_page,
    begin_bulk_load,
    finish_bulk_load,
    order_detail_row,
    order_row,
    record_of,
)
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.records import OrderRecord


def demo_orders(folder: Path) -> list[dict[str, Any]]:
    from desktop_app.server.database import Database  # bench only: the cache never imports it
    from desktop_app.server.seed import seed_demo

    database = Database(f"sqlite:///{folder / 'server.sqlite3'}")
    seed_demo(database)
    database.dispose()
    connection = sqlite3.connect(folder / "server.sqlite3")
    rows = connection.execute("SELECT data FROM change_log WHERE kind = 'order'").fetchall()
    connection.close()
    return [dict(record_of(OrderOut.model_validate_json(row[0]))[1]) for row in rows]


def page_of(templates: list[dict[str, Any]], page: int, size: int) -> list[Upsert]:
    out: list[Upsert] = []
    for n in range(size):
        base = templates[(page * size + n) % len(templates)]
        oid = f"order-{page:04d}-{n:04d}"
        record = dict(base, id=oid, order_number=f"AU-{page * size + n:08d}", documents=[
            dict(d, id=f"{oid}.{i}", order_id=oid) for i, d in enumerate(base["documents"])
        ])  # fmt: skip
        out.append((ChangeKind.ORDER, cast(OrderRecord, record)))
    return out


def run(
    path: Path, templates: list[dict[str, Any]], pages: int, size: int, *, bulk: bool,
    profile: cProfile.Profile | None = None,
) -> tuple[float, list[float], float]:
    """Seconds in total (bulk: with begin and finish), per-page rates, seconds of finish."""
    store = CacheStore(path)
    total = finish = 0.0
    per_page: list[float] = []
    if bulk:
        started = time.perf_counter()
        begin_bulk_load(store)
        total += time.perf_counter() - started
    for page in range(pages):
        upserts = page_of(templates, page, size)
        if profile is not None:
            profile.enable()
        started = time.perf_counter()
        apply_page(store, upserts, [], f"cursor-{page}")
        seconds = time.perf_counter() - started
        if profile is not None:
            profile.disable()
        total += seconds
        per_page.append(size / seconds)
    if bulk:
        started = time.perf_counter()
        finish_bulk_load(store)
        finish = time.perf_counter() - started
        total += finish
    store.dispose()
    return total, per_page, finish


def raw_limit(path: Path, templates: list[dict[str, Any]], pages: int, size: int) -> float:
    rows: list[list[tuple[Any, ...]]] = []
    for page in range(pages):
        orders = [cast(OrderRecord, record) for _, record in page_of(templates, page, size)]
        rows.append([order_row(order) + order_detail_row(order)[1:] for order in orders])
    columns = (*ORDER_COLUMNS, *DETAIL_COLUMNS[1:])
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute(f"CREATE TABLE orders ({', '.join(columns)})")
    marks = ", ".join("?" * len(columns))
    started = time.perf_counter()
    for rows_of_page in rows:
        with raw:
            raw.executemany(f"INSERT INTO orders VALUES ({marks})", rows_of_page)
    seconds = time.perf_counter() - started
    raw.close()
    return seconds


def report(name: str, total: int, seconds: float, per_page: list[float]) -> None:
    print(f"{name}: {total} orders in {seconds:.2f} s = {total / seconds:,.0f} orders/s "
          f"(median page {statistics.median(per_page):,.0f} orders/s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    total = args.pages * args.page_size
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        templates = demo_orders(folder)
        normal, normal_pages, _ = run(
            folder / "normal.sqlite3", templates, args.pages, args.page_size, bulk=False
        )
        profile = cProfile.Profile() if args.profile else None
        bulk, bulk_pages, finish = run(
            folder / "bulk.sqlite3", templates, args.pages, args.page_size, bulk=True,
            profile=profile,
        )
        raw_seconds = raw_limit(folder / "raw.sqlite3", templates, args.pages, args.page_size)
    report("apply_page, normal mode", total, normal, normal_pages)
    report("apply_page, bulk mode incl. begin + finish", total, bulk, bulk_pages)
    print(f"  of which finish_bulk_load: {finish:.2f} s")
    print(f"raw sqlite3 executemany (one table): {total / raw_seconds:,.0f} rows/s")
    print(f"ratio normal / raw: {raw_seconds / normal:.2%}; bulk / raw: {raw_seconds / bulk:.2%}")
    if profile is not None:
        stats: Callable[..., object] = pstats.Stats(profile).sort_stats("tottime").print_stats
        stats(25)


if __name__ == "__main__":
    main()
