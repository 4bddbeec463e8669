"""The contracts overview at its upper size: the cache query, the model and one contract's
orders.

    python bench/contracts_bench.py [--contracts 30000] [--orders 100000] [--repeat 7]

Fills a cache with N contracts of 3,000 customers and M orders on them, then prints median ms
for: the cache query (all contracts with customer, product and order numbers), installing the
rows in the model, a sort change, a search keystroke (one word, then three), one contract's
orders (the lower panel); the raw baseline is a plain sqlite3 SELECT of the contract rows in
the same run. All but the query and the contract's orders run on the GUI thread.
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

from desktop_app.cache import bulk
from desktop_app.cache.contracts import contract_orders, contract_rows
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, save_catalog
from desktop_app.contract.orders import OrderOut
from desktop_app.domain.enums import ContractState
from desktop_app.gui.contracts.columns import ContractColumn
from desktop_app.gui.contracts.model import ContractTableModel, prepare
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from tests.cache import records
from tests.gui import orders
from tests.gui.contracts import seed

PRODUCT_CODES = ["centraflex-10", "ipfonie-trunk-30", "internet-dsl-250"]


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(store: CacheStore, contracts: int, order_count: int) -> None:
    save_catalog(store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS,
                 products=seed.products())
    bulk.begin_bulk_load(store)
    parties = [records.party(f"party-{n}", f"Kunde {n} Müller GmbH") for n in range(3000)]
    apply_page(store, records.upserts(parties), [], "0")
    page = []
    for n in range(contracts):
        page.append(records.contract(f"VT-{n:08d}", f"party-{n % 3000}").model_copy(update={
            "product_code": PRODUCT_CODES[n % 3], "start_date": date(2020, 1, 31)
            + timedelta(days=n % 1500), "minimum_term_months": 12 + n % 25,
            "state": ContractState.TERMINATED if n % 9 == 0 else ContractState.RUNNING}))
        if len(page) == 2000:
            apply_page(store, records.upserts(page), [], str(n))
            page = []
    apply_page(store, records.upserts(page), [], "c")
    placed: list[OrderOut] = []
    for n in range(order_count):
        number = n % contracts
        placed.append(records.order(n + 1, customer_id=f"party-{number % 3000}",
                                    contract_number=f"VT-{number:08d}",
                                    product_code=PRODUCT_CODES[number % 3]))
        if len(placed) == 2000:
            apply_page(store, records.upserts(placed), [], f"o{n}")
            placed = []
    apply_page(store, records.upserts(placed), [], "o")
    bulk.finish_bulk_load(store)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contracts", type=int, default=30_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cache.sqlite3"
        store = CacheStore(path)
        start = time.perf_counter()
        fill(store, args.contracts, args.orders)
        print(f"filled {args.contracts} contracts, {args.orders} orders in "
              f"{time.perf_counter() - start:.1f} s")
        raw = sqlite3.connect(path)
        baseline = median_ms(lambda: raw.execute(
            "SELECT * FROM contracts ORDER BY contract_number").fetchall(), args.repeat)

        def query() -> list[object]:
            with store.session() as session:
                return list(contract_rows(session))

        rows = contract_rows(store.session().__enter__())
        queried = median_ms(query, args.repeat)
        model = ContractTableModel()
        prepared = median_ms(lambda: prepare(rows, False, ContractColumn.NUMBER, False),
                             args.repeat)
        ready = prepare(rows, False, ContractColumn.NUMBER, False)
        install = median_ms(lambda: model.install(ready), args.repeat)
        flip = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * args.repeat)
        sort = median_ms(lambda: model.sort(ContractColumn.CUSTOMER, next(flip)), args.repeat)
        words = iter(["mueller", "kunde 12", ""] * args.repeat)
        search = median_ms(lambda: model.set_filter(next(words) + " "), args.repeat)
        three = iter(["kunde 17 tengo", "x"] * args.repeat)
        search3 = median_ms(lambda: model.set_filter(next(three)), args.repeat)
        model.set_filter("")
        shown = median_ms(lambda: [model.index(r, c).data() for r in range(40)
                                   for c in range(7)], args.repeat)

        def one_contract() -> object:
            with store.session() as session:
                return contract_orders(session, "contract-VT-00012345")

        orders_ms = median_ms(one_contract, args.repeat)
        print(f"raw sqlite3 SELECT of the contracts: {baseline:.1f} ms")
        print(f"contract_rows (cache lane):          {queried:.1f} ms "
              f"({queried / baseline:.1f}x raw)")
        print(f"prepare: search texts, sort (lane):  {prepared:.1f} ms")
        print(f"model.install (GUI thread):          {install:.1f} ms")
        print(f"sort by customer (GUI thread):       {sort:.1f} ms")
        print(f"search keystroke, 1 word:            {search:.1f} ms")
        print(f"search keystroke, 3 words:           {search3:.1f} ms")
        print(f"first screen (40 x 7 cells):         {shown:.1f} ms")
        print(f"one contract's orders (cache lane):  {orders_ms:.1f} ms")
        raw.close()
        store.dispose()


if __name__ == "__main__":
    main()
