"""The simulator soak's check, on the database after the servers stopped: every order has
exactly one event per status it reached, in order, and every contract the run created belongs
to exactly one order (no orphan from a step applied twice).

Plain SQL over the server's tables (orders, order_events, contracts, change_log), so it reads
any revision of the schema on SQLite and PostgreSQL alike.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

from load.feedcheck import Problems

STATUSES = ("received", "in_processing", "completed")
NEW_CONTRACT_TRANSACTIONS = ("new_order",)  # the soak's own orders: each gets a new contract


@dataclass
class Baseline:
    """What existed before the run: contracts (so the run's own are known) and the time."""

    contracts: set[str]
    started_at: str  # ISO, as the database returns created_at (UTC)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"contracts": sorted(self.contracts),
                                    "started_at": self.started_at}))

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        stored = json.loads(path.read_text())
        return cls(set(stored["contracts"]), stored["started_at"])


@dataclass
class Tables:
    # order id -> (status, business transaction, contract id)
    orders: dict[str, tuple[str, str, str | None]]
    events: list[tuple[str, str]]  # (order id, status)
    contracts: set[str]
    doubled_feed_rows: list[tuple[str, str, int]]  # (kind, id, rows) with rows > 1


def read_tables(url: str) -> Tables:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            orders = {row[0]: (row[1], row[2], row[3]) for row in connection.execute(text(
                "SELECT id, status, business_transaction, contract_id FROM orders"))}
            events = [(row[0], row[1]) for row in connection.execute(text(
                "SELECT order_id, status FROM order_events"))]
            contracts = {row[0] for row in connection.execute(text("SELECT id FROM contracts"))}
            doubled = [(row[0], row[1], int(row[2])) for row in connection.execute(text(
                "SELECT kind, entity_id, COUNT(*) FROM change_log GROUP BY kind, entity_id "
                "HAVING COUNT(*) > 1"))]
    finally:
        engine.dispose()
    return Tables(orders, events, contracts, doubled)


def baseline_of(url: str, started_at: str) -> Baseline:
    return Baseline(read_tables(url).contracts, started_at)


@dataclass
class SoakVerdict:
    problems: Problems
    moved: Counter[str] = field(default_factory=Counter)  # events by status, all orders
    new_contracts: int = 0

    @property
    def passed(self) -> bool:
        return self.problems.total == 0


def check(tables: Tables, baseline: Baseline) -> SoakVerdict:
    problems = Problems()
    per_order: dict[str, Counter[str]] = {}
    for order_id, status in tables.events:
        per_order.setdefault(order_id, Counter())[status] += 1
    verdict = SoakVerdict(problems, Counter(status for _, status in tables.events))
    for order_id, (status, _, _) in tables.orders.items():
        counts = per_order.get(order_id, Counter())
        for reached, count in counts.items():
            if count > 1:
                problems.add("status event more than once", f"{order_id} {reached} x{count}")
        expected = STATUSES[:STATUSES.index(status) + 1] if status in STATUSES else ()
        if set(counts) != set(expected):
            problems.add("events do not match the status",
                         f"{order_id} is {status}, events {sorted(counts)}")
    new = tables.contracts - baseline.contracts
    verdict.new_contracts = len(new)
    owners: dict[str, list[str]] = {}
    for order_id, (_, _, contract_id) in tables.orders.items():
        if contract_id is not None:
            owners.setdefault(contract_id, []).append(order_id)
    for contract_id in sorted(new):
        found = owners.get(contract_id, [])
        if not found:
            problems.add("contract without an order (orphan)", contract_id)
        elif len(found) > 1:
            problems.add("new contract of several orders", f"{contract_id}: {found}")
    for order_id, (status, transaction, contract_id) in tables.orders.items():
        if status == "completed" and transaction in NEW_CONTRACT_TRANSACTIONS and (
                contract_id is None):
            problems.add("completed new order without a contract", order_id)
    for kind, entity_id, rows in tables.doubled_feed_rows:
        problems.add("record more than once in the change feed", f"{kind}:{entity_id} x{rows}")
    return verdict
