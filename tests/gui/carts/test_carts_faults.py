"""The carts-and-quotes window on a seeded cache with a fake backend: faults a live server
does not produce on cue (a bug, a dropped connection), keyboard, busy state, and the outcomes
kept until the cache catches up."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from threading import Event

import pytest
from desktop_app.api import OfflineError
from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.contract.carts import QuoteOut
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common.crash import CrashReporter
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.carts.operations import Pending
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui.carts import seed


class FakeBackend:
    """Raises `error` (if set) after `gate` opens; records the calls."""

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self.gate = Event()
        self.gate.set()
        self.calls: list[tuple[str, str]] = []

    def withdraw_quote(self, quote_id: str) -> QuoteOut:
        self.calls.append(("withdraw", quote_id))
        self.gate.wait(5)
        if self.error is not None:
            raise self.error
        return records.quote(quote_id).model_copy(update={
            "state": QuoteState.WITHDRAWN, "updated_at": records.BASE_TIME + timedelta(days=90)})

    def delete_cart(self, cart_id: str) -> None:
        self.calls.append(("delete", cart_id))
        self.gate.wait(5)
        if self.error is not None:
            raise self.error


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path, backend: FakeBackend,
         tasks: TaskManager) -> Iterator[CartsQuotesWindow]:
    cache = LiveCache(tmp_path / "cache.sqlite3")
    seed.fill(cache.store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = CartsQuotesWindow(cache, backend, "en", settings, frozenset({seed.TENANT}),
                               tasks, today=lambda: seed.TODAY)
    qtbot.addWidget(window)
    window.confirm = lambda _title, _text: True
    with qtbot.waitSignal(window.rowsLoaded, timeout=5000):
        window.show()
    yield window
    backend.gate.set()
    window.shutdown()
    cache.close()


def select(view: CartsQuotesWindow, cart_id: str) -> None:
    row = view.model.row_of(cart_id)
    assert row is not None
    view.table.selectRow(row)


def test_a_bug_in_an_action_ends_it_and_gets_the_crash_dialog(
        qtbot: QtBot, view: CartsQuotesWindow, backend: FakeBackend,
        crash_reporter: CrashReporter) -> None:
    backend.error = RuntimeError("bug with internals")
    select(view, "cart-q-sent")
    with qtbot.waitSignal(view.actionFinished, timeout=5000) as finished:
        view.withdraw_current()
    assert finished.args == [False] and not view.operations.busy
    assert view.error_box is None  # no second, vaguer message beside the crash dialog
    qtbot.waitUntil(lambda: crash_reporter.dialog is not None)
    assert crash_reporter.dialog is not None
    details = crash_reporter.dialog.details.toPlainText()
    assert "RuntimeError: bug with internals" in details and "cart action" in details


def test_a_dropped_connection_shows_the_offline_message(qtbot: QtBot, view: CartsQuotesWindow,
                                                        backend: FakeBackend) -> None:
    backend.error = OfflineError("orders.example.com")
    select(view, "cart-open-1")
    with qtbot.waitSignal(view.actionFinished, timeout=5000):
        view.delete_current()
    assert view.error_box is not None
    assert view.error_box.text() == OfflineError("orders.example.com").message("en")
    assert view.model.row_of("cart-open-1") is not None  # nothing was deleted
    view.error_box.close()


def test_actions_wait_while_one_runs(qtbot: QtBot, view: CartsQuotesWindow,
                                     backend: FakeBackend) -> None:
    backend.gate.clear()
    select(view, "cart-q-sent")
    view.withdraw_current()
    assert not view.delete_action.isEnabled() and not view.withdraw_action.isEnabled()
    assert view.delete_action.toolTip() == "Please wait until the running action has finished."
    view.delete_current()  # a stray shortcut meanwhile does nothing
    with qtbot.waitSignal(view.actionFinished, timeout=5000):
        backend.gate.set()
    assert backend.calls == [("withdraw", "quote-4")]
    assert view.delete_action.isEnabled()


def test_keyboard_enter_resumes_and_delete_asks(qtbot: QtBot, view: CartsQuotesWindow,
                                                backend: FakeBackend) -> None:
    with qtbot.waitActive(view):
        view.activateWindow()
    view.table.setFocus()
    select(view, "cart-open-2")
    with qtbot.waitSignal(view.resumeCartRequested, timeout=10_000) as resumed:
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert resumed.args == ["cart-open-2"]
    asked: list[str] = []

    def decline(_title: str, text: str) -> bool:
        asked.append(text)
        return False

    view.confirm = decline
    QTest.keyClick(view.table, Qt.Key.Key_Delete)
    assert asked == ["Delete the cart for Abel & Söhne KG?\n\nThis cannot be undone."]
    QTest.keyClicks(view.search_edit, "x")
    QTest.keyClick(view.search_edit, Qt.Key.Key_Backspace)
    QTest.keyClick(view.search_edit, Qt.Key.Key_Delete)  # edits the text, deletes no cart
    assert len(asked) == 1 and backend.calls == []


def _row(rows: list[CartQuoteListRow], cart_id: str) -> CartQuoteListRow:
    return next(row for row in rows if row.cart_id == cart_id)


def test_pending_outcomes_stay_until_the_cache_shows_them(view: CartsQuotesWindow) -> None:
    rows = view._rows
    sent = _row(rows, "cart-q-sent")
    pending = Pending()
    withdrawn = records.quote("quote-4").model_copy(update={
        "state": QuoteState.WITHDRAWN, "updated_at": sent.updated_at + timedelta(hours=1)})
    pending.quote_changed("cart-q-sent", withdrawn)
    pending.cart_deleted("cart-open-1")
    for _ in range(2):  # a sync that missed the change: the outcome stays
        patched = pending.apply(rows)
        assert _row(patched, "cart-q-sent").quote_state is QuoteState.WITHDRAWN
        assert all(row.cart_id != "cart-open-1" for row in patched)
    synced = [replace(row, quote_state=QuoteState.WITHDRAWN,
                      updated_at=sent.updated_at + timedelta(hours=1))
              if row.cart_id == "cart-q-sent" else row
              for row in rows if row.cart_id != "cart-open-1"]
    assert pending.apply(synced) == synced
    assert pending.quotes == {} and pending.deleted == set()
