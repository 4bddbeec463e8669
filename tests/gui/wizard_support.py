"""Order-wizard test support: a synced cache, contracts arranged in the server's database,
and steps that drive the wizard's pages like a clerk (waiting for the backend calls)."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.domain.enums import BusinessTransaction, ChangeRequestState
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.wizard import OrderWizard, PageId
from desktop_app.gui.ordering.wizard.page import WizardPage
from desktop_app.server.database import utcnow
from desktop_app.server.db import QuoteRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from pytestqt.qtbot import QtBot

from tests.server.live_server import arrange_contract
from tests.sync.support import login

CALL_TIMEOUT_MS = 20_000


# These two override tests/live_fixtures.py's by name: the wizard tests share one login per
# module and start on a synced cache.
@pytest.fixture(scope="module")
def client(server: EmbeddedServer) -> Iterator[ApiClient]:
    api = login(server)
    yield api
    api.close()


@pytest.fixture
def cache(tmp_path: Path, client: ApiClient) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    sync(client, live)
    yield live
    live.close()


def sync(client: ApiClient, cache: LiveCache) -> None:
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()


def make_contract(server: EmbeddedServer, customer_id: str, product_code: str, *,
                  in_minimum_term: bool = False, terminated: bool = False,
                  change_request: ChangeRequestState = ChangeRequestState.NONE) -> str:
    """A fresh contract of a customer, arranged in the server's database; its id."""
    return arrange_contract(server, customer_id, product_code, in_minimum_term=in_minimum_term,
                            terminated=terminated, change_request=change_request)


def expire_quote(server: EmbeddedServer, quote_id: str) -> None:
    with server.context.database.write() as session:
        row = session.get(QuoteRow, quote_id)
        assert row is not None
        row.valid_until = utcnow().date() - timedelta(days=1)


def open_wizard(qtbot: QtBot, client: ApiClient, cache: LiveCache, customer_id: str | None,
                contract_id: str | None = None,
                transaction: BusinessTransaction | None = None) -> OrderWizard:
    tasks = TaskManager()  # lives as long as the wizard
    wizard = OrderWizard(client, cache, "en", tasks, customer_id, contract_id, transaction)
    tasks.setParent(wizard)
    qtbot.addWidget(wizard)
    wizard.show()
    idle(qtbot, wizard.customer_page)
    return wizard


def idle(qtbot: QtBot, page: WizardPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=CALL_TIMEOUT_MS)


def next_page(qtbot: QtBot, wizard: OrderWizard, expected: PageId) -> None:
    """Press Next and wait until the wizard shows `expected` (Next may call the backend)."""
    page = wizard.currentPage()
    assert isinstance(page, WizardPage)
    assert page.isComplete(), page.problems
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == int(expected) or (
        not page.busy and bool(page.problems)), timeout=CALL_TIMEOUT_MS)
    assert wizard.currentId() == int(expected), page.problems


def choose_transaction(qtbot: QtBot, wizard: OrderWizard, transaction: BusinessTransaction,
                       contract_id: str | None = None) -> None:
    page = wizard.transaction_page
    page.select_transaction(transaction)
    if contract_id is not None:
        assert page.select_contract(contract_id)


def add_item(qtbot: QtBot, wizard: OrderWizard, product: str, *, phones: str = "040 1234567",
             options: tuple[str, ...] = ()) -> None:
    page = wizard.cart_page
    page.select_product(product)
    voice = not product.startswith("internet")
    page.set_location("Hafenstraße 12", "20457", "Hamburg", phones if voice else "")
    for code in options:
        page.set_option(code)
    page.add_item()
    idle(qtbot, page)


def client_for(server: EmbeddedServer, username: str) -> ApiClient:
    return login(server, username)
