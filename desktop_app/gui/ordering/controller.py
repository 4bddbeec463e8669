"""Ordering in the main window: opens the order wizard (Ctrl+N, tool bar, context menu),
pulls a new order into the cache by a sync and selects it, and on start finishes order
submissions a crash or a dropped connection left in flight (same Idempotency-Key: never a
second order), telling the clerk what happened."""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common import errors
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken
from desktop_app.sync.submission import ResumeOutcome, resume_in_flight

if TYPE_CHECKING:  # the wizard's pages load when it is first opened, not at start-up
    from desktop_app.gui.ordering.wizard import OrderWizard

log = logging.getLogger(__name__)
DISPOSE_POLL_MS = 200


class OrderingController(QObject):
    def __init__(self, window: MainWindow, client: ApiClient, cache: LiveCache,
                 sync: SyncController, language: Language, tasks: TaskManager,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._client, self._cache = window, client, cache
        self._sync, self._language, self._task_manager = sync, language, tasks
        self._tasks = tasks.group(self, Lane.NETWORK)
        self._sync_again = False  # a sync was running when an order came in
        self._notice = ""  # what resuming did; shown once the sync has run (it hides banners)
        self.wizard: OrderWizard | None = None
        self._closing: list[OrderWizard] = []  # closed, a backend call still running
        window.newCartRequested.connect(self.open_wizard)
        window.onlineChanged.connect(self._online_changed)
        sync.syncFinished.connect(self._synced)
        window.enable_ordering()

    @Slot(str)
    def resume_cart(self, cart_id: str) -> "OrderWizard":
        """Continue a stored cart in the wizard (for the carts-and-quotes overview)."""
        return self.open_wizard(cart_id=cart_id)

    @Slot(str, str)
    def open_wizard(self, customer_id: str = "", contract_id: str = "",
                    cart_id: str = "", transaction: str = "") -> "OrderWizard":
        """One wizard at a time; a second request brings the open one to the front.
        `transaction` (a BusinessTransaction value, e.g. from the contracts overview) is
        preselected with the contract."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        from desktop_app.gui.ordering.wizard import OrderWizard

        wizard = OrderWizard(self._client, self._cache, self._language, self._task_manager,
                             customer_id or None, contract_id or None,
                             BusinessTransaction(transaction) if transaction else None,
                             parent=self._window, cart_id=cart_id or None)
        wizard.orderSubmitted.connect(self._order_submitted)
        wizard.openOrderRequested.connect(self._window.open_order)
        wizard.documentRequested.connect(self._window.documentRequested)
        wizard.previewRequested.connect(self._window.previewRequested)
        wizard.printRequested.connect(self._window.printRequested)
        wizard.savePdfRequested.connect(self._window.savePdfRequested)
        wizard.finished.connect(self._wizard_finished)
        # A cart stored, kept or deleted: the cache learns it by a sync, so that the wizard's
        # local rules (one open cart per contract) and the carts window see it.
        wizard.cartsChanged.connect(self.request_sync)
        self._window.cacheRefreshed.connect(wizard.cache_refreshed)
        self.wizard = wizard
        if not self._window.is_online:  # e.g. resumed from a list while offline
            wizard.set_online(False, "")
        wizard.show()
        return wizard

    @Slot(bool, str)
    def _online_changed(self, online: bool, reason: str) -> None:
        if self.wizard is not None:
            self.wizard.set_online(online, reason)

    @Slot()
    def _wizard_finished(self) -> None:
        """Closed: deleted once its last backend call has come back (never waited for)."""
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            self._closing.append(wizard)
            self._dispose_closed()

    @Slot()
    def _dispose_closed(self) -> None:
        for wizard in list(self._closing):
            if not wizard.busy:
                self._closing.remove(wizard)
                wizard.deleteLater()
        if self._closing:
            QTimer.singleShot(DISPOSE_POLL_MS, self._dispose_closed)

    @Slot(str)
    def _order_submitted(self, order_id: str) -> None:
        """Pull the new order into the cache; the window selects it once it is listed."""
        self._window.open_order(order_id)
        self.request_sync()

    def request_sync(self) -> None:
        if not self._sync.request_sync():
            self._sync_again = True  # after the running one (it may have missed the order)

    @Slot(bool)
    def _synced(self, _ok: bool) -> None:
        if self._notice:
            self._window.show_banner(self._notice, "info")
            self._notice = ""
        if self._sync_again:
            self._sync_again = False
            self._sync.request_sync()

    # --- submissions left in flight -----------------------------------------------------------

    def resume_submissions(self) -> None:
        client, store, language = self._client, self._cache.store, self._language

        def work(_cancel: CancelToken, _report: ProgressReport) -> list[ResumeOutcome]:
            return resume_in_flight(client, store, language)

        (Operation(work, name="resume submissions").on_success(self._resumed)
         .on_failure(self._resume_failed).run_in(self._tasks))

    @Slot(object)
    def _resumed(self, outcomes: list[ResumeOutcome]) -> None:
        if not outcomes:
            return
        lines: list[str] = []
        for outcome in outcomes:
            if outcome.confirmation is not None:
                lines.append(self.tr("An order submission interrupted earlier has been "
                                     "completed: order %1.").replace(
                    "%1", outcome.confirmation.order.order_number))
            elif outcome.still_in_flight:
                lines.append(self.tr("An order submission interrupted earlier is still "
                                     "unconfirmed; it is retried at the next start."))
            elif outcome.error is not None:
                lines.append(self.tr("An order submission interrupted earlier was refused: "
                                     "%1").replace("%1", outcome.error.message(self._language)))
        self._notice = " ".join(lines)
        self._window.statusBar().showMessage(self._notice, 60_000)
        self.request_sync()  # brings the order in; the banner follows when it is done

    @Slot(object)
    def _resume_failed(self, error: BaseException) -> None:
        """E.g. the cache could not be read: in the status bar; a bug: the crash dialog."""
        errors.report(error, self._window, lambda text, _kind: self._window.statusBar()
                      .showMessage(text, 60_000), context="resuming submissions",
                      language=self._language)

    def shutdown(self) -> None:
        """At application exit: close the wizards and wait (bounded) for their calls."""
        for wizard in [w for w in (self.wizard, *self._closing) if w is not None]:
            wizard.ask_before_cancel = False  # the app is closing: the cart stays
            wizard.close()
            wizard.shutdown()
        self._tasks.shutdown()
