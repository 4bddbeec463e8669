"""Issue 14, item 3: at 1400 x 900 with the detail panel open, the order list needs no
sideways scroll and every column's title shows whole (the sorted one beside its arrow), as
do the dates of the last change, in German and in English."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api.errors import Language
from desktop_app.gui.common import translations
from desktop_app.gui.overview.main_window import DETAIL_TAB
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from tests.gui.window import live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    chosen: Language = request.param
    translations.install_translators(chosen)
    yield chosen
    translations.uninstall_translators()


def _settle(qtbot: QtBot) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(1)


def test_every_column_readable_at_1400_with_the_detail_panel(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, language: Language
) -> None:
    window = open_window(qtbot, cache, tmp_path / "s.ini", english=language == "en")
    window.resize(1400, 900)
    window.select_row(0)
    window.open_tab(DETAIL_TAB)
    _settle(qtbot)
    assert window.width() == 1400
    assert window.tabs.isVisible() and window.tabs.width() > 400  # the panel is open
    table, header = window.table, window.table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert table.horizontalScrollBar().maximum() == 0
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    arrow = header.height() // 2 + 2 * margin  # QCommonStyle's SE_HeaderLabel takes this
    fonts = header.fontMetrics()
    for column in OrderColumn:
        title = str(window.model.headerData(column, Qt.Orientation.Horizontal))
        room = header.sectionSize(column) - 2 * margin
        if column == header.sortIndicatorSection():
            room -= arrow
        assert fonts.horizontalAdvance(title) <= room, (language, title, room)
    bold = QFont(table.font())
    bold.setBold(True)
    for column in (OrderColumn.ORDER_DATE, OrderColumn.LAST_CHANGE):
        text = str(window.model.index(0, column).data())
        assert QFontMetrics(bold).horizontalAdvance(text) + 6 <= header.sectionSize(column)
