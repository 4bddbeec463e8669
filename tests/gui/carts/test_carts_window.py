"""The carts-and-quotes window against a live reference server: listing, resume, withdraw,
delete (happy paths and refusals), offline and the tenant scope.

The server is seeded once per module; tests that change it work as different partner clerks
(each tenant has its own carts and quotes), so they do not depend on each other's order.
"""

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, ApiError, NotFoundError, RuleViolationError
from desktop_app.api.errors import Language
from desktop_app.cache.cart_list import CartQuoteListRow, open_carts_and_quotes
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.sync.support import login

pytestmark = pytest.mark.usefixtures("no_thread_left")

TENANTS = {"max.nord": "t-nordlicht", "lena.hh": "t-nordlicht-hh", "paul.sued": "t-suedwest",
           "mia.rhein": "t-rheinmain", "anna.berger": "t-provider"}
WAIT_MS = 15_000

Opener = Callable[..., tuple[CartsQuotesWindow, ApiClient, LiveCache]]


@pytest.fixture
def open_view(qtbot: QtBot, server: EmbeddedServer, tmp_path: Path,
              tasks: TaskManager) -> Iterator[Opener]:
    """`open_view(user, language="de", scope=...)`: a synced cache of `user`, the window over
    it (shown, rows loaded) and the user's client."""
    opened: list[tuple[CartsQuotesWindow, ApiClient, LiveCache]] = []

    def opener(user: str, language: Language = "de",
               scope: frozenset[str] | None = None) -> tuple[CartsQuotesWindow, ApiClient,
                                                              LiveCache]:
        client = login(server, user)
        cache = LiveCache(tmp_path / f"{user}.sqlite3")
        sync_catalog(client, cache)
        ChangeSync(client, cache).run()
        settings = QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat)
        view = CartsQuotesWindow(cache, client, language, settings,
                                 scope if scope is not None else frozenset({TENANTS[user]}),
                                 tasks)
        qtbot.addWidget(view)
        opened.append((view, client, cache))
        with qtbot.waitSignal(view.rowsLoaded, timeout=WAIT_MS):
            view.show()
        return view, client, cache

    yield opener
    for view, client, cache in opened:
        view.shutdown()
        view.close()
        client.close()
        cache.close()


def rows(view: CartsQuotesWindow) -> list[CartQuoteListRow]:
    found = []
    for row in range(view.model.rowCount()):
        line = view.model.cart_row(row)
        assert line is not None
        found.append(line)
    return found


def states(view: CartsQuotesWindow) -> dict[str, QuoteState | None]:
    return {line.cart_id: view.model.state(row) for row, line in enumerate(rows(view))}


def select(view: CartsQuotesWindow, wanted: Callable[[CartQuoteListRow, QuoteState], bool],
           ) -> CartQuoteListRow:
    for row, line in enumerate(rows(view)):
        state = view.model.state(row)
        if state is not None and wanted(line, state):
            view.table.selectRow(row)
            assert view.current_row() == line
            return line
    raise AssertionError("no such line")


def quote_in(state: QuoteState) -> Callable[[CartQuoteListRow, QuoteState], bool]:
    return lambda line, shown: line.is_quote and shown is state


def bare_cart(line: CartQuoteListRow, _state: QuoteState) -> bool:
    return not line.is_quote


def resync(qtbot: QtBot, view: CartsQuotesWindow, client: ApiClient, cache: LiveCache) -> None:
    ChangeSync(client, cache).run()
    with qtbot.waitSignal(view.rowsLoaded, timeout=WAIT_MS):
        view.refresh()


def recording(asked: list[str]) -> Callable[[str, str], bool]:
    """A confirmation that says yes and keeps the question."""
    def confirm(_title: str, text: str) -> bool:
        asked.append(text)
        return True
    return confirm


def backend_error(call: Callable[[], object]) -> ApiError:
    try:
        call()
    except ApiError as error:
        return error
    raise AssertionError("the backend accepted it")


def test_lists_the_own_tenants_carts_and_quotes_with_their_states(
        open_view: Opener) -> None:
    view, _client, cache = open_view("max.nord")
    listed = rows(view)
    assert {line.tenant_id for line in listed} == {"t-nordlicht"}
    with cache.store.session() as session:
        everything = open_carts_and_quotes(session)
    # the cache also holds the Hamburg sub-tenant's; the view shows only the own tenant's
    assert {line.tenant_id for line in everything} == {"t-nordlicht", "t-nordlicht-hh"}
    assert sorted(line.cart_id for line in listed) == sorted(
        line.cart_id for line in everything if line.tenant_id == "t-nordlicht")
    shown = sorted(str(state) for state in states(view).values())
    assert shown == sorted(["open"] * 7 + ["sent", "approved", "approved", "rejected",
                                          "withdrawn", "expired"])
    assert view.count_label.text() == "13 of 13 carts and quotes"  # no .qm files yet
    assert all(line.customer_name for line in listed)  # customers are cached with them


def test_provider_staff_sees_only_the_providers_own(open_view: Opener) -> None:
    view, _client, cache = open_view("anna.berger")
    with cache.store.session() as session:
        assert len(open_carts_and_quotes(session)) > 40  # every partner's, in the cache
    assert view.model.rowCount() == 0
    assert view.empty_label.isVisible()
    assert "no open carts or quotes" in view.empty_label.text()


def test_a_quote_past_its_validity_date_shows_as_expired(open_view: Opener) -> None:
    view, _client, _cache = open_view("max.nord")
    view._today = lambda: date(2099, 1, 1)  # every live quote is past its validity date
    view._install()
    quotes = {line.cart_id: view.model.state(row) for row, line in enumerate(rows(view))
              if line.is_quote}
    assert set(quotes.values()) == {QuoteState.EXPIRED, QuoteState.REJECTED,
                                    QuoteState.WITHDRAWN}
    line = select(view, quote_in(QuoteState.EXPIRED))
    resume, withdraw, _delete = view.verdicts()
    assert not resume.allowed and "expired" in resume.reason
    assert not withdraw.allowed and line.is_quote


def test_resume_emits_the_cart_id_for_live_lines_only(qtbot: QtBot, open_view: Opener) -> None:
    view, _client, _cache = open_view("max.nord")
    cart = select(view, bare_cart)
    with qtbot.waitSignal(view.resumeCartRequested, timeout=10_000) as resumed:
        view.resume_action.trigger()
    assert resumed.args == [cart.cart_id]
    approved = select(view, quote_in(QuoteState.APPROVED))
    with qtbot.waitSignal(view.resumeCartRequested, timeout=10_000) as resumed:
        view.table.activated.emit(view.table.currentIndex())  # Enter / double-click
    assert resumed.args == [approved.cart_id]
    select(view, quote_in(QuoteState.REJECTED))
    assert not view.resume_action.isEnabled()
    assert "rejected" in view.resume_action.toolTip()
    with qtbot.assertNotEmitted(view.resumeCartRequested):
        view.resume_current()


def test_actions_follow_the_state_and_say_why_not(open_view: Opener) -> None:
    view, _client, _cache = open_view("max.nord")
    assert not view.withdraw_action.isEnabled()  # nothing selected yet
    assert view.withdraw_action.toolTip() == "Select a cart or quote first."
    select(view, bare_cart)
    assert view.resume_action.isEnabled() and view.delete_action.isEnabled()
    assert not view.withdraw_action.isEnabled()
    assert "has none yet" in view.withdraw_action.toolTip()
    for state in (QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED):
        select(view, quote_in(state))
        assert view.withdraw_action.isEnabled(), state
    select(view, quote_in(QuoteState.WITHDRAWN))
    assert not view.withdraw_action.isEnabled()
    assert view.withdraw_action.toolTip() == "This quote has already been withdrawn."
    assert view.delete_action.isEnabled()


def test_offline_disables_every_action_and_says_why(open_view: Opener) -> None:
    view, _client, _cache = open_view("max.nord")
    select(view, quote_in(QuoteState.SENT))
    view.set_online(False, "Der Server ist nicht erreichbar (127.0.0.1).")
    for action in (view.resume_action, view.withdraw_action, view.delete_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Offline: Der Server ist nicht erreichbar (127.0.0.1)."
    view.withdraw_current()  # a stray shortcut does nothing
    assert view.error_box is None
    view.set_online(True, "")
    assert view.withdraw_action.isEnabled() and view.delete_action.isEnabled()


def test_withdraw_a_sent_quote(qtbot: QtBot, open_view: Opener) -> None:
    view, client, cache = open_view("lena.hh")
    quote = select(view, quote_in(QuoteState.SENT))
    asked: list[str] = []
    view.confirm = recording(asked)
    syncs: list[bool] = []
    view.syncRequested.connect(lambda: syncs.append(True))
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS) as finished:
        view.withdraw_action.trigger()
    assert finished.args == [True]
    assert syncs == [True]  # the sync controller is asked to bring the change into the cache
    assert quote.quote_number is not None and quote.quote_number in asked[0]
    assert quote.quote_id is not None
    assert client.quote(quote.quote_id).state is QuoteState.WITHDRAWN
    # shown at once, before the sync; the selection stays on the line
    assert states(view)[quote.cart_id] is QuoteState.WITHDRAWN
    assert view.current_row() == replace(quote, quote_state=QuoteState.WITHDRAWN)
    assert not view.withdraw_action.isEnabled()
    assert "withdrawn" in view.statusBar().currentMessage()
    resync(qtbot, view, client, cache)  # what the sync controller does next
    assert states(view)[quote.cart_id] is QuoteState.WITHDRAWN
    current = view.current_row()
    assert current is not None and current.cart_id == quote.cart_id
    assert view.operations.pending.quotes == {}  # the cache has caught up


def test_withdraw_refused_by_the_backend_shows_its_message(qtbot: QtBot,
                                                           open_view: Opener) -> None:
    view, client, cache = open_view("paul.sued", "en")
    quote = select(view, quote_in(QuoteState.SENT))
    assert quote.quote_id is not None
    client.withdraw_quote(quote.quote_id)  # elsewhere, behind this cache's back
    refusal = backend_error(lambda: client.withdraw_quote(quote.quote_id or ""))
    assert isinstance(refusal, RuleViolationError)
    view.confirm = lambda _title, _text: True
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS) as finished:
        view.withdraw_current()
    assert finished.args == [False]
    assert view.error_box is not None
    assert view.error_box.windowTitle() == "The quote could not be withdrawn"
    assert view.error_box.text() == refusal.message("en")
    assert "withdrawn" in view.error_box.text()
    view.error_box.close()
    resync(qtbot, view, client, cache)  # the sync asked for brings the real state
    assert states(view)[quote.cart_id] is QuoteState.WITHDRAWN


def test_an_approved_quote_can_be_withdrawn(qtbot: QtBot, open_view: Opener) -> None:
    """The backend allows it (domain/quotes.py check_quote_withdrawal), so the view does."""
    view, client, _cache = open_view("paul.sued")
    quote = select(view, quote_in(QuoteState.APPROVED))
    view.confirm = lambda _title, _text: True
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS) as finished:
        view.withdraw_current()
    assert finished.args == [True]
    assert client.quote(quote.quote_id or "").state is QuoteState.WITHDRAWN


def test_delete_a_cart_and_a_cart_with_its_quote(qtbot: QtBot, open_view: Opener) -> None:
    view, client, cache = open_view("mia.rhein")
    before = view.model.rowCount()
    cart = select(view, bare_cart)
    view.confirm = lambda _title, _text: True
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS) as finished:
        view.delete_action.trigger()
    assert finished.args == [True]
    assert view.model.row_of(cart.cart_id) is None
    assert isinstance(backend_error(lambda: client.get_cart(cart.cart_id)), NotFoundError)
    rejected = select(view, quote_in(QuoteState.REJECTED))
    asked: list[str] = []
    view.confirm = recording(asked)
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS):
        view.delete_current()
    assert "together with its quote" in asked[0]
    assert isinstance(backend_error(lambda: client.quote(rejected.quote_id or "")),
                      NotFoundError)
    resync(qtbot, view, client, cache)
    assert view.model.rowCount() == before - 2
    assert view.operations.pending.deleted == set()


def test_delete_refused_by_the_backend_shows_its_message(qtbot: QtBot,
                                                         open_view: Opener) -> None:
    view, client, cache = open_view("mia.rhein")
    cart = select(view, bare_cart)
    client.delete_cart(cart.cart_id)  # elsewhere, behind this cache's back
    refusal = backend_error(lambda: client.delete_cart(cart.cart_id))
    view.confirm = lambda _title, _text: True
    with qtbot.waitSignal(view.actionFinished, timeout=WAIT_MS) as finished:
        view.delete_current()
    assert finished.args == [False]
    assert view.error_box is not None
    assert view.error_box.text() == refusal.message("de")
    assert view.error_box.windowTitle() == "The cart could not be deleted"
    view.error_box.close()
    assert view.delete_action.isEnabled()  # not busy any more
    resync(qtbot, view, client, cache)
    assert view.model.row_of(cart.cart_id) is None


def test_declining_the_question_changes_nothing(qtbot: QtBot, open_view: Opener) -> None:
    view, client, _cache = open_view("max.nord")
    quote = select(view, quote_in(QuoteState.SENT))
    view.confirm = lambda _title, _text: False
    with qtbot.assertNotEmitted(view.actionFinished, wait=200), \
            qtbot.assertNotEmitted(view.syncRequested):
        view.withdraw_current()
        view.delete_current()
    assert client.quote(quote.quote_id or "").state is QuoteState.SENT


def test_filters_keep_the_selection(qtbot: QtBot, open_view: Opener) -> None:
    view, _client, _cache = open_view("max.nord")
    quote = select(view, quote_in(QuoteState.SENT))
    view.state_combo.setCurrentIndex(view.state_combo.findData("sent"))
    assert [line.cart_id for line in rows(view)] == [quote.cart_id]
    assert view.current_row() == quote
    QTest.keyClicks(view.search_edit, "no such customer")
    assert view.model.rowCount() == 0 and view.empty_label.isVisible()
    assert "matches" in view.empty_label.text()
    view.search_edit.clear()
    view.state_combo.setCurrentIndex(0)
    assert view.model.rowCount() == 13 and view.current_row() == quote
    view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert view.current_row() == quote
