"""A live reference server on 127.0.0.1 (uvicorn in a thread) and an HTTP client for it."""

from datetime import date, timedelta
from typing import Any

import httpx
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.enums import ChangeRequestState, ContractState
from desktop_app.server.counters import business_number
from desktop_app.server.database import utcnow
from desktop_app.server.db import ContractRow, PartyRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.server.services import publish
from desktop_app.server.services.carts import new_id
from desktop_app.server.settings import ServerSettings

LiveServer = EmbeddedServer


def start_server(database_url: str, **overrides: Any) -> LiveServer:
    """A server on its own database; the simulator thread stays off (tests drive it)."""
    return EmbeddedServer.start(ServerSettings(database_url=database_url, simulator_interval=0,
                                               **overrides))


def arrange_contract(server: LiveServer, customer_id: str, product_code: str, *,
                     in_minimum_term: bool = False, terminated: bool = False,
                     change_request: ChangeRequestState = ChangeRequestState.NONE) -> str:
    """A fresh contract of a customer in the state a test needs, written into the server's
    database (and its change feed); its id."""
    product = product_by_code(product_code)
    assert product is not None
    now = utcnow()
    start = (now.date() - timedelta(days=30) if in_minimum_term
             else date(now.year - 5, now.month, 1))
    with server.context.database.write() as session:
        party = session.get(PartyRow, customer_id)
        assert party is not None
        row = ContractRow(
            id=new_id("contract"), tenant_id=party.tenant_id, customer_id=customer_id,
            contract_number=business_number(session, "VT"), product_code=product_code,
            state=ContractState.TERMINATED if terminated else ContractState.RUNNING,
            start_date=start, minimum_term_months=product.minimum_term_months,
            change_request=change_request, updated_at=now)
        session.add(row)
        session.flush()
        publish.contract(session, row, now)
        return row.id


class Api:
    """A thin HTTP client for tests: logs in and sends the bearer token."""

    def __init__(self, server: LiveServer, username: str | None = None) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.api, timeout=30)
        self.token: str | None = None
        if username is not None:
            self.login(username)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        response = self.http.post("/auth/token", json={"username": username,
                                                       "password": password})
        assert response.status_code == 200, response.text
        tokens: dict[str, Any] = response.json()
        self.token = tokens["access_token"]
        return tokens

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return headers | (extra or {})

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.post(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.put(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.delete(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def close(self) -> None:
        self.http.close()


