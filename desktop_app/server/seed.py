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
from desktop_app.server.counters import set_at_least
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
)
from desktop_app.server.render import contract_out, item_out, party_out, totals
from desktop_app.server.security import hash_password
from desktop_app.server.services.orders import is_clearing_case

SEED = 20261126
DEMO_PASSWORD = "demo1234"

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
DEMO_LOGINS_TEXT = "Demo logins (password for all: {password}):\n".format(
    password=DEMO_PASSWORD) + "\n".join(
    f"  {username:<12} {name:<14} {role.value:<15} {tenant}" for username, name, _, role, tenant
    in USERS)

TRANSACTION_WEIGHTS = {
    BusinessTransaction.NEW_ORDER: 35, BusinessTransaction.REORDER: 20,
    BusinessTransaction.CONTRACT_EXTENSION: 10, BusinessTransaction.PRODUCT_CHANGE: 10,
    BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER: 5, BusinessTransaction.USAGE_LOCATION: 20,
}


class AlreadySeeded(RuntimeError):
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
        raise AlreadySeeded("the database already holds data; seed a fresh one")
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
                                        f"{100000 + index}",
                     "company": company, "contact_name": fake.name(), "email": email,
                     "street": fake.street_address(), "postal_code": fake.postcode(),
                     "city": fake.city(), "country": "DE", "updated_at": now})
        (ids.prospects if kind is PartyKind.PROSPECT else ids.customers)[tenant].append(party_id)
    session.execute(insert(PartyRow), rows)
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


class _ItemTemplates:
    """A few hundred realistic item combinations; orders reuse their rendered form."""

    def __init__(self, fake: Faker, rng: random.Random) -> None:
        self._by_product: dict[str, list[tuple[list[dict[str, Any]], dict[str, Any]]]] = {}
        for product in orderable_products():
            variants = []
            for _ in range(12):
                stored = self._item(fake, rng, product.code)
                rendered = [item_out(stored).model_dump(mode="json")]
                variants.append((rendered, totals([item_out(stored)]).model_dump(mode="json")))
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

    def pick(self, rng: random.Random, code: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        return rng.choice(self._by_product[code])
