"""Issue 12, item 3: a refusal for an open cart names the blocking cart by id in the violation's
`params` (added to v1 without breaking it), so that a client can show that cart as the clerk
knows it and offer to resume or delete it, instead of parsing the message."""

from typing import Any

from desktop_app.contract.base import ViolationOut

from tests.server.live_server import Api, LiveServer, arrange_contract

HAMBURG = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}


def _customer(clerk: Api) -> dict[str, Any]:
    parties = clerk.get("/customers", params={"limit": 200}).json()
    return next(p for p in parties if p["tenant_id"] == "t-nordlicht" and p["kind"] == "customer")


def test_open_cart_refusal_names_the_cart_in_params(clerk: Api, live_server: LiveServer) -> None:
    customer = _customer(clerk)
    contract = arrange_contract(live_server, customer["id"], "internet-dsl-100")
    body = {"customer_id": customer["id"], "business_transaction": "product_change",
            "contract_id": contract, "items": []}  # fmt: skip
    first = clerk.post("/carts", json=body)
    assert first.status_code == 201, first.text
    refused = clerk.post("/carts", json=body)
    assert refused.status_code == 422
    [violation] = refused.json()["violations"]
    assert violation["code"] == "OPEN_CART_EXISTS"
    assert violation["params"]["cart"] == first.json()["id"]
    assert violation["params"]["contract"]  # the contract number the message names


def test_a_violation_without_params_still_parses() -> None:
    """An older server sends no params: the client's model accepts that."""
    old = ViolationOut.model_validate(
        {"code": "OPEN_CART_EXISTS", "field": "contract_id", "message_de": "x", "message_en": "y"}
    )
    assert old.params == {}
