"""Issue 12, item 13: filters from the last session come back visibly (the filter bar says
so, one click clears them), and never into another backend's or user's cache."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.overview.filter_bar import FilterValues
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.gui.window import SEEDED, live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LOAD_MS = 20000


@pytest.fixture
def caches(tmp_path: Path) -> Iterator[tuple[LiveCache, LiveCache]]:
    # One cache file per (backend, tenant, user): two files stand for two backends.
    first = live_cache(tmp_path / "backend-a" / "cache.sqlite3")
    second = live_cache(tmp_path / "backend-b" / "cache.sqlite3")
    yield first, second
    first.close()
    second.close()


def hint(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "restoredFiltersHint")
    assert label is not None
    return label


def filtered_window(qtbot: QtBot, cache: LiveCache, settings: Path) -> MainWindow:
    window = open_window(qtbot, cache, settings)
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.search_edit.setText("Müller")
        window.search_edit.returnPressed.emit()
    assert 0 < window.model.rowCount() < SEEDED
    assert not hint(window).isVisible()  # the clerk's own filter needs no hint
    window.close()
    return window


def test_restored_filters_are_announced_and_one_click_clears_them(
    qtbot: QtBot, caches: tuple[LiveCache, LiveCache], tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    filtered_window(qtbot, caches[0], settings)
    again = open_window(qtbot, caches[0], settings)
    qtbot.waitUntil(lambda: 0 < again.model.rowCount() < SEEDED, timeout=LOAD_MS)
    assert again.search_edit.text() == "Müller"
    label = hint(again)
    assert label.isVisible()
    assert "last session" in label.text()
    with qtbot.waitSignal(again.ordersLoaded, timeout=LOAD_MS):
        label.linkActivated.emit("reset")
    assert again.filter_bar.values() == FilterValues()
    assert again.model.rowCount() == SEEDED
    assert not label.isVisible()


def test_changing_a_restored_filter_hides_the_hint(
    qtbot: QtBot, caches: tuple[LiveCache, LiveCache], tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    filtered_window(qtbot, caches[0], settings)
    again = open_window(qtbot, caches[0], settings)
    assert hint(again).isVisible()
    with qtbot.waitSignal(again.ordersLoaded, timeout=LOAD_MS):
        again.search_edit.setText("Schröder")
        again.search_edit.returnPressed.emit()
    assert not hint(again).isVisible()


def test_filters_never_carry_over_to_another_backend_or_user(
    qtbot: QtBot, caches: tuple[LiveCache, LiveCache], tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    filtered_window(qtbot, caches[0], settings)
    other = open_window(qtbot, caches[1], settings)
    assert other.filter_bar.values() == FilterValues()
    assert not hint(other).isVisible()
    qtbot.waitUntil(lambda: other.model.rowCount() == SEEDED, timeout=LOAD_MS)
