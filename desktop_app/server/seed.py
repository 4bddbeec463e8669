"""Deterministic German demo data (`--seed demo`) and large data sets (`--seed N`).

Names and addresses come from Faker's de_DE locale with a fixed seed, so every run gives the
same people and companies; dates are relative to the day of seeding, so statuses stay true.
Orders are written in bulk (SQLAlchemy Core); carts and quotes of the demo go through the
same services the API uses, so they honour every rule.
"""

import random
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from faker import Faker
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app.contract.changes import ChangeKind
from desktop_app.domain.catalog import orderable_products, product_by_code
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
    OrderStatus,
    PartyKind,
    QuoteState,
    RecipientSource,
    Role,
)
from desktop_app.domain.processing import processing_plan
from desktop_app.domain.recipients import confirmation_recipients
from desktop_app.server import feed
from desktop_app.server.counters import PARTY_COUNTER, PARTY_NUMBER_BASE, set_at_least
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import (
    CartRow,
    ContractRow,
    CounterRow,
    OrderEventRow,
    OrderRow,
    PartyRow,
    QuoteRow,
    TenantRow,
    UserRow,
    table_of,
)
from desktop_app.server.render import cart_out, contract_out, item_out, party_out, quote_out, totals
from desktop_app.server.security import hash_password
from desktop_app.server.services.orders import is_clearing_case

SEED = 20261126
DEMO_PASSWORD = "demo1234"  # noqa: S105 (documented demo login)

# (id, name, email, parent, power of attorney, provider)
TENANTS: tuple[tuple[str, str, str, str | None, bool, bool], ...] = (
    ("t-provider", "OrderDesk Telekommunikation GmbH", "auftraege@orderdesk-telekom.example",
     None, False, True),
    ("t-nordlicht", "Nordlicht Kommunikation GmbH", "vertrieb@nordlicht-kom.example",
     None, True, False),
    ("t-nordlicht-hh", "Nordlicht Kommunikation – Büro Hamburg", "hamburg@nordlicht-kom.example",
     "t-nordlicht", True, False),
    ("t-suedwest", "Südwest ITK Partner AG", "service@suedwest-itk.example", None, False, False),
    ("t-rheinmain", "Rhein-Main Telefonie KG", "info@rheinmain-telefonie.example",
     None, False, False),
)
# (username, display name, email, role, tenant)
USERS: tuple[tuple[str, str, str, Role, str], ...] = (
    ("anna.berger", "Anna Berger", "anna.berger@orderdesk-telekom.example",
     Role.PROVIDER_STAFF, "t-provider"),
    ("max.nord", "Max Nordmann", "max.nordmann@nordlicht-kom.example",
     Role.PARTNER_CLERK, "t-nordlicht"),
    ("lena.hh", "Lena Hansen", "lena.hansen@nordlicht-kom.example",
     Role.PARTNER_CLERK, "t-nordlicht-hh"),
    ("paul.sued", "Paul Schwab", "paul.schwab@suedwest-itk.example",
     Role.PARTNER_CLERK, "t-suedwest"),
    ("mia.rhein", "Mia Roth", "mia.roth@rheinmain-telefonie.example",
     Role.PARTNER_CLERK, "t-rheinmain"),
)
PARTNER_TENANTS = ("t-nordlicht", "t-nordlicht-hh", "t-suedwest", "t-rheinmain")
DEMO_LOGINS_TEXT = f"Demo logins (password for all: {DEMO_PASSWORD}):\n" + "\n".join(
    f"  {username:<12} {name:<14} {role.value:<15} {tenant}" for username, name, _, role, tenant
    in USERS)

TRANSACTION_WEIGHTS = {
    BusinessTransaction.NEW_ORDER: 35, BusinessTransaction.REORDER: 20,
    BusinessTransaction.CONTRACT_EXTENSION: 10, BusinessTransaction.PRODUCT_CHANGE: 10,
    BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER: 5, BusinessTransaction.USAGE_LOCATION: 20,
}


class AlreadySeededError(RuntimeError):
    pass


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "firma"


def _rid(rng: random.Random, prefix: str) -> str:
    return f"{prefix}-{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}"


@dataclass
class _Ids:
    """What later steps pick from."""

    customers: dict[str, list[str]]  # tenant -> customer ids
    prospects: dict[str, list[str]]
    contracts: dict[str, list[ContractRow]]  # customer -> contracts


def _tenants_and_users(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(TenantRow)):
        raise AlreadySeededError("the database already holds data; seed a fresh one")
    for tenant_id, name, email, parent, poa, provider in TENANTS:
        session.add(TenantRow(id=tenant_id, name=name, email=email, parent_id=parent,
                              has_power_of_attorney=poa, is_provider=provider))
    session.flush()
    password_hash = hash_password(DEMO_PASSWORD)  # one KDF run; salts differ per store anyway
    for index, (username, name, email, role, tenant) in enumerate(USERS):
        session.add(UserRow(id=f"u-{index + 1:03d}", username=username, display_name=name,
                            email=email, role=role, tenant_id=tenant,
                            password_hash=password_hash))
    session.flush()


def _parties(session: Session, fake: Faker, rng: random.Random, count: int,
             now: datetime) -> _Ids:
    ids = _Ids(customers={t: [] for t in PARTNER_TENANTS},
               prospects={t: [] for t in PARTNER_TENANTS}, contracts={})
    rows: list[dict[str, Any]] = []
    for index in range(count):
        tenant = PARTNER_TENANTS[index % len(PARTNER_TENANTS)]
        kind = PartyKind.PROSPECT if rng.random() < 0.15 else PartyKind.CUSTOMER
        company = fake.company()
        email = None if rng.random() < 0.01 else f"{rng.choice(['info', 'einkauf', 'it'])}@" \
                                                  f"{_slug(company)}.example"
        party_id = _rid(rng, "party")
        rows.append({"id": party_id, "tenant_id": tenant, "kind": kind,
                     "customer_number": f"{'KD' if kind is PartyKind.CUSTOMER else 'IN'}-"
                                        f"{PARTY_NUMBER_BASE + index}",
                     "company": company, "contact_name": fake.name(), "email": email,
                     "street": fake.street_address(), "postal_code": fake.postcode(),
                     "city": fake.city(), "country": "DE", "updated_at": now})
        (ids.prospects if kind is PartyKind.PROSPECT else ids.customers)[tenant].append(party_id)
    session.connection().execute(insert(table_of(PartyRow)), rows)
    return ids


def _contract(rng: random.Random, tenant: str, customer: str, product_code: str, number: int,
              start: datetime, now: datetime) -> dict[str, Any]:
    product = product_by_code(product_code)
    assert product is not None
    terminated = rng.random() < 0.08
    request = rng.choices([ChangeRequestState.NONE, ChangeRequestState.APPROVED,
                           ChangeRequestState.PENDING], [80, 12, 8])[0]
    return {"id": _rid(rng, "contract"), "tenant_id": tenant, "customer_id": customer,
            "contract_number": f"VT-{number:08d}", "product_code": product.code,
            "state": ContractState.TERMINATED if terminated else ContractState.RUNNING,
            "start_date": start.date(), "minimum_term_months": product.minimum_term_months,
            "change_request": request, "updated_at": now}


# (stored cart items, rendered CartItemOut dicts, Totals dict)
_Template = tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]


class _ItemTemplates:
    """A few hundred realistic item combinations; orders reuse their rendered form."""

    def __init__(self, fake: Faker, rng: random.Random) -> None:
        self._by_product: dict[str, list[_Template]] = {}
        for product in orderable_products():
            variants = []
            for _ in range(12):
                stored = self._item(fake, rng, product.code)
                rendered = item_out(stored)
                variants.append(([stored], [rendered.model_dump(mode="json")],
                                 totals([rendered]).model_dump(mode="json")))
            self._by_product[product.code] = variants

    @staticmethod
    def _item(fake: Faker, rng: random.Random, code: str) -> dict[str, Any]:
        product = product_by_code(code)
        assert product is not None
        voice = product.family.is_voice
        locations = []
        for _ in range(rng.randint(1, 3) if voice else 1):
            numbers = [f"+49{rng.randint(30, 99)}{rng.randint(1000000, 9999999)}"
                       for _ in range(rng.randint(1, 4))] if voice else []
            locations.append({"address": {"street": fake.street_address(),
                                          "postal_code": fake.postcode(), "city": fake.city(),
                                          "country": "DE"}, "phone_numbers": numbers})
        options: list[dict[str, Any]] = []
        for option in product.options:
            if option.code == "usage-location" or rng.random() < 0.55:
                continue
            entry: dict[str, Any] = {"code": option.code,
                                     "quantity": rng.randint(1, min(3, option.max_quantity))}
            if option.code == "number-porting":
                entry["phone_numbers"] = [f"+4940{rng.randint(1000000, 9999999)}"]
            options.append(entry)
        return {"product_code": code, "quantity": rng.randint(1, 3) if voice else 1,
                "options": options, "usage_locations": locations}

    def pick(self, rng: random.Random, code: str) -> "_Template":
        return rng.choice(self._by_product[code])


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def _order_age(rng: random.Random) -> timedelta:
    roll = rng.random()
    if roll < 0.03:
        return timedelta(minutes=rng.randint(0, 90))
    if roll < 0.12:
        return timedelta(hours=rng.randint(2, 96))
    return timedelta(days=rng.randint(4, 730), minutes=rng.randint(0, 1439))


class _OrderWriter:
    """Builds orders with their carts, quotes, events and feed entries, in bulk."""

    def __init__(self, session: Session, rng: random.Random, ids: _Ids, now: datetime,
                 templates: _ItemTemplates, publish_history: bool) -> None:
        self.session, self.rng, self.ids, self.now = session, rng, ids, now
        self.templates, self.publish_history = templates, publish_history
        self.parties = {row.id: row for row in session.scalars(select(PartyRow))}
        self.tenants = {row.id: row for row in session.scalars(select(TenantRow))}
        self.users = {row.tenant_id: row for row in session.scalars(select(UserRow))
                      if row.role == Role.PARTNER_CLERK}
        self.rows: dict[str, list[dict[str, Any]]] = {
            "carts": [], "quotes": [], "orders": [], "events": [], "contracts": []}
        self.changes: list[tuple[ChangeKind, str, str, dict[str, Any]]] = []
        self.order_number = self.quote_number = 0
        self.contract_number = 10_000_000
        self._codes = [p.code for p in orderable_products()]
        self._siblings = {p.code: [q.code for q in orderable_products()
                                   if q.family is p.family and q.code != p.code]
                          for p in orderable_products()}
        self._with_contracts: dict[str, list[str]] = {}

    def index_contracts(self) -> None:
        """Which customers have contracts to act on; call once the contracts exist."""
        self._with_contracts = {tenant: [c for c in customers if self.ids.contracts.get(c)]
                                for tenant, customers in self.ids.customers.items()}

    def _choose(self) -> tuple[str, PartyRow, BusinessTransaction, ContractRow | None, str]:
        rng = self.rng
        tenant = rng.choice(PARTNER_TENANTS)
        transaction = rng.choices(list(TRANSACTION_WEIGHTS), list(TRANSACTION_WEIGHTS.values()))[0]
        with_contracts = self._with_contracts[tenant]
        if transaction is not BusinessTransaction.NEW_ORDER and with_contracts:
            customer = rng.choice(with_contracts)
            contract = rng.choice(self.ids.contracts[customer])
            product = product_by_code(contract.product_code)
            assert product is not None
            if transaction is BusinessTransaction.USAGE_LOCATION and not product.family.is_voice:
                transaction = BusinessTransaction.REORDER
            code = product.code
            if transaction.is_product_change:
                code = rng.choice(self._siblings[product.code])
            return tenant, self.parties[customer], transaction, contract, code
        pool = self.ids.prospects[tenant] if rng.random() < 0.05 else self.ids.customers[tenant]
        party = self.parties[rng.choice(pool or self.ids.customers[tenant])]
        return tenant, party, BusinessTransaction.NEW_ORDER, None, rng.choice(self._codes)

    def add_order(self) -> None:
        rng, now = self.rng, self.now
        tenant_id, party, transaction, contract, code = self._choose()
        tenant, clerk = self.tenants[tenant_id], self.users[tenant_id]
        stored, rendered, rendered_totals = self.templates.pick(rng, code)
        product = product_by_code(code)
        assert product is not None
        created = (now - _order_age(rng)).replace(microsecond=0)
        order_id, cart_id = _rid(rng, "order"), _rid(rng, "cart")
        plan = processing_plan(product.family, transaction)
        clearing = is_clearing_case(order_id, plan.degree)
        starts = created + plan.starts_after
        completes = created + plan.completes_after * (1.5 if clearing else 1)
        self.rows["carts"].append({
            "id": cart_id, "tenant_id": tenant_id, "customer_id": party.id,
            "business_transaction": transaction, "state": CartState.ORDERED,
            "contract_id": contract.id if contract else None, "items": stored,
            "created_by": clerk.id, "created_at": created - timedelta(days=12),
            "updated_at": created})  # composed before its quote (at most 10 days before)
        quote = self._quote(tenant, party, cart_id, clerk, created)
        history: list[tuple[OrderStatus, datetime, str | None]] = [
            (OrderStatus.RECEIVED, created, None)]
        status, note = OrderStatus.RECEIVED, None
        if now >= starts:
            note = "Clearing-Fall: Angaben zum Nutzungsort werden manuell geprüft." \
                if clearing else None
            history.append((OrderStatus.IN_PROCESSING, starts, note))
            status = OrderStatus.IN_PROCESSING
        contract_id = contract_number = None
        if now >= completes:
            history.append((OrderStatus.COMPLETED, completes, None))
            status, note = OrderStatus.COMPLETED, None
            contract_id, contract_number = self._contract_for(
                tenant_id, party, transaction, contract, code, completes)
        self.order_number += 1
        recipients = confirmation_recipients(
            [(RecipientSource.CUSTOMER_MASTER_DATA, party.email),
             (RecipientSource.CONFIRMING_USER, clerk.email),
             (RecipientSource.TENANT_MASTER_DATA, tenant.email)]
            + ([(RecipientSource.APPROVER, quote["approver_email"]),
                (RecipientSource.QUOTE_CREATOR, clerk.email)] if quote else []))
        snapshot = {
            "tenant_name": tenant.name, "customer_name": party.company, "cart_id": cart_id,
            "quote_id": quote["id"] if quote else None,
            "quote_number": quote["quote_number"] if quote else None,
            "business_transaction": transaction.value, "product_family": product.family.value,
            "product_code": code, "product_name_de": product.name_de,
            "product_name_en": product.name_en, "created_by_name": clerk.display_name,
            "quote_created_by_name": clerk.display_name if quote else None,
            "approver_email": quote["approver_email"] if quote else None,
            "items": rendered, "totals": rendered_totals,
            "recipients": [{"email": r.email, "sources": [s.value for s in r.sources]}
                           for r in recipients.recipients]}
        order_number = f"AU-{self.order_number:08d}"
        updated = history[-1][1]
        self.rows["orders"].append({
            "id": order_id, "order_number": order_number, "tenant_id": tenant_id,
            "customer_id": party.id, "cart_id": cart_id,
            "quote_id": quote["id"] if quote else None, "business_transaction": transaction,
            "product_code": code, "status": status, "clearing_note": note,
            "automation": plan.degree, "created_at": created, "created_by": clerk.id,
            "contract_id": contract_id or (contract.id if contract else None),
            "contract_number": contract_number, "due_processing_at": starts,
            "due_completion_at": completes, "becomes_clearing_case": clearing,
            "snapshot": snapshot, "updated_at": updated})
        self.rows["events"] += [{"order_id": order_id, "status": s, "at": at, "note": n}
                                for s, at, n in history]
        self.changes.append((ChangeKind.ORDER, order_id, tenant_id, {
            **snapshot, "id": order_id, "order_number": order_number, "tenant_id": tenant_id,
            "customer_id": party.id, "status": status.value, "clearing_note": note,
            "automation": plan.degree.value, "expected_completion_at": _iso(completes),
            "created_at": _iso(created), "created_by": clerk.id,
            "contract_id": contract_id or (contract.id if contract else None),
            "contract_number": contract_number,
            "history": [{"status": s.value, "at": _iso(at), "note": n} for s, at, n in history],
            "documents": _documents(order_id, order_number, rendered),
            "updated_at": _iso(updated)}))

    def _quote(self, tenant: TenantRow, party: PartyRow, cart_id: str, clerk: UserRow,
               ordered: datetime) -> dict[str, Any] | None:
        if tenant.has_power_of_attorney and party.kind == PartyKind.CUSTOMER \
                and self.rng.random() < 0.4:
            return None  # ordered on power of attorney, without a quote
        self.quote_number += 1
        created = ordered - timedelta(days=self.rng.randint(1, 10))
        prospect = party.kind == PartyKind.PROSPECT
        quote = {
            "id": _rid(self.rng, "quote"), "quote_number": f"AN-{self.quote_number:08d}",
            "cart_id": cart_id, "tenant_id": tenant.id, "customer_id": party.id,
            "state": QuoteState.ORDERED, "created_by": clerk.id, "created_at": created,
            "valid_until": (created + timedelta(days=30)).date(), "sent_at": created,
            "sent_to": [party.email] if party.email else [], "extra_recipient": None,
            "approver_email": f"freigabe@{_slug(party.company)}.example",
            "customer_decided_at": ordered - timedelta(hours=2),
            "provider_approval_required": prospect,
            "provider_approved_by": "u-001" if prospect else None,
            "provider_approved_at": ordered - timedelta(hours=1) if prospect else None,
            "updated_at": ordered}
        self.rows["quotes"].append(quote)
        return quote

    def _contract_for(self, tenant_id: str, party: PartyRow, transaction: BusinessTransaction,
                      contract: ContractRow | None, code: str,
                      completed: datetime) -> tuple[str, str]:
        if contract is not None and transaction is not BusinessTransaction.NEW_ORDER:
            return contract.id, contract.contract_number
        self.contract_number += 1
        row = _contract(self.rng, tenant_id, party.id, code, self.contract_number, completed,
                        self.now)
        self.rows["contracts"].append(row)
        return row["id"], row["contract_number"]

    def _publish_history(self) -> None:
        names = {row.id: row.display_name for row in self.users.values()}
        names["u-001"] = "Anna Berger"
        self.changes += _history_changes(self.rows["carts"], self.rows["quotes"], names)

    def flush(self) -> None:
        tables = (("contracts", ContractRow), ("carts", CartRow), ("quotes", QuoteRow),
                  ("orders", OrderRow), ("events", OrderEventRow))
        for row in self.rows["contracts"]:
            self.changes.append(_contract_change(row))
        if self.publish_history:
            self._publish_history()
        for key, table in tables:
            if self.rows[key]:
                self.session.connection().execute(insert(table_of(table)), self.rows[key])
                self.rows[key] = []
        feed.record_many(self.session, self.changes, self.now)
        self.changes = []


def _documents(order_id: str, order_number: str,
               items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from desktop_app.server.orders_view import describe_documents

    return describe_documents(order_id, order_number, items, {})


def _contract_change(row: dict[str, Any]) -> tuple[ChangeKind, str, str, dict[str, Any]]:
    data = contract_out(ContractRow(**row)).model_dump(mode="json")
    return ChangeKind.CONTRACT, row["id"], row["tenant_id"], data


def _history_changes(carts: list[dict[str, Any]], quotes: list[dict[str, Any]],
                     names: dict[str, str]) -> list[tuple[ChangeKind, str, str, dict[str, Any]]]:
    """Feed entries for the ordered carts and quotes behind seeded orders (demo size only)."""
    quote_by_cart = {quote["cart_id"]: quote for quote in quotes}
    changes: list[tuple[ChangeKind, str, str, dict[str, Any]]] = []
    for cart in carts:
        quote = quote_by_cart.get(cart["id"])
        cart_data = cart_out(CartRow(**cart), quote["id"] if quote else None)
        changes.append((ChangeKind.CART, cart["id"], cart["tenant_id"],
                        cart_data.model_dump(mode="json")))
        if quote is not None:
            data = quote_out(QuoteRow(**quote), names[quote["created_by"]], cart_data.totals)
            changes.append((ChangeKind.QUOTE, quote["id"], quote["tenant_id"],
                            data.model_dump(mode="json")))
    return changes


def _initial_contracts(session: Session, rng: random.Random, ids: _Ids, now: datetime,
                       writer: _OrderWriter) -> None:
    rows: list[dict[str, Any]] = []
    for tenant, customers in ids.customers.items():
        for customer in customers:
            for _ in range(rng.choice((1, 1, 2, 3))):
                writer.contract_number += 1
                start = now - timedelta(days=rng.randint(30, 1800))
                code = rng.choice([p.code for p in orderable_products()])
                row = _contract(rng, tenant, customer, code, writer.contract_number, start, now)
                rows.append(row)
                ids.contracts.setdefault(customer, []).append(ContractRow(**row))
    session.connection().execute(insert(table_of(ContractRow)), rows)
    feed.record_many(session, [_contract_change(row) for row in rows], now)


def _bump_number_counters(session: Session, writer: _OrderWriter, party_count: int) -> None:
    for name, value in (("number_AU", writer.order_number), ("number_AN", writer.quote_number),
                        ("number_VT", writer.contract_number),
                        (PARTY_COUNTER, PARTY_NUMBER_BASE + party_count - 1)):
        if session.get(CounterRow, name) is None:
            session.add(CounterRow(name=name, value=0))
            session.flush()
        set_at_least(session, name, value)


def seed_database(database: Database, order_count: int, party_count: int,
                  publish_history: bool) -> None:
    rng = random.Random(SEED)
    fake = Faker("de_DE")
    fake.seed_instance(SEED)
    now = utcnow().replace(microsecond=0)
    with database.write() as session:
        _tenants_and_users(session)
        ids = _parties(session, fake, rng, party_count, now)
        feed.record_many(session, [
            (ChangeKind.CUSTOMER, row.id, row.tenant_id, party_out(row).model_dump(mode="json"))
            for row in session.scalars(select(PartyRow))], now)
        writer = _OrderWriter(session, rng, ids, now, _ItemTemplates(fake, rng), publish_history)
        _initial_contracts(session, rng, ids, now, writer)
        writer.index_contracts()
        for index in range(order_count):
            writer.add_order()
            if index % 5000 == 4999:
                writer.flush()
        writer.flush()
        _bump_number_counters(session, writer, party_count)


def seed_demo(database: Database) -> None:
    """About 200 customers and prospects, 2,000 orders, open carts and quotes in every state."""
    seed_database(database, order_count=2000, party_count=200, publish_history=True)
    from desktop_app.server.seed_workflows import seed_open_carts_and_quotes

    seed_open_carts_and_quotes(database, random.Random(SEED + 1))


def seed_generated(database: Database, order_count: int) -> None:
    """N orders for benchmarks; customers scale with them (one per 50 orders, at least 200)."""
    seed_database(database, order_count=order_count, party_count=max(200, order_count // 50),
                  publish_history=order_count <= 5000)
