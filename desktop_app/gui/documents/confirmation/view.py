"""The order-receipt confirmation page (Auftragseingangsbestätigungsseite): a reusable
widget, shown by the wizard right after submitting and reopened later from the cache.

It only shows; what its buttons ask for goes out by signal: `documentRequested(document_id)`
(open), `previewRequested`, `printRequested` and `savePdfRequested(order_id)` (the confirmation
document), `openOrderRequested(order_id)` (jump to the order in the overview).
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.cache.records import (
    BusinessTransactionInfo,
    DocumentInfo,
    OrderDetail,
    RecipientDetail,
    StatusInfo,
)
from desktop_app.domain.recipients import confirmation_recipients
from desktop_app.gui.common import formatting
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.items_view import ItemsView, TotalsView
from desktop_app.gui.panels.lists_view import LocationsView
from desktop_app.gui.panels.widgets import bold, fresh_grid, muted, prepare_values, value

FORM = "confirmation.ui"


def _embed(container: QWidget, widget: QWidget) -> None:
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


class ConfirmationView(QWidget):
    documentRequested = Signal(str)  # noqa: N815 (Qt naming)
    previewRequested = Signal(str)  # noqa: N815
    printRequested = Signal(str)  # noqa: N815
    savePdfRequested = Signal(str)  # noqa: N815
    openOrderRequested = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = form = load_form(FORM, self)
        prepare_values(form)
        self._order_id = ""
        self._items, self._totals, self._locations = ItemsView(), TotalsView(), LocationsView()
        for name, view in (("itemsHost", self._items), ("totalsHost", self._totals),
                           ("locationsHost", self._locations)):  # fmt: skip
            _embed(child(form, QWidget, name), view)
        self._documents = child(form, QWidget, "documentsHost")
        self._recipients = child(form, QWidget, "recipientsHost")
        bold(self._label("titleLabel"), 1.4)
        muted(self._label("subtitleLabel"))
        self.open_order_button = child(form, QPushButton, "openOrderButton")
        self.open_order_button.clicked.connect(lambda: self.openOrderRequested.emit(self._order_id))
        self._shown_recipients: list[tuple[str, list[str]]] = []

    def _label(self, name: str) -> QLabel:
        return child(self._form, QLabel, name)

    @property
    def order_id(self) -> str:
        return self._order_id

    def show_order(self, detail: OrderDetail, statuses: Sequence[StatusInfo],
                   transactions: Sequence[BusinessTransactionInfo], language: str,
                   recipient_problems: Sequence[str] = ()) -> None:
        catalog = Catalog.of(statuses, transactions, language)
        self._order_id = detail.id
        self._label("titleLabel").setText(self.tr("Order received: %1").replace(
            "%1", detail.order_number))
        self._label("subtitleLabel").setText(self.tr(
            "The provider has received the order. A confirmation email went to the "
            "recipients below."))
        product = catalog.pick(detail.product_name_de, detail.product_name_en)
        facts = {
            "orderNumber": detail.order_number,
            "orderDate": formatting.moment(detail.created_at),
            "customer": detail.customer_name,
            "transaction": catalog.transaction_label(detail.business_transaction),
            "product": product,
            "status": catalog.status_label(detail.status),
            "contract": detail.contract_number or self.tr("assigned during processing"),
            "quote": self.tr("%1 (approver: %2)").replace("%1", detail.quote_number or "")
            .replace("%2", detail.approver_email or "–") if detail.quote_id
            else self.tr("none (power of attorney)"),
            "confirmedBy": detail.created_by_name,
            "tenant": detail.tenant_name,
        }
        for name, text in facts.items():
            self._label(f"{name}Value").setText(text)
        self._items.show_items(detail.items, catalog)
        self._locations.show_locations(detail.items, catalog)
        self._totals.show_totals(detail)
        self._show_documents(detail.documents, catalog)
        self._show_recipients(detail.recipients, catalog)
        problems = self._label("recipientProblemsLabel")
        problems.setText("\n".join(recipient_problems))
        problems.setVisible(bool(recipient_problems))

    def _show_documents(self, documents: tuple[DocumentInfo, ...], catalog: Catalog) -> None:
        grid = fresh_grid(self._documents)
        grid.setColumnStretch(0, 1)
        self._label("noDocumentsLabel").setVisible(not documents)
        for row, document in enumerate(documents):
            details = ", ".join(p for p in (document.filename, formatting.size(document.size))
                                if p)
            title = catalog.pick(document.title_de, document.title_en)
            grid.addWidget(bold(value(title)), 2 * row, 0)
            grid.addWidget(muted(value(details)), 2 * row + 1, 0)
            buttons = QWidget()
            line = QHBoxLayout(buttons)
            line.setContentsMargins(0, 0, 0, 0)
            opener = QPushButton(self.tr("Open"))
            opener.setObjectName(f"open:{document.id}")
            opener.clicked.connect(lambda _=False, d=document.id: self.documentRequested.emit(d))
            line.addWidget(opener)
            if document.kind == "confirmation":
                preview = QPushButton(self.tr("Preview…"))
                preview.setObjectName("previewButton")
                preview.clicked.connect(lambda: self.previewRequested.emit(self._order_id))
                line.addWidget(preview)
                printer = QPushButton(self.tr("Print…"))
                printer.setObjectName("printButton")
                printer.clicked.connect(lambda: self.printRequested.emit(self._order_id))
                saver = QPushButton(self.tr("Save as PDF…"))
                saver.setObjectName("savePdfButton")
                saver.clicked.connect(lambda: self.savePdfRequested.emit(self._order_id))
                line.addWidget(printer)
                line.addWidget(saver)
            line.addStretch(1)
            grid.addWidget(buttons, 2 * row, 1, 2, 1, Qt.AlignmentFlag.AlignTop)

    def _show_recipients(self, recipients: tuple[RecipientDetail, ...],
                         catalog: Catalog) -> None:
        grid = fresh_grid(self._recipients)
        grid.setColumnStretch(1, 1)
        self._shown_recipients = []
        # The domain's rule once more: each address once, its sources in the rule's order
        # (an older cache or backend might list an address twice).
        merged = confirmation_recipients(
            (source, recipient.email) for recipient in recipients
            for source in recipient.sources).recipients
        for row, recipient in enumerate(merged):
            sources = [catalog.source_label(source) for source in recipient.sources]
            grid.addWidget(bold(value(recipient.email, wrap=False)), row, 0)
            grid.addWidget(muted(value(", ".join(sources))), row, 1)
            self._shown_recipients.append((recipient.email, sources))
        if not recipients:
            grid.addWidget(muted(value(self.tr("No recipients recorded."))), 0, 0)

    @property
    def shown_recipients(self) -> list[tuple[str, list[str]]]:
        """(email, source labels) per line, as shown."""
        return list(self._shown_recipients)
