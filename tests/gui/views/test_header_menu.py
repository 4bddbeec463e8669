"""Issue 14, item 3: the order list's header menu shows/hides columns (never the order
number), resets the layout, and what it chose comes back in the next window."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.window import live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def _entries(window: MainWindow) -> dict[int, object]:
    menu = window.saved_views.header_menu.menu()
    return {int(a.data()): a for a in menu.actions() if a.isCheckable()}


def test_hide_show_and_the_order_number_stays(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path
) -> None:
    window = open_window(qtbot, cache, tmp_path / "s.ini", english=True)
    window.resize(1400, 900)
    QApplication.processEvents()
    header = window.table.horizontalHeader()
    entries = _entries(window)
    assert sorted(entries) == [int(c) for c in OrderColumn]
    fixed = entries[OrderColumn.ORDER_NUMBER]
    assert not fixed.isEnabled() and fixed.isChecked()  # type: ignore[attr-defined]
    entries[OrderColumn.CONTRACT_NUMBER].setChecked(False)  # type: ignore[attr-defined]
    assert header.isSectionHidden(OrderColumn.CONTRACT_NUMBER)
    assert window.column_fit.active  # hiding keeps the widths fitted: the rest grows
    total = sum(header.sectionSize(c) for c in OrderColumn if not header.isSectionHidden(c))
    assert total <= window.table.viewport().width()
    assert not _entries(window)[OrderColumn.CONTRACT_NUMBER].isChecked()  # type: ignore[attr-defined]
    _entries(window)[OrderColumn.CONTRACT_NUMBER].setChecked(True)  # type: ignore[attr-defined]
    assert not header.isSectionHidden(OrderColumn.CONTRACT_NUMBER)


def test_reset_and_persisted(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    settings = tmp_path / "s.ini"
    window = open_window(qtbot, cache, settings)
    header = window.table.horizontalHeader()
    window.column_fit.set_hidden(OrderColumn.PRODUCT, True)
    header.moveSection(header.visualIndex(OrderColumn.STATUS), 1)
    header.resizeSection(OrderColumn.CUSTOMER, 333)
    assert not window.column_fit.active
    window.close()
    again = open_window(qtbot, cache, settings)
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(OrderColumn.PRODUCT)
    assert header.logicalIndex(1) == OrderColumn.STATUS
    assert header.sectionSize(OrderColumn.CUSTOMER) == 333
    again.resize(1400, 900)
    QApplication.processEvents()
    again.saved_views.header_menu.reset_action.trigger()
    assert not any(header.isSectionHidden(c) for c in OrderColumn)
    assert [header.logicalIndex(v) for v in range(header.count())] == list(OrderColumn)
    assert again.column_fit.active and header.sectionSize(OrderColumn.CUSTOMER) != 333
    bar = again.table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=5000)  # (after the relayout)
