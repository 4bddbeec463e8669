"""Page 6: the order's summary, then "Submit order" (the wizard's Next button on this page).

The wizard's Idempotency-Key is written to the cache before the request leaves
(`sync.submission.submit_once`); after a timeout or a dropped connection the clerk presses
Submit again and the same key makes sure only one order exists.
"""

from PySide6.QtWidgets import QLabel, QWidget, QWizard

from desktop_app.api.errors import OfflineError
from desktop_app.contract.orders import OrderConfirmation
from desktop_app.gui.common import formatting
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.page import WizardPage
from desktop_app.gui.ordering.wizard.quote_page import quote_expired
from desktop_app.gui.ordering.wizard.state import WizardState
from desktop_app.sync.submission import submit_once

FORM = "wizard_submit.ui"


class SubmitPage(WizardPage):
    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.setTitle(self.tr("Order"))
        self.setSubTitle(self.tr("Check the summary, then submit the order."))
        self.setCommitPage(True)  # no way back to a cart that has been ordered
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Submit order"))

    def _value(self, name: str, text: str) -> None:
        self.widget(QLabel, f"{name}Value").setText(text)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        state = self.state
        party, cart, quote = state.party, state.cart, state.quote
        self._value("customer", f"{party.company} ({party.email or '–'})" if party else "–")
        self._value("transaction", state.transaction_label)
        contract = state.contract
        self._value("contract", contract.contract_number if contract
                    else self.tr("a new contract is created"))
        german = state.language == "de"
        items = [f"{line.quantity} × "
                 f"{line.product_name_de if german else line.product_name_en}"
                 for line in (cart.items if cart else [])]
        self._value("items", "\n".join(items))
        totals = cart.totals if cart else None
        if totals is not None:
            self._value("monthly", self.tr("%1 net, %2 gross").replace(
                "%1", formatting.money(totals.monthly_net_cents)).replace(
                "%2", formatting.money(totals.monthly_gross_cents)))
            self._value("oneTime", self.tr("%1 net, %2 gross").replace(
                "%1", formatting.money(totals.one_time_net_cents)).replace(
                "%2", formatting.money(totals.one_time_gross_cents)))
        if quote is None:
            self._value("quote", self.tr("none – ordered on the sales partner's power of "
                                         "attorney"))
        else:
            self._value("quote", self.tr("%1, approved by %2").replace(
                "%1", quote.quote_number).replace("%2", quote.approver_email or "–"))
            if quote_expired(quote):
                self.show_problems([self.tr("The quote expired on %1; it cannot be ordered. "
                                            "Start a new cart.").replace(
                    "%1", formatting.day(quote.valid_until))])
        self.refresh()

    def ready(self) -> bool:
        quote = self.state.quote
        return quote is None or not quote_expired(quote)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Next = submit: True once the backend confirmed; the submission runs meanwhile."""
        if self.state.confirmation is not None:
            return True
        cart = self.state.cart
        if cart is None or self.busy or not self.ready():
            return False
        state = self.state
        quote_id = state.quote.id if state.quote else None
        store, client, key = state.cache.store, state.client, state.idempotency_key
        self.call(lambda: submit_once(client, store, key, cart.id, quote_id, state.language),
                  self._confirmed, self._failed)
        return False

    def _confirmed(self, confirmation: OrderConfirmation) -> None:
        self.state.confirmation = confirmation
        self.go_next()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, OfflineError):
            self.show_problems([
                self.tr("The connection dropped while submitting. The order may already have "
                        "reached the provider: press \"Submit order\" again when the "
                        "connection is back – it is created only once."),
                error.message(self.state.language)])
