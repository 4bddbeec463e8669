"""Page 2: the business transaction and, for those acting on one, the contract.

The domain's rules run on every choice against the cached contract and its open carts (open
cart exists, terminated, minimum term without an approved request); their messages block
Next. Next then creates the cart on the backend, which checks the same rules again.

An open cart in the way (found in the cache, or named by the backend's refusal when the cache
has not caught up yet) is shown as the clerk knows it, with Resume and Delete; a refusal
blocks Next until the choice changes or the cart is gone.
"""

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api.errors import RuleViolationError
from desktop_app.cache import queries
from desktop_app.cache.ordering import contracts_of, open_carts_of_contract
from desktop_app.cache.records import ContractInfo
from desktop_app.contract.base import ViolationOut
from desktop_app.contract.carts import CartCreate, CartOut
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.entities import Contract
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
)
from desktop_app.domain.transactions import OpenCart as DomainOpenCart
from desktop_app.domain.transactions import (
    TransactionContext,
    check_transaction,
    needs_change_request,
    required_fee_items,
)
from desktop_app.domain.violations import Violation
from desktop_app.gui.common import formatting, questions
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.open_cart import (
    OPEN_CART_EXISTS,
    OpenCart,
    OpenCartBox,
    blocking_cart_id,
    cached_open_cart,
    describe,
    fetched_open_cart,
)
from desktop_app.gui.ordering.wizard.page import WizardPage
from desktop_app.gui.ordering.wizard.state import WizardState

FORM = "wizard_transaction.ui"
VALUE_ROLE = Qt.ItemDataRole.UserRole


def domain_contract(info: ContractInfo) -> Contract:
    return Contract(info.id, info.tenant_id, info.customer_id, info.contract_number,
                    info.product_code, info.state, info.start_date, info.minimum_term_months,
                    info.change_request)


class TransactionPage(WizardPage):
    resumeRequested = Signal(str)  # noqa: N815 (Qt naming): continue that cart instead
    cartDeleted = Signal(str)  # noqa: N815 — an open cart in the way was deleted
    cartCreated = Signal(str)  # noqa: N815 — Next stored a new cart on the backend

    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.open_cart_box = OpenCartBox(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.problem_box) + 1, self.open_cart_box)
        self.resume_cart_button = self.open_cart_box.resume_button
        self.delete_cart_button = self.open_cart_box.delete_button
        self.open_cart_box.resumeRequested.connect(self.resumeRequested)
        self.open_cart_box.deleteRequested.connect(self.delete_open_cart)
        # Tests replace the question.
        self.confirm: Callable[[str, str], bool] = partial(questions.confirmed, self)
        self._refused = False  # the backend refused the current choice
        self.setTitle(self.tr("Business transaction"))
        self.setSubTitle(self.tr("One cart holds one business transaction. Reorders, "
                                 "extensions, product changes and usage locations act on a "
                                 "contract."))
        self.transactions = self.widget(QListWidget, "transactionList")
        self.contracts = self.widget(QListWidget, "contractList")
        self.transaction_hint = self.widget(QLabel, "transactionHint")
        self.contract_hint = self.widget(QLabel, "contractHint")
        self._violations: list[Violation] = []
        self._wanted_contract: str | None = None
        for view in (self.transactions, self.contracts):
            view.setSpacing(3)
        self._fill_transactions()
        self.transactions.currentItemChanged.connect(self._changed)
        self.contracts.currentItemChanged.connect(self._changed)

    def _fill_transactions(self) -> None:
        with self.state.cache.store.session() as session:
            labels = {t.code: t for t in queries.business_transactions(session)}
        for transaction in BusinessTransaction:
            info = labels.get(transaction)
            text = (info.label_de if self.state.language == "de" else info.label_en) if info \
                else QCoreApplication.translate(_CONTEXT, str(_FALLBACK[transaction]))
            entry = QListWidgetItem(text)
            entry.setData(VALUE_ROLE, transaction)
            self.transactions.addItem(entry)

    def preselect(self, contract_id: str | None, transaction: BusinessTransaction | None) -> None:
        self._wanted_contract = contract_id
        if transaction is not None:
            self.select_transaction(transaction)

    def select_transaction(self, transaction: BusinessTransaction) -> None:
        for row in range(self.transactions.count()):
            if self.transactions.item(row).data(VALUE_ROLE) == transaction.value:
                self.transactions.setCurrentRow(row)

    def select_contract(self, contract_id: str) -> bool:
        for row in range(self.contracts.count()):
            info = self.contracts.item(row).data(VALUE_ROLE)
            if isinstance(info, ContractInfo) and info.id == contract_id:
                self.contracts.setCurrentRow(row)
                return True
        return False

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        """The party's contracts from the cache (kept when the party did not change)."""
        party = self.state.party
        shown = {self.contracts.item(r).data(VALUE_ROLE).customer_id
                 for r in range(self.contracts.count())}
        if party is None or shown == {party.id}:
            self._changed()
            return
        with self.state.cache.store.session() as session:
            found = contracts_of(session, party.id)
        self.contracts.blockSignals(True)
        self.contracts.clear()
        for info in found:
            entry = QListWidgetItem(self._contract_text(info))
            entry.setData(VALUE_ROLE, info)
            self.contracts.addItem(entry)
        self.contracts.blockSignals(False)
        if self._wanted_contract:
            self.select_contract(self._wanted_contract)
        self._changed()

    def _contract_text(self, info: ContractInfo) -> str:
        state = (self.tr("terminated") if info.state is ContractState.TERMINATED
                 else self.tr("running"))
        term = self.tr("minimum term until %1").replace(
            "%1", formatting.day(info.minimum_term_end))
        details = [state, term]
        if info.change_request is ChangeRequestState.APPROVED:
            details.append(self.tr("product change approved"))
        product = product_by_code(info.product_code)
        name = (product.name_de if self.state.language == "de" else product.name_en) \
            if product else info.product_code
        return f"{info.contract_number} · {name}\n{', '.join(details)}"

    # --- the rules --------------------------------------------------------------------------

    @property
    def transaction(self) -> BusinessTransaction | None:
        entry = self.transactions.currentItem()
        value = entry.data(VALUE_ROLE) if entry is not None else None
        # Qt hands a str-based enum back as a plain str.
        return BusinessTransaction(value) if isinstance(value, str) else None

    @property
    def contract(self) -> ContractInfo | None:
        entry = self.contracts.currentItem()
        value = entry.data(VALUE_ROLE) if entry is not None else None
        return value if isinstance(value, ContractInfo) and self._needs_contract() else None

    def _needs_contract(self) -> bool:
        transaction = self.transaction
        return transaction is not None and transaction.acts_on_contract

    def check(self) -> list[Violation]:
        """The domain's rules for the current choice, on the cached contract and carts."""
        transaction, party = self.transaction, self.state.party
        if transaction is None or party is None:
            return []
        info = self.contract
        others: tuple[DomainOpenCart, ...] = ()
        if info is not None:
            with self.state.cache.store.session() as session:
                carts = open_carts_of_contract(session, info.id)
            gone = {self.state.cart.id} if self.state.cart else set()
            gone |= self.state.deleted_cart_ids  # deleted here; the cache learns it by a sync
            others = tuple(DomainOpenCart(cart_id, kind) for cart_id, kind in carts
                           if cart_id not in gone)
        context = TransactionContext(transaction, party,
                                     domain_contract(info) if info else None, others,
                                     date.today())
        return check_transaction(context)

    @Slot()
    def _changed(self, *_args: object) -> None:
        needs = self._needs_contract()
        self.contracts.setEnabled(needs)
        self.contract_hint.setText(self._contract_hint(needs))
        self._refused = False  # a new choice: the backend has not refused it
        self._violations = self.check()
        cart_id = blocking_cart_id(self._violations)
        found = cached_open_cart(self.state.cache.store, cart_id) if cart_id else None
        self._show_rules(self._violations, found)
        self.refresh()

    # --- an open cart in the way ------------------------------------------------------------

    def _label_of(self, transaction: BusinessTransaction) -> str:
        for row in range(self.transactions.count()):
            if self.transactions.item(row).data(VALUE_ROLE) == transaction.value:
                return self.transactions.item(row).text()
        return transaction.value

    def _show_rules(self, violations: Sequence[Violation | ViolationOut],
                    cart: OpenCart | None) -> None:
        """The rules' messages; an open cart by what the clerk knows of it, not its id."""
        lines = []
        contract = self.contract
        for found in violations:
            if found.code == OPEN_CART_EXISTS and cart is not None:
                lines.append(self.tr("Contract %1 already has an open cart: %2.")
                             .replace("%1", contract.contract_number if contract else "")
                             .replace("%2", describe(cart, self._label_of(cart.transaction))))
            elif found.code == OPEN_CART_EXISTS:
                lines.append(self.tr("Contract %1 already has an open cart.")
                             .replace("%1", contract.contract_number if contract else ""))
            else:
                lines.append(found.message(self.state.language))
        self.show_problems(lines)
        self.open_cart_box.show_cart(cart, describe(cart, self._label_of(cart.transaction))
                                     if cart else "")

    def _create_refused(self, error: BaseException) -> None:
        """The backend refused the cart: Next stays off; an open cart it names is shown."""
        if not isinstance(error, RuleViolationError):
            return  # offline or the like: Next may try again
        self._refused = True
        cart_id = blocking_cart_id(error.violations)
        cart = cached_open_cart(self.state.cache.store, cart_id) if cart_id else None
        self._show_rules(error.violations, cart)
        if cart_id and cart is None:  # made since the last sync: ask the backend
            client, party = self.state.client, self.state.party
            customer = party.company if party else ""
            violations = list(error.violations)

            def shown(found: OpenCart) -> None:
                self._refused = True  # a successful call clears the problems: show again
                self._show_rules(violations, found)

            self.call(lambda: fetched_open_cart(client, cart_id, customer), shown)

    @Slot(str)
    def delete_open_cart(self, cart_id: str) -> None:
        cart = self.open_cart_box.cart
        if self.busy or cart is None or cart.cart_id != cart_id:
            return
        text = describe(cart, self._label_of(cart.transaction))
        if not self.confirm(self.tr("Delete cart"), self.tr(
                "Delete the open cart (%1)?\n\nThis cannot be undone.").replace("%1", text)):
            return
        client = self.state.client

        def deleted(_result: object) -> None:
            self.state.deleted_cart_ids.add(cart_id)
            self.cartDeleted.emit(cart_id)
            self._changed()

        self.call(lambda: client.delete_cart(cart_id), deleted)

    def recheck(self) -> None:
        """The cache changed (a sync): the rules again, unless a call or refusal stands."""
        if not self.busy and not self._refused:
            self._changed()

    def _contract_hint(self, needs: bool) -> str:
        if not needs:
            return self.tr("A new order always creates a new contract.")
        if self.contracts.count() == 0:
            return self.tr("This customer has no contracts in the local cache.")
        info, transaction = self.contract, self.transaction
        if info is None or transaction is None:
            return self.tr("Choose the contract this order acts on.")
        contract, today = domain_contract(info), date.today()
        if transaction.is_product_change and required_fee_items(transaction, contract, today) \
                and not needs_change_request(contract, today):
            return self.tr("Inside the minimum term: the change request is approved; the "
                           "product-change fee is added to the cart automatically.")
        return ""

    def ready(self) -> bool:
        if self.transaction is None or self._violations or self._refused:
            return False
        return not self._needs_contract() or self.contract is not None

    # --- Next creates the cart ---------------------------------------------------------------

    def _cart_matches(self) -> bool:
        cart, contract = self.state.cart, self.contract
        return (cart is not None and cart.business_transaction is self.transaction
                and cart.contract_id == (contract.id if contract else None)
                and self.state.party is not None and cart.customer_id == self.state.party.id)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self._cart_matches():
            return True
        if self.busy or not self.ready():
            return False
        party, transaction = self.state.party, self.transaction
        assert party is not None and transaction is not None  # ready()
        contract = self.contract
        client, old = self.state.client, self.state.cart
        body = CartCreate(customer_id=party.id, business_transaction=transaction,
                          contract_id=contract.id if contract else None)

        def work() -> CartOut:
            # A cart of an earlier choice in this wizard, still open: it would block this one.
            if old is not None and old.state is CartState.OPEN and old.quote_id is None:
                client.delete_cart(old.id)
            return client.create_cart(body)

        self.call(work, self._created, self._create_refused)
        return False

    def _created(self, cart: CartOut) -> None:
        self.state.cart, self.state.items, self.state.quote = cart, [], None
        self.state.transaction, self.state.contract = cart.business_transaction, self.contract
        current = self.transactions.currentItem()
        self.state.transaction_label = current.text() if current is not None else ""
        self.cartCreated.emit(cart.id)
        self.go_next()


# Before the first catalog sync; marked for translation with the page's context.
_CONTEXT = "TransactionPage"
_FALLBACK = {
    BusinessTransaction.NEW_ORDER: QT_TRANSLATE_NOOP("TransactionPage", "New order"),
    BusinessTransaction.REORDER: QT_TRANSLATE_NOOP("TransactionPage", "Reorder"),
    BusinessTransaction.CONTRACT_EXTENSION:
        QT_TRANSLATE_NOOP("TransactionPage", "Contract extension"),
    BusinessTransaction.PRODUCT_CHANGE: QT_TRANSLATE_NOOP("TransactionPage", "Product change"),
    BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER:
        QT_TRANSLATE_NOOP("TransactionPage", "Product change with new order"),
    BusinessTransaction.USAGE_LOCATION: QT_TRANSLATE_NOOP("TransactionPage", "Usage location"),
}
