"""Moves orders received -> in processing -> completed and creates or adjusts contracts."""

import logging
import threading
import time
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    ContractEffect,
    ContractState,
    OrderStatus,
    PartyKind,
)
from desktop_app.domain.transactions import contract_effect
from desktop_app.server import feed
from desktop_app.server.counters import business_number
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import ContractRow, OrderEventRow, OrderRow, PartyRow
from desktop_app.server.services import publish
from desktop_app.server.services.carts import new_id
from desktop_app.server.services.quotes import expire_overdue
from desktop_app.server.settings import ServerSettings

log = logging.getLogger(__name__)
BATCH = 200
# The background loop prunes tombstones at most this often (seconds): the query scans the
# feed, and a round every second (the demo's) would spend most of its time on it.
PRUNE_INTERVAL = 60.0
CLEARING_NOTE = ("Clearing-Fall: Die Angaben zum Nutzungsort werden manuell geprüft; "
                 "Rückfrage beim Vertriebspartner möglich.")


class ProcessingSimulator:
    def __init__(self, database: Database, settings: ServerSettings) -> None:
        self._database, self._settings = database, settings
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def advance(self, now: datetime | None = None, *, prune: bool = True) -> int:
        """One round; returns how many orders moved on. `prune`: forget old tombstones too."""
        now = now or utcnow()
        moved = 0
        with self._database.write() as session:
            for order in session.scalars(select(OrderRow).where(
                    OrderRow.status == OrderStatus.RECEIVED, OrderRow.due_processing_at <= now)
                    .order_by(OrderRow.due_processing_at).limit(BATCH)):
                _start_processing(session, order, now)
                moved += 1
            for order in session.scalars(select(OrderRow).where(
                    OrderRow.status == OrderStatus.IN_PROCESSING,
                    OrderRow.due_completion_at <= now)
                    .order_by(OrderRow.due_completion_at).limit(BATCH)):
                _complete(session, order, now)
                moved += 1
            expire_overdue(session, now)
            if prune:
                feed.prune_tombstones(session, self._settings.tombstone_retention, now)
        return moved

    def start(self) -> None:
        if self._settings.simulator_interval <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="processing-simulator",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        pruned_at: float | None = None
        while not self._stop.wait(self._settings.simulator_interval):
            prune = pruned_at is None or time.monotonic() - pruned_at >= PRUNE_INTERVAL
            try:
                self.advance(prune=prune)
                if prune:
                    pruned_at = time.monotonic()
            except Exception:  # keep simulating; a bad round must not kill the server
                log.exception("processing simulator round failed")


def _start_processing(session: Session, order: OrderRow, now: datetime) -> None:
    order.status, order.updated_at = OrderStatus.IN_PROCESSING, now
    note = None
    if order.becomes_clearing_case:
        note = CLEARING_NOTE
        order.clearing_note = note
        order.due_completion_at += (order.due_completion_at - order.created_at) / 2
    session.add(OrderEventRow(order_id=order.id, status=OrderStatus.IN_PROCESSING, at=now,
                              note=note))
    publish.order(session, order, now)


def _complete(session: Session, order: OrderRow, now: datetime) -> None:
    contract = _apply_to_contract(session, order, now)
    order.status, order.updated_at, order.clearing_note = OrderStatus.COMPLETED, now, None
    order.contract_id, order.contract_number = contract.id, contract.contract_number
    session.add(OrderEventRow(order_id=order.id, status=OrderStatus.COMPLETED, at=now, note=None))
    session.flush()
    publish.contract(session, contract, now)
    publish.order(session, order, now)


def _apply_to_contract(session: Session, order: OrderRow, now: datetime) -> ContractRow:
    transaction = BusinessTransaction(order.business_transaction)
    effect = contract_effect(transaction)
    product = product_by_code(order.product_code)
    assert product is not None
    existing = session.get(ContractRow, order.contract_id) if order.contract_id else None
    if effect is ContractEffect.NEW_CONTRACT or existing is None:
        contract = ContractRow(
            id=new_id("contract"), tenant_id=order.tenant_id, customer_id=order.customer_id,
            contract_number=business_number(session, "VT"), product_code=product.code,
            state=ContractState.RUNNING, start_date=now.date(),
            minimum_term_months=product.minimum_term_months,
            change_request=ChangeRequestState.NONE, updated_at=now)
        session.add(contract)
        party = session.get(PartyRow, order.customer_id)
        if party is not None and party.kind == PartyKind.PROSPECT:
            party.kind, party.updated_at = PartyKind.CUSTOMER, now  # the first contract
            publish.party(session, party, now)
        return contract
    if effect is ContractEffect.NEW_NUMBER_KEEP_COMPONENTS:
        existing.contract_number = business_number(session, "VT")
        existing.product_code = product.code
        existing.change_request = ChangeRequestState.NONE
        existing.start_date = now.date()
        existing.minimum_term_months = product.minimum_term_months
    elif transaction is BusinessTransaction.CONTRACT_EXTENSION:
        existing.start_date = now.date()  # a new minimum term starts
    existing.updated_at = now
    return existing
