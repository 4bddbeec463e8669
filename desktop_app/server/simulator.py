"""Moves orders received -> in processing -> completed and creates or adjusts contracts.

Exactly once per database: only the leader's background loop runs rounds (leader.py: a
PostgreSQL advisory lock; SQLite's one process). Each step is still conditional -- an
`UPDATE orders ... WHERE id = :id AND status = :expected` whose row count says whether this
round made the step -- so a round overlapping another (a leader handing over, a test driving
`advance()` by hand) never applies a step twice or creates a second contract. A round takes
its locks in the order retry.py documents (orders, contracts, parties, counters, feed last)
and is run again when it loses a race anyway.
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
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
from desktop_app.server.leader import Leadership, leadership_for
from desktop_app.server.locking import lock_rows
from desktop_app.server.retry import run_retrying
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
# Feed records are made after every row change of the transaction (retry.py: feed_seq last).
Publication = Callable[[], None]


class ProcessingSimulator:
    def __init__(self, database: Database, settings: ServerSettings,
                 leadership: Leadership | None = None) -> None:
        self._database, self._settings = database, settings
        self._leadership = leadership or leadership_for(database.engine)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def advance(self, now: datetime | None = None, *, prune: bool = True) -> int:
        """One round; returns how many steps this round made. `prune`: forget old tombstones
        too. Each transaction is run again when it loses a race (retry.py)."""
        now = now or utcnow()
        moved = run_retrying(lambda: self._move_orders(now), "simulator round")
        run_retrying(lambda: self._quotes_and_tombstones(now, prune), "simulator upkeep")
        return moved

    def _move_orders(self, now: datetime) -> int:
        with self._database.write() as session:
            # By order id; an order started and completed in one round is published once.
            publications: dict[str, Publication] = {}
            moved = 0
            for order_id in _due(session, OrderStatus.RECEIVED, now):
                order = _step(session, order_id, OrderStatus.RECEIVED, OrderStatus.IN_PROCESSING,
                              now)
                if order is not None:
                    publications[order_id] = _start_processing(session, order, now)
                    moved += 1
            due = _due(session, OrderStatus.IN_PROCESSING, now)
            _lock_contracts_and_parties(session, due)
            for order_id in due:
                order = _step(session, order_id, OrderStatus.IN_PROCESSING,
                              OrderStatus.COMPLETED, now)
                if order is not None:
                    publications.pop(order_id, None)
                    publications[order_id] = _complete(session, order, now)
                    moved += 1
            session.flush()
            for publication in publications.values():
                publication()
        return moved

    def _quotes_and_tombstones(self, now: datetime, prune: bool) -> None:
        with self._database.write() as session:
            expire_overdue(session, now)
            if prune:
                feed.prune_tombstones(session, self._settings.tombstone_retention, now)

    def start(self) -> None:
        if self._settings.simulator_interval <= 0 or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="processing-simulator",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            if self._thread.is_alive():
                # Its round still uses the lock connection: not from two threads at once. The
                # lock goes with the connection when the process ends.
                log.warning("processing simulator: the round did not end within 10 s")
                return
            self._thread = None
        self._leadership.release()

    def _run(self) -> None:
        pruned_at: float | None = None
        while not self._stop.wait(self._settings.simulator_interval):
            prune = pruned_at is None or time.monotonic() - pruned_at >= PRUNE_INTERVAL
            try:
                if not self._leadership.lead():
                    continue  # another process simulates this database
                self.advance(prune=prune)
                if prune:
                    pruned_at = time.monotonic()
            except Exception:  # keep simulating; a bad round must not kill the server
                log.exception("processing simulator round failed")


def advance_order(session: Session, order_id: str, now: datetime) -> OrderStatus | None:
    """One step of one order (received -> in processing -> completed), published, as a round
    makes it; its new status, None when it has no step to make. Benchmarks and tests drive
    single orders with it."""
    order = session.get(OrderRow, order_id)
    if order is None:
        return None
    moved: OrderRow | None = None
    if order.status == OrderStatus.RECEIVED:
        moved = _step(session, order_id, OrderStatus.RECEIVED, OrderStatus.IN_PROCESSING, now)
        publication = _start_processing(session, moved, now) if moved is not None else None
    elif order.status == OrderStatus.IN_PROCESSING:
        _lock_contracts_and_parties(session, [order_id])
        moved = _step(session, order_id, OrderStatus.IN_PROCESSING, OrderStatus.COMPLETED, now)
        publication = _complete(session, moved, now) if moved is not None else None
    else:
        return None
    if moved is None or publication is None:
        return None
    session.flush()
    publication()
    return OrderStatus(moved.status)


def _due(session: Session, status: OrderStatus, now: datetime) -> list[str]:
    """Ids of the orders due for their next step, the longest-due first (a round's batch),
    then in the order of their ids: the order in which the round locks them."""
    column = (OrderRow.due_processing_at if status is OrderStatus.RECEIVED
              else OrderRow.due_completion_at)
    ids = session.scalars(select(OrderRow.id).where(OrderRow.status == status, column <= now)
                          .order_by(column, OrderRow.id).limit(BATCH))
    return sorted(ids)


def _step(session: Session, order_id: str, expected: OrderStatus, new: OrderStatus,
          now: datetime) -> OrderRow | None:
    """The order, moved from `expected` to `new` by this transaction; None if it is not in
    `expected` any more (another round made the step first)."""
    session.flush()  # populate_existing below must not drop this round's pending changes
    result = session.execute(
        update(OrderRow).where(OrderRow.id == order_id, OrderRow.status == expected)
        .values(status=new, updated_at=now).execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        log.info("order %s is no longer %s: another round moved it", order_id, expected.value)
        return None
    return session.get(OrderRow, order_id, populate_existing=True)


def _lock_contracts_and_parties(session: Session, order_ids: list[str]) -> None:
    """Lock the rows completing these orders will change, in the documented order (contracts
    by id, then parties by id), before any counter is taken."""
    if not order_ids:
        return
    rows = session.execute(select(OrderRow.contract_id, OrderRow.customer_id)
                           .where(OrderRow.id.in_(order_ids))).all()
    lock_rows(session, ContractRow, (contract_id for contract_id, _ in rows))
    lock_rows(session, PartyRow, (customer_id for _, customer_id in rows))


def _start_processing(session: Session, order: OrderRow, now: datetime) -> Publication:
    note = None
    if order.becomes_clearing_case:
        note = CLEARING_NOTE
        order.clearing_note = note
        order.due_completion_at += (order.due_completion_at - order.created_at) / 2
    session.add(OrderEventRow(order_id=order.id, status=OrderStatus.IN_PROCESSING, at=now,
                              note=note))
    return lambda: publish.order(session, order, now)


def _complete(session: Session, order: OrderRow, now: datetime) -> Publication:
    contract, party = _apply_to_contract(session, order, now)
    order.clearing_note = None
    order.contract_id, order.contract_number = contract.id, contract.contract_number
    session.add(OrderEventRow(order_id=order.id, status=OrderStatus.COMPLETED, at=now, note=None))

    def publication() -> None:
        if party is not None:
            publish.party(session, party, now)
        publish.contract(session, contract, now)
        publish.order(session, order, now)

    return publication


def _apply_to_contract(session: Session, order: OrderRow,
                       now: datetime) -> tuple[ContractRow, PartyRow | None]:
    """The contract the order created or adjusted, and the party it turned from prospect
    into customer (None: no such change)."""
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
            return contract, party
        return contract, None
    if effect is ContractEffect.NEW_NUMBER_KEEP_COMPONENTS:
        existing.contract_number = business_number(session, "VT")
        existing.product_code = product.code
        existing.change_request = ChangeRequestState.NONE
        existing.start_date = now.date()
        existing.minimum_term_months = product.minimum_term_months
    elif transaction is BusinessTransaction.CONTRACT_EXTENSION:
        existing.start_date = now.date()  # a new minimum term starts
    existing.updated_at = now
    return existing, None
