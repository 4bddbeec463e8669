"""Saved views in the main window (issue 14, item 2): defaults, save/apply, rename, delete,
reorder, Ctrl+1 … Ctrl+9, restart, an older file, a corrupt file, a newer file, relative
days, and the side list's model under the model tester."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from desktop_app.cache.queries import CLEARING
from desktop_app.gui.overview.filter_bar import OPEN, FilterValues
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.gui.overview.views.model import ViewListModel
from desktop_app.gui.overview.views.store import SCHEMA_VERSION, load_views, views_file
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.gui.window import USER, live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LOAD_MS = 20000


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def _window(qtbot: QtBot, cache: LiveCache, tmp_path: Path, **kwargs: object) -> MainWindow:
    window = open_window(qtbot, cache, tmp_path / "settings.ini", **kwargs)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=LOAD_MS)
    return window


def _names(window: MainWindow) -> list[str]:
    return [view.name for view in window.saved_views.model.views]


def _apply(window: MainWindow, qtbot: QtBot, row: int) -> None:
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        assert window.saved_views.apply(row)


def test_defaults_on_first_use_and_written(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    assert _names(window) == ["My open orders", "Clearing cases", "Completed today"]
    stored = load_views(views_file(cache.path))
    assert stored is not None and [v.name for v in stored.views] == _names(window)
    _apply(window, qtbot, 0)
    values = window.filter_bar.values()
    assert (values.status, values.mine) == (OPEN, True)
    query = window.model.query.order_filter
    assert query.statuses == {"received", "in_processing"} and query.created_by == USER
    _apply(window, qtbot, 1)
    assert window.filter_bar.values().status == CLEARING
    assert window.model.query.order_filter.clearing


def test_save_and_apply_filter_sort_and_columns(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path
) -> None:
    window = _window(qtbot, cache, tmp_path)
    views, header = window.saved_views, window.table.horizontalHeader()
    chosen = FilterValues(text="Müller", family="ipfonie", date_from=date(2025, 2, 1),
                          date_to=date(2025, 9, 30))  # fmt: skip
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.filter_bar.set_values(chosen)
    header.setSortIndicator(OrderColumn.CUSTOMER, Qt.SortOrder.AscendingOrder)
    window.column_fit.set_hidden(OrderColumn.PRODUCT, True)
    header.moveSection(header.visualIndex(OrderColumn.STATUS), 1)
    row = views.save("Müller IP")
    assert _names(window)[row] == "Müller IP" and row == 3
    saved = views.model.view(row)
    assert saved is not None and saved.filter.date_from is not None
    assert saved.filter.date_from.fixed == date(2025, 2, 1)  # a span not ending today: fixed
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.filter_bar.reset()
    window.column_fit.reset()
    header.setSortIndicator(OrderColumn.ORDER_DATE, Qt.SortOrder.DescendingOrder)
    _apply(window, qtbot, row)
    assert window.filter_bar.values() == chosen
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        OrderColumn.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert header.isSectionHidden(OrderColumn.PRODUCT)
    assert header.logicalIndex(1) == OrderColumn.STATUS
    # Saving under a name that exists replaces that view in its place.
    assert views.save("Clearing-Fälle" if "Clearing-Fälle" in _names(window)
                      else _names(window)[1]) == 1  # fmt: skip
    assert len(_names(window)) == 4


def test_rename_delete_and_reorder(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    views = window.saved_views
    assert views.rename(0, "  Mine,   open  ")
    assert _names(window)[0] == "Mine, open"
    assert not views.rename(0, "   ")  # empty
    assert not views.rename(0, "Clearing cases")  # another view's name
    assert not views.rename(7, "x")
    views.dock.select_row(2)
    assert views.move_current(-1)
    assert _names(window) == ["Mine, open", "Completed today", "Clearing cases"]
    assert views.current_row() == 1
    assert not views.model.move(0, -1) and not views.model.move(2, 1)
    # A drag in the list moves rows (QListView's internal move calls moveRows).
    assert views.model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert _names(window) == ["Completed today", "Clearing cases", "Mine, open"]
    assert views.delete(1)
    assert not views.delete(5)
    assert _names(window) == ["Completed today", "Mine, open"]
    stored = load_views(views_file(cache.path))
    assert stored is not None and [v.name for v in stored.views] == _names(window)


def test_ctrl_digits_apply_views(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    with qtbot.waitSignal(window.saved_views.applied, timeout=LOAD_MS) as applied:
        QTest.keySequence(window, QKeySequence("Ctrl+2"))
    assert applied.args == ["Clearing cases"]
    qtbot.waitUntil(lambda: window.filter_bar.values().status == CLEARING, timeout=LOAD_MS)
    with qtbot.waitSignal(window.saved_views.applied, timeout=LOAD_MS) as applied:
        QTest.keySequence(window, QKeySequence("Ctrl+1"))
    assert applied.args == ["My open orders"]
    with qtbot.assertNotEmitted(window.saved_views.applied, wait=50):
        QTest.keySequence(window, QKeySequence("Ctrl+9"))  # no ninth view: nothing
    # The detail and status tabs moved to Alt+1 / Alt+2.
    assert window.window_actions.show_detail.shortcut() == QKeySequence("Alt+1")
    menu = window.saved_views.menu
    shown = [a.text() for a in menu.actions() if a.shortcut() == QKeySequence("Ctrl+3")]
    assert shown == ["Completed today"]


def test_views_survive_a_restart(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    window.saved_views.save("Everything")
    window.saved_views.delete(0)
    window.close()
    again = _window(qtbot, cache, tmp_path, english=True)
    assert _names(again) == ["Clearing cases", "Completed today", "Everything"]


def test_relative_today_is_the_day_applied(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    views = window.saved_views
    day = [date(2026, 3, 2)]
    views._today = lambda: day[0]
    _apply(window, qtbot, 2)  # Completed today
    query = window.model.query.order_filter
    assert (query.completed_from, query.completed_to) == (date(2026, 3, 2),) * 2
    assert query.date_from is None
    day[0] = date(2026, 3, 5)
    _apply(window, qtbot, 2)
    query = window.model.query.order_filter
    assert (query.completed_from, query.completed_to) == (date(2026, 3, 5),) * 2
    # A span the clerk ends today is saved as "the last N days".
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.filter_bar.set_values(FilterValues(date_from=date(2026, 2, 26),
                                                  date_to=date(2026, 3, 5)))  # fmt: skip
    row = views.save("Last week")
    day[0] = date(2026, 4, 10)
    _apply(window, qtbot, row)
    values = window.filter_bar.values()
    assert (values.date_from, values.date_to) == (date(2026, 4, 3), date(2026, 4, 10))


def test_an_older_file_is_migrated(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    path = views_file(cache.path)
    path.write_text(json.dumps({"schema_version": 1, "views": [
        {"name": "Seit gestern", "filter": {"date_from": "today-1", "date_to": "today"}}]}),
        encoding="utf-8")  # fmt: skip
    window = _window(qtbot, cache, tmp_path)
    assert _names(window) == ["Seit gestern"]
    assert window.saved_views.problem == ""
    window.saved_views.rename(0, "Seit gestern!")  # a change writes the current version
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_a_corrupt_file_is_set_aside(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    path = views_file(cache.path)
    path.write_text('{"schema_version": 2, "views": [{"nam', encoding="utf-8")
    window = _window(qtbot, cache, tmp_path, english=True)
    assert _names(window) == ["My open orders", "Clearing cases", "Completed today"]
    aside = list(path.parent.glob("*.corrupt-*.json"))
    assert len(aside) == 1 and str(aside[0]) in window.saved_views.problem
    assert window.saved_views.dock.problem_label.text() == window.saved_views.problem
    assert load_views(path) is not None  # the defaults took its place


def test_a_file_that_cannot_be_read_just_now_is_left_alone(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A views file locked by a virus scanner or on a drive that is away: kept, never
    overwritten with the defaults."""
    path = views_file(cache.path)
    text = json.dumps({"schema_version": SCHEMA_VERSION, "views": []})
    path.write_text(text, encoding="utf-8")
    read_bytes = Path.read_bytes

    def locked(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", locked)
    window = _window(qtbot, cache, tmp_path, english=True)
    assert _names(window) == ["My open orders", "Clearing cases", "Completed today"]
    assert "could not be read just now" in window.saved_views.problem
    window.saved_views.save("Mine")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == text  # never overwritten
    assert not list(path.parent.glob("*.corrupt-*.json"))


def test_a_newer_file_is_left_alone(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    path = views_file(cache.path)
    text = json.dumps({"schema_version": SCHEMA_VERSION + 5, "views": []})
    path.write_text(text, encoding="utf-8")
    window = _window(qtbot, cache, tmp_path, english=True)
    assert "newer OrderDesk" in window.saved_views.problem
    window.saved_views.save("Mine")
    assert path.read_text(encoding="utf-8") == text  # never overwritten


def test_the_list_model_passes_the_model_tester(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, qtmodeltester: object
) -> None:
    window = _window(qtbot, cache, tmp_path, english=True)
    model = window.saved_views.model
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    window.saved_views.save("Another")
    model.move(0, 1)
    model.setData(model.index(0), "Renamed")
    model.removeRows(1, 1)
    assert isinstance(model, ViewListModel) and model.rowCount() == 3
    empty = ViewListModel()
    qtmodeltester.check(empty, force_py=True)  # type: ignore[attr-defined]
