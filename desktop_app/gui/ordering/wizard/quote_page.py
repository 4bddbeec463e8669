"""Page 4: the quote. Creating it makes the cart read-only; it is sent to the master-data
address plus an optional extra recipient; its validity date is shown. With a sales-partner
power of attorney a customer's cart may be ordered without a quote."""

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.validation import check_email
from desktop_app.gui.common import formatting
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.ids import PageId
from desktop_app.gui.ordering.wizard.page import WizardPage, field_error
from desktop_app.gui.ordering.wizard.state import WizardState
from desktop_app.gui.panels.document_states import quote_state_label

FORM = "wizard_quote.ui"
SENT_STATES = (QuoteState.SENT, QuoteState.APPROVED)


def quote_expired(quote: QuoteOut, today: date | None = None) -> bool:
    return quote.state is QuoteState.EXPIRED or (today or date.today()) > quote.valid_until


class QuotePage(WizardPage):
    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.setTitle(self.tr("Quote"))
        self.setSubTitle(self.tr("Create the quote and send it to the customer. Once the "
                                 "quote exists, the cart can no longer be changed."))
        self.without_quote = self.widget(QCheckBox, "withoutQuoteCheck")
        self.quote_group = self.widget(QGroupBox, "quoteGroup")
        self.send_group = self.widget(QGroupBox, "sendGroup")
        self.create_button = self.widget(QPushButton, "createButton")
        self.send_button = self.widget(QPushButton, "sendButton")
        self.extra = self.widget(QLineEdit, "extraEdit")
        self.extra_error = self.widget(QLabel, "extraError")
        field_error(self.extra_error, None)
        self.without_quote.toggled.connect(self._without_quote_toggled)
        self.create_button.clicked.connect(self.create_quote)
        self.send_button.clicked.connect(self.send_quote)
        self.extra.textChanged.connect(self._check_extra)

    def _value(self, name: str, text: str) -> None:
        self.widget(QLabel, f"{name}Value").setText(text)

    def widget_text(self, name: str) -> str:
        return self.widget(QLabel, f"{name}Value").text()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        allowed = self.state.may_order_without_quote and self.state.quote is None
        self.without_quote.setVisible(allowed)
        if not allowed:
            self.without_quote.setChecked(False)
        party = self.state.party
        self._value("masterEmail", (party.email if party else None)
                    or self.tr("none – the quote cannot be sent"))
        self.show_quote()

    @Slot(bool)
    def _without_quote_toggled(self, checked: bool) -> None:
        self.state.without_quote = checked
        self.show_quote()

    def show_quote(self) -> None:
        quote, skipping = self.state.quote, self.state.without_quote
        self.quote_group.setEnabled(not skipping)
        self.send_group.setEnabled(not skipping and quote is not None)
        self.create_button.setVisible(quote is None)
        cart = self.state.cart
        if quote is None:
            self._value("quoteNumber", self.tr("not created yet"))
            for name in ("state", "validUntil", "sent"):
                self._value(name, "–")
        else:
            self._value("quoteNumber", quote.quote_number)
            self._value("state", self.state_label(quote.state))
            until = formatting.day(quote.valid_until)
            self._value("validUntil", self.tr("%1 (expired)").replace("%1", until)
                        if quote_expired(quote) else until)
            self._value("sent", "\n".join(quote.sent_to) or self.tr("not sent yet"))
            if quote_expired(quote):
                self.show_problems([self.tr("The quote expired on %1; it cannot be ordered. "
                                            "Start a new cart.").replace("%1", until)])
        totals = quote.totals if quote else (cart.totals if cart else None)
        if totals is not None:
            self._value("totals", self.tr("%1 monthly, %2 one-time").replace(
                "%1", formatting.money(totals.monthly_gross_cents)).replace(
                "%2", formatting.money(totals.one_time_gross_cents)))
        sendable = quote is not None and quote.state in (QuoteState.OPEN, QuoteState.SENT) \
            and not quote_expired(quote)
        self.send_button.setEnabled(sendable and not self.extra_problem())
        self.refresh()

    def state_label(self, state: QuoteState) -> str:
        return quote_state_label(state)

    def extra_problem(self) -> str | None:
        text = self.extra.text().strip()
        found = check_email(text, "extra_recipient") if text else []
        return found[0].message(self.state.language) if found else None

    @Slot()
    def _check_extra(self) -> None:
        field_error(self.extra_error, self.extra_problem())
        self.show_quote()

    @Slot()
    def create_quote(self) -> None:
        cart = self.state.cart
        if cart is None or self.busy or self.state.quote is not None:
            return
        client = self.state.client
        self.call(lambda: client.create_quote(cart.id), self._quoted)

    def _quoted(self, quote: QuoteOut) -> None:
        self.state.quote = quote
        cart = self.state.cart
        if cart is not None:  # the backend turned it into a quote: read-only from now on
            self.state.cart = cart.model_copy(update={"quote_id": quote.id})
        self.without_quote.setVisible(False)
        self.show_quote()

    @Slot()
    def send_quote(self) -> None:
        quote = self.state.quote
        if quote is None or self.busy or self.extra_problem():
            return
        extra = self.extra.text().strip() or None
        client = self.state.client
        self.call(lambda: client.send_quote(quote.id, extra), self._sent)

    def _sent(self, quote: QuoteOut) -> None:
        self.state.quote = quote
        self.show_quote()

    def ready(self) -> bool:
        if self.state.without_quote:
            return True
        quote = self.state.quote
        return quote is not None and quote.state in SENT_STATES and not quote_expired(quote)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        """Without a quote there is nothing to approve: straight to the order."""
        if self.state.without_quote:
            return int(PageId.SUBMIT)
        return super().nextId()
