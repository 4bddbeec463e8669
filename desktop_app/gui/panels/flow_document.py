"""One step of the document flow shown on its own: the cart, the quote or the contract an
order came from, read from the cache (works offline). For a contract the clerk can go on
to every order placed on it (`contractOrdersRequested(contract_number)`)."""

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.cache.records import CartSummary, ContractInfo, OrderDetail, QuoteSummary
from desktop_app.domain.enums import CartState, ChangeRequestState, ContractState
from desktop_app.gui.common import formatting
from desktop_app.gui.panels.document_states import quote_state_label
from desktop_app.gui.panels.flow import FlowKind
from desktop_app.gui.panels.widgets import value


class FlowDocumentDialog(QDialog):
    contractOrdersRequested = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, kind: FlowKind, detail: OrderDetail, english: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"flowDocument_{kind.value}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._english = english
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if kind is FlowKind.CART and detail.cart is not None:
            self._show_cart(detail.cart, detail)
        elif kind is FlowKind.QUOTE and detail.quote is not None:
            self._show_quote(detail.quote)
        elif kind is FlowKind.CONTRACT and detail.contract is not None:
            self._show_contract(detail.contract, detail)
            orders = buttons.addButton(self.tr("Orders on this contract"),
                                       QDialogButtonBox.ButtonRole.ActionRole)
            orders.setObjectName("contractOrdersButton")
            number = detail.contract.contract_number
            orders.clicked.connect(lambda: self._contract_orders(number))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _row(self, label: str, text: str | None) -> None:
        if text:  # unwrapped: the dialog grows to the facts (a wrapped label was cut off)
            field = value(text, wrap=False)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(QLabel(label, self), field)

    def _amounts(self, monthly_net: int, monthly_gross: int, one_time_net: int,
                 one_time_gross: int) -> None:
        self._row(self.tr("Monthly"), self.tr("%1 net / %2 gross").replace(
            "%1", formatting.money(monthly_net)).replace("%2", formatting.money(monthly_gross)))
        self._row(self.tr("One-time"), self.tr("%1 net / %2 gross").replace(
            "%1", formatting.money(one_time_net)).replace("%2", formatting.money(one_time_gross)))

    def _show_cart(self, cart: CartSummary, detail: OrderDetail) -> None:
        self.setWindowTitle(self.tr("Cart of order %1").replace("%1", detail.order_number))
        states = {CartState.OPEN: self.tr("open"), CartState.QUOTED: self.tr("quoted"),
                  CartState.ORDERED: self.tr("ordered")}
        self._row(self.tr("Customer"), cart.customer_name or detail.customer_name)
        self._row(self.tr("State"), states[cart.state])
        self._row(self.tr("Created"), self._by(cart.created_at, self._cart_author(cart, detail)))
        names = cart.product_names_en if self._english else cart.product_names_de
        self._row(self.tr("Products"), "\n".join(names))
        self._amounts(cart.monthly_net_cents, cart.monthly_gross_cents,
                      cart.one_time_net_cents, cart.one_time_gross_cents)

    def _by(self, when: datetime, who: str | None) -> str:
        moment = formatting.moment(when)
        return self.tr("%1 by %2").replace("%1", moment).replace("%2", who) if who else moment

    @staticmethod
    def _cart_author(cart: CartSummary, detail: OrderDetail) -> str | None:
        """The cart's author by name where the cache knows it (the cart itself holds only the
        user id, which says nothing to a clerk)."""
        if cart.created_by == detail.created_by:
            return detail.created_by_name
        if detail.quote is not None and cart.created_by == detail.quote.created_by:
            return detail.quote.created_by_name
        return None

    def _show_quote(self, quote: QuoteSummary) -> None:
        self.setWindowTitle(self.tr("Quote %1").replace("%1", quote.quote_number))
        self._row(self.tr("Quote number"), quote.quote_number)
        self._row(self.tr("Customer"), quote.customer_name)
        self._row(self.tr("State"), quote_state_label(quote.state))
        self._row(self.tr("Created"), self._by(quote.created_at, quote.created_by_name))
        self._row(self.tr("Valid until"), formatting.day(quote.valid_until))
        if quote.sent_at is not None:
            self._row(self.tr("Sent"), self.tr("%1 to %2").replace(
                "%1", formatting.moment(quote.sent_at)).replace("%2", ", ".join(quote.sent_to)))
        self._row(self.tr("Approver"), quote.approver_email)
        if quote.customer_decided_at is not None:
            self._row(self.tr("Customer decided"), formatting.moment(quote.customer_decided_at))
        if quote.provider_approval_required:
            approved = (self.tr("approved by %1 on %2").replace(
                "%1", quote.provider_approved_by or "").replace(
                "%2", formatting.moment(quote.provider_approved_at))
                if quote.provider_approved_at is not None else self.tr("pending"))
            self._row(self.tr("Provider approval"), approved)
        self._amounts(quote.monthly_net_cents, quote.monthly_gross_cents,
                      quote.one_time_net_cents, quote.one_time_gross_cents)

    def _show_contract(self, contract: ContractInfo, detail: OrderDetail) -> None:
        self.setWindowTitle(self.tr("Contract %1").replace("%1", contract.contract_number))
        states = {ContractState.RUNNING: self.tr("running"),
                  ContractState.TERMINATED: self.tr("terminated")}
        changes = {ChangeRequestState.PENDING: self.tr("product change requested"),
                   ChangeRequestState.APPROVED: self.tr("product change approved"),
                   ChangeRequestState.REJECTED: self.tr("product change rejected")}
        product = contract.product_code
        if contract.product_code == detail.product_code:
            name = detail.product_name_en if self._english else detail.product_name_de
            product = f"{name} ({contract.product_code})"
        self._row(self.tr("Contract number"), contract.contract_number)
        self._row(self.tr("Customer"), detail.customer_name)
        self._row(self.tr("Product"), product)
        self._row(self.tr("State"), states[contract.state])
        self._row(self.tr("Start"), formatting.day(contract.start_date))
        self._row(self.tr("Minimum term"), self.tr("%1 months, until %2").replace(
            "%1", str(contract.minimum_term_months)).replace(
            "%2", formatting.day(contract.minimum_term_end)))
        self._row(self.tr("Change request"), changes.get(contract.change_request))

    def _contract_orders(self, contract_number: str) -> None:
        self.contractOrdersRequested.emit(contract_number)
        self.accept()
