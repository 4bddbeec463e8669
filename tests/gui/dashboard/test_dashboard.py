"""The dashboard page in the main window: every tile and bar opens the list (or the carts-and-
quotes window) on exactly what it counted, on generated data and on the demo seed; it fills
without a backend, follows a sync, and the start page is a setting."""

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import cast

import pytest
from desktop_app.cache import writer
from desktop_app.cache.dashboard import DashboardData
from desktop_app.cache.writer import save_catalog
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.dashboard.page import business_today
from desktop_app.gui.dashboard.times_model import ProcessingTimesModel
from desktop_app.gui.ordering.carts.operations import CartBackend
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.gui.overview.dashboard_hookup import START_PAGE
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCharts import QStackedBarSeries
from pytestqt.qtbot import QtBot

from tests.cache import dashboard_data, records
from tests.gui import orders
from tests.gui.window import open_window, settings_at
from tests.sync.support import login

pytestmark = [pytest.mark.usefixtures("no_thread_left"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                        "This plugin does not support raise")]

WAIT_MS = 15_000
ORDER_TILES = ("received", "in_processing", "completed", "clearing")
CART_TILES = ("awaiting_customer", "awaiting_provider", "expiring", "open_carts")
Pair = tuple[MainWindow, CartsQuotesWindow]


@pytest.fixture
def open_pair(qtbot: QtBot, tmp_path: Path, tasks: TaskManager) -> Iterator[
        Callable[[LiveCache], Pair]]:
    made: list[Pair] = []

    def opener(cache: LiveCache) -> Pair:
        settings_path = tmp_path / "orderdesk.ini"
        settings_at(settings_path).setValue(START_PAGE, "dashboard")
        window = open_window(qtbot, cache, settings_path, tasks=tasks, shown=False)
        carts = CartsQuotesWindow(cache, cast(CartBackend, None), "de",
                                  settings_at(tmp_path / "carts.ini"), None, tasks,
                                  parent=window, today=business_today)
        window.cartsFocusRequested.connect(carts.show_focus)
        made.append((window, carts))
        with qtbot.waitSignal(window.dashboard.page.filled, timeout=WAIT_MS):
            window.show()
        return window, carts

    yield opener
    for window, carts in made:
        carts.shutdown()
        carts.close()
        window.close()


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[LiveCache]:
    cache = LiveCache(tmp_path / "generated.sqlite3")
    save_catalog(cache.store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS)
    dashboard_data.fill(cache.store, 3000, business_today(), carts=150)
    yield cache
    cache.close()


def _data(window: MainWindow) -> DashboardData:
    data = window.dashboard.page.data
    assert data is not None
    return data


def _list_rows_after(qtbot: QtBot, window: MainWindow, action: Callable[[], None]) -> int:
    with qtbot.waitSignal(window.ordersLoaded, timeout=WAIT_MS):
        action()
    assert not window.dashboard.showing_dashboard
    return window.model.rowCount()


def _check_tiles(qtbot: QtBot, window: MainWindow, carts: CartsQuotesWindow) -> None:
    data = _data(window)
    page = window.dashboard.page
    for key in ORDER_TILES:
        tile = data.order_tiles()[key]
        shown = _list_rows_after(qtbot, window, page.tiles[key].click)
        assert (key, shown) == (key, tile.count)
        assert window.model.matching_count == tile.count
        assert window.filter_bar.order_filter() == tile.order_filter  # shown in the bar
        window.dashboard.show_dashboard()
    for key in CART_TILES:
        cart_tile = data.cart_tiles()[key]
        if carts.isVisible():
            page.tiles[key].click()
        else:
            with qtbot.waitSignal(carts.rowsLoaded, timeout=WAIT_MS):
                page.tiles[key].click()
        assert (key, carts.model.rowCount()) == (key, cart_tile.count)
        assert carts.model.focus == cart_tile.focus
        assert carts.focus_label.isVisible()


def test_each_tile_lists_what_it_counted_on_generated_data(
        qtbot: QtBot, generated: LiveCache, open_pair: Callable[[LiveCache], Pair]) -> None:
    window, carts = open_pair(generated)
    assert window.dashboard.showing_dashboard  # the start page setting
    data = _data(window)
    assert all(tile.count > 0 for tile in data.order_tiles().values())
    assert all(tile.count > 0 for tile in data.cart_tiles().values())
    assert data.newest_clearing_note
    assert data.newest_clearing_note in window.dashboard.page.tiles["clearing"].detail_label.text()
    _check_tiles(qtbot, window, carts)
    carts.focus_label.linkActivated.emit("all")  # "Show all" lists every line again
    assert carts.model.rowCount() == carts.model.total_count


def test_each_bar_lists_its_week_and_transaction(
        qtbot: QtBot, generated: LiveCache, open_pair: Callable[[LiveCache], Pair]) -> None:
    window, _carts = open_pair(generated)
    weekly = _data(window).weekly
    series = window.dashboard.page.chart.chart().series()
    assert len(series) == 1 and isinstance(series[0], QStackedBarSeries)
    bar_sets = series[0].barSets()
    assert len(bar_sets) == len(weekly.counts)
    for bar_set, (transaction, counts) in zip(bar_sets, weekly.counts.items(), strict=True):
        for week in (0, 6, len(counts) - 1):
            window.dashboard.show_dashboard()
            shown = _list_rows_after(qtbot, window, partial(bar_set.clicked.emit, week))
            assert shown == counts[week]
            bar = window.filter_bar.order_filter()
            assert bar.transactions == {transaction.value}
            assert bar.date_from == weekly.mondays[week]
            assert bar.date_to == weekly.mondays[week] + timedelta(days=6)


def test_fills_offline_and_follows_a_sync(
        qtbot: QtBot, generated: LiveCache, open_pair: Callable[[LiveCache], Pair]) -> None:
    window, _carts = open_pair(generated)  # no backend at all: the cache alone
    before = _data(window)
    today = business_today()
    fresh = [records.order(900_000 + n, order_id=f"fresh-{n}",
                           created_at=records.BASE_TIME.replace(
                               year=today.year, month=today.month, day=today.day))
             for n in range(5)]
    writer.apply_page(generated.store, records.upserts(fresh), [], "later")
    with qtbot.waitSignal(window.dashboard.page.filled, timeout=WAIT_MS):
        window.refresh_after_sync()
    after = _data(window)
    assert after.received.count == before.received.count + 5
    assert window.dashboard.page.tiles["received"].count_label.text() == \
        f"{after.received.count:,}".replace(",", ".")


def test_refresh_while_hidden_reads_when_shown(
        qtbot: QtBot, generated: LiveCache, open_pair: Callable[[LiveCache], Pair]) -> None:
    window, _carts = open_pair(generated)
    window.dashboard.show_list()
    fresh = [records.order(800_000, order_id="fresh-hidden", created_at=records.BASE_TIME
                           .replace(year=business_today().year, month=business_today().month,
                                    day=business_today().day))]
    writer.apply_page(generated.store, records.upserts(fresh), [], "later")
    before = _data(window).received.count
    window.refresh_after_sync()
    with qtbot.waitSignal(window.dashboard.page.filled, timeout=WAIT_MS):
        window.window_actions.show_dashboard.trigger()
    assert _data(window).received.count == before + 1


def test_the_order_list_is_the_default_start_page(
        qtbot: QtBot, generated: LiveCache, tmp_path: Path, tasks: TaskManager) -> None:
    window = open_window(qtbot, generated, tmp_path / "plain.ini", tasks=tasks)
    try:
        assert not window.dashboard.showing_dashboard
        window.window_actions.show_dashboard.trigger()
        assert window.dashboard.showing_dashboard
        qtbot.waitUntil(lambda: window.dashboard.page.data is not None, timeout=WAIT_MS)
    finally:
        window.close()


def test_processing_times_model(qtbot: QtBot, qtmodeltester: object, generated: LiveCache,
                                open_pair: Callable[[LiveCache], Pair]) -> None:
    window, _carts = open_pair(generated)
    model = window.dashboard.page.times_model
    assert isinstance(model, ProcessingTimesModel)
    assert model.rowCount() > 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_each_tile_lists_what_it_counted_on_the_demo_seed(
        qtbot: QtBot, server: EmbeddedServer, tmp_path: Path,
        open_pair: Callable[[LiveCache], Pair]) -> None:
    client = login(server, "max.nord")
    cache = LiveCache(tmp_path / "demo.sqlite3")
    try:
        sync_catalog(client, cache)
        ChangeSync(client, cache).run()
        window, carts = open_pair(cache)
        assert _data(window).received.count > 0
        _check_tiles(qtbot, window, carts)
    finally:
        client.close()
        cache.close()


def test_no_tile_opens_anything_before_the_first_read(
        qtbot: QtBot, generated: LiveCache, tmp_path: Path, tasks: TaskManager) -> None:
    window = open_window(qtbot, generated, tmp_path / "x.ini", tasks=tasks, shown=False)
    try:
        with qtbot.assertNotEmitted(window.dashboard.page.ordersRequested):
            window.dashboard.page.open_tile("received")
        with qtbot.assertNotEmitted(window.dashboard.page.cartsRequested):
            window.dashboard.page.open_tile("no such tile")
    finally:
        window.close()
    assert date.today()  # the window closed without reading


def test_the_settings_dialog_chooses_the_start_page(
        qtbot: QtBot, generated: LiveCache, tmp_path: Path, tasks: TaskManager) -> None:
    from desktop_app.gui.account.settings_dialog import SettingsDialog

    settings_path = tmp_path / "choice.ini"
    dialog = SettingsDialog(settings_at(settings_path), "en")
    qtbot.addWidget(dialog)
    assert dialog.start_combo.currentData() == "orders"
    dialog.start_combo.setCurrentIndex(dialog.start_combo.findData("dashboard"))
    dialog.accept()
    assert settings_at(settings_path).value(START_PAGE) == "dashboard"
    window = open_window(qtbot, generated, settings_path, tasks=tasks)
    try:
        assert window.dashboard.showing_dashboard
        qtbot.waitUntil(lambda: window.dashboard.page.data is not None, timeout=WAIT_MS)
    finally:
        window.close()
