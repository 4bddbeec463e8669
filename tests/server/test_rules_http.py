"""Every domain rule the API enforces answers 422 problem+json listing each violated rule.

Contracts in a particular state (terminated, inside the minimum term, with or without an
approved change request) are arranged through the database as fresh contracts of demo
customers, so the shared demo records stay as they are.
"""

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE, product_by_code
from desktop_app.domain.enums import ChangeRequestState, ContractState
from desktop_app.server.database import utcnow
from desktop_app.server.db import ContractRow, QuoteRow

from tests.server.live_server import Api, LiveServer, arrange_contract

Json = dict[str, Any]
ContractFactory = Callable[..., Json]

HAMBURG = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}


def item(code: str, **overrides: Any) -> Json:
    """A valid cart item: one usage location, with a phone number for voice products."""
    voice = not code.startswith("internet")
    location = {"address": dict(HAMBURG), "phone_numbers": ["+49 40 1234567"] if voice else []}
    return {"product_code": code, "quantity": 1, "usage_locations": [location]} | overrides


def assert_violations(response: httpx.Response, *codes: str) -> list[Json]:
    """422 application/problem+json listing exactly these rule codes (in any order)."""
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body = response.json()
    assert body["status"] == 422
    violations: list[Json] = body["violations"]
    assert sorted(v["code"] for v in violations) == sorted(codes), violations
    for entry in violations:
        assert set(entry) >= {"code", "field", "message_de", "message_en"}
        assert entry["message_de"] and entry["message_en"]
    return violations


def by_code(violations: list[Json], code: str) -> Json:
    return next(v for v in violations if v["code"] == code)


def customers_of(api: Api, tenant_id: str) -> list[Json]:
    response = api.get("/customers", params={"limit": 200})
    assert response.status_code == 200, response.text
    return [party for party in response.json()
            if party["tenant_id"] == tenant_id and party["kind"] == "customer"
            and party["email"]]


def create_cart(api: Api, customer_id: str, transaction: str = "new_order",
                contract_id: str | None = None, items: list[Json] | None = None,
                ) -> httpx.Response:
    body: Json = {"customer_id": customer_id, "business_transaction": transaction,
                  "items": items if items is not None else []}
    if contract_id is not None:
        body["contract_id"] = contract_id
    return api.post("/carts", json=body)


def created_cart(api: Api, customer_id: str, transaction: str = "new_order",
                 contract_id: str | None = None, items: list[Json] | None = None) -> Json:
    response = create_cart(api, customer_id, transaction, contract_id, items)
    assert response.status_code == 201, response.text
    cart: Json = response.json()
    return cart


def quote_for(api: Api, cart_id: str) -> Json:
    response = api.post(f"/carts/{cart_id}/quote")
    assert response.status_code == 201, response.text
    quote: Json = response.json()
    return quote


def send(api: Api, quote_id: str, extra: str | None = None) -> httpx.Response:
    return api.post(f"/quotes/{quote_id}/send", json={"extra_recipient": extra})


def approve(api: Api, quote_id: str, email: str = "freigabe@kunde.example") -> httpx.Response:
    return api.post(f"/quotes/{quote_id}/approval", json={"approver_email": email})


def order(api: Api, cart_id: str, quote_id: str | None = None) -> httpx.Response:
    body: Json = {"cart_id": cart_id}
    if quote_id is not None:
        body["quote_id"] = quote_id
    return api.post("/orders", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nord_customers(live_server: LiveServer) -> Iterator[list[Json]]:
    api = Api(live_server, "max.nord")
    found = customers_of(api, "t-nordlicht")
    api.close()
    assert len(found) >= 4
    yield found


@pytest.fixture
def customer(nord_customers: list[Json]) -> Json:
    return nord_customers[0]


@pytest.fixture
def prospect(clerk: Api) -> Json:
    """A fresh prospect (Interessent) of Nordlicht, made through the API."""
    response = clerk.post("/customers", json={
        "company": f"Neukunde {uuid.uuid4().hex[:6]} GmbH", "contact_name": "Ina Neu",
        "email": "einkauf@neukunde.example", "address": HAMBURG})
    assert response.status_code == 201, response.text
    party: Json = response.json()
    assert party["kind"] == "prospect"
    return party


@pytest.fixture
def contract_factory(live_server: LiveServer, clerk: Api) -> ContractFactory:
    """A new contract of a demo customer in the state a test needs (arranged in the database)."""

    def make(customer_id: str, product_code: str, *, terminated: bool = False,
             in_minimum_term: bool = False,
             change_request: ChangeRequestState = ChangeRequestState.NONE) -> Json:
        contract_id = arrange_contract(live_server, customer_id, product_code,
                                       terminated=terminated, in_minimum_term=in_minimum_term,
                                       change_request=change_request)
        listed = clerk.get(f"/customers/{customer_id}/contracts").json()
        contract: Json = next(c for c in listed if c["id"] == contract_id)
        assert (contract["minimum_term_end"] > utcnow().date().isoformat()) == in_minimum_term
        return contract

    return make


# --- business transactions and contracts ----------------------------------------------------


def test_new_order_refers_to_no_contract(clerk: Api, customer: Json,
                                         contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100")
    response = create_cart(clerk, customer["id"], "new_order", contract["id"],
                           [item("internet-dsl-100")])
    [found] = assert_violations(response, "CONTRACT_NOT_ALLOWED")
    assert found["field"] == "contract_id"


@pytest.mark.parametrize("transaction", ["reorder", "contract_extension", "product_change",
                                         "product_change_new_order", "usage_location"])
def test_transactions_on_contracts_need_one(clerk: Api, customer: Json, transaction: str) -> None:
    response = create_cart(clerk, customer["id"], transaction, None, [item("centraflex-10")])
    assert_violations(response, "CONTRACT_REQUIRED")


def test_prospect_has_no_contracts(clerk: Api, prospect: Json) -> None:
    response = create_cart(clerk, prospect["id"], "reorder", None, [item("centraflex-10")])
    [found] = assert_violations(response, "PROSPECT_HAS_NO_CONTRACTS")
    assert found["field"] == "business_transaction"


def test_contract_of_another_customer(clerk: Api, nord_customers: list[Json]) -> None:
    owner, other = nord_customers[1], nord_customers[2]
    contracts = clerk.get(f"/customers/{owner['id']}/contracts").json()
    assert contracts, "demo customers have contracts"
    contract = contracts[0]
    response = create_cart(clerk, other["id"], "reorder", contract["id"],
                           [item(contract["product_code"])])
    [found] = assert_violations(response, "CONTRACT_OF_OTHER_CUSTOMER")
    assert contract["contract_number"] in found["message_en"]


def test_terminated_contract(clerk: Api, customer: Json,
                             contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "ipfonie-trunk-10", terminated=True)
    assert contract["state"] == "terminated"
    response = create_cart(clerk, customer["id"], "reorder", contract["id"],
                           [item("ipfonie-trunk-10")])
    [found] = assert_violations(response, "CONTRACT_TERMINATED")
    assert contract["contract_number"] in found["message_de"]


def test_one_open_cart_per_contract(clerk: Api, customer: Json,
                                    contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100")
    first = created_cart(clerk, customer["id"], "contract_extension", contract["id"],
                         [item("internet-dsl-100")])
    for transaction, code in (("contract_extension", "internet-dsl-100"),
                              ("product_change", "internet-dsl-250")):
        response = create_cart(clerk, customer["id"], transaction, contract["id"], [item(code)])
        [found] = assert_violations(response, "OPEN_CART_EXISTS")
        assert first["id"] in found["message_en"]
    # A quoted cart is still open for the contract.
    quote_for(clerk, first["id"])
    response = create_cart(clerk, customer["id"], "contract_extension", contract["id"],
                           [item("internet-dsl-100")])
    assert_violations(response, "OPEN_CART_EXISTS")


def test_several_reorder_carts_for_one_contract_are_allowed(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "centraflex-10")
    first = created_cart(clerk, customer["id"], "reorder", contract["id"],
                         [item("centraflex-10")])
    second = created_cart(clerk, customer["id"], "reorder", contract["id"],
                          [item("centraflex-50")])
    assert first["id"] != second["id"]
    for cart in (first, second):
        result = clerk.post(f"/carts/{cart['id']}/validate").json()
        assert result == {"valid": True, "violations": []}


def test_reorder_carts_neither_block_nor_are_blocked(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100")
    extension = created_cart(clerk, customer["id"], "contract_extension", contract["id"],
                             [item("internet-dsl-100")])
    reorder = created_cart(clerk, customer["id"], "reorder", contract["id"],
                           [item("internet-dsl-100")])
    # The reorder did not turn the earlier, valid cart into a broken one.
    for cart in (extension, reorder):
        result = clerk.post(f"/carts/{cart['id']}/validate").json()
        assert result == {"valid": True, "violations": []}
    # ...and a second non-reorder cart is still refused, naming the extension cart.
    response = create_cart(clerk, customer["id"], "contract_extension", contract["id"],
                           [item("internet-dsl-100")])
    [found] = assert_violations(response, "OPEN_CART_EXISTS")
    assert extension["id"] in found["message_en"]


def test_product_change_inside_minimum_term_needs_approved_request(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    for request in (ChangeRequestState.NONE, ChangeRequestState.PENDING,
                    ChangeRequestState.REJECTED):
        contract = contract_factory(customer["id"], "internet-dsl-100", in_minimum_term=True,
                                    change_request=request)
        for transaction in ("product_change", "product_change_new_order"):
            response = create_cart(clerk, customer["id"], transaction, contract["id"],
                                   [item("internet-dsl-250")])
            [found] = assert_violations(response, "PRODUCT_CHANGE_REQUEST_REQUIRED")
            assert contract["contract_number"] in found["message_en"]


def test_product_change_fee_is_added_inside_minimum_term(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "centraflex-10", in_minimum_term=True,
                                change_request=ChangeRequestState.APPROVED)
    cart = created_cart(clerk, customer["id"], "product_change", contract["id"],
                        [item("centraflex-50")])
    fee = product_by_code(PRODUCT_CHANGE_FEE_CODE)
    assert fee is not None
    assert [(i["product_code"], i["automatic"]) for i in cart["items"]] == [
        ("centraflex-50", False), (PRODUCT_CHANGE_FEE_CODE, True)]
    assert cart["items"][1]["one_time_net_cents"] == fee.one_time_cents
    assert cart["totals"]["one_time_net_cents"] == sum(
        i["one_time_net_cents"] for i in cart["items"])
    # Changing the items keeps the automatic fee; the clerk cannot order it by hand.
    response = clerk.put(f"/carts/{cart['id']}/items",
                         json={"items": [item("centraflex-50", quantity=2)]})
    assert response.status_code == 200, response.text
    assert [i["automatic"] for i in response.json()["items"]] == [False, True]
    response = clerk.put(f"/carts/{cart['id']}/items", json={"items": [
        item("centraflex-50"), {"product_code": PRODUCT_CHANGE_FEE_CODE, "quantity": 1}]})
    assert_violations(response, "FEE_NOT_ORDERABLE")
    assert clerk.post(f"/carts/{cart['id']}/validate").json()["valid"] is True


def test_product_change_after_minimum_term_has_no_fee(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "centraflex-10")
    cart = created_cart(clerk, customer["id"], "product_change", contract["id"],
                        [item("centraflex-50")])
    assert [i["product_code"] for i in cart["items"]] == ["centraflex-50"]


def test_product_change_needs_another_product(clerk: Api, customer: Json,
                                              contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "ipfonie-trunk-10")
    response = create_cart(clerk, customer["id"], "product_change", contract["id"],
                           [item("ipfonie-trunk-10")])
    [found] = assert_violations(response, "PRODUCT_CHANGE_SAME_PRODUCT")
    assert found["field"] == "items[0].product_code"


def test_product_must_fit_the_contract_family(clerk: Api, customer: Json,
                                              contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100")
    response = create_cart(clerk, customer["id"], "reorder", contract["id"],
                           [item("internet-dsl-250"), item("centraflex-10")])
    [found] = assert_violations(response, "PRODUCT_FAMILY_MISMATCH")
    assert found["field"] == "items[1].product_code"
    assert "(Internet expected)" in found["message_en"]  # the family in words, not its code


def test_usage_location_orders_are_for_voice_products(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100")
    response = create_cart(clerk, customer["id"], "usage_location", contract["id"],
                           [item("internet-dsl-100")])
    assert_violations(response, "VOICE_PRODUCT_REQUIRED")
    voice = contract_factory(customer["id"], "ipfonie-trunk-30")
    cart = created_cart(clerk, customer["id"], "usage_location", voice["id"],
                        [item("ipfonie-trunk-30")])
    assert cart["business_transaction"] == "usage_location"


def test_one_business_transaction_per_cart(clerk: Api, customer: Json) -> None:
    response = create_cart(clerk, customer["id"], "new_order", None, [
        item("centraflex-10"), item("internet-dsl-100", business_transaction="reorder")])
    [found] = assert_violations(response, "MIXED_TRANSACTIONS")
    assert found["field"] == "items[1].business_transaction"
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    response = clerk.put(f"/carts/{cart['id']}/items", json={"items": [
        item("centraflex-10", business_transaction="new_order"),
        item("centraflex-50", business_transaction="usage_location")]})
    assert_violations(response, "MIXED_TRANSACTIONS")


# --- item rules ----------------------------------------------------------------------------


def _location(street: str = "Hafenstraße 12", postal_code: str = "20457", city: str = "Hamburg",
              phones: list[str] | None = None) -> Json:
    return {"address": {"street": street, "postal_code": postal_code, "city": city},
            "phone_numbers": phones or []}


ITEM_CASES: list[tuple[Json, str, str]] = [
    (item("centraflex-10", quantity=0), "QUANTITY_OUT_OF_RANGE", "items[0].quantity"),
    (item("centraflex-10", quantity=1000), "QUANTITY_OUT_OF_RANGE", "items[0].quantity"),
    (item("centraflex-10", options=[{"code": "static-ip-8"}]), "OPTION_NOT_OFFERED",
     "items[0].options[0].code"),
    (item("centraflex-10", options=[{"code": "usage-location"}]), "OPTION_NOT_OFFERED",
     "items[0].options[0].code"),
    (item("centraflex-10", options=[{"code": "minutes-1000", "quantity": 21}]),
     "QUANTITY_OUT_OF_RANGE", "items[0].options[0].quantity"),
    (item("centraflex-10", options=[{"code": "number-porting"}]), "PORTING_NEEDS_NUMBERS",
     "items[0].options[0].phone_numbers"),
    (item("centraflex-10", options=[{"code": "number-porting", "phone_numbers": ["12345"]}]),
     "PHONE_NUMBER_INVALID", "items[0].options[0].phone_numbers[0]"),
    (item("centraflex-10", usage_locations=[]), "USAGE_LOCATION_REQUIRED",
     "items[0].usage_locations"),
    (item("internet-dsl-100", usage_locations=[_location(), _location()]),
     "QUANTITY_OUT_OF_RANGE", "items[0].usage_locations"),
    (item("centraflex-10", usage_locations=[_location(phones=["+49 40 12", "+4940123456"])]),
     "PHONE_NUMBER_INVALID", "items[0].usage_locations[0].phone_numbers[0]"),
    (item("internet-dsl-100", usage_locations=[_location(phones=["+49 40 1234567"])]),
     "PHONE_NUMBERS_NOT_ALLOWED", "items[0].usage_locations[0].phone_numbers"),
    (item("internet-dsl-100", usage_locations=[_location(city="")]), "ADDRESS_INCOMPLETE",
     "items[0].usage_locations[0].address.city"),
    (item("internet-dsl-100", usage_locations=[_location(postal_code="2045")]),
     "POSTAL_CODE_INVALID", "items[0].usage_locations[0].address.postal_code"),
    ({"product_code": "fax-deluxe"}, "PRODUCT_UNKNOWN", "items[0].product_code"),
    ({"product_code": PRODUCT_CHANGE_FEE_CODE}, "FEE_NOT_ORDERABLE", "items[0].product_code"),
]


@pytest.mark.parametrize(("bad_item", "code", "field"), ITEM_CASES,
                         ids=[f"{code}-{index}" for index, (_, code, _f) in enumerate(ITEM_CASES)])
def test_item_rule(clerk: Api, customer: Json, bad_item: Json, code: str, field: str) -> None:
    [found] = assert_violations(create_cart(clerk, customer["id"], "new_order", None, [bad_item]),
                                code)
    assert found["field"] == field
    # The same rule guards changing the items of an existing cart.
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    response = clerk.put(f"/carts/{cart['id']}/items", json={"items": [bad_item]})
    [again] = assert_violations(response, code)
    assert again["field"] == field
    assert clerk.get(f"/carts/{cart['id']}").json()["items"] == cart["items"]


def test_duplicate_option(clerk: Api, customer: Json) -> None:
    bad = item("ipfonie-trunk-10", options=[{"code": "flat-de"}, {"code": "flat-de"}])
    [found] = assert_violations(create_cart(clerk, customer["id"], "new_order", None, [bad]),
                                "OPTION_DUPLICATE")
    assert found["field"] == "items[0].options"


def test_a_request_with_several_problems_lists_all_of_them(clerk: Api, customer: Json) -> None:
    items = [
        item("centraflex-10", quantity=0, options=[
            {"code": "flat-de"}, {"code": "flat-de"}, {"code": "static-ip-8"},
            {"code": "number-porting"}],
             usage_locations=[_location(street="", postal_code="ABCDE",
                                        phones=["not a number"])]),
        item("internet-dsl-100", usage_locations=[], business_transaction="reorder"),
        {"product_code": "fax-deluxe"},
    ]
    violations = assert_violations(
        create_cart(clerk, customer["id"], "new_order", None, items),
        "QUANTITY_OUT_OF_RANGE", "OPTION_DUPLICATE", "OPTION_NOT_OFFERED",
        "PORTING_NEEDS_NUMBERS", "ADDRESS_INCOMPLETE", "POSTAL_CODE_INVALID",
        "PHONE_NUMBER_INVALID", "USAGE_LOCATION_REQUIRED", "MIXED_TRANSACTIONS",
        "PRODUCT_UNKNOWN")
    assert {v["field"] for v in violations} >= {
        "items[0].quantity", "items[0].usage_locations[0].address.street",
        "items[1].usage_locations", "items[1].business_transaction", "items[2].product_code"}


def test_contract_and_item_problems_are_reported_together(
        clerk: Api, customer: Json, contract_factory: ContractFactory) -> None:
    contract = contract_factory(customer["id"], "internet-dsl-100", terminated=True,
                                in_minimum_term=True)
    response = create_cart(clerk, customer["id"], "product_change", contract["id"],
                           [item("internet-dsl-100", quantity=0), item("centraflex-10")])
    assert_violations(response, "CONTRACT_TERMINATED", "PRODUCT_CHANGE_REQUEST_REQUIRED",
                      "PRODUCT_CHANGE_SAME_PRODUCT", "QUANTITY_OUT_OF_RANGE")


# --- carts and quotes -----------------------------------------------------------------------


def test_cart_is_read_only_once_quoted(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    assert quote["state"] == "open"
    after = clerk.get(f"/carts/{cart['id']}").json()
    assert after["state"] == "quoted"
    assert after["quote_id"] == quote["id"]
    response = clerk.put(f"/carts/{cart['id']}/items", json={"items": [item("centraflex-50")]})
    [found] = assert_violations(response, "CART_NOT_OPEN")
    assert "quoted" in found["message_en"]
    response = clerk.put(f"/carts/{cart['id']}/items",
                         json={"items": [item("centraflex-50", quantity=0)]})
    assert_violations(response, "CART_NOT_OPEN", "QUANTITY_OUT_OF_RANGE")
    assert clerk.get(f"/carts/{cart['id']}").json()["items"] == cart["items"]


def test_one_quote_per_cart(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("internet-dsl-250")])
    quote = quote_for(clerk, cart["id"])
    [found] = assert_violations(clerk.post(f"/carts/{cart['id']}/quote"), "QUOTE_EXISTS")
    assert quote["id"] in found["message_en"]
    # Also after the quote was withdrawn.
    assert clerk.post(f"/quotes/{quote['id']}/withdraw").status_code == 200
    assert_violations(clerk.post(f"/carts/{cart['id']}/quote"), "QUOTE_EXISTS")


def test_empty_cart_cannot_become_a_quote(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [])
    [found] = assert_violations(clerk.post(f"/carts/{cart['id']}/quote"), "CART_EMPTY")
    assert found["field"] == "items"
    assert clerk.get(f"/carts/{cart['id']}").json()["state"] == "open"


def test_validate_returns_violations_without_failing(
        live_server: LiveServer, clerk: Api, customer: Json,
        contract_factory: ContractFactory) -> None:
    empty = created_cart(clerk, customer["id"], "new_order", None, [])
    response = clerk.post(f"/carts/{empty['id']}/validate")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    result = response.json()
    assert result["valid"] is False
    assert [v["code"] for v in result["violations"]] == ["CART_EMPTY"]
    assert result["violations"][0]["message_de"] == "Der Warenkorb ist leer."

    # A cart that was fine when created breaks once its contract is terminated.
    contract = contract_factory(customer["id"], "ipfonie-trunk-10")
    cart = created_cart(clerk, customer["id"], "reorder", contract["id"],
                        [item("ipfonie-trunk-10")])
    assert clerk.post(f"/carts/{cart['id']}/validate").json() == {"valid": True,
                                                                  "violations": []}
    with live_server.context.database.write() as session:
        row = session.get(ContractRow, contract["id"])
        assert row is not None
        row.state = ContractState.TERMINATED
    response = clerk.post(f"/carts/{cart['id']}/validate")
    assert response.status_code == 200
    result = response.json()
    assert result["valid"] is False
    assert [v["code"] for v in result["violations"]] == ["CONTRACT_TERMINATED"]
    assert_violations(clerk.post(f"/carts/{cart['id']}/quote"), "CONTRACT_TERMINATED")


def test_quote_state_rules(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    # Not sent yet: the customer cannot decide on it.
    [found] = assert_violations(approve(clerk, quote["id"]), "QUOTE_STATE_INVALID")
    assert "open" in found["message_en"]
    assert clerk.post(f"/quotes/{quote['id']}/withdraw").status_code == 200
    assert_violations(send(clerk, quote["id"]), "QUOTE_STATE_INVALID")
    assert_violations(clerk.post(f"/quotes/{quote['id']}/withdraw"), "QUOTE_STATE_INVALID")
    assert_violations(approve(clerk, quote["id"]), "QUOTE_STATE_INVALID")


def test_rejected_quote_cannot_be_approved_or_ordered(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    assert send(clerk, quote["id"]).status_code == 200
    response = clerk.post(f"/quotes/{quote['id']}/approval",
                          json={"approver_email": "chef@kunde.example", "approve": False})
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "rejected"
    assert_violations(approve(clerk, quote["id"]), "QUOTE_STATE_INVALID")
    assert_violations(order(clerk, cart["id"], quote["id"]), "QUOTE_NOT_APPROVED")


def _expire(live_server: LiveServer, quote_id: str) -> None:
    with live_server.context.database.write() as session:
        row = session.get(QuoteRow, quote_id)
        assert row is not None
        row.valid_until = utcnow().date() - timedelta(days=1)


def test_expired_quote(live_server: LiveServer, clerk: Api, nord_customers: list[Json]) -> None:
    customer = nord_customers[1]
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    _expire(live_server, quote["id"])
    [found] = assert_violations(send(clerk, quote["id"]), "QUOTE_EXPIRED")
    assert found["field"] == "quote.valid_until"
    # Several problems at once: expired and a broken extra recipient.
    assert_violations(send(clerk, quote["id"], "kein-empfänger"), "QUOTE_EXPIRED",
                      "EMAIL_INVALID")

    # Approved first, expired afterwards: it can no longer be ordered.
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    assert send(clerk, quote["id"]).status_code == 200
    sent_cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    sent_quote = quote_for(clerk, sent_cart["id"])
    assert send(clerk, sent_quote["id"]).status_code == 200
    assert approve(clerk, quote["id"]).status_code == 200
    _expire(live_server, quote["id"])
    _expire(live_server, sent_quote["id"])
    assert_violations(approve(clerk, sent_quote["id"]), "QUOTE_EXPIRED")
    [found] = assert_violations(order(clerk, cart["id"], quote["id"]), "QUOTE_EXPIRED")
    assert found["field"] == "quote_id"


def test_extra_recipient_must_be_an_email_address(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("ipfonie-trunk-10")])
    quote = quote_for(clerk, cart["id"])
    for bad in ("projekt(at)partner.example", "a@b", "a..b@partner.example",
                "projekt@partner.example\nBcc: x@evil.example"):
        [found] = assert_violations(send(clerk, quote["id"], bad), "EMAIL_INVALID")
        assert found["field"] == "extra_recipient"
    assert clerk.get(f"/quotes/{quote['id']}").json()["state"] == "open"
    response = send(clerk, quote["id"], "projekt@partner.example")
    assert response.status_code == 200, response.text
    assert response.json()["sent_to"] == [customer["email"], "projekt@partner.example"]


def test_approver_email_is_checked(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("ipfonie-trunk-10")])
    quote = quote_for(clerk, cart["id"])
    assert send(clerk, quote["id"]).status_code == 200
    [found] = assert_violations(approve(clerk, quote["id"], "chef@"), "EMAIL_INVALID")
    assert found["field"] == "approver_email"


def test_provider_approval_rules(clerk: Api, provider: Api, customer: Json,
                                 prospect: Json) -> None:
    cart = created_cart(clerk, prospect["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    assert quote["provider_approval_required"] is True
    assert send(clerk, quote["id"]).status_code == 200
    [found] = assert_violations(clerk.post(f"/quotes/{quote['id']}/provider-approval"),
                                "PROVIDER_STAFF_ONLY")
    assert found["field"] == "user"

    customer_cart = created_cart(clerk, customer["id"], "new_order", None,
                                 [item("centraflex-10")])
    customer_quote = quote_for(clerk, customer_cart["id"])
    assert customer_quote["provider_approval_required"] is False
    assert send(clerk, customer_quote["id"]).status_code == 200
    assert_violations(provider.post(f"/quotes/{customer_quote['id']}/provider-approval"),
                      "PROVIDER_APPROVAL_NOT_REQUIRED")


# --- order submission -----------------------------------------------------------------------


def test_without_power_of_attorney_an_order_needs_a_quote(other_clerk: Api) -> None:
    me = other_clerk.get("/me").json()
    assert me["tenant"]["has_power_of_attorney"] is False
    customer = customers_of(other_clerk, "t-suedwest")[0]
    cart = created_cart(other_clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    [found] = assert_violations(order(other_clerk, cart["id"]), "ORDER_NEEDS_QUOTE")
    assert found["field"] == "quote_id"
    # Several problems: an empty cart without a quote.
    empty = created_cart(other_clerk, customer["id"], "new_order", None, [])
    assert_violations(order(other_clerk, empty["id"]), "CART_EMPTY", "ORDER_NEEDS_QUOTE")
    assert other_clerk.get(f"/carts/{cart['id']}").json()["state"] == "open"


def test_a_prospect_always_needs_a_quote(clerk: Api, prospect: Json) -> None:
    cart = created_cart(clerk, prospect["id"], "new_order", None, [item("centraflex-10")])
    assert_violations(order(clerk, cart["id"]), "ORDER_NEEDS_QUOTE")


def test_quote_must_be_approved_before_ordering(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("internet-dsl-100")])
    quote = quote_for(clerk, cart["id"])
    [found] = assert_violations(order(clerk, cart["id"], quote["id"]), "QUOTE_NOT_APPROVED")
    assert "open" in found["message_en"]
    assert send(clerk, quote["id"]).status_code == 200
    # Even with a power of attorney: once a quote exists, it is the way to order.
    assert_violations(order(clerk, cart["id"]), "QUOTE_NOT_APPROVED")


def test_prospect_quote_needs_the_providers_approval(clerk: Api, prospect: Json) -> None:
    cart = created_cart(clerk, prospect["id"], "new_order", None, [item("ipfonie-trunk-10")])
    quote = quote_for(clerk, cart["id"])
    assert send(clerk, quote["id"]).status_code == 200
    assert_violations(order(clerk, cart["id"], quote["id"]), "QUOTE_NOT_APPROVED",
                      "PROVIDER_APPROVAL_MISSING")
    assert approve(clerk, quote["id"]).status_code == 200
    [found] = assert_violations(order(clerk, cart["id"], quote["id"]),
                                "PROVIDER_APPROVAL_MISSING")
    assert found["field"] == "quote_id"


def test_quote_of_another_cart(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    other = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, other["id"])
    assert_violations(order(clerk, cart["id"], quote["id"]), "QUOTE_OF_OTHER_CART")


def test_a_cart_is_ordered_once(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    first = order(clerk, cart["id"])
    assert first.status_code == 201, first.text
    [found] = assert_violations(order(clerk, cart["id"]), "CART_ALREADY_ORDERED")
    assert found["field"] == "cart_id"
    # An ordered cart can neither be changed, quoted nor deleted.
    assert_violations(clerk.put(f"/carts/{cart['id']}/items",
                                json={"items": [item("centraflex-10")]}), "CART_NOT_OPEN")
    assert_violations(clerk.post(f"/carts/{cart['id']}/quote"), "CART_NOT_OPEN")
    assert_violations(clerk.delete(f"/carts/{cart['id']}"), "CART_ALREADY_ORDERED")


def test_an_ordered_quote_cannot_be_ordered_again(clerk: Api, customer: Json) -> None:
    cart = created_cart(clerk, customer["id"], "new_order", None, [item("centraflex-10")])
    quote = quote_for(clerk, cart["id"])
    assert send(clerk, quote["id"]).status_code == 200
    assert approve(clerk, quote["id"]).status_code == 200
    assert order(clerk, cart["id"], quote["id"]).status_code == 201
    assert_violations(order(clerk, cart["id"], quote["id"]), "CART_ALREADY_ORDERED")
    assert_violations(clerk.post(f"/quotes/{quote['id']}/withdraw"), "QUOTE_STATE_INVALID")
