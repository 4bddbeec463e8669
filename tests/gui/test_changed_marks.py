"""Orders changed through a live sync since the clerk last opened them: marked in the list
(bold, a dot with a tooltip in the first column), "Changed only" shows just those with their
count, opening one clears its mark in place, and the marks survive a restart."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from desktop_app.cache import notifications
from desktop_app.cache.writer import apply_page
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui import orders
from tests.gui.window import SEEDED, ids_shown, live_cache, open_window

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT_MS = 5000
GENERATED = orders.generated(SEEDED)
CHANGED = [GENERATED[4], GENERATED[17], GENERATED[60]]
CHANGED_IDS = {order.id for order in CHANGED}
LATER = records.BASE_TIME + timedelta(days=600)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def live_page(cache: LiveCache, cursor: str = "live-1") -> None:
    """A live page brings three orders with a new contract number (as the listener applies
    it; a page that only re-sends an order unchanged marks nothing)."""
    changed = [order.model_copy(update={"updated_at": LATER,
                                        "contract_number": f"VT-3{n:07d}"})
               for n, order in enumerate(CHANGED)]
    apply_page(cache.store, records.upserts(changed), [], cursor, track=True)


def opened_window(qtbot: QtBot, cache: LiveCache, tmp_path: Path,
                  tasks: TaskManager) -> MainWindow:
    window = open_window(qtbot, cache, tmp_path / "orderdesk.ini", english=True, tasks=tasks)
    qtbot.waitUntil(lambda: window.model.rowCount() == SEEDED and not window.model.is_partial,
                    timeout=WAIT_MS)
    return window


def synced(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        window.refresh_after_sync()


def row_of(window: MainWindow, order_id: str) -> int:
    row = window.model.row_of(order_id)
    assert row is not None
    return row


def is_marked(window: MainWindow, order_id: str) -> bool:
    model = window.model
    row = row_of(window, order_id)
    font = model.index(row, int(OrderColumn.CUSTOMER)).data(Qt.ItemDataRole.FontRole)
    bold = isinstance(font, QFont) and font.bold()
    tooltip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    hinted = "Changed since you last opened it" in tooltip
    assert bold == hinted  # the two marks go together
    return bold


def marks_in_cache(cache: LiveCache) -> set[str]:
    with cache.store.session() as session:
        return notifications.changed_order_ids(session, [order.id for order in GENERATED])


def test_rows_changed_by_a_live_page_are_marked(
    qtbot: QtBot, qtmodeltester: "ModelTester", cache: LiveCache, tmp_path: Path,
    tasks: TaskManager,
) -> None:
    window = opened_window(qtbot, cache, tmp_path, tasks)
    qtmodeltester.check(window.model)  # type: ignore[no-untyped-call]
    assert not any(is_marked(window, oid) for oid in ids_shown(window))
    live_page(cache)
    synced(qtbot, window)
    marked = {oid for oid in ids_shown(window) if is_marked(window, oid)}
    assert marked == CHANGED_IDS
    model = window.model
    row = row_of(window, CHANGED[0].id)
    dot = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(dot, QIcon) and not dot.isNull()
    # Unmarked rows keep a blank of the same size: the numbers stay in one line.
    other = model.index(row_of(window, GENERATED[0].id), 0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(other, QIcon)
    assert other.availableSizes() == dot.availableSizes()
    assert window.filter_bar.changed.text() == "Changed only (3)"


def test_changed_only_shows_just_those_with_their_count(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, tasks: TaskManager,
) -> None:
    window = opened_window(qtbot, cache, tmp_path, tasks)
    live_page(cache)
    synced(qtbot, window)
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        window.filter_bar.changed.setChecked(True)
    assert set(ids_shown(window)) == CHANGED_IDS
    assert window.model.rowCount() == window.filter_bar.changed_count == 3
    assert window.count_label.text() == "3 orders"
    assert window.filter_bar.changed.text() == "Changed only (3)"
    # With another filter, the check counts what it would show together with it.
    mine = {order.id for order in CHANGED if order.created_by == "u-1"}
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        window.filter_bar.mine.setChecked(True)
    assert set(ids_shown(window)) == mine
    assert window.filter_bar.changed_count == len(mine)
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        window.filter_bar.reset()
    assert window.model.rowCount() == SEEDED
    assert not window.filter_bar.changed.isChecked()


def test_opening_an_order_clears_its_mark_in_place(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, tasks: TaskManager,
) -> None:
    window = opened_window(qtbot, cache, tmp_path, tasks)
    live_page(cache)
    synced(qtbot, window)
    target = CHANGED[1].id
    row = row_of(window, target)
    with (qtbot.assertNotEmitted(window.model.modelReset),
          qtbot.assertNotEmitted(window.model.layoutChanged),
          qtbot.waitSignal(window.model.dataChanged, timeout=WAIT_MS,
                           check_params_cb=lambda top, bottom, _roles: top.row() == row
                           == bottom.row())):  # fmt: skip
        window.select_row(row)
    assert window.shown_order_id == target
    assert not is_marked(window, target)
    assert marks_in_cache(cache) == CHANGED_IDS - {target}
    assert window.filter_bar.changed.text() == "Changed only (2)"
    # An unmarked order opened: nothing to write, nothing changes.
    plain = GENERATED[0].id
    with qtbot.assertNotEmitted(window.model.dataChanged, wait=200):
        window.select_row(row_of(window, plain))
    assert window.filter_bar.changed_count == 2


def test_the_changed_only_list_keeps_an_opened_row_until_the_next_reload(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, tasks: TaskManager,
) -> None:
    window = opened_window(qtbot, cache, tmp_path, tasks)
    live_page(cache)
    synced(qtbot, window)
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        window.filter_bar.changed.setChecked(True)
    target = CHANGED[2].id
    with qtbot.waitSignal(window.model.dataChanged, timeout=WAIT_MS):
        window.select_row(row_of(window, target))
    assert target in ids_shown(window)  # not pulled away under the clerk's eyes
    synced(qtbot, window)  # the next sync re-reads the list
    assert set(ids_shown(window)) == CHANGED_IDS - {target}
    assert window.model.rowCount() == window.filter_bar.changed_count == 2


def test_an_order_opened_from_elsewhere_is_marked_seen(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, tasks: TaskManager,
) -> None:
    """open_order (a notification, a confirmation) jumps to a row not yet painted."""
    window = opened_window(qtbot, cache, tmp_path, tasks)
    live_page(cache)
    synced(qtbot, window)
    target = CHANGED[2].id
    assert window.open_order(target)
    qtbot.waitUntil(lambda: marks_in_cache(cache) == CHANGED_IDS - {target}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not is_marked(window, target), timeout=WAIT_MS)


def test_marks_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, tasks: TaskManager,
) -> None:
    path = tmp_path / "restart.sqlite3"
    first = live_cache(path)
    try:
        window = opened_window(qtbot, first, tmp_path, tasks)
        live_page(first)
        synced(qtbot, window)
        with qtbot.waitSignal(window.model.dataChanged, timeout=WAIT_MS):
            window.select_row(row_of(window, CHANGED[0].id))
        window.close()
    finally:
        first.close()
    second = LiveCache(path)
    try:
        again = opened_window(qtbot, second, tmp_path, tasks)
        marked = {oid for oid in ids_shown(again) if is_marked(again, oid)}
        assert marked == CHANGED_IDS - {CHANGED[0].id}
        qtbot.waitUntil(lambda: again.filter_bar.changed_count == 2, timeout=WAIT_MS)
        again.close()
    finally:
        second.close()
