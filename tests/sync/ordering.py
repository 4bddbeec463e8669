"""Helpers for tests that order against the live server: carts, counts, dropped answers."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import requests
from desktop_app.api import ApiClient
from desktop_app.contract.carts import CartCreate, CartItemIn, UsageLocationIn
from desktop_app.contract.parties import AddressIn
from desktop_app.domain.enums import BusinessTransaction, PartyKind
from desktop_app.server.db import OrderRow
from desktop_app.server.embedded import EmbeddedServer
from requests.adapters import HTTPAdapter
from sqlalchemy import func, select

HAMBURG = AddressIn(street="Hafenstraße 12", postal_code="20457", city="Hamburg")


def voice_item(code: str = "centraflex-10") -> CartItemIn:
    return CartItemIn(product_code=code, usage_locations=[
        UsageLocationIn(address=HAMBURG, phone_numbers=["+49 40 1234567"])])


def a_customer(client: ApiClient, index: int = 0) -> str:
    """A customer (not a prospect) of the clerk's own tenant with a master-data email."""
    me = client.me()
    parties = [p for p in client.customers(limit=200)
               if p.kind is PartyKind.CUSTOMER and p.email and p.tenant_id == me.tenant.id]
    return parties[index].id


def open_cart(client: ApiClient, customer_id: str) -> str:
    cart = client.create_cart(CartCreate(customer_id=customer_id,
                                         business_transaction=BusinessTransaction.NEW_ORDER,
                                         items=[voice_item()]))
    return cart.id


def orders_of_cart(server: EmbeddedServer, cart_id: str) -> int:
    with server.context.database.read() as session:
        count: int = session.scalar(select(func.count()).select_from(OrderRow)
                                    .where(OrderRow.cart_id == cart_id)) or 0
        return count


@contextmanager
def answers_dropped(monkeypatch: pytest.MonkeyPatch, path: str = "/orders",
                    times: int = 1) -> Iterator[list[int]]:
    """The next `times` POSTs to `path` reach the backend (which commits), then the
    connection drops before the client reads the answer. Yields the list of drops."""
    original = HTTPAdapter.send
    dropped: list[int] = []

    def send(self: HTTPAdapter, request: requests.PreparedRequest,
             *args: Any, **kwargs: Any) -> requests.Response:
        response = original(self, request, *args, **kwargs)
        url = request.url or ""
        if request.method == "POST" and url.split("?")[0].endswith(path) \
                and len(dropped) < times:
            dropped.append(response.status_code)
            response.close()
            raise requests.ConnectionError("connection dropped after the response arrived")
        return response

    with monkeypatch.context() as patch:
        patch.setattr(HTTPAdapter, "send", send)
        yield dropped
