"""Bad input is answered with 4xx application/problem+json and writes nothing."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.server.counters import current_value
from desktop_app.server.database import FEED_SEQ
from desktop_app.server.db import (
    CartRow,
    ContractRow,
    IdempotencyRow,
    OrderRow,
    OutboxRow,
    PartyRow,
    QuoteRow,
    TokenRow,
)
from sqlalchemy import func, select

from tests.server.live_server import Api, LiveServer

JSON = {"Content-Type": "application/json"}
SECRET = "Sup3r-Secret-Passw0rd-do-not-echo"
LOCATION: dict[str, Any] = {
    "address": {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
    "phone_numbers": []}
PROSPECT: dict[str, Any] = {
    "company": "Bad Input GmbH", "contact_name": "Erika Muster", "email": "erika@bad-input.example",
    "address": {"street": "Hafenstraße 1", "postal_code": "20457", "city": "Hamburg"}}


def _item(**changes: Any) -> dict[str, Any]:
    return {"product_code": "internet-dsl-100", "quantity": 1, "usage_locations": [LOCATION],
            **changes}


def _voice_item(**changes: Any) -> dict[str, Any]:
    location = {"address": LOCATION["address"], "phone_numbers": ["+4940123456"]}
    return {"product_code": "ipfonie-trunk-10", "quantity": 1, "usage_locations": [location],
            **changes}


@pytest.fixture(scope="module")
def writer(live_server: LiveServer) -> Iterator[Api]:
    """A clerk session of this module (max.nord)."""
    api = Api(live_server, "max.nord")
    yield api
    api.close()


@pytest.fixture(scope="module")
def customer(writer: Api) -> str:
    response = writer.post("/customers", json=PROSPECT)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


@pytest.fixture(scope="module")
def cart(writer: Api, customer: str) -> str:
    response = writer.post("/carts", json={"customer_id": customer,
                                           "business_transaction": "new_order",
                                           "items": [_item()]})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _state(live_server: LiveServer, cart_id: str | None = None) -> tuple[Any, ...]:
    with live_server.context.database.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model)) or 0
                       for model in (PartyRow, ContractRow, CartRow, QuoteRow, OrderRow,
                                     OutboxRow, IdempotencyRow, TokenRow))
        items = None
        if cart_id is not None:
            row = session.get(CartRow, cart_id)
            assert row is not None
            items = (row.items, row.updated_at, row.state)
        return current_value(session, FEED_SEQ), counts, items


@contextmanager
def _writes_nothing(live_server: LiveServer, cart_id: str | None = None) -> Iterator[None]:
    before = _state(live_server, cart_id)
    yield
    assert _state(live_server, cart_id) == before


def _assert_problem(response: httpx.Response, *statuses: int) -> dict[str, Any]:
    assert response.status_code in statuses, (response.status_code, response.text)
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["status"] == response.status_code
    assert body["title"]
    return body


def _codes(body: dict[str, Any]) -> set[str]:
    return {violation["code"] for violation in body["violations"]}


# --- malformed and non-JSON bodies -------------------------------------------------------

MALFORMED = [
    b'{"customer_id": ',
    b"{",
    b'{"customer_id": "x",}',
    b"{'customer_id': 'x'}",
    b'{"customer_id": "x"} trailing',
    b"[1, 2",
    b"nul",
    b'{"customer_id": "\xff\xfe"}',
    b"[" * 20_000 + b"]" * 20_000,
    b'{"quantity": ' + b"9" * 5000 + b"}",
]


@pytest.mark.parametrize("body", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_json_is_400(writer: Api, live_server: LiveServer, cart: str,
                               body: bytes) -> None:
    with _writes_nothing(live_server, cart):
        for method, path in (("POST", "/carts"), ("PUT", f"/carts/{cart}/items"),
                             ("POST", "/customers"), ("POST", "/auth/token"),
                             ("POST", "/auth/refresh"), ("POST", "/orders")):
            headers = writer.headers(JSON | {"Idempotency-Key": "bad-input-malformed"})
            response = writer.http.request(method, path, content=body, headers=headers)
            _assert_problem(response, 400)


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/xml", "application/x-www-form-urlencoded",
    "application/octet-stream", "text/html; charset=utf-8",
])
def test_non_json_content_is_refused(writer: Api, live_server: LiveServer, customer: str,
                                     cart: str, content_type: str) -> None:
    valid_cart = json.dumps({"customer_id": customer, "business_transaction": "new_order"})
    with _writes_nothing(live_server, cart):
        for path, body in (("/carts", valid_cart), ("/customers", str(PROSPECT)),
                           ("/carts", "<cart><customer_id>x</customer_id></cart>")):
            response = writer.post(path, content=body.encode(),
                                   headers={"Content-Type": content_type})
            _assert_problem(response, 400, 415, 422)
        response = writer.put(f"/carts/{cart}/items", content=b'{"items": []}',
                              headers={"Content-Type": content_type})
        _assert_problem(response, 400, 415, 422)


def test_form_and_multipart_bodies_are_refused(writer: Api, live_server: LiveServer,
                                               customer: str) -> None:
    with _writes_nothing(live_server):
        _assert_problem(writer.post("/carts", data={"customer_id": customer,
                                                    "business_transaction": "new_order"}),
                        400, 415, 422)
        _assert_problem(writer.post("/carts", files={"file": ("cart.json", b"{}")}),
                        400, 415, 422)


def test_empty_body_is_refused(writer: Api, live_server: LiveServer) -> None:
    with _writes_nothing(live_server):
        for path in ("/carts", "/customers", "/orders"):
            _assert_problem(writer.post(path, content=b"", headers=JSON
                                        | {"Idempotency-Key": "bad-input-empty"}), 400, 422)


# --- wrong types and unknown fields ------------------------------------------------------


def test_wrong_types_are_422(writer: Api, live_server: LiveServer, customer: str,
                             cart: str) -> None:
    base = {"customer_id": customer, "business_transaction": "new_order"}
    bodies: list[Any] = [
        [base],
        "a string",
        42,
        None,
        base | {"customer_id": 123},
        base | {"customer_id": None},
        base | {"business_transaction": "bogus"},
        base | {"business_transaction": 1},
        base | {"items": "not a list"},
        base | {"items": [1]},
        base | {"items": [_item(quantity="5")]},
        base | {"items": [_item(quantity=1.5)]},
        base | {"items": [_item(quantity=True)]},
        base | {"items": [_item(quantity=None)]},
        base | {"items": [_item(quantity=[1])]},
        base | {"items": [_item(options={"code": "x"})]},
        base | {"items": [_item(options=[{"code": 5}])]},
        base | {"items": [_item(usage_locations="Hamburg")]},
        base | {"items": [_item(usage_locations=[{"address": "Hafenstraße 12"}])]},
        base | {"items": [_item(usage_locations=[{"address": LOCATION["address"]
                                                  | {"country": "de"}}])]},
        base | {"items": [_item(business_transaction="bogus")]},
        {"business_transaction": "new_order"},  # customer missing
    ]
    with _writes_nothing(live_server, cart):
        for body in bodies:
            response = writer.post("/carts", json=body)
            _assert_problem(response, 422)
            assert response.json()["errors"], body
        for items in ({"items": None}, {"items": [{"quantity": 1}]}, {},
                      {"items": [_item(quantity="1")]}):
            _assert_problem(writer.put(f"/carts/{cart}/items", json=items), 422)
        for body in ({"company": 5, **{k: v for k, v in PROSPECT.items() if k != "company"}},
                     PROSPECT | {"address": "Hamburg"}, PROSPECT | {"email": ["a@b.example"]}):
            _assert_problem(writer.post("/customers", json=body), 422)
        _assert_problem(writer.post("/orders", json={"cart_id": 5},
                                    headers={"Idempotency-Key": "bad-input-types"}), 422)


def test_unknown_fields_are_422(writer: Api, live_server: LiveServer, customer: str,
                                cart: str) -> None:
    base = {"customer_id": customer, "business_transaction": "new_order"}
    with _writes_nothing(live_server, cart):
        for body in (base | {"tenant_id": "t-suedwest"},
                     base | {"state": "ordered"},
                     base | {"items": [_item(price_cents=0)]},
                     base | {"items": [_item(options=[{"code": "static-ip-8", "free": True}])]},
                     base | {"items": [_item(usage_locations=[LOCATION | {"floor": 3}])]},
                     base | {"items": [_item(usage_locations=[
                         {"address": LOCATION["address"] | {"district": "Altona"}}])]}):
            response = writer.post("/carts", json=body)
            body_out = _assert_problem(response, 422)
            assert any(error["type"] == "extra_forbidden" for error in body_out["errors"]), body
        _assert_problem(writer.put(f"/carts/{cart}/items",
                                   json={"items": [_item()], "state": "open"}), 422)
        _assert_problem(writer.post("/customers", json=PROSPECT | {"kind": "customer"}), 422)
        _assert_problem(writer.post("/orders", json={"cart_id": cart, "force": True},
                                    headers={"Idempotency-Key": "bad-input-extra"}), 422)
        _assert_problem(writer.post("/auth/token", json={"username": "max.nord",
                                                         "password": "x", "role": "admin"}),
                        422)


# --- sizes -------------------------------------------------------------------------------


def test_overlong_strings_are_422(writer: Api, live_server: LiveServer, customer: str,
                                  cart: str) -> None:
    address: dict[str, Any] = PROSPECT["address"]
    prospects = [
        PROSPECT | {"company": "x" * 201},
        PROSPECT | {"contact_name": "x" * 201},
        PROSPECT | {"email": "a" * 250 + "@b.example"},
        PROSPECT | {"tenant_id": "t" * 65},
        PROSPECT | {"address": address | {"street": "x" * 201}},
        PROSPECT | {"address": address | {"postal_code": "1" * 11}},
        PROSPECT | {"address": address | {"city": "x" * 101}},
        PROSPECT | {"company": "x" * 100_000},
    ]
    base: dict[str, Any] = {"customer_id": customer, "business_transaction": "new_order"}
    carts: list[dict[str, Any]] = [
        base | {"customer_id": "c" * 65},
        base | {"contract_id": "c" * 65},
        base | {"items": [_item(product_code="p" * 65)]},
        base | {"items": [_item(options=[{"code": "o" * 65}])]},
        base | {"items": [_voice_item(usage_locations=[
            {"address": LOCATION["address"], "phone_numbers": ["+49" + "1" * 40]}])]},
        base | {"items": [_item(usage_locations=[
            {"address": LOCATION["address"] | {"street": "s" * 3000}}])]},
        base | {"items": [_item()] * 51},
        base | {"items": [_item(options=[{"code": f"o{i}"} for i in range(21)])]},
        base | {"items": [_item(usage_locations=[LOCATION] * 61)]},
        base | {"items": [_voice_item(usage_locations=[
            {"address": LOCATION["address"], "phone_numbers": ["+4940123456"] * 101}])]},
    ]
    with _writes_nothing(live_server, cart):
        for body in prospects:
            _assert_problem(writer.post("/customers", json=body), 422)
        for body in carts:
            _assert_problem(writer.post("/carts", json=body), 422)
        _assert_problem(writer.put(f"/carts/{cart}/items", json={"items": [_item()] * 51}), 422)
        _assert_problem(writer.post("/orders", json={"cart_id": cart},
                                    headers={"Idempotency-Key": "k" * 201}), 422)
        _assert_problem(writer.post("/orders", json={"cart_id": "c" * 65},
                                    headers={"Idempotency-Key": "bad-input-long"}), 422)
        _assert_problem(writer.post("/auth/token", json={"username": "u" * 101,
                                                         "password": "x"}), 422)
        _assert_problem(writer.post("/auth/refresh", json={"refresh_token": "r" * 201}), 422)
        _assert_problem(writer.get("/customers", params={"q": "q" * 101}), 422)


# --- quantities and products -------------------------------------------------------------


@pytest.mark.parametrize(("quantity", "status", "code"), [
    (0, 422, "QUANTITY_OUT_OF_RANGE"),
    (-1, 422, "QUANTITY_OUT_OF_RANGE"),
    (-(10**6), 422, "QUANTITY_OUT_OF_RANGE"),
    (1000, 422, "QUANTITY_OUT_OF_RANGE"),
    (10**6, 422, "QUANTITY_OUT_OF_RANGE"),
    (10**12, 422, None),
    (-(10**12), 422, None),
    (10**30, 422, None),
])
def test_bad_quantities_are_refused(writer: Api, live_server: LiveServer, customer: str,
                                    cart: str, quantity: int, status: int,
                                    code: str | None) -> None:
    option = {"code": "static-ip-8", "quantity": quantity}
    with _writes_nothing(live_server, cart):
        responses = [
            writer.post("/carts", json={"customer_id": customer,
                                        "business_transaction": "new_order",
                                        "items": [_item(quantity=quantity)]}),
            writer.put(f"/carts/{cart}/items", json={"items": [_item(quantity=quantity)]}),
            writer.put(f"/carts/{cart}/items", json={"items": [_item(options=[option])]}),
        ]
        for response in responses:
            body = _assert_problem(response, status)
            if code is not None:
                assert code in _codes(body)
                assert any(v["field"] and v["field"].endswith("quantity")
                           for v in body["violations"])
            else:
                assert body["errors"] and body["violations"] == []


def test_unknown_product_is_product_unknown(writer: Api, live_server: LiveServer, customer: str,
                                            cart: str) -> None:
    with _writes_nothing(live_server, cart):
        created = writer.post("/carts", json={"customer_id": customer,
                                              "business_transaction": "new_order",
                                              "items": [_item(product_code="warp-drive-9000")]})
        changed = writer.put(f"/carts/{cart}/items",
                             json={"items": [_item(), _item(product_code="warp-drive-9000")]})
        for response in (created, changed):
            body = _assert_problem(response, 422)
            assert "PRODUCT_UNKNOWN" in _codes(body)
            violation = next(v for v in body["violations"] if v["code"] == "PRODUCT_UNKNOWN")
            assert violation["message_de"] and violation["message_en"]
            assert violation["field"].endswith("product_code")
        assert "items[1].product_code" in {v["field"] for v in changed.json()["violations"]}


def test_a_valid_change_still_works_afterwards(writer: Api, cart: str) -> None:
    """The bad requests above did not leave the cart in a broken state."""
    response = writer.put(f"/carts/{cart}/items", json={"items": [_item(quantity=2)]})
    assert response.status_code == 200, response.text
    assert response.json()["items"][0]["quantity"] == 2


# --- secrets -----------------------------------------------------------------------------


def test_passwords_are_never_echoed(anonymous: Api, live_server: LiveServer) -> None:
    attempts: list[httpx.Response] = [
        anonymous.post("/auth/token", json={"username": "max.nord", "password": SECRET * 10}),
        anonymous.post("/auth/token", json={"username": "max.nord", "password": SECRET,
                                            "extra": 1}),
        anonymous.post("/auth/token", json={"username": "u" * 101, "password": SECRET}),
        anonymous.post("/auth/token", json={"username": ["max.nord"], "password": SECRET}),
        anonymous.post("/auth/token", json={"password": SECRET}),
        anonymous.post("/auth/token", json={"username": "max.nord", "password": [SECRET]}),
        anonymous.post("/auth/token", json={"username": "max.nord", "password": {"v": SECRET}}),
        anonymous.post("/auth/token", content=('{"username": "max.nord", "password": "'
                                               + SECRET).encode(), headers=JSON),
        anonymous.post("/auth/token", content=('{"username": "max.nord", "password": "'
                                               + SECRET + '",}').encode(), headers=JSON),
        anonymous.post("/auth/token", json={"username": "max.nord", "password": SECRET}),
        anonymous.post("/auth/refresh", json={"refresh_token": SECRET * 10}),
        anonymous.post("/auth/refresh", json={"refresh_token": SECRET, "password": SECRET}),
        anonymous.post("/auth/logout", json={"refresh_token": [SECRET]}),
    ]
    for response in attempts:
        _assert_problem(response, 400, 401, 422)
        assert SECRET not in response.text
        assert SECRET[:12] not in response.text
        assert all(SECRET not in value for value in response.headers.values())
    with live_server.context.database.read() as session:
        assert session.scalar(select(func.count()).select_from(TokenRow)
                              .where(TokenRow.token_hash.contains(SECRET[:12]))) == 0


def test_bad_login_writes_no_tokens(anonymous: Api, live_server: LiveServer) -> None:
    with _writes_nothing(live_server):
        _assert_problem(anonymous.post("/auth/token", json={"username": "max.nord",
                                                            "password": "wrong"}), 401)
        _assert_problem(anonymous.post("/auth/token", json={"username": "ghost",
                                                            "password": "wrong"}), 401)


def test_control_characters_are_refused(clerk: Api) -> None:
    response = clerk.post("/customers", json={
        "company": "A\u0000B GmbH", "contact_name": "Eva Muster", "email": "eva@ab.example",
        "address": {"street": "Weg 1", "postal_code": "10115", "city": "Berlin"}})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_unexpected_error_is_a_problem_without_internals(
        live_server: LiveServer, clerk: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.server.routes import parties

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    with live_server.context.database.read() as session:
        customer_id = session.scalar(select(PartyRow.id).where(
            PartyRow.tenant_id == "t-nordlicht").limit(1))
    monkeypatch.setattr(parties, "party_out", broken)
    response = clerk.get(f"/customers/{customer_id}")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "secret" not in response.text
