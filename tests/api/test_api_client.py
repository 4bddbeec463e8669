"""Typed calls against the live reference server, and bad responses from a stub."""

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from desktop_app.api import (
    ApiClient,
    ApiSettings,
    AuthSession,
    BadRequestError,
    CursorGoneError,
    InvalidResponseError,
    NotFoundError,
    NoTokenStore,
    RuleViolationError,
    ServerError,
    new_idempotency_key,
)
from desktop_app.contract.carts import CartCreate, CartItemIn, UsageLocationIn
from desktop_app.contract.changes import ChangePage
from desktop_app.contract.orders import OrderCreate
from desktop_app.contract.parties import AddressIn, ProspectCreate
from desktop_app.domain.enums import BusinessTransaction, OrderStatus, QuoteState
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD

from tests.api.api_support import ME, Reply, StubServer, stub_client

HAMBURG = AddressIn(street="Hafenstraße 12", postal_code="20457", city="Hamburg")


@pytest.fixture
def client(api_server: EmbeddedServer) -> Iterator[ApiClient]:
    settings = ApiSettings(api_server.api, max_retries=1, backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    api = ApiClient(settings, auth)
    yield api
    api.close()


def centraflex() -> CartItemIn:
    return CartItemIn(product_code="centraflex-10",
                      usage_locations=[UsageLocationIn(address=HAMBURG,
                                                       phone_numbers=["+49 40 1234567"])])


def a_customer_id(client: ApiClient) -> str:
    me = client.me()
    return next(p.id for p in client.customers(limit=200)
                if p.tenant_id == me.tenant.id and p.kind == "customer" and p.email)


def test_catalog_with_etags(client: ApiClient) -> None:
    statuses, etag = client.statuses()
    assert statuses is not None and etag
    assert {s.code for s in statuses} >= {OrderStatus.RECEIVED, OrderStatus.COMPLETED}
    assert client.statuses(etag) == (None, etag)
    transactions, bt_etag = client.business_transactions()
    assert transactions and bt_etag
    assert client.business_transactions(bt_etag)[0] is None
    products, p_etag = client.products()
    assert products and any(p.code == "centraflex-10" for p in products)
    assert client.products(p_etag)[0] is None
    assert client.products('"stale"')[0] == products


def test_change_feed_typed_and_raw(client: ApiClient) -> None:
    page = client.changes(limit=20)
    assert len(page.changes) == 20 and page.has_more
    raw = client.changes_raw(limit=20)
    assert isinstance(raw, bytes)
    assert ChangePage.model_validate_json(raw) == page
    following = client.changes(page.next_cursor, limit=20)
    assert following.changes[0].seq > page.changes[-1].seq


def test_a_cursor_too_old_is_cursor_gone(client: ApiClient) -> None:
    with pytest.raises(CursorGoneError) as caught:
        client.changes("99999.1")
    assert "neu geladen" in caught.value.message("de")
    with pytest.raises(BadRequestError) as invalid:
        client.changes("not-a-cursor")
    assert invalid.value.status == 400


def test_unknown_order_is_not_found(client: ApiClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.order("order-does-not-exist")
    assert "nicht gefunden" in caught.value.message("de")
    with pytest.raises(ValueError, match="identifier"):
        client.order("../me")


def test_rule_violations_carry_their_codes(client: ApiClient) -> None:
    customer_id = a_customer_id(client)
    with pytest.raises(RuleViolationError) as caught:
        client.create_cart(CartCreate(customer_id=customer_id,
                                      business_transaction=BusinessTransaction.NEW_ORDER,
                                      items=[CartItemIn(product_code="no-such-product")]))
    assert "PRODUCT_UNKNOWN" in caught.value.codes
    assert "no-such-product" in caught.value.message("de")
    assert caught.value.violations[0].message_en in caught.value.message("en")


def test_cart_to_order_with_one_idempotency_key(client: ApiClient) -> None:
    customer_id = a_customer_id(client)
    cart = client.create_cart(CartCreate(customer_id=customer_id,
                                         business_transaction=BusinessTransaction.NEW_ORDER))
    assert client.validate_cart(cart.id).valid is False
    cart = client.replace_items(cart.id, [centraflex()])
    assert client.get_cart(cart.id) == cart
    assert client.validate_cart(cart.id).valid
    key = new_idempotency_key()
    confirmation = client.submit_order(OrderCreate(cart_id=cart.id), key)
    again = client.submit_order(OrderCreate(cart_id=cart.id), key)
    assert again == confirmation
    order = client.order(confirmation.order.id)
    assert order.cart_id == cart.id and order.status is OrderStatus.RECEIVED
    documents = client.order_documents(order.id)
    assert documents
    content, sha256 = client.document(documents[0].id)
    assert content.startswith(b"%PDF")
    assert sha256 == hashlib.sha256(content).hexdigest() == documents[0].sha256
    mails = client.outbox(reference_id=order.id)
    assert mails and all(m.reference_id == order.id for m in mails)
    assert {r.email for r in mails[0].recipients} == {r.email for r in confirmation.recipients}
    with pytest.raises(RuleViolationError) as caught:
        client.submit_order(OrderCreate(cart_id=cart.id), new_idempotency_key())
    assert caught.value.codes == ["CART_ALREADY_ORDERED"]


def test_quote_flow_and_cart_deletion(client: ApiClient) -> None:
    customer_id = a_customer_id(client)
    cart = client.create_cart(CartCreate(customer_id=customer_id,
                                         business_transaction=BusinessTransaction.NEW_ORDER,
                                         items=[centraflex()]))
    quote = client.create_quote(cart.id)
    assert client.quote(quote.id) == quote
    sent = client.send_quote(quote.id, extra_recipient="einkauf@example.test")
    assert sent.state is QuoteState.SENT and "einkauf@example.test" in sent.sent_to
    assert client.withdraw_quote(quote.id).state is QuoteState.WITHDRAWN
    other = client.create_cart(CartCreate(customer_id=customer_id,
                                          business_transaction=BusinessTransaction.NEW_ORDER,
                                          items=[centraflex()]))
    second = client.send_quote(client.create_quote(other.id).id)
    approved = client.customer_decision(second.id, "chefin@example.test")
    assert approved.approver_email == "chefin@example.test"
    spare = client.create_cart(CartCreate(customer_id=customer_id,
                                          business_transaction=BusinessTransaction.NEW_ORDER))
    client.delete_cart(spare.id)
    with pytest.raises((NotFoundError, BadRequestError)):
        client.get_cart(spare.id)


def test_customers_contracts_and_prospects(client: ApiClient) -> None:
    customer_id = a_customer_id(client)
    assert client.customer(customer_id).id == customer_id
    for contract in client.customer_contracts(customer_id):
        assert client.contract(contract.id) == contract
    prospect = client.create_prospect(ProspectCreate(
        company="Neukunde GmbH", contact_name="Nina Neu", email="nina@example.test",
        address=HAMBURG))
    assert prospect.kind == "prospect"
    with pytest.raises(RuleViolationError) as caught:
        client.create_prospect(ProspectCreate(company="X", contact_name="Y", email="kaputt",
                                              address=HAMBURG))
    assert caught.value.codes


# --- responses that break the contract -----------------------------------------------------


def test_schema_violating_page_names_the_field(stub: StubServer) -> None:
    client = stub_client(stub)
    stub.script("GET", "/changes", Reply(200, {
        "changes": [{"seq": "not-a-number", "kind": "order", "op": "upsert", "id": "o-1",
                     "data": {}}], "next_cursor": "1.1", "has_more": False}))
    try:
        with pytest.raises(InvalidResponseError) as caught:
            client.changes()
    finally:
        client.close()
    text = caught.value.message("de")
    assert "changes.0.seq" in text
    assert "not-a-number" not in text  # field paths, not values
    assert text.startswith("Die Antwort des Servers ist ungültig")


@pytest.mark.parametrize("reply", [
    Reply(200, "<html>captive portal</html>"),
    Reply(200, b""),
    Reply(200, {"user_id": "u-1"}),
    Reply(200, [ME]),
])
def test_invalid_me_response_is_invalid_response(stub: StubServer, reply: Reply) -> None:
    client = stub_client(stub)
    stub.script("GET", "/me", reply)
    try:
        with pytest.raises(InvalidResponseError):
            client.me()
    finally:
        client.close()


def test_invalid_token_response_on_login(stub: StubServer) -> None:
    stub.script("POST", "/auth/token", Reply(200, {"access_token": "leaky-access-123"}))
    with pytest.raises(InvalidResponseError) as caught:
        stub_client(stub)
    assert "refresh_token" in caught.value.message("en")
    assert "leaky-access-123" not in caught.value.message("en")


def test_document_with_a_wrong_checksum_is_invalid(stub: StubServer) -> None:
    client = stub_client(stub)
    stub.script("GET", "/documents/o-1.confirmation",
                Reply(200, b"%PDF-1.7 x", {"X-Content-SHA256": "0" * 64}))
    try:
        with pytest.raises(InvalidResponseError, match="sha256"):
            client.document("o-1.confirmation")
    finally:
        client.close()


@pytest.mark.parametrize(("reply", "error", "status"), [
    (Reply(500, "<h1>boom</h1>"), ServerError, 500),
    (Reply(418, {"title": "I'm a teapot", "status": 418},
           {"Content-Type": "application/problem+json"}), BadRequestError, 418),
    (Reply(302, b"", {"Location": "https://elsewhere.example/"}), ServerError, 302),
    (Reply(204), ServerError, 204),
])
def test_unexpected_statuses(stub: StubServer, reply: Reply, error: type[Exception],
                             status: int) -> None:
    client = stub_client(stub)
    stub.script("GET", "/customers", reply)
    try:
        with pytest.raises(error) as caught:
            client.customers()
    finally:
        client.close()
    assert getattr(caught.value, "status", None) == status


def test_request_validation_problem_is_a_bad_request(stub: StubServer) -> None:
    client = stub_client(stub)
    problem: dict[str, Any] = {"title": "Invalid request", "status": 422,
                               "errors": [{"loc": ["body", "items"], "type": "x", "msg": "y"}]}
    stub.script("POST", "/carts/c-1/validate",
                Reply(422, problem, {"Content-Type": "application/problem+json"}))
    try:
        with pytest.raises(BadRequestError) as caught:
            client.validate_cart("c-1")
    finally:
        client.close()
    assert "body.items" in caught.value.message("en")
    assert json.dumps(problem)  # the problem body itself is not echoed beyond title/fields
