"""Issue 12, item 11: clearing cases stand out in the order list, have a filter of their own
and are found by searching "Clearing"."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache.queries import CLEARING
from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.gui.overview.order_table_model import BADGE_COLOR_ROLE, OrderTableModel
from desktop_app.gui.panels.status_badge import status_color
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QCoreApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui import orders
from tests.gui.conftest import check_model, model_ids
from tests.gui.window import SEEDED, ids_shown, live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GENERATED = orders.generated(SEEDED)
# The generated orders in processing carry a clearing note (tests/cache/records.py).
CLEARING_IDS = {o.id for o in GENERATED if o.clearing_note is not None}
LOAD_MS = 20000


def clearing_text() -> str:
    return QCoreApplication.translate("OrderColumns", "Clearing case")


def test_a_clearing_case_has_its_own_status_text_and_colour(
    model: OrderTableModel, qtmodeltester: ModelTester
) -> None:
    check_model(qtmodeltester, model)
    rows = {order_id: row for row, order_id in enumerate(model_ids(model))}
    clearing = next(order for order in GENERATED if order.id in CLEARING_IDS)
    plain = next(o for o in GENERATED if o.status is OrderStatus.RECEIVED)
    cell = model.index(rows[clearing.id], OrderColumn.STATUS)
    assert cell.data() == clearing_text()
    assert clearing_text() in cell.data(3)  # the tooltip explains it
    assert cell.data(BADGE_COLOR_ROLE) != status_color(OrderStatus.IN_PROCESSING)
    assert model.index(rows[plain.id], OrderColumn.STATUS).data() != clearing_text()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def test_the_status_filter_offers_the_clearing_cases_with_their_count(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path
) -> None:
    window = open_window(qtbot, cache, tmp_path / "settings.ini", english=True)
    combo = window.filter_bar.status
    index = combo.findData(CLEARING)
    assert index > 0
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        combo.setCurrentIndex(index)
    assert window.model.query.order_filter.clearing
    assert set(ids_shown(window)) == CLEARING_IDS
    assert combo.currentText().endswith(f"({len(CLEARING_IDS)})")


def test_searching_clearing_lists_the_clearing_cases(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path
) -> None:
    window = open_window(qtbot, cache, tmp_path / "settings.ini")
    with qtbot.waitSignal(window.ordersLoaded, timeout=LOAD_MS):
        window.search_edit.setText("Clearing")
        window.search_edit.returnPressed.emit()
    assert set(ids_shown(window)) == CLEARING_IDS
