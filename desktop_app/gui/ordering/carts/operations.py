"""Withdraw a quote, delete a cart: on a worker, one at a time, with the outcome remembered
until the cache has caught up.

After an action the view asks for a sync; until the synced cache shows the change (or if that
sync was already running and missed it) `Pending` patches the lines read from the cache, so
a withdrawn quote never flips back to "sent" and a deleted cart never reappears.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.api.errors import Language
from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common import errors
from desktop_app.gui.common.tasks import Operation, ProgressReport, TaskGroup
from desktop_app.sync.progress import CancelToken

__all__ = ["CartActionRunner", "CartBackend", "Pending"]

log = logging.getLogger(__name__)


class CartBackend(Protocol):
    """What the view needs of the ApiClient (tests may hand in a fake)."""

    def withdraw_quote(self, quote_id: str) -> QuoteOut: ...
    def delete_cart(self, cart_id: str) -> None: ...


@dataclass
class Pending:
    """Outcomes of actions that the cache may not show yet, by cart id."""

    quotes: dict[str, tuple[QuoteState, datetime]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)

    def quote_changed(self, cart_id: str, quote: QuoteOut) -> None:
        self.quotes[cart_id] = (quote.state, quote.updated_at)

    def cart_deleted(self, cart_id: str) -> None:
        self.quotes.pop(cart_id, None)
        self.deleted.add(cart_id)

    def apply(self, rows: Sequence[CartQuoteListRow]) -> list[CartQuoteListRow]:
        """The rows with the outcomes applied; outcomes the rows already show are dropped."""
        present = {row.cart_id for row in rows}
        self.deleted &= present  # the cache no longer holds these: nothing left to hide
        patched: list[CartQuoteListRow] = []
        for row in rows:
            if row.cart_id in self.deleted:
                continue
            change = self.quotes.get(row.cart_id)
            if change is not None:
                state, at = change
                if row.quote_state is state or _aware(row.updated_at) >= _aware(at):
                    del self.quotes[row.cart_id]  # the cache has caught up
                else:
                    row = replace(row, quote_state=state)
            patched.append(row)
        for cart_id in set(self.quotes) - present:
            del self.quotes[cart_id]
        return patched


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class CartActionRunner(QObject):
    """Runs one backend action at a time on `runner` (network lane); the outcome arrives as
    `succeeded` (a message for the status bar) or `failed` (a title and the clerk's message;
    empty after a bug, which the crash dialog reports)."""

    busyChanged = Signal(bool, str)  # noqa: N815 (Qt naming): busy?, what is running
    succeeded = Signal(str)
    failed = Signal(str, str)

    def __init__(self, backend: CartBackend, runner: TaskGroup, language: Language,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend, self._runner, self._language = backend, runner, language
        self.pending = Pending()
        self.busy = False
        self._acting = ("", "")  # the running action's cart id and its failure title

    def withdraw(self, row: CartQuoteListRow) -> None:
        quote_id, backend = row.quote_id, self._backend
        if quote_id is None or self.busy:
            return

        def work(_cancel: CancelToken, _report: ProgressReport) -> QuoteOut:
            return backend.withdraw_quote(quote_id)

        self._start(row.cart_id, self.tr("The quote could not be withdrawn"),
                    self.tr("Withdrawing quote %1…").replace("%1", row.quote_number or ""))
        (Operation(work, name="withdraw quote").on_success(self._withdrawn)
         .on_failure(self._failed).run_in(self._runner))

    def delete(self, row: CartQuoteListRow) -> None:
        cart_id, backend = row.cart_id, self._backend
        if self.busy:
            return

        def work(_cancel: CancelToken, _report: ProgressReport) -> None:
            backend.delete_cart(cart_id)

        self._start(cart_id, self.tr("The cart could not be deleted"),
                    self.tr("Deleting the cart…"))
        (Operation(work, name="delete cart").on_success(self._deleted)
         .on_failure(self._failed).run_in(self._runner))

    def _start(self, cart_id: str, failure_title: str, message: str) -> None:
        self._acting = (cart_id, failure_title)
        self.busy = True
        self.busyChanged.emit(True, message)

    def _end(self) -> None:
        self.busy = False
        self.busyChanged.emit(False, "")

    @Slot(object)
    def _withdrawn(self, quote: QuoteOut) -> None:
        self.pending.quote_changed(self._acting[0], quote)
        self._end()
        self.succeeded.emit(self.tr("Quote %1 has been withdrawn.").replace(
            "%1", quote.quote_number))

    @Slot(object)
    def _deleted(self, _none: object) -> None:
        self.pending.cart_deleted(self._acting[0])
        self._end()
        self.succeeded.emit(self.tr("The cart has been deleted."))

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._end()
        title = self._acting[1]
        if errors.is_fault(error):  # a refusal, offline: the clerk's message under the title
            errors.report(error, None, lambda text, _kind: self.failed.emit(title, text),
                          context="cart action", language=self._language)
            return
        self.failed.emit(title, "")  # the action is over; the crash dialog tells the rest
        errors.report(error, context="cart action")
