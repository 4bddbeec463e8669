"""The order wizard against a live reference server: every business transaction to the
confirmation page, rule violations shown and blocking Next, quotes, approvals, submission."""

import pytest
from desktop_app.api import ApiClient, OfflineError
from desktop_app.api.transport import Transport
from desktop_app.cache import queries, submissions
from desktop_app.contract.carts import CartCreate
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    PartyKind,
    RecipientSource,
)
from desktop_app.domain.recipients import SOURCE_LABELS, confirmation_recipients
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.wizard import OrderWizard, PageId
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from tests.gui.wizard_support import (
    add_item,
    cache,
    choose_transaction,
    client,
    expire_quote,
    idle,
    make_contract,
    next_page,
    open_wizard,
    sync,
)
from tests.sync.ordering import a_customer, answers_dropped, orders_of_cart, voice_item

__all__ = ["cache", "client"]  # the wizard_support fixtures


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
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Submit order"
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


# --- every business transaction that acts on a contract ----------------------------------

CONTRACT_CASES = [
    (BusinessTransaction.REORDER, "centraflex-10", "centraflex-10"),
    (BusinessTransaction.CONTRACT_EXTENSION, "internet-dsl-100", "internet-dsl-250"),
    (BusinessTransaction.PRODUCT_CHANGE, "ipfonie-trunk-10", "ipfonie-trunk-30"),
    (BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER, "centraflex-10", "centraflex-50"),
    (BusinessTransaction.USAGE_LOCATION, "ipfonie-trunk-30", "ipfonie-trunk-30"),
]


@pytest.mark.parametrize(("transaction", "contract_product", "ordered"), CONTRACT_CASES,
                         ids=[case[0].value for case in CONTRACT_CASES])
def test_contract_transaction_on_power_of_attorney(
        qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        transaction: BusinessTransaction, contract_product: str, ordered: str) -> None:
    customer = a_customer(client, 2)
    contract = make_contract(server, customer, contract_product)
    sync(client, cache)
    wizard = open_wizard(qtbot, client, cache, customer, contract, transaction)
    assert wizard.transaction_page.contract is not None  # came in context
    next_page(qtbot, wizard, PageId.CART)
    add_item(qtbot, wizard, ordered)
    assert wizard.cart_page.isComplete(), wizard.cart_page.problems
    next_page(qtbot, wizard, PageId.QUOTE)
    quote_page = wizard.quote_page
    assert quote_page.without_quote.isVisible()  # max.nord has a power of attorney
    quote_page.without_quote.setChecked(True)
    next_page(qtbot, wizard, PageId.SUBMIT)  # no approval without a quote
    next_page(qtbot, wizard, PageId.CONFIRMATION)
    confirmation = wizard.state.confirmation
    assert confirmation is not None
    order = confirmation.order
    assert (order.business_transaction, order.contract_id) == (transaction, contract)
    assert order.quote_id is None
    assert orders_of_cart(server, order.cart_id) == 1
    view = wizard.confirmation_page.view
    assert view.order_id == order.id
    number = view.findChild(QLabel, "orderNumberValue")
    assert isinstance(number, QLabel) and order.order_number in number.text()


# --- rule violations shown on their page and blocking Next ---------------------------------


def _transaction_problems(qtbot: QtBot, wizard: OrderWizard) -> list[str]:
    page = wizard.transaction_page
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    return page.problems


def test_contract_rules_block_next(qtbot: QtBot, server: EmbeddedServer, client: ApiClient,
                                   cache: LiveCache) -> None:
    customer = a_customer(client, 3)
    terminated = make_contract(server, customer, "centraflex-10", terminated=True)
    in_term = make_contract(server, customer, "ipfonie-trunk-10", in_minimum_term=True)
    busy = make_contract(server, customer, "internet-dsl-100")
    client.create_cart(CartCreate(customer_id=customer,
                                  business_transaction=BusinessTransaction.CONTRACT_EXTENSION,
                                  contract_id=busy))
    sync(client, cache)
    wizard = open_wizard(qtbot, client, cache, customer, terminated,
                         BusinessTransaction.REORDER)
    assert any("is terminated" in line for line in _transaction_problems(qtbot, wizard))
    page = wizard.transaction_page
    page.select_transaction(BusinessTransaction.PRODUCT_CHANGE)
    page.select_contract(in_term)
    assert any("needs an approved request" in line
               for line in _transaction_problems(qtbot, wizard))
    page.select_contract(busy)
    assert any("already has an open cart" in line
               for line in _transaction_problems(qtbot, wizard))
    page.select_transaction(BusinessTransaction.REORDER)  # reorders may stand beside it
    assert page.isComplete() and page.problems == []


def test_backend_refusal_is_shown_on_the_page(qtbot: QtBot, server: EmbeddedServer,
                                              client: ApiClient, cache: LiveCache) -> None:
    """The cache does not know the other cart yet: the backend's violation is shown."""
    customer = a_customer(client, 3)
    contract = make_contract(server, customer, "centraflex-10")
    sync(client, cache)
    client.create_cart(CartCreate(customer_id=customer,
                                  business_transaction=BusinessTransaction.USAGE_LOCATION,
                                  contract_id=contract))
    wizard = open_wizard(qtbot, client, cache, customer, contract,
                         BusinessTransaction.CONTRACT_EXTENSION)
    page = wizard.transaction_page
    assert page.isComplete()
    wizard.next()
    idle(qtbot, page)
    assert wizard.currentId() == int(PageId.TRANSACTION)
    assert any("already has an open cart" in line for line in page.problems)


def test_product_change_in_minimum_term_adds_the_fee(qtbot: QtBot, server: EmbeddedServer,
                                                     client: ApiClient,
                                                     cache: LiveCache) -> None:
    customer = a_customer(client, 4)
    contract = make_contract(server, customer, "ipfonie-trunk-10", in_minimum_term=True,
                             change_request=ChangeRequestState.APPROVED)
    sync(client, cache)
    wizard = open_wizard(qtbot, client, cache, customer, contract,
                         BusinessTransaction.PRODUCT_CHANGE)
    assert "fee is added" in wizard.transaction_page.contract_hint.text()
    next_page(qtbot, wizard, PageId.CART)
    cart = wizard.state.cart
    assert cart is not None and [i.product_code for i in cart.items] == [PRODUCT_CHANGE_FEE_CODE]
    cart_page = wizard.cart_page
    assert not cart_page.isComplete()  # the fee alone is no order
    add_item(qtbot, wizard, "ipfonie-trunk-10")  # the same product: no change
    assert any("other than" in line for line in [cart_page.item_error.text()])
    add_item(qtbot, wizard, "ipfonie-trunk-30", phones="12345")  # not a phone number
    assert "not a valid German phone number" in cart_page.item_error.text()
    assert len(wizard.state.items) == 0 and not cart_page.isComplete()
    add_item(qtbot, wizard, "ipfonie-trunk-30")
    assert cart_page.isComplete(), cart_page.problems
    fee = cart_page.items.topLevelItem(1)
    assert fee is not None and "added automatically" in fee.text(0)
    cart_page.select_row(1)
    assert not cart_page.remove_button.isEnabled()  # the fee is not the clerk's to remove
    cart_page.select_row(0)
    assert cart_page.remove_button.isEnabled()
    cart_page.remove_selected()
    idle(qtbot, cart_page)
    assert wizard.state.items == [] and not cart_page.isComplete()


# --- submission: dropped connection, expired quote, offline --------------------------------


def test_dropped_answer_then_submit_again_creates_one_order(
        qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, client, cache, a_customer(client, 5))
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    add_item(qtbot, wizard, "internet-dsl-100")
    next_page(qtbot, wizard, PageId.QUOTE)
    wizard.quote_page.without_quote.setChecked(True)
    next_page(qtbot, wizard, PageId.SUBMIT)
    page = wizard.submit_page
    cart = wizard.state.cart
    assert cart is not None
    with answers_dropped(monkeypatch) as dropped:
        wizard.next()
        idle(qtbot, page)
    assert dropped == [201] and wizard.currentId() == int(PageId.SUBMIT)
    assert any("created only once" in line for line in page.problems)
    assert orders_of_cart(server, cart.id) == 1  # committed, the answer was lost
    assert [p.idempotency_key for p in submissions.in_flight(cache.store)] == [
        wizard.state.idempotency_key]
    next_page(qtbot, wizard, PageId.CONFIRMATION)  # the second click
    assert orders_of_cart(server, cart.id) == 1
    assert submissions.in_flight(cache.store) == []


def test_expired_quote_cannot_be_ordered(qtbot: QtBot, server: EmbeddedServer,
                                         client: ApiClient, cache: LiveCache) -> None:
    wizard = open_wizard(qtbot, client, cache, a_customer(client, 6))
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    add_item(qtbot, wizard, "centraflex-10")
    next_page(qtbot, wizard, PageId.QUOTE)
    wizard.quote_page.create_quote()
    idle(qtbot, wizard.quote_page)
    wizard.quote_page.send_quote()
    idle(qtbot, wizard.quote_page)
    next_page(qtbot, wizard, PageId.APPROVAL)
    quote = wizard.state.quote
    assert quote is not None
    expire_quote(server, quote.id)
    approval = wizard.approval_page
    approval.reload_quote()
    idle(qtbot, approval)
    assert any("expired" in line and "cannot be ordered" in line for line in approval.problems)
    assert not approval.isComplete() and not approval.approve_button.isEnabled()


def test_offline_the_wizard_says_so_and_keeps_the_entries(
        qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, client, cache, a_customer(client, 7))
    choose_transaction(qtbot, wizard, BusinessTransaction.NEW_ORDER)
    next_page(qtbot, wizard, PageId.CART)
    page = wizard.cart_page
    page.select_product("centraflex-10")
    page.set_location("Hafenstraße 12", "20457", "Hamburg", "040 1234567")

    def offline(*_args: object, **_kwargs: object) -> None:
        raise OfflineError("127.0.0.1")

    monkeypatch.setattr(Transport, "request", offline)
    page.add_item()
    idle(qtbot, page)
    assert any("needs the order backend" in line for line in page.problems)
    assert page.street.text() == "Hafenstraße 12" and page.phones.text() == "040 1234567"
    assert wizard.state.items == [] and not page.isComplete()
    monkeypatch.undo()  # back online: the same entries go through
    page.add_item()
    idle(qtbot, page)
    assert page.isComplete() and page.problems == []


# --- a cart stored on the backend is resumed -----------------------------------------------


def test_resume_an_open_cart_and_an_approved_quote(qtbot: QtBot, server: EmbeddedServer,
                                                   client: ApiClient, cache: LiveCache,
                                                   tasks: TaskManager) -> None:
    customer = a_customer(client, 9)
    stored = client.create_cart(CartCreate(customer_id=customer,
                                           business_transaction=BusinessTransaction.NEW_ORDER,
                                           items=[voice_item()]))
    wizard = OrderWizard(client, cache, "en", tasks, cart_id=stored.id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.CART), timeout=10_000)
    idle(qtbot, wizard.cart_page)
    assert wizard.cart_page.isComplete(), wizard.cart_page.problems
    assert len(wizard.state.items) == 1 and wizard.cart_page.items.topLevelItemCount() == 1
    add_item(qtbot, wizard, "internet-dsl-100")  # still editable: two items now
    assert [i.product_code for i in (wizard.state.cart.items if wizard.state.cart else [])] \
        == ["centraflex-10", "internet-dsl-100"]
    wizard.close()

    quote = client.create_quote(stored.id)
    client.send_quote(quote.id)
    client.customer_decision(quote.id, "chefin@kunde.example")
    again = OrderWizard(client, cache, "en", tasks, cart_id=stored.id)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.currentId() == int(PageId.SUBMIT), timeout=10_000)
    assert again.state.cart_read_only
    next_page(qtbot, again, PageId.CONFIRMATION)
    assert orders_of_cart(server, stored.id) == 1


def test_customer_search_lists_matches_after_a_pause_in_typing(
        qtbot: QtBot, client: ApiClient, cache: LiveCache) -> None:
    wizard = open_wizard(qtbot, client, cache, None)
    page = wizard.customer_page
    everyone = page.list.count()
    with cache.store.session() as session:
        company = queries.customers(session)[0].company.split()[0]  # a word of a real name
    QTest.keyClicks(page.search, company)
    assert page.list.count() == everyone  # not one query per keystroke
    qtbot.waitUntil(lambda: page.list.count() < everyone, timeout=2000)
    shown = [page.list.item(row).text() for row in range(page.list.count())]
    assert shown and all(company.casefold() in text.casefold() for text in shown)
