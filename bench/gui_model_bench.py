"""The order-list model on a generated 100,000-order cache, against raw sqlite3 SELECTs of ids.

    python bench/gui_model_bench.py [--orders 100000] [--repeat 7]

Prints median ms for: a fresh model's reload plus the first 50 visible rows (all columns,
DisplayRole), a sort change, a filter change (status and text search), each against a raw
sqlite3 SELECT of the same ids in the same run, and their ratio.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.search import fts_query
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import begin_bulk_load, finish_bulk_load
from desktop_app.gui.overview.order_columns import OrderColumn, OrderLabels
from desktop_app.gui.overview.order_source import CacheOrderSource
from desktop_app.gui.overview.order_table_model import OrderTableModel
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from tests.gui import orders

VISIBLE = 50
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paint(model: OrderTableModel) -> None:
    for row in range(min(VISIBLE, model.rowCount())):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))


def fill(store: CacheStore, count: int) -> None:
    begin_bulk_load(store)  # as the sync fills an empty cache
    for start in range(0, count, 10_000):
        orders.fill(store, orders.generated(min(10_000, count - start), seed=start, first=start))
    finish_bulk_load(store)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QGuiApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cache.sqlite3"
        store = CacheStore(path)
        started = time.perf_counter()
        fill(store, args.orders)
        print(f"filled {args.orders} orders in {time.perf_counter() - started:.1f} s")
        with store.session() as session:
            labels = OrderLabels.load(session, "de")
        source = CacheOrderSource(store)
        raw = sqlite3.connect(path)

        def raw_ids(where: str = "", params: tuple[str, ...] = (), order: str = "") -> int:
            sql = f"SELECT id FROM orders {where} ORDER BY {order or 'created_at DESC, id DESC'}"
            return len(raw.execute(sql, params).fetchall())

        def first_paint() -> None:
            model = OrderTableModel(source, labels)
            model.reload()
            paint(model)

        model = OrderTableModel(source, labels)
        model.reload()
        state = {"flip": False}

        def sort_customer() -> None:
            state["flip"] = not state["flip"]
            model.sort(OrderColumn.CUSTOMER, ASC if state["flip"] else DESC)
            paint(model)

        def raw_sort_customer() -> None:
            order = "ASC" if state["flip"] else "DESC"
            raw_ids(order=f"customer_name {order}, id {order}")

        def filtered(order_filter: OrderFilter) -> Callable[[], None]:
            def run() -> None:
                model.set_filter(order_filter)
                paint(model)
                model.set_filter(OrderFilter())
                paint(model)

            return run

        received = OrderFilter(statuses=frozenset({"received"}))
        search = OrderFilter(text="Schröder")
        match = fts_query("Schröder") or ""
        fts = "WHERE row_id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)"
        cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
            ("reload + first 50 rows", first_paint, raw_ids),
            ("sort by customer", sort_customer, raw_sort_customer),
            ("status filter and back", filtered(received),
             lambda: (raw_ids("WHERE status = ?", ("received",)), raw_ids())),
            ("text search and back", filtered(search),
             lambda: (raw_ids(fts, (match,)), raw_ids())),
        ]  # fmt: skip
        print(f"{'case':<26}{'model ms':>10}{'raw ms':>10}{'ratio':>8}")
        for name, action, baseline in cases:
            action()  # warm up
            ours = median_ms(action, args.repeat)
            theirs = median_ms(baseline, args.repeat)
            print(f"{name:<26}{ours:>10.1f}{theirs:>10.1f}{ours / theirs:>8.2f}")
        print(f"rows materialized: {model.cached_row_count} of {model.matching_count}")
        raw.close()
        store.dispose()
    del app


if __name__ == "__main__":
    main()
