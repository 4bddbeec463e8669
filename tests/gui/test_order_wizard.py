"""The order wizard against a live reference server: every business transaction to the
confirmation page, rule violations shown and blocking Next, quotes, approvals, submission."""

import pytest
from desktop_app.api import ApiClient
from desktop_app.domain.enums import BusinessTransaction, PartyKind, RecipientSource
from desktop_app.domain.recipients import SOURCE_LABELS, confirmation_recipients
from desktop_app.gui.wizard import PageId
from desktop_app.server.embedded import EmbeddedServer
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
    server,
)
from tests.sync.ordering import a_customer, orders_of_cart

__all__ = ["cache", "client", "server"]  # fixtures


def test_new_order_with_quote_to_confirmation(qtbot: QtBot, server: EmbeddedServer,
                                              client: ApiClient, cache: LiveCache) -> None:
    customer = a_customer(client, 1)
    wizard = open_wizard(qtbot, client, cache, customer)
    assert wizard.currentId() == int(PageId.TRANSACTION)  # the customer came in context
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    cart_page = wizard.cart_page
    assert not cart_page.isComplete()  # empty cart
    add_item(qtbot, wizard, "centraflex-10", options=("flat-de",))
    assert cart_page.isComplete(), cart_page.problems
    assert "€" in cart_page.totals["monthlyGross"].text()
    next_page(qtbot, wizard, PageId.QUOTE)

    quote_page = wizard.quote_page
    quote_page.create_quote()
    idle(qtbot, quote_page)
    assert wizard.state.quote is not None
    assert quote_page.widget_text("validUntil")
    wizard.back()  # the cart is read-only now, visibly
    assert cart_page.banner.isVisible() and not cart_page.editor.isEnabled()
    wizard.next()
    quote_page.extra.setText("not an address")
    assert quote_page.extra_error.isVisible() and not quote_page.send_button.isEnabled()
    quote_page.extra.setText("einkauf@kunde.example")
    quote_page.send_quote()
    idle(qtbot, quote_page)
    assert wizard.state.quote.sent_to[-1] == "einkauf@kunde.example"
    next_page(qtbot, wizard, PageId.APPROVAL)

    approval = wizard.approval_page
    assert not approval.isComplete()
    approval.approver.setText("chefin@kunde.example")
    approval.approve()
    idle(qtbot, approval)
    assert approval.isComplete(), approval.problems
    next_page(qtbot, wizard, PageId.SUBMIT)
    with qtbot.waitSignal(wizard.orderSubmitted, timeout=20_000) as submitted:
        next_page(qtbot, wizard, PageId.CONFIRMATION)
    confirmation = wizard.state.confirmation
    assert confirmation is not None and submitted.args == [confirmation.order.id]
    assert orders_of_cart(server, confirmation.order.cart_id) == 1

    me, party = client.me(), client.customer(customer)
    expected = confirmation_recipients([
        (RecipientSource.CUSTOMER_MASTER_DATA, party.email),
        (RecipientSource.CONFIRMING_USER, me.email),
        (RecipientSource.APPROVER, "chefin@kunde.example"),
        (RecipientSource.QUOTE_CREATOR, me.email),
        (RecipientSource.TENANT_MASTER_DATA, me.tenant.email),
    ])
    shown = wizard.confirmation_page.view.shown_recipients
    assert shown == [(r.email, [SOURCE_LABELS[s][1] for s in r.sources])
                     for r in expected.recipients]
    assert len({email.casefold() for email, _ in shown}) == len(shown)  # merged


def test_prospect_needs_the_providers_approval(qtbot: QtBot, server: EmbeddedServer,
                                               client: ApiClient, cache: LiveCache) -> None:
    wizard = open_wizard(qtbot, client, cache, None)
    page = wizard.customer_page
    fields = page.fields
    fields["company"].setText("Startup Nord GmbH")
    fields["contact"].setText("Pia Neu")
    fields["street"].setText("Hafenstraße 1")
    fields["postalCode"].setText("2045")  # four digits
    fields["city"].setText("Hamburg")
    fields["email"].setText("pia@startup")
    page.create_prospect()
    assert page.errors["postalCode"].isVisible() and page.errors["email"].isVisible()
    assert not page.errors["company"].isVisible()
    assert wizard.state.party is None
    fields["postalCode"].setText("20457")
    fields["email"].setText("pia@startup.example")
    page.create_prospect()
    idle(qtbot, page)
    assert wizard.state.party is not None and wizard.state.party.kind is PartyKind.PROSPECT
    next_page(qtbot, wizard, PageId.TRANSACTION)
    choose_transaction(qtbot, wizard, BusinessTransaction.REORDER)
    assert not wizard.transaction_page.isComplete()
    assert any("prospect" in line for line in wizard.transaction_page.problems)
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    add_item(qtbot, wizard, "ipfonie-trunk-10")
    next_page(qtbot, wizard, PageId.QUOTE)
    quote_page = wizard.quote_page
    assert not quote_page.without_quote.isVisible()  # a prospect always needs a quote
    quote_page.create_quote()
    idle(qtbot, quote_page)
    quote_page.send_quote()
    idle(qtbot, quote_page)
    next_page(qtbot, wizard, PageId.APPROVAL)
    approval = wizard.approval_page
    approval.approver.setText("pia@startup.example")
    approval.approve()
    idle(qtbot, approval)
    assert approval.provider_group.isVisible()
    assert not approval.isComplete()  # the customer approved, the provider not yet
    assert "provider-staff login" in approval.provider_hint.text()
    approval.staff_user.setText("paul.sued")  # a clerk, not provider staff
    approval.staff_password.setText("demo1234")
    approval.give_provider_approval()
    idle(qtbot, approval)
    assert approval.problems and not approval.isComplete()
    assert approval.staff_password.text() == ""  # not kept
    approval.staff_user.setText("anna.berger")
    approval.staff_password.setText("demo1234")
    approval.give_provider_approval()
    idle(qtbot, approval)
    assert approval.isComplete(), approval.problems
    next_page(qtbot, wizard, PageId.SUBMIT)
    next_page(qtbot, wizard, PageId.CONFIRMATION)
    assert wizard.state.confirmation is not None


@pytest.mark.parametrize("username", ["paul.sued"])
def test_without_power_of_attorney_a_quote_is_needed(qtbot: QtBot, server: EmbeddedServer,
                                                     cache: LiveCache, username: str) -> None:
    from tests.gui.wizard_support import client_for

    clerk = client_for(server, username)
    try:
        wizard = open_wizard(qtbot, clerk, cache, None)
        idle(qtbot, wizard.customer_page)
        assert wizard.state.me is not None and not wizard.state.may_order_without_quote
    finally:
        clerk.close()
