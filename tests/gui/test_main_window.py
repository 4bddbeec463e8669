"""The main window over a seeded cache: filters, sort, selection, keyboard, sync hooks,
persistence."""

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.queries import OrderFilter
from desktop_app.domain.business_time import business_zone
from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.common.stored import load_language
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview.main_window import DETAIL_TAB, FIRST_ROWS, MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui import orders
from tests.gui.window import SEEDED, USER, ids_shown, live_cache, open_window, settings_at

WindowFactory = Callable[..., MainWindow]

GENERATED = orders.generated(SEEDED)
LOAD_MS = 5000  # the order list's query runs on a worker; `ordersLoaded` says it landed

# The offscreen platform says so whenever a QMainWindow is shown; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "orderdesk.ini"


@pytest.fixture
def make_window(qtbot: QtBot, cache: LiveCache, settings_path: Path) -> WindowFactory:
    def make(language: str = "de", user: str | None = USER) -> MainWindow:
        return open_window(qtbot, cache, settings_path, english=language == "en", user=user)

    return make


def count_of(cache: LiveCache, order_filter: OrderFilter) -> int:
    with cache.store.session() as session:
        return queries.count_orders(session, order_filter)


def labels_text(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_shows_the_cached_orders_with_a_count(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.model.rowCount() == SEEDED
    assert window.count_label.text() == f"{SEEDED} orders"
    assert window.table.isVisible()
    assert not window.empty_label.isVisible()
    assert not window.progress_bar.isVisible()
    assert not window.banner.isVisible()


def test_german_count_uses_digit_grouping(tmp_path: Path, qtbot: QtBot,
                                          tasks: TaskManager) -> None:
    big = live_cache(tmp_path / "big.sqlite3", 1234)
    try:
        settings = settings_at(tmp_path / "s.ini")
        window = MainWindow(big, "de", settings, None, tasks)
        qtbot.addWidget(window)
        # The first rows come at once; the rest and the count follow from a worker.
        assert window.model.is_partial and window.count_label.text() == "Counting orders…"
        with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
            pass
        assert not window.model.is_partial and window.model.rowCount() == 1234
        assert window.count_label.text() == "1.234 orders"  # English source, German number
    finally:
        big.close()


def test_empty_cache_shows_the_empty_state(tmp_path: Path, qtbot: QtBot,
                                           tasks: TaskManager) -> None:
    empty = live_cache(tmp_path / "empty.sqlite3", 0)
    try:
        settings = settings_at(tmp_path / "s.ini")
        window = MainWindow(empty, "de", settings, None, tasks)
        qtbot.addWidget(window)
        window.show()
        assert window.model.rowCount() == 0
        assert window.empty_label.isVisible()
        assert "first synchronization" in window.empty_label.text()
    finally:
        empty.close()


def test_search_applies_on_each_key_press_and_filters(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    window = make_window()
    number = GENERATED[4].order_number
    for typed in range(1, len(number) + 1):  # no debounce: each key press asks at once
        QTest.keyClicks(window.search_edit, number[typed - 1])
        assert window.model.query.order_filter.text == number[:typed]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=LOAD_MS)
    assert ids_shown(window) == [GENERATED[4].id]
    assert window.count_label.text() == "1 order"


def test_status_filter_changes_count_and_rows(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    window = make_window()
    combo = window.filter_bar.status
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):  # the query runs on a worker
        combo.setCurrentIndex(combo.findData(OrderStatus.COMPLETED.value))
    assert window.model.query.order_filter.statuses == {"completed"}
    expected = count_of(cache, OrderFilter(statuses=frozenset({"completed"})))
    assert 0 < expected < SEEDED
    assert window.model.rowCount() == expected
    assert window.count_label.text() == f"{expected} orders"
    completed = {o.id for o in GENERATED if o.status is OrderStatus.COMPLETED}
    assert set(ids_shown(window)) == completed
    assert combo.currentText().startswith("Abgeschlossen (")  # the facet count


def test_no_match_shows_the_empty_state_and_reset_brings_all_back(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.search_edit.setText("zzzznothing")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=LOAD_MS)
    assert window.empty_label.isVisible()
    assert "No orders match" in window.empty_label.text()
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        QTest.mouseClick(window.filter_bar.reset_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == SEEDED
    assert window.search_edit.text() == ""


def test_created_by_me(make_window: WindowFactory, cache: LiveCache, qtbot: QtBot) -> None:
    window = make_window()
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.filter_bar.mine.setChecked(True)
    mine = [o.id for o in GENERATED if o.created_by == USER]
    assert mine and len(mine) < len(GENERATED)  # the filter has something to tell apart
    assert sorted(ids_shown(window)) == sorted(mine)


def test_created_by_me_is_disabled_without_a_user(make_window: WindowFactory) -> None:
    window = make_window(user=None)
    assert not window.filter_bar.mine.isEnabled()


def test_header_sort_persists_in_a_new_window(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(OrderColumn.CUSTOMER) + 5
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    sort = window.model.query.sort
    assert sort.column == queries.OrderSortColumn.CUSTOMER_NAME
    first = ids_shown(window)
    window.close()
    again = make_window()
    assert again.model.query.sort == sort
    assert again.table.horizontalHeader().sortIndicatorSection() == OrderColumn.CUSTOMER
    assert ids_shown(again) == first


def test_selecting_an_order_fills_detail_and_status(make_window: WindowFactory) -> None:
    window = make_window(language="en")
    order = GENERATED[10]
    assert window.select_order(order.id)
    assert window.shown_order_id == order.id
    assert f"Order {order.order_number}" in labels_text(window.detail_panel)
    status_label = {"received": "Received", "in_processing": "In processing",
                    "completed": "Completed"}[order.status.value]  # fmt: skip
    assert status_label in labels_text(window.status_panel)


def test_alt_down_and_up_move_the_selection(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.table.setFocus()
    window.select_row(3)
    QTest.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.table.selectionModel().currentIndex().row() == 4
    assert window.shown_order_id == window.model.order_id(4)
    QTest.keyClick(window.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.table.selectionModel().currentIndex().row() == 2
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [2]


def test_return_opens_the_detail_tab(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.tabs.setCurrentIndex(1)
    window.select_row(0)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == DETAIL_TAB


def test_ctrl_f_focuses_search(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)


def test_f5_and_the_action_request_a_sync(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.table.setFocus()
    with qtbot.wait_signal(window.syncRequested, timeout=10_000):
        QTest.keyClick(window.table, Qt.Key.Key_F5)
    with qtbot.wait_signal(window.syncRequested, timeout=10_000):
        window.sync_action.trigger()


def test_backend_actions_are_disabled_and_say_why(make_window: WindowFactory) -> None:
    window = make_window()
    assert not window.new_cart_action.isEnabled()
    assert "order wizard" in window.new_cart_action.toolTip()
    assert window.print_action.isEnabled() == (window.shown_order_id is not None)
    window.enable_ordering()
    assert window.new_cart_action.isEnabled()
    window.set_online(False, "Server not reachable (timeout)")
    assert not window.new_cart_action.isEnabled()
    assert "Server not reachable (timeout)" in window.new_cart_action.toolTip()
    assert "Offline" in window.online_label.text()
    window.set_online(True, "")
    assert "Server not reachable" not in window.new_cart_action.toolTip()
    assert "Online" in window.online_label.text()


def test_status_bar_and_banner(make_window: WindowFactory) -> None:
    window = make_window(language="en")
    window.set_sync_progress(10, 100)
    assert window.progress_bar.isVisible()
    assert window.progress_bar.value() == 10
    window.set_sync_progress(100, 100)
    assert not window.progress_bar.isVisible()
    assert window.last_sync_label.text() == "Not synchronized yet"
    window.set_last_sync(datetime(2026, 11, 26, 18, 30, tzinfo=business_zone()))  # shown as is
    assert window.last_sync_label.text() == "Last synchronized: 26/11/2026 18:30"
    window.show_banner("The cached data is older than 24 hours.", "warning")
    assert window.banner.isVisible()
    assert "older than 24 hours" in window.indicators.banner_label.text()
    window.hide_banner()
    assert not window.banner.isVisible()


def test_refresh_after_sync_keeps_selection_and_shows_new_status(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    window = make_window(language="en")
    order = next(o for o in GENERATED if o.status is OrderStatus.RECEIVED)
    window.select_order(order.id)
    window.table.verticalScrollBar().setValue(0)
    assert "Received" in labels_text(window.status_panel)
    changed = order.model_copy(update={
        "status": OrderStatus.COMPLETED, "updated_at": order.updated_at + timedelta(days=2),
    })  # fmt: skip
    writer.apply_page(cache.store, [writer.record_of(changed)], [], "after-sync")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):  # the list: on a worker
        window.refresh_after_sync()
    assert window.shown_order_id == order.id
    current = window.table.selectionModel().currentIndex()
    assert window.model.order_id(current.row()) == order.id
    status_text = labels_text(window.status_panel)
    assert "Completed" in status_text
    row = window.model.row_of(order.id)
    assert row is not None
    assert window.model.index(row, OrderColumn.STATUS).data() == "Completed"


def test_filters_geometry_and_splitter_persist(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.resize(790, 560)  # the offscreen screen is 800 x 800
    bar = window.filter_bar
    bar.transaction.setCurrentIndex(1)
    bar.family.setCurrentIndex(bar.family.findData("ipfonie"))
    bar.from_check.setChecked(True)
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.search_edit.setText("Müller")
    window.splitter.setSizes([700, 400])
    sizes = window.splitter.sizes()
    header = window.table.horizontalHeader()
    header.resizeSection(OrderColumn.CUSTOMER, 321)
    values, count = bar.values(), window.model.rowCount()
    window.close()
    again = make_window()
    assert again.filter_bar.values() == values
    assert again.model.rowCount() == count
    assert (again.width(), again.height()) == (790, 560)
    assert again.splitter.sizes() == sizes
    assert again.table.horizontalHeader().sectionSize(OrderColumn.CUSTOMER) == 321


def test_language_choice_is_stored_for_the_next_start(
    make_window: WindowFactory, settings_path: Path
) -> None:
    window = make_window()
    assert window.window_actions.german.isChecked()
    window.window_actions.english.trigger()
    assert "after a restart" in window.statusBar().currentMessage()
    window.close()
    settings = settings_at(settings_path)
    assert load_language(settings) == "en"


def test_refresh_after_sync_keeps_the_scroll_position(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    window = make_window()
    window.select_row(80)
    bar = window.table.verticalScrollBar()
    assert bar.value() > 0
    before = bar.value()
    order = GENERATED[0]
    changed = order.model_copy(update={"contract_number": "VT-99999999"})
    writer.apply_page(cache.store, [writer.record_of(changed)], [], "after-sync")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.refresh_after_sync()
    assert bar.value() == before
    assert window.table.selectionModel().currentIndex().row() == 80


def test_a_scroll_while_a_refresh_is_read_is_kept(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    """Live updates refresh the list every few seconds: a clerk who scrolls while one is
    being read must not be thrown back to where the list was when it began."""
    window = make_window()
    window.select_row(10)
    bar = window.table.verticalScrollBar()
    changed = GENERATED[0].model_copy(update={"contract_number": "VT-99999998"})
    writer.apply_page(cache.store, [writer.record_of(changed)], [], "after-sync")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.refresh_after_sync()  # read on a worker; its result comes back queued
        bar.setValue(bar.maximum() // 2)  # the clerk scrolls meanwhile
        scrolled = bar.value()
        assert scrolled > 0
    assert bar.value() == scrolled
    assert window.table.selectionModel().currentIndex().row() == 10


def test_a_new_order_shows_at_the_top_of_a_list_scrolled_to_the_top(
    make_window: WindowFactory, cache: LiveCache, qtbot: QtBot
) -> None:
    """Scrolled down, the list keeps its top order; at the very top (newest first) a new
    order arriving live shows up there instead of being scrolled out of sight above."""
    window = make_window()
    bar = window.table.verticalScrollBar()
    assert bar.value() == 0 and window.table.rowAt(0) == 0
    newest = max(order.created_at for order in GENERATED)
    new = orders.generated(1, seed=99, first=SEEDED + 1)[0].model_copy(
        update={"created_at": newest + timedelta(minutes=1)})
    writer.apply_page(cache.store, [writer.record_of(new)], [], "live")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.refresh_after_sync()
    assert window.model.order_id(0) == new.id
    assert bar.value() == 0 and window.table.rowAt(0) == 0  # in sight


def test_a_long_list_paints_its_first_rows_then_appends_the_rest(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """A new sort over more than FIRST_ROWS orders: the first rows come first (partial, the
    count waits), the rest is appended; the selected order stays selected throughout."""
    cache = live_cache(tmp_path / "long.sqlite3", count=FIRST_ROWS + 150)
    try:
        window = open_window(qtbot, cache, tmp_path / "long.ini", english=True)
        window.select_row(3)
        chosen = window.shown_order_id
        seen: list[tuple[bool, int, str]] = []
        window.model.rowsInserted.connect(
            lambda *_: seen.append((window.model.is_partial, window.model.rowCount(),
                                    window.count_label.text()))
        )
        for shrunk in (window.model.modelReset, window.model.rowsRemoved):
            shrunk.connect(lambda *_: seen.append((window.model.is_partial,
                                                   window.model.rowCount(), "shrunk")))
        with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
            window.table.sortByColumn(int(OrderColumn.ORDER_DATE), Qt.SortOrder.AscendingOrder)
        assert seen[0] == (True, FIRST_ROWS, "shrunk")
        assert seen[-1][:2] == (False, FIRST_ROWS + 150)
        assert window.count_label.text() == f"{FIRST_ROWS + 150} orders"
        assert window.shown_order_id == chosen
    finally:
        cache.close()
