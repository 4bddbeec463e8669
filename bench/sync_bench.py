"""Full and incremental sync of 100,000 orders from a live reference server on loopback.

    python bench/sync_bench.py [--orders 100000] [--repeat 3]

Seeds the orders, starts `orderdesk-server` as its own process (so it has the second core),
and measures, as medians over the runs:
  * full sync: wall time from an empty cache to the end of the feed, server included;
  * client ingest: validating and applying the same pages, already in memory, to a new cache;
  * raw limit: json.loads of those pages plus sqlite3.executemany upserts of the orders into
    an equivalent table (the list columns plus the detail as JSON text);
  * incremental sync of 100 changed orders.
"""

import argparse
import gc
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import OrderRow
from desktop_app.server.embedded import free_port
from desktop_app.server.seed import DEMO_PASSWORD, seed_generated
from desktop_app.server.services import publish
from desktop_app.sync.changes import PAGE_SIZE, ChangeSync
from desktop_app.sync.live_cache import LiveCache
from sqlalchemy import select

CHANGED = 100


def start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.server.cli", "--database", url, "--port", str(port),
         "--simulator-interval", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(base + "/api/v1/health", timeout=1).ok:
                return process, base + "/api/v1"
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the reference server did not start")


def login(api: str) -> ApiClient:
    settings = ApiSettings(base_url=api)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("anna.berger", DEMO_PASSWORD)  # provider staff: sees every order
    return ApiClient(settings, auth)


def fetch_pages(client: ApiClient) -> list[bytes]:
    pages, cursor = [], None
    while True:
        raw = client.changes_raw(cursor, PAGE_SIZE)
        pages.append(raw)
        head = json.loads(raw)
        cursor = head["next_cursor"]
        if not head["has_more"]:
            return pages


class MemoryFeed:
    """The pages already fetched, served in order: the sync minus network and server."""

    def __init__(self, pages: list[bytes]) -> None:
        self._pages = iter(pages)

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        return next(self._pages)


def client_ingest(pages: list[bytes], folder: Path) -> float:
    cache = LiveCache(folder / f"ingest-{time.monotonic_ns()}.sqlite3")
    started = time.perf_counter()
    ChangeSync(MemoryFeed(pages), cache, PAGE_SIZE).run()
    elapsed = time.perf_counter() - started
    cache.close()
    return elapsed


RAW_COLUMNS = ("id", "order_number", "created_at", "customer_name", "business_transaction",
               "product_name_de", "product_family", "status", "contract_number", "updated_at",
               "created_by")


def raw_limit(pages: list[bytes], folder: Path) -> float:
    connection = sqlite3.connect(folder / f"raw-{time.monotonic_ns()}.sqlite3")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(f"CREATE TABLE orders ({', '.join(RAW_COLUMNS)}, detail TEXT, "
                       "PRIMARY KEY (id))")
    columns = ", ".join(RAW_COLUMNS) + ", detail"
    updates = ", ".join(f"{name} = excluded.{name}" for name in (*RAW_COLUMNS[1:], "detail"))
    sql = (f"INSERT INTO orders ({columns}) VALUES ({', '.join('?' * (len(RAW_COLUMNS) + 1))}) "
           f"ON CONFLICT (id) DO UPDATE SET {updates}")
    gc.disable()  # the limit: no cycle collector either (the sync pauses it too)
    started = time.perf_counter()
    for raw in pages:
        page = json.loads(raw)
        rows: list[tuple[Any, ...]] = []
        for change in page["changes"]:
            data = change["data"]
            if change["kind"] == "order" and data is not None:
                rows.append((*(data[name] for name in RAW_COLUMNS),
                             json.dumps(data["items"])))
        with connection:
            connection.executemany(sql, rows)
    elapsed = time.perf_counter() - started
    gc.enable()
    connection.close()
    return elapsed


def touch_orders(url: str, count: int) -> None:
    database = Database(url)
    now = utcnow()
    with database.write() as session:
        for order in session.scalars(select(OrderRow).order_by(OrderRow.id).limit(count)):
            order.updated_at = now
            publish.order(session, order, now)
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sync-bench-") as name:
        folder = Path(name)
        url = f"sqlite:///{folder / 'server.sqlite3'}"
        started = time.perf_counter()
        database = Database(url)
        seed_generated(database, args.orders)
        database.dispose()
        print(f"seeded {args.orders:,} orders in {time.perf_counter() - started:.1f} s")
        process, api = start_server(url)
        try:
            client = login(api)
            full, incremental, changes = [], [], 0
            for run in range(args.repeat):
                cache = LiveCache(folder / f"full-{run}.sqlite3")
                started = time.perf_counter()
                changes = ChangeSync(client, cache, PAGE_SIZE).run().changes
                full.append(time.perf_counter() - started)
                touch_orders(url, CHANGED)
                started = time.perf_counter()
                changed = ChangeSync(client, cache, PAGE_SIZE).run().changes
                incremental.append(time.perf_counter() - started)
                assert changed == CHANGED, changed
                cache.close()
            pages = fetch_pages(client)
            ingest = [client_ingest(pages, folder) for _ in range(args.repeat)]
            raw = [raw_limit(pages, folder) for _ in range(args.repeat)]
            client.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    size = sum(len(page) for page in pages)
    full_s, ingest_s, raw_s, inc_s = (statistics.median(v) for v in (full, ingest, raw,
                                                                      incremental))
    orders = args.orders
    print(f"at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, medians of {args.repeat} runs; "
          f"{changes:,} changes in {len(pages)} pages, {size / 1e6:.0f} MB of JSON")
    print(f"full sync (server included): {full_s:6.2f} s  {orders / full_s:9,.0f} orders/s"
          f"   target < 10 s")
    print(f"client ingest (validate+apply): {ingest_s:6.2f} s  {orders / ingest_s:9,.0f} orders/s")
    print(f"raw limit (json.loads+executemany): {raw_s:6.2f} s  {orders / raw_s:9,.0f} orders/s")
    print(f"ratio ingest / raw: {raw_s / ingest_s:6.1%}   target >= 50 %")
    print(f"incremental sync of {CHANGED} orders: {inc_s * 1000:6.0f} ms   target < 300 ms")


if __name__ == "__main__":
    main()
