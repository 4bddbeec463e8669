"""Tenant isolation: a clerk sees only its own tenant and sub-tenants; foreign ids are 404."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.server.counters import current_value
from desktop_app.server.database import FEED_SEQ
from desktop_app.server.db import (
    CartRow,
    ChangeRow,
    ContractRow,
    OrderRow,
    OutboxRow,
    PartyRow,
    QuoteRow,
)
from sqlalchemy import func, select

from tests.server.live_server import Api, LiveServer

NORDLICHT = frozenset({"t-nordlicht", "t-nordlicht-hh"})
HAMBURG = frozenset({"t-nordlicht-hh"})
SUEDWEST = frozenset({"t-suedwest"})
PARTNERS = frozenset({"t-nordlicht", "t-nordlicht-hh", "t-suedwest", "t-rheinmain"})

LOCATION = {"address": {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
            "phone_numbers": []}
DSL_ITEM = {"product_code": "internet-dsl-100", "quantity": 1, "usage_locations": [LOCATION]}


@dataclass(frozen=True)
class Records:
    """One record of every kind that belongs to a given tenant."""

    customer: str
    contract: str
    cart: str
    quote: str
    order: str

    @property
    def document(self) -> str:
        return f"{self.order}.confirmation"


def _records(live_server: LiveServer, tenant_id: str) -> Records:
    with live_server.context.database.read() as session:
        def first(model: type[Any]) -> str:
            found = session.scalar(select(model.id).where(model.tenant_id == tenant_id)
                                   .order_by(model.id).limit(1))
            assert found is not None, (model, tenant_id)
            return str(found)

        return Records(customer=first(PartyRow), contract=first(ContractRow),
                       cart=first(CartRow), quote=first(QuoteRow), order=first(OrderRow))


@pytest.fixture(scope="module")
def suedwest(live_server: LiveServer) -> Records:
    return _records(live_server, "t-suedwest")


@pytest.fixture(scope="module")
def hamburg(live_server: LiveServer) -> Records:
    return _records(live_server, "t-nordlicht-hh")


@pytest.fixture(scope="module")
def nordlicht(live_server: LiveServer) -> Records:
    return _records(live_server, "t-nordlicht")


@pytest.fixture
def lena(live_server: LiveServer) -> Iterator[Api]:
    """lena.hh: clerk of the Hamburg sub-tenant of Nordlicht."""
    api = Api(live_server, "lena.hh")
    yield api
    api.close()


def _state(live_server: LiveServer) -> tuple[int, ...]:
    """The feed's high-water mark and row counts: equal before and after means nothing written."""
    with live_server.context.database.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model)) or 0
                       for model in (PartyRow, ContractRow, CartRow, QuoteRow, OrderRow,
                                     OutboxRow))
        return (current_value(session, FEED_SEQ), *counts)


def _read_paths(records: Records) -> list[str]:
    return [f"/customers/{records.customer}", f"/customers/{records.customer}/contracts",
            f"/contracts/{records.contract}", f"/carts/{records.cart}",
            f"/quotes/{records.quote}", f"/orders/{records.order}",
            f"/orders/{records.order}/documents", f"/documents/{records.document}"]


def _assert_not_found(response: httpx.Response) -> None:
    assert response.status_code == 404, (response.request.url, response.text)
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["status"] == 404


def _feed(api: Api) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 1000}
        if cursor is not None:
            params["since"] = cursor
        response = api.get("/changes", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes


def _tenant_of_changes(live_server: LiveServer) -> dict[tuple[str, str], str]:
    with live_server.context.database.read() as session:
        return {(kind, entity_id): tenant_id for kind, entity_id, tenant_id in session.execute(
            select(ChangeRow.kind, ChangeRow.entity_id, ChangeRow.tenant_id))}


def _new_prospect(api: Api, tenant_id: str | None = None) -> str:
    body: dict[str, Any] = {"company": "Tenancy Test GmbH", "contact_name": "Erika Muster",
                            "email": "erika@tenancy-test.example",
                            "address": {"street": "Hafenstraße 1", "postal_code": "20457",
                                        "city": "Hamburg"}}
    if tenant_id is not None:
        body["tenant_id"] = tenant_id
    response = api.post("/customers", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _new_cart(api: Api, customer_id: str) -> str:
    response = api.post("/carts", json={"customer_id": customer_id,
                                        "business_transaction": "new_order",
                                        "items": [DSL_ITEM]})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


# --- single records ----------------------------------------------------------------------


def test_foreign_records_are_404_not_403(clerk: Api, suedwest: Records) -> None:
    for path in _read_paths(suedwest):
        _assert_not_found(clerk.get(path))
    _assert_not_found(clerk.post(f"/carts/{suedwest.cart}/validate"))


def test_foreign_404_looks_exactly_like_a_missing_record(clerk: Api, suedwest: Records) -> None:
    missing = Records(customer="party-0000000000000000", contract="contract-0000000000000000",
                      cart="cart-0000000000000000", quote="quote-0000000000000000",
                      order="order-0000000000000000")
    for foreign_path, missing_path in zip(_read_paths(suedwest), _read_paths(missing),
                                          strict=True):
        foreign, absent = clerk.get(foreign_path), clerk.get(missing_path)
        _assert_not_found(foreign)
        _assert_not_found(absent)
        assert foreign.json() == absent.json(), foreign_path
        assert suedwest.customer not in foreign.text


def test_other_clerk_cannot_see_nordlicht_records(other_clerk: Api, nordlicht: Records,
                                                  hamburg: Records) -> None:
    for records in (nordlicht, hamburg):
        for path in _read_paths(records):
            _assert_not_found(other_clerk.get(path))


def test_own_and_sub_tenant_records_are_visible(clerk: Api, nordlicht: Records,
                                                hamburg: Records) -> None:
    for records in (nordlicht, hamburg):
        for path in _read_paths(records)[:6]:  # documents render lazily: read them elsewhere
            response = clerk.get(path)
            assert response.status_code == 200, (path, response.text)


def test_sub_tenant_clerk_does_not_see_the_parent_tenant(lena: Api, nordlicht: Records,
                                                         hamburg: Records) -> None:
    for path in _read_paths(nordlicht):
        _assert_not_found(lena.get(path))
    assert lena.get(f"/orders/{hamburg.order}").status_code == 200


def test_provider_sees_every_tenant(provider: Api, suedwest: Records, nordlicht: Records,
                                    hamburg: Records) -> None:
    for records in (suedwest, nordlicht, hamburg):
        for path in _read_paths(records)[:6]:
            response = provider.get(path)
            assert response.status_code == 200, (path, response.text)


def test_writes_on_foreign_records_are_404_and_change_nothing(
        clerk: Api, suedwest: Records, live_server: LiveServer) -> None:
    prospect = _new_prospect(clerk)
    before = _state(live_server)
    attempts = [
        clerk.put(f"/carts/{suedwest.cart}/items", json={"items": [DSL_ITEM]}),
        clerk.delete(f"/carts/{suedwest.cart}"),
        clerk.post(f"/carts/{suedwest.cart}/quote"),
        clerk.post(f"/quotes/{suedwest.quote}/send", json={}),
        clerk.post(f"/quotes/{suedwest.quote}/withdraw"),
        clerk.post(f"/quotes/{suedwest.quote}/approval",
                   json={"approver_email": "freigabe@example.com"}),
        clerk.post(f"/quotes/{suedwest.quote}/provider-approval"),
        clerk.post("/orders", json={"cart_id": suedwest.cart},
                   headers={"Idempotency-Key": "tenancy-foreign-cart"}),
        clerk.post("/carts", json={"customer_id": suedwest.customer,
                                   "business_transaction": "new_order", "items": [DSL_ITEM]}),
        clerk.post("/carts", json={"customer_id": prospect, "business_transaction": "reorder",
                                   "contract_id": suedwest.contract, "items": [DSL_ITEM]}),
        clerk.post("/customers", json={
            "tenant_id": "t-suedwest", "company": "Fremd GmbH", "contact_name": "X Y",
            "email": "x@fremd.example",
            "address": {"street": "Weg 1", "postal_code": "70173", "city": "Stuttgart"}}),
    ]
    for response in attempts:
        _assert_not_found(response)
    assert _state(live_server) == before
    # The foreign cart is untouched.
    with live_server.context.database.read() as session:
        assert session.get(CartRow, suedwest.cart) is not None


def test_clerk_may_create_a_prospect_for_its_sub_tenant(clerk: Api, lena: Api) -> None:
    prospect = _new_prospect(clerk, "t-nordlicht-hh")
    assert lena.get(f"/customers/{prospect}").json()["tenant_id"] == "t-nordlicht-hh"
    # ...but the sub-tenant's clerk cannot create one for the parent.
    response = lena.post("/customers", json={
        "tenant_id": "t-nordlicht", "company": "Parent GmbH", "contact_name": "A B",
        "email": "a@parent.example",
        "address": {"street": "Weg 1", "postal_code": "20457", "city": "Hamburg"}})
    _assert_not_found(response)


def test_outbox_is_scoped(clerk: Api, provider: Api, live_server: LiveServer) -> None:
    with live_server.context.database.read() as session:
        reference = session.scalar(select(OutboxRow.reference_id)
                                   .where(OutboxRow.tenant_id == "t-suedwest").limit(1))
    assert reference is not None
    assert provider.get("/outbox", params={"reference_id": reference}).json()
    assert clerk.get("/outbox", params={"reference_id": reference}).json() == []


# --- search ------------------------------------------------------------------------------


def test_customer_search_is_scoped(clerk: Api, provider: Api, live_server: LiveServer) -> None:
    seen: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = clerk.get("/customers", params={"limit": 200, "offset": offset}).json()
        seen += page
        if len(page) < 200:
            break
        offset += 200
    assert {party["tenant_id"] for party in seen} == NORDLICHT
    with live_server.context.database.read() as session:
        expected = set(session.scalars(select(PartyRow.id)
                                       .where(PartyRow.tenant_id.in_(NORDLICHT))))
    assert {party["id"] for party in seen} == expected


@pytest.mark.parametrize(("username", "tenant", "visible"), [
    ("max.nord", "t-suedwest", False),
    ("max.nord", "t-nordlicht-hh", True),
    ("lena.hh", "t-nordlicht", False),
    ("paul.sued", "t-suedwest", True),
    ("anna.berger", "t-rheinmain", True),
])
def test_search_by_exact_number_and_name(live_server: LiveServer, username: str, tenant: str,
                                         visible: bool) -> None:
    with live_server.context.database.read() as session:
        party = session.scalars(select(PartyRow).where(PartyRow.tenant_id == tenant)
                                .order_by(PartyRow.customer_number).limit(1)).one()
        number, company = party.customer_number, party.company
    api = Api(live_server, username)
    try:
        by_number = api.get("/customers", params={"q": number}).json()
        by_name = api.get("/customers", params={"q": company}).json()
    finally:
        api.close()
    assert ([p["customer_number"] for p in by_number] == [number]) is visible
    if not visible:
        assert by_number == []
    assert (number in {p["customer_number"] for p in by_name}) is visible
    allowed = {"max.nord": NORDLICHT, "lena.hh": HAMBURG, "paul.sued": SUEDWEST}
    if username in allowed:
        assert {p["tenant_id"] for p in by_name} <= allowed[username]


# --- change feed -------------------------------------------------------------------------


def test_change_feed_is_scoped_per_tenant(live_server: LiveServer, clerk: Api, lena: Api,
                                          other_clerk: Api, provider: Api) -> None:
    # A deletion in the sub-tenant: its tombstone is scoped like the record was.
    prospect = _new_prospect(lena)
    cart = _new_cart(lena, prospect)
    assert lena.delete(f"/carts/{cart}").status_code == 204

    tenants = _tenant_of_changes(live_server)
    for api, allowed in ((clerk, NORDLICHT), (lena, HAMBURG), (other_clerk, SUEDWEST),
                         (provider, None)):
        changes = _feed(api)
        keys = [(change["kind"], change["id"]) for change in changes]
        assert len(keys) == len(set(keys))
        expected = {key for key, tenant in tenants.items()
                    if allowed is None or tenant in allowed}
        assert set(keys) == expected
        seen_tenants = {tenants[key] for key in keys}
        if allowed is None:
            assert seen_tenants >= PARTNERS
        else:
            assert seen_tenants == allowed
        for change in changes:
            if change["data"] is not None:
                assert change["data"]["tenant_id"] == tenants[(change["kind"], change["id"])]
        tombstones = {change["id"] for change in changes if change["op"] == "delete"}
        assert (cart in tombstones) is (allowed is None or "t-nordlicht-hh" in allowed)
