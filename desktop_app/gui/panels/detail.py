"""The order detail page (Auftragsdetailseite): everything captured while ordering, read-only."""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache.records import BusinessTransactionInfo, OrderDetail, StatusInfo
from desktop_app.domain.enums import PartyKind
from desktop_app.gui.common import formatting
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.documents import DocumentsList
from desktop_app.gui.panels.flow import acts_on_existing_contract, contract_number
from desktop_app.gui.panels.items_view import ItemsView, TotalsView
from desktop_app.gui.panels.lists_view import LocationsView, RecipientsView
from desktop_app.gui.panels.widgets import bold, muted, prepare_values, set_row

FORM = "order_detail.ui"


def _embed(container: QWidget, widget: QWidget) -> None:
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


class OrderDetailPanel(QWidget):
    """Shows one cached order; `documentRequested(document_id)` asks the window to open one."""

    documentRequested = Signal(str)  # noqa: N815 (Qt naming)
    confirmationRequested = Signal(str)  # noqa: N815 (Qt naming): the order's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = form = load_form(FORM, self)
        prepare_values(form)
        self._pages = child(form, QStackedWidget, "pages")
        self._items, self._totals = ItemsView(), TotalsView()
        self._locations, self._recipients = LocationsView(), RecipientsView()
        for name, view in (("itemsTable", self._items), ("totalsTable", self._totals),
                           ("locationsList", self._locations),
                           ("recipientsList", self._recipients)):  # fmt: skip
            _embed(child(form, QWidget, name), view)
        self._documents = DocumentsList(
            child(form, QListWidget, "documentsList"),
            child(form, QPushButton, "openButton"),
            child(form, QLabel, "noDocumentsLabel"),
            self,
        )
        self._documents.documentRequested.connect(self.documentRequested)
        self._confirmation_row(visible=False)  # until a window hands in its actions
        self._order_id = ""
        child(form, QPushButton, "confirmationButton").clicked.connect(
            lambda: self.confirmationRequested.emit(self._order_id))
        bold(self._label("titleLabel"), 1.4)
        muted(self._label("subtitleLabel"))
        self._style_hint(self._label("readOnlyHint"))
        self.show_order(None, (), (), "de")

    def _confirmation_row(self, *, visible: bool) -> None:
        for name in ("confirmationLabel", "confirmationPreviewButton", "confirmationPrintButton",
                     "confirmationSaveButton"):
            child(self._form, QWidget, name).setVisible(visible)

    def set_confirmation_actions(self, preview: QAction, print_: QAction, save: QAction) -> None:
        """The confirmation's buttons (short texts of their own) trigger the window's actions
        and follow their enabled state."""
        self._confirmation_row(visible=True)
        for name, action in (("confirmationPreviewButton", preview),
                             ("confirmationPrintButton", print_),
                             ("confirmationSaveButton", save)):  # fmt: skip
            button = child(self._form, QPushButton, name)
            button.setToolTip(f"{action.text().replace('&', '')} "
                              f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)

    def _label(self, name: str) -> QLabel:
        return child(self._form, QLabel, name)

    def _set(self, name: str, text: str | None) -> None:
        field = self._label(name + "Value")
        parent = field.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QFormLayout):
            set_row(layout, field, text)
        else:
            field.setText(text or "")

    def _style_hint(self, hint: QLabel) -> None:
        hint.setObjectName("readOnlyHint")
        hint.setStyleSheet(
            "QLabel#readOnlyHint { border: 1px solid palette(mid); border-radius: 4px;"
            " padding: 4px 8px; color: palette(window-text); background: palette(alternate-base); }"
        )
        hint.setToolTip(
            self.tr(
                "Orders are processed by the provider as submitted. To change "
                "something, start a new cart (for example a product change)."
            )
        )

    def show_order(
        self,
        detail: OrderDetail | None,
        statuses: Sequence[StatusInfo],
        transactions: Sequence[BusinessTransactionInfo],
        language: str,
    ) -> None:
        """Show `detail`, or the placeholder when no order is selected (None)."""
        if detail is None:
            self._pages.setCurrentIndex(0)
            return
        catalog = Catalog.of(statuses, transactions, language)
        self._order_id = detail.id
        self._show_header(detail, catalog)
        self._show_customer(detail)
        self._show_order_facts(detail, catalog)
        self._show_quote(detail)
        self._items.show_items(detail.items, catalog)
        self._totals.show_totals(detail)
        self._locations.show_locations(detail.items, catalog)
        self._recipients.show_recipients(detail.recipients, catalog)
        self._documents.show_documents(detail.documents, catalog)
        self._pages.setCurrentIndex(1)

    def _show_header(self, detail: OrderDetail, catalog: Catalog) -> None:
        self._label("titleLabel").setText(self.tr("Order %1").replace("%1", detail.order_number))
        product = catalog.pick(detail.product_name_de, detail.product_name_en)
        self._label("subtitleLabel").setText(" · ".join((
            detail.customer_name, catalog.transaction_label(detail.business_transaction),
            product, catalog.status_label(detail.status),
        )))  # fmt: skip

    def _show_customer(self, detail: OrderDetail) -> None:
        customer = detail.customer
        group = child(self._form, QGroupBox, "customerGroup")
        if customer is None:
            group.setTitle(self.tr("Customer or prospect"))
            missing = self.tr("not in the local cache")
            self._set("customerKind", None)
            self._set("customerName", detail.customer_name)
            for name in ("customerNumber", "contact", "address", "email"):
                self._set(name, missing)
        else:
            prospect = customer.kind is PartyKind.PROSPECT
            group.setTitle(self.tr("Prospect") if prospect else self.tr("Customer"))
            self._set("customerKind", self.tr("Prospect (no contracts yet)") if prospect
                      else self.tr("Existing customer"))  # fmt: skip
            self._set("customerName", customer.company)
            self._set("customerNumber", customer.customer_number)
            self._set("contact", customer.contact_name or None)
            country = "" if customer.country in ("DE", "") else f", {customer.country}"
            self._set("address", f"{customer.street}\n{customer.postal_code} {customer.city}"
                      f"{country}")  # fmt: skip
            self._set("email", customer.email or self.tr("no email in the master data"))
        self._set("tenant", detail.tenant_name)

    def _show_order_facts(self, detail: OrderDetail, catalog: Catalog) -> None:
        self._set("orderNumber", detail.order_number)
        self._set("orderDate", formatting.moment(detail.created_at))
        self._set("transaction", catalog.transaction_label(detail.business_transaction))
        self._set("product", catalog.pick(detail.product_name_de, detail.product_name_en))
        self._set("confirmedBy", detail.created_by_name)
        self._set("contract", self._contract_text(detail))

    def _contract_text(self, detail: OrderDetail) -> str:
        """The order's contract number; while an order on an existing contract is processed,
        that contract (a product change gets a new number when processed)."""
        if not acts_on_existing_contract(detail):
            return detail.contract_number or self.tr("not yet assigned")
        number = contract_number(detail)
        if not number:
            return self.tr("existing contract, not in the local cache")
        if detail.business_transaction.is_product_change:
            return self.tr("%1 (existing contract; gets a new number when processed)").replace(
                "%1", number)
        return self.tr("%1 (existing contract)").replace("%1", number)

    def _show_quote(self, detail: OrderDetail) -> None:
        has_quote = detail.quote_id is not None
        self._label("noQuoteLabel").setVisible(not has_quote)
        child(self._form, QWidget, "quoteDetails").setVisible(has_quote)
        if not has_quote:
            return
        quote = detail.quote
        self._set("quoteNumber", detail.quote_number or detail.quote_id)
        self._set("quoteCreatedBy", detail.quote_created_by_name or
                  (quote.created_by_name if quote else None))  # fmt: skip
        self._set("quoteCreatedAt", formatting.moment(quote.created_at) if quote else None)
        self._set("approver", detail.approver_email or self.tr("not recorded"))
        decided = quote.customer_decided_at if quote else None
        self._set("approvedAt", formatting.moment(decided) if decided else None)
