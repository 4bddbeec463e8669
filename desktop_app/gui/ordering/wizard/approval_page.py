"""Page 5: approval. The quote waits for the customer (in demo mode the clerk simulates the
approval link with the approver's email); a prospect's quote also waits for the provider,
which only a provider-staff login can give (the clerk's own, or one entered here)."""

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.api import ApiClient, AuthSession, NoTokenStore
from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.validation import check_email
from desktop_app.gui.common import formatting
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.page import WizardPage, field_error
from desktop_app.gui.ordering.wizard.quote_page import quote_expired
from desktop_app.gui.ordering.wizard.state import WizardState

FORM = "wizard_approval.ui"


def approve_as_provider(client: ApiClient, quote_id: str, username: str,
                        password: str) -> QuoteOut:
    """A separate, short-lived session for the provider-staff login; nothing is stored."""
    auth = AuthSession(client.settings, NoTokenStore())
    auth.login(username, password)
    staff = ApiClient(client.settings, auth)
    try:
        return staff.provider_approval(quote_id)  # the backend checks the role
    finally:
        auth.logout()  # revokes the staff tokens at once
        staff.close()


class ApprovalPage(WizardPage):
    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.setTitle(self.tr("Approval"))
        self.setSubTitle(self.tr("The quote waits for the customer's approval; a prospect's "
                                 "quote also for the provider's."))
        self.approver = self.widget(QLineEdit, "approverEdit")
        self.approver_error = self.widget(QLabel, "approverError")
        self.approve_button = self.widget(QPushButton, "approveButton")
        self.refresh_button = self.widget(QPushButton, "refreshButton")
        self.provider_group = self.widget(QGroupBox, "providerGroup")
        self.provider_hint = self.widget(QLabel, "providerHint")
        self.staff_user = self.widget(QLineEdit, "staffUserEdit")
        self.staff_password = self.widget(QLineEdit, "staffPasswordEdit")
        self.provider_button = self.widget(QPushButton, "providerButton")
        field_error(self.approver_error, None)
        self.approve_button.clicked.connect(self.approve)
        self.refresh_button.clicked.connect(self.reload_quote)
        self.provider_button.clicked.connect(self.give_provider_approval)
        self.approver.textChanged.connect(self._approver_changed)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        if not self.approver.text().strip():  # what the clerk typed stays
            self.approver.setText(self.likely_approver())
        self.show_quote()

    def likely_approver(self) -> str:
        """Who approves on the customer's side, from what is known: the approver the quote
        already names, else the extra recipient it was sent to (a person the clerk chose),
        else the customer's master-data email."""
        quote, party = self.state.quote, self.state.party
        if quote is not None and (quote.approver_email or quote.extra_recipient):
            return quote.approver_email or quote.extra_recipient or ""
        return (party.email if party is not None else None) or ""

    def _value(self, name: str, text: str) -> None:
        self.widget(QLabel, f"{name}Value").setText(text)

    def show_quote(self) -> None:
        quote = self.state.quote
        if quote is None:
            return
        expired = quote_expired(quote)
        customer = {
            QuoteState.OPEN: self.tr("Not sent yet."),
            QuoteState.SENT: self.tr("Waiting for the customer's approval (sent to %1).")
            .replace("%1", ", ".join(quote.sent_to)),
            QuoteState.APPROVED: self.tr("Approved by %1.").replace(
                "%1", quote.approver_email or "?"),
            QuoteState.REJECTED: self.tr("Rejected by the customer: this quote cannot be "
                                         "ordered."),
            QuoteState.WITHDRAWN: self.tr("Withdrawn."),
            QuoteState.EXPIRED: self.tr("Expired."),
            QuoteState.ORDERED: self.tr("Ordered."),
        }[quote.state]
        self._value("customerState", customer)
        can_approve = quote.state is QuoteState.SENT and not expired
        self.approver.setEnabled(can_approve)
        self.approve_button.setEnabled(can_approve and self._approver_problem() is None)
        self.provider_group.setVisible(quote.provider_approval_required)
        if quote.provider_approval_required:
            self._show_provider(quote)
        if expired:
            until = formatting.day(quote.valid_until)
            self.show_problems([self.tr("The quote expired on %1; it cannot be ordered. Start "
                                        "a new cart.").replace("%1", until)])
        self.refresh()

    def _show_provider(self, quote: QuoteOut) -> None:
        approved = quote.provider_approved_at is not None
        self._value("providerState", self.tr("Approved by the provider.") if approved
                    else self.tr("Waiting for the provider's check and approval."))
        staff = self.state.is_provider_staff
        self.provider_hint.setText(
            self.tr("You are signed in as provider staff and may approve it.") if staff else
            self.tr("Only a provider-staff login can give this approval. In demo mode, enter "
                    "one below (for example anna.berger); it is used for this approval "
                    "only and not stored."))
        for widget in (self.staff_user, self.staff_password,
                       self.widget(QLabel, "staffUserCaption"),
                       self.widget(QLabel, "staffPasswordCaption")):  # fmt: skip
            widget.setVisible(not staff and not approved)
        waits = quote.state in (QuoteState.SENT, QuoteState.APPROVED)
        self.provider_button.setEnabled(not approved and waits and not quote_expired(quote))
        self.provider_button.setVisible(not approved)

    def _approver_problem(self) -> str | None:
        found = check_email(self.approver.text().strip() or None, "approver_email")
        if not found:
            return None
        if found[0].code == "FIELD_REQUIRED":
            return self.tr("The approver's email is required.")
        return found[0].message(self.state.language)

    @Slot()
    def _approver_changed(self) -> None:
        text = self.approver.text().strip()
        field_error(self.approver_error, self._approver_problem() if text else None)
        self.show_quote()

    @Slot()
    def approve(self) -> None:
        quote, problem = self.state.quote, self._approver_problem()
        field_error(self.approver_error, problem)
        if quote is None or problem or self.busy:
            return
        email, client = self.approver.text().strip(), self.state.client
        self.call(lambda: client.customer_decision(quote.id, email, True), self._updated)

    @Slot()
    def reload_quote(self) -> None:
        quote = self.state.quote
        if quote is None or self.busy:
            return
        client = self.state.client
        self.call(lambda: client.quote(quote.id), self._updated)

    @Slot()
    def give_provider_approval(self) -> None:
        quote = self.state.quote
        if quote is None or self.busy:
            return
        client = self.state.client
        if self.state.is_provider_staff:
            self.call(lambda: client.provider_approval(quote.id), self._updated)
            return
        username, password = self.staff_user.text().strip(), self.staff_password.text()
        if not username or not password:
            self.show_problems([self.tr("Enter a provider-staff user name and password.")])
            return
        self.staff_password.clear()  # the password is not kept in the page
        self.call(lambda: approve_as_provider(client, quote.id, username, password),
                  self._updated)

    def _updated(self, quote: QuoteOut) -> None:
        self.state.quote = quote
        self.show_quote()

    def ready(self) -> bool:
        quote = self.state.quote
        if quote is None or quote_expired(quote) or quote.state is not QuoteState.APPROVED:
            return False
        return not quote.provider_approval_required or quote.provider_approved_at is not None
