"""Issue 12, item 22 (the overview's part): at the default window size, and at 1366 x 768,
every column of the order list is visible without a horizontal scroll bar, and the detail
and status panels wrap rather than scroll sideways."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from desktop_app.gui.overview.column_fit import fitted_widths
from desktop_app.gui.overview.main_window import DETAIL_TAB, STATUS_TAB, MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from tests.gui.window import live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WAIT_MS = 20000
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def columns_width(window: MainWindow) -> int:
    header = window.table.horizontalHeader()
    return sum(header.sectionSize(column) for column in OrderColumn)


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(1)


TASK_BAR = 40
SCREENS = {  # name: (width, height, scale); the window opens at its default size or less
    "1920x1080@100%": (1920, 1080, 1.0),
    "1366x768@100%": (1366, 768, 1.0),
    "1920x1080@150%": (1920, 1080, 1.5),
}


def probe(folder: Path, width: int, height: int, scale: float) -> dict[str, Any]:
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height - TASK_BAR,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": str(scale)}  # fmt: skip
    done = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-m", "tests.gui.overview_probe", str(folder)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("screen", list(SCREENS))
def test_columns_and_panels_fit_at_a_first_start(tmp_path: Path, screen: str) -> None:
    found = probe(tmp_path, *SCREENS[screen])
    assert set(found) == {f"{tab}-{lang}" for tab in ("detail", "status") for lang in ("de", "en")}
    for name, seen in found.items():
        assert seen["columns"] <= seen["viewport"], (name, seen)
        assert seen["hscroll"] == 0, (name, seen)
        assert seen["panels"], name
        for panel in seen["panels"]:
            assert not panel["hbar"], (name, panel)
            assert panel["content"] <= panel["viewport"], (name, panel)  # nothing cut off


def test_the_clerks_own_column_widths_stay(qtbot: QtBot, cache: LiveCache, tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    window = open_window(qtbot, cache, settings)
    settle(qtbot)
    window.table.horizontalHeader().resizeSection(OrderColumn.CUSTOMER, 400)
    window.close()
    again = open_window(qtbot, cache, settings)
    settle(qtbot)
    assert again.table.horizontalHeader().sectionSize(OrderColumn.CUSTOMER) == 400


@pytest.mark.parametrize("tab", [DETAIL_TAB, STATUS_TAB])
def test_the_panels_do_not_scroll_sideways(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path, tab: int
) -> None:
    window = open_window(qtbot, cache, tmp_path / "settings.ini")
    window.resize(1366, 768)
    window.splitter.setSizes([1000, 366])  # a narrow panel (the clerk drags the splitter)
    window.select_row(0)
    window.open_tab(tab)
    settle(qtbot)
    page = window.tabs.widget(tab)
    assert page is not None
    areas = page.findChildren(QScrollArea)
    assert areas
    for area in areas:
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), area.objectName()


def test_fitted_widths_are_fitted_again_in_the_next_window(
    qtbot: QtBot, cache: LiveCache, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    window = open_window(qtbot, cache, settings)
    settle(qtbot)
    window.close()
    again = open_window(qtbot, cache, settings, shown=False)
    again.resize(again.width() - 120, again.height())  # a smaller window this time
    again.show()
    settle(qtbot)
    assert again.column_fit.active  # (the widths were fitted, not the clerk's)


def test_fitted_widths_share_the_width_by_need() -> None:
    preferred = {column: 100 for column in OrderColumn}
    minimums = {column: 60 for column in OrderColumn}
    wide = fitted_widths(preferred, minimums, 1000)
    assert sum(wide.values()) == 1000  # the rest goes to customer and product
    assert wide[OrderColumn.CUSTOMER] == wide[OrderColumn.PRODUCT] == 200
    narrow = fitted_widths(preferred, minimums, 700)
    assert sum(narrow.values()) == 700
    # The long texts gave way; the status and the numbers kept their width.
    assert narrow[OrderColumn.STATUS] == narrow[OrderColumn.ORDER_NUMBER] == 100
    assert narrow[OrderColumn.CUSTOMER] < 100
    tiny = fitted_widths(preferred, minimums, 300)
    assert tiny == minimums  # below every minimum: the list scrolls
