"""Demo carts and quotes made through the real services, so they honour every rule."""

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.contract.carts import CartCreate, CartItemIn
from desktop_app.domain.enums import (
    BusinessTransaction,
    ContractState,
    PartyKind,
    QuoteState,
    Role,
)
from desktop_app.server.auth import Principal, principal_for_user
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import ContractRow, PartyRow, QuoteRow, UserRow
from desktop_app.server.problems import RuleViolations
from desktop_app.server.services import carts, quotes

PER_TENANT_OPEN_CARTS = 6


def _item(code: str, voice: bool, rng: random.Random) -> CartItemIn:
    numbers = [f"+4940{rng.randint(1000000, 9999999)}"] if voice else []
    return CartItemIn.model_validate({
        "product_code": code, "quantity": 1,
        "usage_locations": [{"address": {"street": "Hafenstraße 12", "postal_code": "20457",
                                         "city": "Hamburg"}, "phone_numbers": numbers}]})


def _new_cart(session: Session, principal: Principal, party: PartyRow, rng: random.Random,
              contract: ContractRow | None = None,
              transaction: BusinessTransaction = BusinessTransaction.NEW_ORDER) -> str | None:
    code = contract.product_code if contract else rng.choice(
        ["internet-dsl-100", "ipfonie-trunk-10", "centraflex-10", "internet-ll-100"])
    if transaction.is_product_change and contract is not None:
        code = {"internet-dsl-100": "internet-dsl-250", "ipfonie-trunk-10": "ipfonie-trunk-30",
                "centraflex-10": "centraflex-50"}.get(code, "internet-dsl-100")
    voice = not code.startswith("internet")
    body = CartCreate(customer_id=party.id, business_transaction=transaction,
                      contract_id=contract.id if contract else None,
                      items=[_item(code, voice, rng)])
    try:
        return carts.create(session, principal, body, utcnow()).id
    except RuleViolations:
        return None  # e.g. the contract already has an open cart: pick another next time


def _quote_in_state(session: Session, principal: Principal, party: PartyRow,
                    rng: random.Random, state: QuoteState) -> None:
    cart_id = _new_cart(session, principal, party, rng)
    if cart_id is None:
        return
    now = utcnow()
    quote = carts.create_quote(session, principal, cart_id, now)
    if state is QuoteState.OPEN:
        return
    steps: dict[QuoteState, Callable[[], object]] = {
        QuoteState.APPROVED: lambda: quotes.customer_decision(
            session, principal, quote.id, f"freigabe@{party.id}.example", True, now),
        QuoteState.REJECTED: lambda: quotes.customer_decision(
            session, principal, quote.id, f"einkauf@{party.id}.example", False, now),
        QuoteState.WITHDRAWN: lambda: quotes.withdraw(session, principal, quote.id, now),
    }
    quotes.send(session, principal, quote.id, rng.choice([None, "projekt@partner.example"]), now)
    if state in steps:
        steps[state]()
    elif state is QuoteState.EXPIRED:
        row = session.get(QuoteRow, quote.id)
        assert row is not None
        row.valid_until = (now - timedelta(days=1)).date()
        quotes.expire_overdue(session, now)


def seed_open_carts_and_quotes(database: Database, rng: random.Random) -> None:
    with database.write() as session:
        clerks = session.scalars(select(UserRow).where(UserRow.role == Role.PARTNER_CLERK))
        for clerk in list(clerks):
            principal = principal_for_user(session, clerk)
            own = list(session.scalars(select(PartyRow).where(
                PartyRow.tenant_id == clerk.tenant_id).order_by(PartyRow.customer_number)))
            customers = [p for p in own if p.kind == PartyKind.CUSTOMER and p.email]
            prospects = [p for p in own if p.kind == PartyKind.PROSPECT and p.email]
            for state in (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED,
                          QuoteState.REJECTED, QuoteState.WITHDRAWN, QuoteState.EXPIRED):
                _quote_in_state(session, principal, rng.choice(customers), rng, state)
            if prospects:  # waits for the provider's approval
                _quote_in_state(session, principal, rng.choice(prospects), rng,
                                QuoteState.APPROVED)
            for _ in range(PER_TENANT_OPEN_CARTS):
                party = rng.choice(customers)
                running = list(session.scalars(select(ContractRow).where(
                    ContractRow.customer_id == party.id,
                    ContractRow.state == ContractState.RUNNING)))
                if running and rng.random() < 0.6:
                    contract = rng.choice(running)
                    voice = not contract.product_code.startswith("internet")
                    transaction = rng.choice([BusinessTransaction.REORDER,
                                              BusinessTransaction.PRODUCT_CHANGE,
                                              BusinessTransaction.CONTRACT_EXTENSION]
                                             + ([BusinessTransaction.USAGE_LOCATION] if voice
                                                else []))
                    _new_cart(session, principal, party, rng, contract, transaction)
                else:
                    _new_cart(session, principal, party, rng)
