"""Duplicate order submissions racing across two server processes on one PostgreSQL database.

The process-wide write lock serialises them inside one process; across processes only the
database can: the duplicate waits for the first submission's key and answers its replay
(or 409 problem+json), never 500, and exactly one order exists.
"""

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

import httpx
import pytest
from desktop_app.server.database import Database
from desktop_app.server.db import IdempotencyRow, OrderRow
from desktop_app.server.seed import DEMO_PASSWORD
from sqlalchemy import func, select

from tests.postgres import require_postgres
from tests.server.server_processes import ServerProcess, seeded_postgres, server_processes

ROUNDS = 100
Json = dict[str, Any]


@pytest.fixture(scope="module")
def two_servers(
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[ServerProcess]]]:
    admin = require_postgres()
    with seeded_postgres(admin) as url, server_processes(
            url, tmp_path_factory.mktemp("idempotency"), 2,
            "--simulator-interval", "0") as servers:
        yield url, servers


def _token(server: ServerProcess) -> str:
    response = httpx.post(f"{server.api}/auth/token",
                          json={"username": "max.nord", "password": DEMO_PASSWORD}, timeout=30)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def _new_cart(http: httpx.Client, customer_id: str) -> str:
    response = http.post("/carts", json={
        "customer_id": customer_id, "business_transaction": "new_order", "contract_id": None,
        "items": [{"product_code": "internet-dsl-250", "quantity": 1, "usage_locations": [
            {"address": {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
             "phone_numbers": []}]}]})
    assert response.status_code == 201, response.text
    cart_id: str = response.json()["id"]
    return cart_id


def _race(clients: list[httpx.Client], pool: ThreadPoolExecutor, cart_id: str,
          key: str) -> list[httpx.Response]:
    """One POST /orders per server, released together."""
    barrier = threading.Barrier(len(clients))

    def post(http: httpx.Client) -> httpx.Response:
        barrier.wait(timeout=30)
        return http.post("/orders", json={"cart_id": cart_id}, headers={"Idempotency-Key": key})

    return [future.result(timeout=90) for future in [pool.submit(post, http) for http in clients]]


def test_a_concurrent_duplicate_answers_the_replay_or_409_never_500(
        two_servers: tuple[str, list[ServerProcess]]) -> None:
    url, servers = two_servers
    token = _token(servers[0])
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=servers[0].api, timeout=60, headers=headers) as http:
        customers = [party for party in http.get("/customers", params={"limit": 200}).json()
                     if party["tenant_id"] == "t-nordlicht" and party["kind"] == "customer"]
        carts = [_new_cart(http, customers[index % len(customers)]["id"])
                 for index in range(ROUNDS)]
    statuses: list[int] = []
    database = Database(url)
    with ExitStack() as stack:
        stack.callback(database.dispose)
        clients = [stack.enter_context(httpx.Client(base_url=server.api, timeout=60,
                                                    headers=headers)) for server in servers]
        pool = stack.enter_context(ThreadPoolExecutor(len(clients)))
        for cart_id in carts:
            key = f"race-{uuid.uuid4()}"
            answers = _race(clients, pool, cart_id, key)
            statuses += [answer.status_code for answer in answers]
            assert {answer.status_code for answer in answers} <= {201, 409}, \
                [(answer.status_code, answer.text) for answer in answers]
            created = [answer for answer in answers if answer.status_code == 201]
            assert created, [answer.text for answer in answers]
            assert len({answer.json()["order"]["id"] for answer in created}) == 1
            assert sum(answer.headers.get("Idempotent-Replayed") != "true"
                       for answer in created) <= 1
            for answer in answers:
                if answer.status_code == 409:
                    assert answer.headers["content-type"].startswith("application/problem+json")
            # A client that got 409 retries: it gets the replay of the one order.
            again = clients[1].post("/orders", json={"cart_id": cart_id},
                                    headers={"Idempotency-Key": key})
            assert again.status_code == 201, again.text
            assert again.headers.get("Idempotent-Replayed") == "true"
            assert again.json()["order"]["id"] == created[0].json()["order"]["id"]
            with database.read() as session:
                assert session.scalar(select(func.count()).select_from(OrderRow)
                                      .where(OrderRow.cart_id == cart_id)) == 1
                assert session.scalar(select(func.count()).select_from(IdempotencyRow)
                                      .where(IdempotencyRow.key == key)) == 1
    assert not [status for status in statuses if status >= 500]
    assert len(statuses) == 2 * ROUNDS
    for server in servers:
        assert "Traceback" not in server.log(), server.log()[-5000:]
