"""Issue 12, item 22: the approval step prefills the approver's email from what is known: the
quote's approver once given, else the extra recipient the quote was sent to, else the
customer's master-data email (the approver is a person on the customer's side)."""

from desktop_app.api import ApiClient
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.ordering.wizard import OrderWizard, PageId
from desktop_app.sync.live_cache import LiveCache
from pytestqt.qtbot import QtBot

from tests.gui.wizard_support import (
    add_item,
    cache,
    choose_transaction,
    client,
    idle,
    next_page,
    open_wizard,
)
from tests.sync.ordering import a_customer

__all__ = ["cache", "client"]  # the wizard_support fixtures


def _to_approval(qtbot: QtBot, wizard: OrderWizard, extra: str) -> None:
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    add_item(qtbot, wizard, "centraflex-10")
    next_page(qtbot, wizard, PageId.QUOTE)
    quote_page = wizard.quote_page
    quote_page.create_quote()
    idle(qtbot, quote_page)
    quote_page.extra.setText(extra)
    quote_page.send_quote()
    idle(qtbot, quote_page)
    next_page(qtbot, wizard, PageId.APPROVAL)


def test_the_approver_is_prefilled_with_the_customers_email(
    qtbot: QtBot, client: ApiClient, cache: LiveCache
) -> None:
    customer = a_customer(client, 2)
    wizard = open_wizard(qtbot, client, cache, customer)
    _to_approval(qtbot, wizard, "")
    approval = wizard.approval_page
    email = client.customer(customer).email
    assert email and approval.approver.text() == email
    assert approval.approve_button.isEnabled()  # one click approves (demo link)


def test_the_extra_recipient_is_the_likelier_approver(
    qtbot: QtBot, client: ApiClient, cache: LiveCache
) -> None:
    customer = a_customer(client, 3)
    wizard = open_wizard(qtbot, client, cache, customer)
    _to_approval(qtbot, wizard, "chefin@kunde.example")
    approval = wizard.approval_page
    assert approval.approver.text() == "chefin@kunde.example"
    approval.approver.setText("jemand@kunde.example")  # the clerk's entry stays
    wizard.back()
    wizard.next()
    assert approval.approver.text() == "jemand@kunde.example"
