"""Issue 12, item 16: from the search field into the list by keyboard, a shortcut for the
status tab, and a Tab order that follows the layout."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.overview.main_window import STATUS_TAB, MainWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window import SEEDED, live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LOAD_MS = 20000


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> MainWindow:
    shown = open_window(qtbot, cache, tmp_path / "settings.ini")
    shown.focus_search()
    qtbot.waitUntil(lambda: shown.search_edit.hasFocus(), timeout=LOAD_MS)
    return shown


def current_row(window: MainWindow) -> int:
    return window.table.selectionModel().currentIndex().row()


def test_down_moves_from_the_search_into_the_list(window: MainWindow, qtbot: QtBot) -> None:
    QTest.keyClick(window.search_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.table.hasFocus(), timeout=LOAD_MS)
    assert current_row(window) == 0
    assert window.shown_order_id == window.model.order_id(0)


def test_enter_searches_at_once_and_moves_into_the_list(window: MainWindow, qtbot: QtBot) -> None:
    QTest.keyClicks(window.search_edit, "Abel")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        QTest.keyClick(window.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.hasFocus() and current_row(window) == 0,
                    timeout=LOAD_MS)  # fmt: skip
    assert 0 < window.model.rowCount() < SEEDED
    assert window.shown_order_id == window.model.order_id(0)


def test_the_status_tab_has_a_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    window.select_row(0)
    shortcut = window.window_actions.show_status.shortcut()
    assert not shortcut.isEmpty()
    QTest.keySequence(window, shortcut)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == STATUS_TAB, timeout=LOAD_MS)
    tip = window.tabs.tabToolTip(STATUS_TAB)
    assert shortcut.toString(shortcut.SequenceFormat.NativeText) in tip


def _tab_stops(window: MainWindow, qtbot: QtBot, until: QWidget) -> list[str]:
    names: list[str] = []
    for _ in range(30):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        qtbot.wait(1)
        now = QApplication.focusWidget()
        assert now is not None
        if not names or names[-1] != now.objectName():  # a date edit tabs through its parts
            names.append(now.objectName())
        if now is until:
            return names
    raise AssertionError(f"Tab never reached {until.objectName()}: {names}")


def test_tab_follows_the_layout(window: MainWindow, qtbot: QtBot) -> None:
    bar = window.filter_bar
    bar.from_edit.setDate(QDate(2000, 1, 1))  # the dates keep every order listed
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    bar.restored_hint.show()  # as after a restart with filters
    window.focus_search()
    assert _tab_stops(window, qtbot, window.table) == [
        "statusCombo", "transactionCombo", "familyCombo", "dateFieldCombo", "dateFromCheck",
        "dateFromEdit", "dateToCheck", "dateToEdit", "mineCheck", "changedCheck", "resetButton",
        "restoredFiltersHint",
        "orderTable",
    ]  # fmt: skip
