"""Ordering end to end over HTTP: cart -> quote -> order, idempotency, processing, documents.

Tests that move the processing clock run on a server of their own (the simulator advances every
order of a database), so the shared demo server keeps its statuses.
"""

import hashlib
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE
from desktop_app.domain.enums import ChangeRequestState, RecipientSource
from desktop_app.domain.recipients import confirmation_recipients
from desktop_app.server.db import ContractRow, OrderRow
from sqlalchemy import func, select

from tests.server.databases import seeded_database
from tests.server.live_server import Api, LiveServer, arrange_contract, start_server

Json = dict[str, Any]
ContractFactory = Callable[..., Json]

HAMBURG = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}


def item(code: str, **overrides: Any) -> Json:
    voice = not code.startswith("internet")
    location = {"address": dict(HAMBURG), "phone_numbers": ["+49 40 1234567"] if voice else []}
    return {"product_code": code, "quantity": 1, "usage_locations": [location]} | overrides


def ok(response: httpx.Response, status: int = 200) -> Json:
    assert response.status_code == status, response.text
    body: Json = response.json()
    return body


def ok_list(response: httpx.Response) -> list[Json]:
    assert response.status_code == 200, response.text
    body: list[Json] = response.json()
    assert isinstance(body, list)
    return body


def customers_of(api: Api, tenant_id: str) -> list[Json]:
    parties = ok_list(api.get("/customers", params={"limit": 200}))
    return [party for party in parties if party["tenant_id"] == tenant_id
            and party["kind"] == "customer" and party["email"]]


def new_cart(api: Api, customer_id: str, items: list[Json], transaction: str = "new_order",
             contract_id: str | None = None) -> Json:
    body: Json = {"customer_id": customer_id, "business_transaction": transaction,
                  "contract_id": contract_id, "items": items}
    return ok(api.post("/carts", json=body), 201)


def approved_quote(api: Api, cart_id: str, approver: str, extra: str | None = None) -> Json:
    quote = ok(api.post(f"/carts/{cart_id}/quote"), 201)
    ok(api.post(f"/quotes/{quote['id']}/send", json={"extra_recipient": extra}))
    return ok(api.post(f"/quotes/{quote['id']}/approval", json={"approver_email": approver}))


def submit(api: Api, cart_id: str, quote_id: str | None = None,
           key: str | None = None) -> httpx.Response:
    body: Json = {"cart_id": cart_id}
    if quote_id is not None:
        body["quote_id"] = quote_id
    return api.post("/orders", json=body, headers={"Idempotency-Key": key or str(uuid.uuid4())})


def orders_for_cart(server: LiveServer, cart_id: str) -> int:
    with server.context.database.read() as session:
        count: int = session.scalar(select(func.count()).select_from(OrderRow)
                                    .where(OrderRow.cart_id == cart_id)) or 0
        return count


def all_orders(server: LiveServer) -> int:
    with server.context.database.read() as session:
        count: int = session.scalar(select(func.count()).select_from(OrderRow)) or 0
        return count


def expected_recipients(candidates: list[tuple[RecipientSource, str | None]]) -> list[Json]:
    merged = confirmation_recipients(candidates)
    assert not merged.problems
    return [{"email": r.email, "sources": [s.value for s in r.sources]}
            for r in merged.recipients]


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).replace(tzinfo=None)


def make_contract_factory(server: LiveServer) -> ContractFactory:
    """A fresh running contract of a demo customer, arranged in the server's database."""

    def make(customer_id: str, product_code: str, *, in_minimum_term: bool = False,
             change_request: ChangeRequestState = ChangeRequestState.NONE) -> Json:
        contract_id = arrange_contract(server, customer_id, product_code,
                                       in_minimum_term=in_minimum_term,
                                       change_request=change_request)
        with server.context.database.read() as session:
            row = session.get(ContractRow, contract_id)
            assert row is not None
            return {"id": row.id, "contract_number": row.contract_number}

    return make


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nord_customers(live_server: LiveServer) -> list[Json]:
    api = Api(live_server, "max.nord")
    found = customers_of(api, "t-nordlicht")
    api.close()
    assert len(found) >= 3
    return found


@pytest.fixture
def customer(nord_customers: list[Json]) -> Json:
    return nord_customers[2]


@pytest.fixture
def me(clerk: Api) -> Json:
    return ok(clerk.get("/me"))


def new_prospect(api: Api) -> Json:
    party = ok(api.post("/customers", json={
        "company": f"Startup {uuid.uuid4().hex[:6]} GmbH", "contact_name": "Pia Neu",
        "email": "Buchhaltung@Startup.example", "address": HAMBURG}), 201)
    assert party["kind"] == "prospect"
    return party


@pytest.fixture(scope="module")
def sim_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of its own whose processing clock the tests may move."""
    with seeded_database(tmp_path_factory.mktemp("simulated")) as url:
        server = start_server(url)
        yield server
        server.stop()


@pytest.fixture(scope="module")
def sim_clerk(sim_server: LiveServer) -> Iterator[Api]:
    api = Api(sim_server, "max.nord")
    yield api
    api.close()


def advance(server: LiveServer, now: datetime) -> None:
    """Simulator rounds at `now` until nothing is due any more (a round moves 200 at most)."""
    for _ in range(50):
        if server.context.simulator.advance(now=now) == 0:
            return
    raise AssertionError("the simulator did not settle")


# --- the happy paths ------------------------------------------------------------------------


def test_cart_quote_approval_order_confirmation(live_server: LiveServer, clerk: Api, me: Json,
                                                customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10", options=[
        {"code": "flat-de"}, {"code": "number-porting", "phone_numbers": ["040 7654321"]}])])
    quote = ok(clerk.post(f"/carts/{cart['id']}/quote"), 201)
    assert quote["created_by"] == me["user_id"]
    assert quote["totals"] == cart["totals"]
    sent = ok(clerk.post(f"/quotes/{quote['id']}/send",
                         json={"extra_recipient": " projekt@partner.example "}))
    assert sent["state"] == "sent"
    assert sent["extra_recipient"] == "projekt@partner.example"
    assert sent["sent_to"] == [customer["email"], "projekt@partner.example"]
    [quote_mail] = ok_list(clerk.get("/outbox", params={"reference_id": quote["id"]}))
    assert quote_mail["kind"] == "quote"
    assert [r["email"] for r in quote_mail["recipients"]] == sent["sent_to"]

    # The approver types the customer's master-data address in other letters.
    approver = customer["email"].upper()
    approved = ok(clerk.post(f"/quotes/{quote['id']}/approval",
                             json={"approver_email": approver}))
    assert approved["state"] == "approved"
    assert approved["approver_email"] == approver

    before = all_orders(live_server)
    response = submit(clerk, cart["id"], quote["id"])
    confirmation = ok(response, 201)
    assert all_orders(live_server) == before + 1
    order = confirmation["order"]
    assert order["status"] == "received"
    assert order["cart_id"] == cart["id"]
    assert order["quote_id"] == quote["id"]
    assert order["quote_number"] == quote["quote_number"]
    assert order["customer_id"] == customer["id"]
    assert order["business_transaction"] == "new_order"
    assert order["approver_email"] == approver
    assert order["contract_number"] is None
    assert order["items"] == cart["items"]
    assert order["totals"] == cart["totals"]
    assert [e["status"] for e in order["history"]] == ["received"]
    assert confirmation["documents"] == order["documents"]
    assert [d["kind"] for d in confirmation["documents"]] == ["confirmation", "product_sheet"]

    expected = expected_recipients([
        (RecipientSource.CUSTOMER_MASTER_DATA, customer["email"]),
        (RecipientSource.CONFIRMING_USER, me["email"]),
        (RecipientSource.APPROVER, approver),
        (RecipientSource.QUOTE_CREATOR, me["email"]),
        (RecipientSource.TENANT_MASTER_DATA, me["tenant"]["email"]),
    ])
    assert confirmation["recipients"] == expected
    assert expected == [
        {"email": customer["email"], "sources": ["customer_master_data", "approver"]},
        {"email": me["email"], "sources": ["confirming_user", "quote_creator"]},
        {"email": me["tenant"]["email"], "sources": ["tenant_master_data"]},
    ]
    assert confirmation["recipient_problems"] == []
    assert order["recipients"] == expected

    [mail] = ok_list(clerk.get("/outbox", params={"reference_id": order["id"]}))
    assert mail["kind"] == "order_confirmation"
    assert order["order_number"] in mail["subject"]
    assert mail["recipients"] == expected

    assert ok(clerk.get(f"/orders/{order['id']}"))["order_number"] == order["order_number"]
    assert ok(clerk.get(f"/carts/{cart['id']}"))["state"] == "ordered"
    assert ok(clerk.get(f"/quotes/{quote['id']}"))["state"] == "ordered"


def test_five_distinct_recipient_sources(clerk: Api, me: Json, live_server: LiveServer) -> None:
    """Quote made by a clerk of the sub-tenant, order confirmed by a clerk of the parent."""
    lena = Api(live_server, "lena.hh")
    try:
        lena_me = ok(lena.get("/me"))
        hh_customer = customers_of(lena, "t-nordlicht-hh")[0]
        cart = new_cart(lena, hh_customer["id"], [item("ipfonie-trunk-10")])
        quote = approved_quote(lena, cart["id"], "freigabe@kunde.example")
    finally:
        lena.close()
    confirmation = ok(submit(clerk, cart["id"], quote["id"]), 201)
    expected = expected_recipients([
        (RecipientSource.TENANT_MASTER_DATA, lena_me["tenant"]["email"]),
        (RecipientSource.QUOTE_CREATOR, lena_me["email"]),
        (RecipientSource.APPROVER, "freigabe@kunde.example"),
        (RecipientSource.CONFIRMING_USER, me["email"]),
        (RecipientSource.CUSTOMER_MASTER_DATA, hh_customer["email"]),
    ])
    assert [r["sources"] for r in expected] == [[s.value] for s in RecipientSource]
    assert confirmation["recipients"] == expected
    order = confirmation["order"]
    assert order["created_by"] == me["user_id"]
    assert order["quote_created_by_name"] == lena_me["display_name"]
    assert order["tenant_id"] == "t-nordlicht-hh"


def test_power_of_attorney_orders_without_a_quote(live_server: LiveServer, clerk: Api, me: Json,
                                                  customer: Json) -> None:
    assert me["tenant"]["has_power_of_attorney"] is True
    cart = new_cart(clerk, customer["id"], [item("internet-dsl-250")])
    confirmation = ok(submit(clerk, cart["id"]), 201)
    order = confirmation["order"]
    assert order["quote_id"] is None
    assert order["quote_number"] is None
    assert order["approver_email"] is None
    expected = expected_recipients([
        (RecipientSource.CUSTOMER_MASTER_DATA, customer["email"]),
        (RecipientSource.CONFIRMING_USER, me["email"]),
        (RecipientSource.TENANT_MASTER_DATA, me["tenant"]["email"]),
    ])
    assert confirmation["recipients"] == expected
    assert {s for r in expected for s in r["sources"]} == {
        "customer_master_data", "confirming_user", "tenant_master_data"}
    [mail] = ok_list(clerk.get("/outbox", params={"reference_id": order["id"]}))
    assert mail["recipients"] == expected
    assert orders_for_cart(live_server, cart["id"]) == 1


def test_prospect_order_needs_the_providers_approval(clerk: Api, provider: Api) -> None:
    prospect = new_prospect(clerk)
    cart = new_cart(clerk, prospect["id"], [item("centraflex-50")])
    quote = approved_quote(clerk, cart["id"], "chefin@startup.example")
    assert quote["provider_approval_required"] is True
    refused = submit(clerk, cart["id"], quote["id"])
    assert refused.status_code == 422
    assert [v["code"] for v in refused.json()["violations"]] == ["PROVIDER_APPROVAL_MISSING"]

    provider_me = ok(provider.get("/me"))
    checked = ok(provider.post(f"/quotes/{quote['id']}/provider-approval"))
    assert checked["provider_approved_by"] == provider_me["user_id"]
    assert checked["provider_approved_at"] is not None
    assert checked["state"] == "approved"

    confirmation = ok(submit(clerk, cart["id"], quote["id"]), 201)
    assert confirmation["order"]["customer_id"] == prospect["id"]
    assert confirmation["recipients"][0] == {"email": prospect["email"],
                                             "sources": ["customer_master_data"]}


# --- idempotency ----------------------------------------------------------------------------


def test_same_key_same_body_replays_the_confirmation(live_server: LiveServer, clerk: Api,
                                                     customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    key = f"test-{uuid.uuid4()}"
    before = all_orders(live_server)
    first = submit(clerk, cart["id"], key=key)
    second = submit(clerk, cart["id"], key=key)
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second.json() == first.json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert all_orders(live_server) == before + 1
    assert orders_for_cart(live_server, cart["id"]) == 1


def test_same_key_different_body_is_refused(live_server: LiveServer, clerk: Api,
                                            customer: Json) -> None:
    first_cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    other_cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    key = f"test-{uuid.uuid4()}"
    ok(submit(clerk, first_cart["id"], key=key), 201)
    response = submit(clerk, other_cart["id"], key=key)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert orders_for_cart(live_server, other_cart["id"]) == 0
    assert ok(clerk.get(f"/carts/{other_cart['id']}"))["state"] == "open"


@pytest.mark.parametrize("headers", [{}, {"Idempotency-Key": ""}])
def test_missing_key_is_a_bad_request(live_server: LiveServer, clerk: Api, customer: Json,
                                      headers: dict[str, str]) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    response = clerk.post("/orders", json={"cart_id": cart["id"]}, headers=headers)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert orders_for_cart(live_server, cart["id"]) == 0


def test_refused_submission_can_be_retried_with_the_same_key(
        live_server: LiveServer, clerk: Api, customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    quote = ok(clerk.post(f"/carts/{cart['id']}/quote"), 201)
    key = f"test-{uuid.uuid4()}"
    assert submit(clerk, cart["id"], quote["id"], key).status_code == 422
    ok(clerk.post(f"/quotes/{quote['id']}/send", json={}))
    ok(clerk.post(f"/quotes/{quote['id']}/approval", json={"approver_email": "a@kunde.example"}))
    ok(submit(clerk, cart["id"], quote["id"], key), 201)
    assert orders_for_cart(live_server, cart["id"]) == 1


def test_concurrent_submissions_with_one_key_create_one_order(
        live_server: LiveServer, clerk: Api, customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("ipfonie-trunk-30")])
    key = f"test-{uuid.uuid4()}"
    barrier = threading.Barrier(4)
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def post() -> None:
        with httpx.Client(base_url=live_server.api, timeout=30) as http:
            barrier.wait()
            response = http.post("/orders", json={"cart_id": cart["id"]},
                                 headers=clerk.headers({"Idempotency-Key": key}))
        with lock:
            responses.append(response)

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(responses) == 4
    assert [r.status_code for r in responses] == [201] * 4, [r.text for r in responses]
    assert len({r.content for r in responses}) == 1
    assert orders_for_cart(live_server, cart["id"]) == 1


def test_idempotency_survives_a_restart(tmp_path: Path) -> None:
    with seeded_database(tmp_path) as url:
        _idempotency_survives_a_restart(url)


def _idempotency_survives_a_restart(url: str) -> None:
    server = start_server(url)
    api = Api(server, "max.nord")
    try:
        customer = customers_of(api, "t-nordlicht")[0]
        cart = new_cart(api, customer["id"], [item("centraflex-10")])
        first = submit(api, cart["id"], key="restart-key-1")
        assert first.status_code == 201, first.text
    finally:
        api.close()
        server.stop()

    again = start_server(url)
    api = Api(again, "max.nord")
    try:
        before = all_orders(again)
        second = submit(api, cart["id"], key="restart-key-1")
        assert second.status_code == 201
        assert second.json() == first.json()
        assert second.content == first.content
        assert orders_for_cart(again, cart["id"]) == 1
        assert all_orders(again) == before
        # A new key for the same cart is a new attempt, which the rules refuse.
        third = submit(api, cart["id"], key="restart-key-2")
        assert third.status_code == 422
        assert [v["code"] for v in third.json()["violations"]] == ["CART_ALREADY_ORDERED"]
    finally:
        api.close()
        again.stop()


# --- processing -----------------------------------------------------------------------------


def test_new_order_is_processed_into_a_new_contract(sim_server: LiveServer,
                                                    sim_clerk: Api) -> None:
    customer = customers_of(sim_clerk, "t-nordlicht")[0]
    contracts_before = {c["id"] for c in ok_list(sim_clerk.get(
        f"/customers/{customer['id']}/contracts"))}
    cart = new_cart(sim_clerk, customer["id"], [item("internet-ll-100")])
    order = ok(submit(sim_clerk, cart["id"]), 201)["order"]
    assert order["automation"] == "manual"
    created = parse(order["created_at"])
    assert parse(order["expected_completion_at"]) - created >= timedelta(days=1)

    advance(sim_server, created + timedelta(days=1, hours=1))
    processing = ok(sim_clerk.get(f"/orders/{order['id']}"))
    assert processing["status"] == "in_processing"
    assert processing["contract_number"] is None
    assert [e["status"] for e in processing["history"]] == ["received", "in_processing"]

    advance(sim_server, created + timedelta(days=20))
    done = ok(sim_clerk.get(f"/orders/{order['id']}"))
    assert done["status"] == "completed"
    assert done["clearing_note"] is None
    history = done["history"]
    assert [e["status"] for e in history] == ["received", "in_processing", "completed"]
    moments = [parse(e["at"]) for e in history]
    assert moments == sorted(moments)
    assert moments[0] == created
    assert done["contract_id"] not in contracts_before
    assert done["contract_number"].startswith("VT-")
    contract = ok(sim_clerk.get(f"/contracts/{done['contract_id']}"))
    assert contract["contract_number"] == done["contract_number"]
    assert contract["customer_id"] == customer["id"]
    assert contract["product_code"] == "internet-ll-100"
    assert contract["state"] == "running"
    listed = ok_list(sim_clerk.get(f"/customers/{customer['id']}/contracts"))
    assert done["contract_id"] in {c["id"] for c in listed}


def test_reorder_of_a_voice_product_is_fully_automated(sim_server: LiveServer,
                                                       sim_clerk: Api) -> None:
    customer = customers_of(sim_clerk, "t-nordlicht")[1]
    make = make_contract_factory(sim_server)
    for code in ("centraflex-10", "ipfonie-trunk-10"):
        contract = make(customer["id"], code)
        cart = new_cart(sim_clerk, customer["id"], [item(code)], "reorder", contract["id"])
        order = ok(submit(sim_clerk, cart["id"]), 201)["order"]
        assert order["automation"] == "full"
        assert order["contract_id"] == contract["id"]
        created = parse(order["created_at"])
        due = parse(order["expected_completion_at"]) - created
        assert timedelta(0) < due <= timedelta(minutes=10)

        advance(sim_server, created + timedelta(minutes=10))
        done = ok(sim_clerk.get(f"/orders/{order['id']}"))
        assert done["status"] == "completed"
        assert [e["status"] for e in done["history"]] == ["received", "in_processing",
                                                          "completed"]
        # A reorder adjusts the existing contract and keeps its number.
        assert done["contract_id"] == contract["id"]
        assert done["contract_number"] == contract["contract_number"]
        after = ok(sim_clerk.get(f"/contracts/{contract['id']}"))
        assert after["contract_number"] == contract["contract_number"]


def test_usage_location_order_for_voice_is_fully_automated(sim_server: LiveServer,
                                                           sim_clerk: Api) -> None:
    customer = customers_of(sim_clerk, "t-nordlicht")[1]
    contract = make_contract_factory(sim_server)(customer["id"], "ipfonie-trunk-30")
    cart = new_cart(sim_clerk, customer["id"], [item("ipfonie-trunk-30")], "usage_location",
                    contract["id"])
    order = ok(submit(sim_clerk, cart["id"]), 201)["order"]
    assert order["automation"] == "full"
    assert parse(order["expected_completion_at"]) - parse(order["created_at"]) \
        <= timedelta(minutes=10)


def test_manual_and_partial_orders_take_days(sim_clerk: Api) -> None:
    customer = customers_of(sim_clerk, "t-nordlicht")[2]
    for code, degree in (("internet-dsl-100", "manual"), ("centraflex-10", "partial")):
        cart = new_cart(sim_clerk, customer["id"], [item(code)])
        order = ok(submit(sim_clerk, cart["id"]), 201)["order"]
        assert order["automation"] == degree
        assert parse(order["expected_completion_at"]) - parse(order["created_at"]) \
            >= timedelta(days=1)


def test_product_change_gets_a_new_contract_number(sim_server: LiveServer,
                                                   sim_clerk: Api) -> None:
    customer = customers_of(sim_clerk, "t-nordlicht")[3]
    contract = make_contract_factory(sim_server)(
        customer["id"], "ipfonie-trunk-10", in_minimum_term=True,
        change_request=ChangeRequestState.APPROVED)
    cart = new_cart(sim_clerk, customer["id"], [item("ipfonie-trunk-30")], "product_change",
                    contract["id"])
    assert [i["product_code"] for i in cart["items"]] == ["ipfonie-trunk-30",
                                                          PRODUCT_CHANGE_FEE_CODE]
    confirmation = ok(submit(sim_clerk, cart["id"]), 201)
    order = confirmation["order"]
    assert order["product_code"] == "ipfonie-trunk-30"
    # One product sheet per product; the fee has none.
    assert [d["id"] for d in confirmation["documents"]] == [
        f"{order['id']}.confirmation", f"{order['id']}.sheet.ipfonie-trunk-30"]

    advance(sim_server, parse(order["created_at"]) + timedelta(days=10))
    done = ok(sim_clerk.get(f"/orders/{order['id']}"))
    assert done["status"] == "completed"
    assert done["contract_id"] == contract["id"]  # technical components are kept
    assert done["contract_number"] != contract["contract_number"]
    changed = ok(sim_clerk.get(f"/contracts/{contract['id']}"))
    assert changed["contract_number"] == done["contract_number"]
    assert changed["product_code"] == "ipfonie-trunk-30"
    assert changed["change_request"] == "none"
    assert changed["start_date"] == parse(done["history"][-1]["at"]).date().isoformat()


def test_prospect_becomes_a_customer_with_its_first_order(sim_server: LiveServer,
                                                          sim_clerk: Api) -> None:
    provider = Api(sim_server, "anna.berger")
    try:
        prospect = new_prospect(sim_clerk)
        cart = new_cart(sim_clerk, prospect["id"], [item("centraflex-10")])
        quote = approved_quote(sim_clerk, cart["id"], "chefin@startup.example")
        ok(provider.post(f"/quotes/{quote['id']}/provider-approval"))
    finally:
        provider.close()
    order = ok(submit(sim_clerk, cart["id"], quote["id"]), 201)["order"]
    assert ok(sim_clerk.get(f"/customers/{prospect['id']}"))["kind"] == "prospect"

    advance(sim_server, parse(order["created_at"]) + timedelta(days=20))
    done = ok(sim_clerk.get(f"/orders/{order['id']}"))
    assert done["status"] == "completed"
    party = ok(sim_clerk.get(f"/customers/{prospect['id']}"))
    assert party["kind"] == "customer"
    assert [c["id"] for c in ok_list(sim_clerk.get(
        f"/customers/{prospect['id']}/contracts"))] == [done["contract_id"]]


# --- documents ------------------------------------------------------------------------------


def test_order_documents_are_stable_pdfs(clerk: Api, customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10"), item("internet-dsl-100"),
                                            item("centraflex-10", quantity=2)])
    order = ok(submit(clerk, cart["id"]), 201)["order"]
    listed = ok_list(clerk.get(f"/orders/{order['id']}/documents"))
    assert [(d["id"], d["kind"]) for d in listed] == [
        (f"{order['id']}.confirmation", "confirmation"),
        (f"{order['id']}.sheet.centraflex-10", "product_sheet"),
        (f"{order['id']}.sheet.internet-dsl-100", "product_sheet")]
    for document in listed:
        assert document["order_id"] == order["id"]
        assert document["media_type"] == "application/pdf"
        assert document["size"] > 0
        assert len(document["sha256"]) == 64
        first = clerk.get(f"/documents/{document['id']}")
        second = clerk.get(f"/documents/{document['id']}")
        assert first.status_code == second.status_code == 200
        assert first.headers["content-type"] == "application/pdf"
        assert first.content.startswith(b"%PDF")
        digest = hashlib.sha256(first.content).hexdigest()
        assert digest == first.headers["X-Content-SHA256"] == document["sha256"]
        assert len(first.content) == document["size"]
        assert second.content == first.content
        assert document["filename"] in first.headers["content-disposition"]
    # The order itself now lists the same digests.
    assert ok(clerk.get(f"/orders/{order['id']}"))["documents"] == listed
    assert ok_list(clerk.get(f"/orders/{order['id']}/documents")) == listed


def test_unknown_documents_are_not_found(clerk: Api, customer: Json) -> None:
    cart = new_cart(clerk, customer["id"], [item("centraflex-10")])
    order = ok(submit(clerk, cart["id"]), 201)["order"]
    for document_id in (f"{order['id']}.sheet.internet-dsl-100", f"{order['id']}.invoice",
                        "order-0000000000000000.confirmation", "nothing"):
        response = clerk.get(f"/documents/{document_id}")
        assert response.status_code == 404, document_id
        assert response.headers["content-type"].startswith("application/problem+json")
    assert clerk.get("/orders/order-0000000000000000/documents").status_code == 404
