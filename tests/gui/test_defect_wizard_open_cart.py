"""Issue 12, item 3: a cancelled wizard must not leave a cart that silently blocks the
contract. Cancelling asks to keep or delete the cart (or go back); an open cart in the way,
found in the cache or refused by the backend, is named as the clerk knows it (customer,
business transaction, date) with Resume and Delete, and Next stays disabled meanwhile."""

import pytest
from desktop_app.api import ApiClient, NotFoundError
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.ordering.wizard import OrderWizard, PageId
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from pytestqt.qtbot import QtBot

from tests.gui.wizard_support import (
    CALL_TIMEOUT_MS,
    cache,
    choose_transaction,
    client,
    idle,
    make_contract,
    next_page,
    open_wizard,
    sync,
)
from tests.sync.ordering import a_customer

__all__ = ["cache", "client"]  # the wizard_support fixtures
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def _product_change_cart(
    qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache, index: int
) -> tuple[OrderWizard, str, str]:
    """A wizard on the cart page of a new product-change cart; (wizard, customer, contract)."""
    customer = a_customer(client, index)
    contract = make_contract(server, customer, "internet-dsl-100")
    sync(client, cache)  # the contract is cached, as after the app's sync
    wizard = open_wizard(qtbot, client, cache, customer, contract)
    choose_transaction(qtbot, wizard, BusinessTransaction.PRODUCT_CHANGE, contract)
    next_page(qtbot, wizard, PageId.CART)
    return wizard, customer, contract


def _cart_exists(client: ApiClient, cart_id: str) -> bool:
    try:
        client.get_cart(cart_id)
    except NotFoundError:
        return False
    return True


def test_cancel_asks_to_keep_or_delete_the_cart(
    qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache
) -> None:
    wizard, _customer, _contract = _product_change_cart(qtbot, server, client, cache, 4)
    assert wizard.state.cart is not None
    cart_id = wizard.state.cart.id
    wizard.reject()  # Cancel (also Esc and the window's close button)
    box = wizard.cancel_box
    assert box is not None and box.isVisible()
    assert "Product change" in box.text()
    assert [b.text() for b in (box.keep_button, box.delete_button, box.back_button)] == [
        "&Keep cart",
        "&Delete cart",
        "&Go back",
    ]
    box.back_button.click()  # go back: nothing happens
    assert wizard.isVisible() and wizard.cancel_box is None
    wizard.reject()
    assert wizard.cancel_box is not None
    with qtbot.waitSignal(wizard.cartsChanged, timeout=CALL_TIMEOUT_MS):
        wizard.cancel_box.delete_button.click()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=CALL_TIMEOUT_MS)
    assert not _cart_exists(client, cart_id)


def test_a_kept_cart_is_named_and_can_be_deleted_when_the_backend_refuses(
    qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache
) -> None:
    first, customer, contract = _product_change_cart(qtbot, server, client, cache, 5)
    assert first.state.cart is not None
    kept = first.state.cart.id
    first.reject()
    assert first.cancel_box is not None
    with qtbot.waitSignal(first.cartsChanged, timeout=CALL_TIMEOUT_MS):  # the app syncs then
        first.cancel_box.keep_button.click()
    assert not first.isVisible() and _cart_exists(client, kept)

    # The cache has not caught up yet: the local check passes, the backend refuses.
    wizard = open_wizard(qtbot, client, cache, customer, contract)
    page = wizard.transaction_page
    choose_transaction(qtbot, wizard, BusinessTransaction.PRODUCT_CHANGE, contract)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: not page.busy and bool(page.problems), timeout=CALL_TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.open_cart_box.isVisible(), timeout=CALL_TIMEOUT_MS)
    company = client.customer(customer).company
    text = "\n".join(page.problems)
    assert kept not in text and "cart-" not in text  # no internal id
    assert company in text and "Product change" in text and "created on" in text
    assert not page.isComplete()  # Next is disabled while the refusal stands
    assert page.resume_cart_button.isEnabled() and page.delete_cart_button.isEnabled()
    page.confirm = lambda _title, _question: True
    with qtbot.waitSignal(wizard.cartsChanged, timeout=CALL_TIMEOUT_MS):
        page.delete_cart_button.click()
    idle(qtbot, page)
    assert not _cart_exists(client, kept)
    assert not page.open_cart_box.isVisible() and not page.problems
    assert page.isComplete()
    next_page(qtbot, wizard, PageId.CART)  # the contract is free again


def test_the_local_check_finds_a_cached_open_cart_and_resumes_it(
    qtbot: QtBot, server: EmbeddedServer, client: ApiClient, cache: LiveCache
) -> None:
    first, customer, contract = _product_change_cart(qtbot, server, client, cache, 6)
    assert first.state.cart is not None
    kept = first.state.cart.id
    first.reject()
    assert first.cancel_box is not None
    first.cancel_box.keep_button.click()
    sync(client, cache)  # what the app's sync does after cartsChanged

    wizard = open_wizard(qtbot, client, cache, customer, contract)
    page = wizard.transaction_page
    choose_transaction(qtbot, wizard, BusinessTransaction.PRODUCT_CHANGE, contract)
    assert not page.isComplete()  # found before any backend call
    assert page.open_cart_box.isVisible()
    text = "\n".join(page.problems)
    assert kept not in text and client.customer(customer).company in text
    page.resume_cart_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.CART), timeout=CALL_TIMEOUT_MS)
    idle(qtbot, wizard.cart_page)
    assert wizard.state.cart is not None and wizard.state.cart.id == kept
