"""The cart → quote → order wizard (QWizard; each page from a Designer form in ui/).

Opened empty (Ctrl+N, tool bar) or for a customer/contract in context. Backend calls run on
the wizard's task group (network lane); closing drops calls not started yet. Signals for the
main window:
`orderSubmitted(order_id)` once the backend confirmed, `openOrderRequested(order_id)`, and
the confirmation's `documentRequested`, `printRequested`, `savePdfRequested`, and
`cartsChanged()` when a cart was stored or deleted (the owner syncs, so that the cache's
rules and the carts-and-quotes window know it). Cancel with a cart stored asks whether to
keep it, delete it or go back.
"""

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.cache.ordering import contracts_of
from desktop_app.contract.auth import MeOut
from desktop_app.contract.carts import CartOut
from desktop_app.domain.enums import BusinessTransaction, CartState
from desktop_app.gui.common import screen_fit
from desktop_app.gui.common.tasks import Lane, TaskManager
from desktop_app.gui.ordering.wizard.approval_page import ApprovalPage
from desktop_app.gui.ordering.wizard.cart_page import CartPage
from desktop_app.gui.ordering.wizard.confirmation_page import ConfirmationPage
from desktop_app.gui.ordering.wizard.customer_page import CustomerPage, party_from_wire
from desktop_app.gui.ordering.wizard.ids import PageId
from desktop_app.gui.ordering.wizard.open_cart import CancelQuestion, OpenCart, describe
from desktop_app.gui.ordering.wizard.page import WizardPage
from desktop_app.gui.ordering.wizard.quote_page import QuotePage
from desktop_app.gui.ordering.wizard.resume import StoredCart, items_in, load_cart, resume_page
from desktop_app.gui.ordering.wizard.state import WizardState
from desktop_app.gui.ordering.wizard.submit_page import SubmitPage
from desktop_app.gui.ordering.wizard.transaction_page import TransactionPage
from desktop_app.sync.live_cache import LiveCache


class OrderWizard(QWizard):
    orderSubmitted = Signal(str)  # noqa: N815 (Qt naming)
    openOrderRequested = Signal(str)  # noqa: N815
    documentRequested = Signal(str)  # noqa: N815
    previewRequested = Signal(str)  # noqa: N815
    printRequested = Signal(str)  # noqa: N815
    savePdfRequested = Signal(str)  # noqa: N815
    cartsChanged = Signal()  # noqa: N815

    def __init__(self, client: ApiClient, cache: LiveCache, language: Language,
                 tasks: TaskManager, customer_id: str | None = None, contract_id: str | None = None,
                 transaction: BusinessTransaction | None = None,
                 parent: QWidget | None = None, *, cart_id: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New cart"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.runner = tasks.group(self, Lane.NETWORK)
        self.state = WizardState(client, cache, language)
        self.customer_page = CustomerPage(self.state, self.runner)
        self.transaction_page = TransactionPage(self.state, self.runner)
        self.cart_page = CartPage(self.state, self.runner)
        self.quote_page = QuotePage(self.state, self.runner)
        self.approval_page = ApprovalPage(self.state, self.runner)
        self.submit_page = SubmitPage(self.state, self.runner)
        self.confirmation_page = ConfirmationPage(self.state)
        for page_id, page in ((PageId.CUSTOMER, self.customer_page),
                              (PageId.TRANSACTION, self.transaction_page),
                              (PageId.CART, self.cart_page), (PageId.QUOTE, self.quote_page),
                              (PageId.APPROVAL, self.approval_page),
                              (PageId.SUBMIT, self.submit_page),
                              (PageId.CONFIRMATION, self.confirmation_page)):  # fmt: skip
            self.setPage(int(page_id), page)
        view = self.confirmation_page.view
        view.documentRequested.connect(self.documentRequested)
        view.previewRequested.connect(self.previewRequested)
        view.printRequested.connect(self.printRequested)
        view.savePdfRequested.connect(self.savePdfRequested)
        view.openOrderRequested.connect(self._open_order)
        self.currentIdChanged.connect(self._page_changed)
        self.transaction_page.resumeRequested.connect(self.resume)
        self.transaction_page.cartCreated.connect(self.cartsChanged)
        self.transaction_page.cartDeleted.connect(self.cartsChanged)
        self.cancel_box: CancelQuestion | None = None
        self.ask_before_cancel = True  # off at application exit
        if customer_id and self.customer_page.preselect(customer_id):
            self.transaction_page.preselect(contract_id, transaction)
            self.setStartId(int(PageId.TRANSACTION))
        screen_fit.open_fitted(self, QSize(1100, 760))
        self._load_me()
        if cart_id:
            self.resume(cart_id)

    def resume(self, cart_id: str) -> None:
        """Continue a cart stored on the backend (from the carts-and-quotes overview)."""
        client = self.state.client
        page = self.currentPage()
        shown = page if isinstance(page, WizardPage) else self.customer_page
        shown.call(lambda: load_cart(client, cart_id), self._cart_loaded)

    def _cart_loaded(self, stored: StoredCart) -> None:
        state, cart = self.state, stored.cart
        state.party = party_from_wire(stored.party)
        state.cart, state.quote, state.transaction = cart, stored.quote, cart.business_transaction
        state.items = items_in(cart.items)
        with state.cache.store.session() as session:
            contracts = contracts_of(session, cart.customer_id)
        state.contract = next((c for c in contracts if c.id == cart.contract_id), None)
        self.customer_page.preselect(cart.customer_id)
        self.transaction_page.preselect(cart.contract_id, cart.business_transaction)
        self.transaction_page.initializePage()
        current = self.transaction_page.transactions.currentItem()
        state.transaction_label = current.text() if current is not None else ""
        self.cart_page.mark_valid(cart.state is CartState.OPEN)
        self.setStartId(int(resume_page(stored)))
        self.restart()

    def _load_me(self) -> None:
        """Who is ordering (role, power of attorney); also the first sign of being offline."""
        client = self.state.client
        page = self.customer_page
        page.call(client.me, self._me_loaded)

    @Slot(object)
    def _me_loaded(self, me: MeOut) -> None:
        self.state.me = me
        if self.currentId() == int(PageId.QUOTE):  # power of attorney known only now
            self.quote_page.initializePage()

    @Slot(int)
    def _page_changed(self, page_id: int) -> None:
        if page_id == int(PageId.CONFIRMATION) and self.state.confirmation is not None:
            self.orderSubmitted.emit(self.state.confirmation.order.id)
        if page_id == int(PageId.CART):  # also when coming back: read-only after a quote
            self.cart_page.show_cart()
        if page_id in (int(PageId.CART), int(PageId.QUOTE)) and self.state.me is None:
            self._load_me()  # it failed offline at the start: the quote page needs it

    @Slot(str)
    def _open_order(self, order_id: str) -> None:
        self.openOrderRequested.emit(order_id)
        self.accept()

    # --- cancelling with a cart stored -------------------------------------------------------

    def _cart_to_ask_about(self) -> CartOut | None:
        cart, state = self.state.cart, self.state
        if cart is None or state.confirmation is not None or cart.state is CartState.ORDERED:
            return None
        return cart if cart.id not in state.deleted_cart_ids else None

    def reject(self) -> None:
        """Cancel, Esc or the close button: with a cart stored, ask first (keep it to resume
        later, delete it, or go back); the question does not block the event loop."""
        cart = self._cart_to_ask_about()
        if not self.ask_before_cancel or cart is None:
            super().reject()
            return
        if self.cancel_box is not None:
            self.cancel_box.raise_()
            return
        quote = self.state.quote
        party = self.state.party
        description = describe(OpenCart(cart.id, party.company if party else "",
                                        cart.business_transaction, cart.created_at,
                                        quote.quote_number if quote else None),
                               self.state.transaction_label)
        box = CancelQuestion(description, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._cancel_answered(button, cart.id))
        self.cancel_box = box
        box.open()

    def _cancel_answered(self, button: object, cart_id: str) -> None:
        box, self.cancel_box = self.cancel_box, None
        if box is None or button is box.back_button:
            return
        if button is box.keep_button:
            self.cartsChanged.emit()  # the cache learns of it: the rules and lists find it
            super().reject()
            return
        client, page = self.state.client, self.currentPage()
        assert isinstance(page, WizardPage)

        def deleted(_result: object) -> None:
            self.state.deleted_cart_ids.add(cart_id)
            self.cartsChanged.emit()
            super(OrderWizard, self).reject()

        page.call(lambda: client.delete_cart(cart_id), deleted)  # a failure shows on the page

    @Slot()
    def cache_refreshed(self) -> None:
        """A sync changed the cache: the transaction page's rules see its carts now."""
        if self.currentPage() is self.transaction_page:
            self.transaction_page.recheck()

    def done(self, result: int) -> None:
        # Closing never waits for the network: calls not started yet are dropped; one that
        # runs finishes in the background (a submission still lands in the cache, and the
        # owner deletes the wizard once `busy` is over: see gui/ordering/controller.py).
        self.runner.cancel_all()
        super().done(result)

    def set_online(self, online: bool, reason: str = "") -> None:
        """The main window's online state: offline, every page says the wizard needs the
        backend (what was entered stays; calls made meanwhile fail with the same message)."""
        for page_id in self.pageIds():
            page = self.page(page_id)
            if isinstance(page, WizardPage):
                page.set_offline(None if online else reason)

    @property
    def busy(self) -> bool:
        return self.runner.active > 0

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """At application exit: wait for running calls (bounded)."""
        return self.runner.shutdown(timeout_ms)
