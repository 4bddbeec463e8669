"""The processing simulator runs exactly once per database, with three server processes on one
PostgreSQL database and a fast clock: one leader (an advisory lock), a killed leader replaced,
and every order with exactly one event per status and exactly one contract."""

import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from desktop_app.domain.enums import OrderStatus
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import ChangeRow, ContractRow, OrderEventRow, OrderRow
from desktop_app.server.seed import DEMO_PASSWORD
from sqlalchemy import func, select, update

from tests.postgres import require_postgres
from tests.server.server_processes import ServerProcess, seeded_postgres, server_processes

# Simulated processing a hundred thousand times faster: a manual order (10 days) completes
# in about 9 s, half as long again as a clearing case.
CLOCK_SPEED = "100000"
SUBMITTED = 24
SETTLE_TIMEOUT = 240.0
LEADS = "this process leads"
ALL_STATUSES = [OrderStatus.RECEIVED.value, OrderStatus.IN_PROCESSING.value,
                OrderStatus.COMPLETED.value]
Json = dict[str, Any]


@pytest.fixture
def database_url() -> Iterator[str]:
    with seeded_postgres(require_postgres()) as url:
        yield url


def _due_soon(database: Database) -> int:
    """The seeded orders still open become due within the next seconds; how many."""
    rng = random.Random(15)
    now = utcnow()
    with database.write() as session:
        open_orders = list(session.execute(select(OrderRow.id, OrderRow.status)
                                           .where(OrderRow.status != OrderStatus.COMPLETED)))
        for order_id, status in open_orders:
            starts = now + timedelta(seconds=rng.uniform(1, 6))
            completes = starts + timedelta(seconds=rng.uniform(0, 4))
            values: dict[str, Any] = {"due_completion_at": completes}
            if status == OrderStatus.RECEIVED:
                # A clearing case's processing takes half as long again, counted from its
                # creation: received "now", so that it completes within seconds too.
                values |= {"due_processing_at": starts, "created_at": now}
            session.execute(update(OrderRow).where(OrderRow.id == order_id).values(**values))
    return len(open_orders)


def _leaders(servers: list[ServerProcess]) -> list[ServerProcess]:
    return [server for server in servers if LEADS in server.log()]


def _until(condition: Any, what: str, timeout: float = SETTLE_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def _submit_orders(servers: list[ServerProcess], count: int) -> list[httpx.Response]:
    """`count` orders through the real cart -> order path (power of attorney), spread over
    the processes."""
    token = httpx.post(f"{servers[0].api}/auth/token", timeout=30, json={
        "username": "max.nord", "password": DEMO_PASSWORD}).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    customers = [party for party in httpx.get(f"{servers[0].api}/customers", headers=headers,
                                              params={"limit": 200}, timeout=30).json()
                 if party["tenant_id"] == "t-nordlicht" and party["kind"] == "customer"]
    address = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}
    products = ["centraflex-10", "ipfonie-trunk-10", "internet-dsl-250"]

    def order(index: int) -> httpx.Response:
        api = servers[index % len(servers)].api
        code = products[index % len(products)]
        phones = [] if code.startswith("internet") else ["+49 40 1234567"]
        with httpx.Client(base_url=api, headers=headers, timeout=60) as http:
            cart = http.post("/carts", json={
                "customer_id": customers[index % len(customers)]["id"],
                "business_transaction": "new_order", "contract_id": None,
                "items": [{"product_code": code, "quantity": 1, "usage_locations": [
                    {"address": address, "phone_numbers": phones}]}]})
            assert cart.status_code == 201, cart.text
            return http.post("/orders", json={"cart_id": cart.json()["id"]},
                             headers={"Idempotency-Key": f"sim-{index}"})

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(order, range(count)))


def _open_orders(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(OrderRow)
                              .where(OrderRow.status != OrderStatus.COMPLETED)) or 0


def test_three_processes_simulate_every_order_exactly_once(database_url: str,
                                                           tmp_path: Path) -> None:
    database = Database(database_url)
    try:
        with database.read() as session:
            seeded_contracts = set(session.scalars(select(ContractRow.id)))
            seeded_completed = set(session.scalars(select(OrderRow.id).where(
                OrderRow.status == OrderStatus.COMPLETED)))
        pending = _due_soon(database)
        assert pending > 50  # the demo data has open orders in both states
        with server_processes(database_url, tmp_path, 3, "--clock-speed", CLOCK_SPEED,
                              "--simulator-interval", "0.1") as servers:
            _until(lambda: _leaders(servers), "a leader")
            answers = _submit_orders(servers, SUBMITTED)
            assert [answer.status_code for answer in answers] == [201] * SUBMITTED, \
                [answer.text for answer in answers if answer.status_code != 201]
            [leader] = _leaders(servers)
            # Some orders moved on: the leader is killed mid-run; one of the others leads.
            _until(lambda: _open_orders(database) < pending + SUBMITTED, "a first step")
            leader.kill()
            survivors = [server for server in servers if server is not leader]
            _until(lambda: _leaders(survivors), "a new leader")
            _until(lambda: _open_orders(database) == 0, "every order completed")
            time.sleep(1)  # a few more rounds of the new leader: nothing may move twice
            assert len(_leaders(survivors)) == 1
            logs = {server.log_path.name: server.log() for server in servers}
        _check_exactly_once(database, seeded_contracts, seeded_completed)
    finally:
        database.dispose()
    for name, text in logs.items():
        assert "Traceback" not in text, f"{name}:\n{text[-5000:]}"
        assert not re.search(r'" 5\d\d ', text), f"{name}: a 5xx answer"


def _check_exactly_once(database: Database, seeded_contracts: set[str],
                        seeded_completed: set[str]) -> None:
    with database.read() as session:
        events = Counter(session.execute(select(OrderEventRow.order_id, OrderEventRow.status)))
        doubled = {key: count for key, count in events.items() if count != 1}
        assert not doubled, f"steps applied more than once: {list(doubled.items())[:5]}"
        statuses: dict[str, list[str]] = {}
        for order_id, status in sorted(events, key=lambda key: ALL_STATUSES.index(key[1])):
            statuses.setdefault(order_id, []).append(status)
        orders = list(session.execute(select(OrderRow.id, OrderRow.contract_id,
                                             OrderRow.contract_number)))
        assert {order_id for order_id, *_ in orders} == set(statuses)
        assert all(history == ALL_STATUSES for history in statuses.values())

        processed = [(order_id, contract_id, number) for order_id, contract_id, number in orders
                     if order_id not in seeded_completed]
        assert all(contract_id is not None for _, contract_id, _ in processed)
        contracts = {row.id: row.contract_number for row in session.scalars(select(ContractRow))}
        new_contracts = set(contracts) - seeded_contracts
        referenced = Counter(contract_id for _, contract_id, _ in orders
                             if contract_id in new_contracts)
        orphans = new_contracts - set(referenced)
        assert not orphans, f"{len(orphans)} contracts without their order"
        assert all(count == 1 for count in referenced.values())  # a new contract per order
        assert all(contracts[contract_id] == number for _, contract_id, number in processed
                   if contract_id in new_contracts)

        # The feed's latest entry of every order shows it completed, with its contract.
        feed = {entity_id: orjson.loads(data or "null") for entity_id, data in session.execute(
            select(ChangeRow.entity_id, ChangeRow.data).where(ChangeRow.kind == "order"))}
        for order_id, _contract_id, number in processed:
            assert feed[order_id]["status"] == OrderStatus.COMPLETED.value
            assert feed[order_id]["contract_number"] == number
            assert [step["status"] for step in feed[order_id]["history"]] == ALL_STATUSES
        assert len(processed) > 50
