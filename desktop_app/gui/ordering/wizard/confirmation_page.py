"""Page 7: the order-receipt confirmation, from the backend's answer."""

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from desktop_app.cache import queries
from desktop_app.cache.ordering import customer as cached_customer
from desktop_app.gui.documents.confirmation import ConfirmationView, detail_from_confirmation
from desktop_app.gui.ordering.wizard.state import WizardState


class ConfirmationPage(QWizardPage):
    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Order-receipt confirmation"))
        self.setFinalPage(True)
        self.view = ConfirmationView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        confirmation = self.state.confirmation
        if confirmation is None:
            return
        with self.state.cache.store.session() as session:  # labels and one customer row
            statuses = queries.statuses(session)
            transactions = queries.business_transactions(session)
            customer = cached_customer(session, confirmation.order.customer_id)
        language = self.state.language
        problems = [v.message(language) for v in confirmation.recipient_problems]
        self.view.show_order(detail_from_confirmation(confirmation, customer), statuses,
                             transactions, language, problems)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return -1
