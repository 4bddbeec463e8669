"""The carts-and-quotes list at its upper size: the cache query and the in-memory model.

    python bench/carts_quotes_bench.py [--carts 5000] [--repeat 7]

Fills a cache with N carts, half of them with a quote (states mixed), then prints median ms
for: the cache query (all lines of one tenant), installing them in the model, a sort change,
a text-filter keystroke and a state-filter change; the raw baseline is a plain sqlite3 SELECT
of the same cart rows in the same run.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from desktop_app.cache.cart_list import open_carts_and_quotes
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, save_catalog
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.domain.enums import CartState, QuoteState
from desktop_app.gui.ordering.carts.columns import CartColumn
from desktop_app.gui.ordering.carts.model import CartQuoteTableModel
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from tests.cache import records
from tests.gui import orders

STATES = [QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED, QuoteState.REJECTED,
          QuoteState.WITHDRAWN, QuoteState.EXPIRED]
TODAY = date(2025, 4, 1)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(store: CacheStore, count: int) -> None:
    save_catalog(store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS)
    models: list[CartOut | QuoteOut] = []
    for n in range(count):
        cart_id, quoted = f"cart-{n:06d}", n % 2 == 1
        models.append(records.cart(cart_id, f"party-{n % 300}").model_copy(update={
            "state": CartState.QUOTED if quoted else CartState.OPEN,
            "quote_id": f"quote-{n:06d}" if quoted else None}))
        if quoted:
            models.append(records.quote(f"quote-{n:06d}", cart_id).model_copy(update={
                "quote_number": f"AN-{n:08d}", "state": STATES[n % len(STATES)],
                "valid_until": TODAY + timedelta(days=n % 40 - 20)}))
    parties = [records.party(f"party-{n}", f"Kunde {n} GmbH") for n in range(300)]
    apply_page(store, records.upserts([*parties, *models]), [], "c1")


def two_state_filters(model: CartQuoteTableModel) -> None:
    model.set_filter(QuoteState.SENT, "")
    model.set_filter(None, "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--carts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="orderdesk-bench-") as folder:
        path = Path(folder) / "cache.sqlite3"
        store = CacheStore(path)
        fill(store, args.carts)
        scope = frozenset({"t-nord"})

        def query() -> list[object]:
            with store.session() as session:
                return list(open_carts_and_quotes(session, scope))

        def raw() -> list[object]:
            with sqlite3.connect(path) as connection:
                return connection.execute(
                    "SELECT * FROM carts LEFT JOIN quotes ON quotes.cart_id = carts.id "
                    "WHERE carts.tenant_id = 't-nord'").fetchall()

        with store.session() as session:
            rows = open_carts_and_quotes(session, scope)
        model = CartQuoteTableModel({t.code.value: t.label_de for t in orders.TRANSACTIONS})
        order = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * args.repeat)
        texts = iter(["k", "ku", "kun", "kund", "kunde", "kunde 1", "kunde 12"] * args.repeat)
        figures = {
            "raw sqlite3 SELECT (baseline)": median_ms(raw, args.repeat),
            "cache query (lines)": median_ms(query, args.repeat),
            "model install (set_rows)": median_ms(lambda: model.set_rows(rows, TODAY),
                                                  args.repeat),
            "sort by customer": median_ms(
                lambda: model.sort(CartColumn.CUSTOMER, next(order)), args.repeat),
            "text filter keystroke": median_ms(
                lambda: model.set_filter(None, next(texts)), args.repeat),
            "state filter change": median_ms(lambda: two_state_filters(model), args.repeat) / 2,
        }
        print(f"{len(rows)} lines ({args.carts} carts)")
        base = figures["raw sqlite3 SELECT (baseline)"]
        for name, value in figures.items():
            print(f"{name:<32} {value:8.1f} ms  ({value / base:5.1f}x raw)")
        store.dispose()
    app.quit()


if __name__ == "__main__":
    main()
