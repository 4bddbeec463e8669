"""File → Export list… (issue 14, item 4): the list as filtered and sorted, with the visible
columns in the header's order, read back from CSV and XLSX and compared with the cache and
the table; Cancel and an unwritable folder leave no file."""

import csv
import io
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.store import CacheStore
from desktop_app.export import order_rows as real_order_rows
from desktop_app.export.cells import local_datetime
from desktop_app.gui.overview import list_export
from desktop_app.gui.overview.filter_bar import FilterValues
from desktop_app.gui.overview.list_export import ExportKind, ExportResult, visible_columns
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn, header_text
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import SyncCancelled
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.window import live_cache, open_window

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def cache(tmp_path: Path) -> LiveCache:
    return live_cache(tmp_path / "cache.sqlite3")


def prepare(window: MainWindow, qtbot: QtBot) -> None:
    """Completed orders only, by customer A→Z; contract number hidden, status moved first."""
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    with qtbot.wait_signal(window.ordersLoaded, timeout=10_000):
        window.filter_bar.set_values(FilterValues(status="completed"))
        window.filter_bar.apply_now()
    with qtbot.wait_signal(window.ordersLoaded, timeout=10_000):
        window.table.sortByColumn(int(OrderColumn.CUSTOMER), Qt.SortOrder.AscendingOrder)
    header = window.table.horizontalHeader()
    header.hideSection(int(OrderColumn.CONTRACT_NUMBER))
    header.moveSection(header.visualIndex(int(OrderColumn.STATUS)), 0)


def export(window: MainWindow, qtbot: QtBot, path: Path, kind: ExportKind) -> object:
    window.list_export.choose_target = lambda _parent, _suggested, _kind: (path, kind)
    with qtbot.wait_signal(window.list_export.exportEnded, timeout=30_000) as ended:
        window.window_actions.export_list.trigger()
    return ended.args[0]


def cache_rows(window: MainWindow, cache: LiveCache) -> list[OrderListRow]:
    query = window.model.query
    with cache.store.session() as session:
        return queries.order_page(session, query.order_filter, query.sort, 0, 100_000)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_is_the_list_as_shown(cache: LiveCache, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, cache, tmp_path / "w.ini")
    prepare(window, qtbot)
    assert window.window_actions.export_list.shortcut().toString() == "Ctrl+E"
    columns = visible_columns(window.table.horizontalHeader())
    assert columns[0] is OrderColumn.STATUS and OrderColumn.CONTRACT_NUMBER not in columns
    target = tmp_path / "Aufträge.csv"
    result = export(window, qtbot, target, ExportKind.CSV)
    assert isinstance(result, ExportResult)
    lines = read_csv(target)
    assert lines[0] == [header_text(column) for column in columns]  # German headers
    model = window.model
    assert result.rows == model.rowCount() == len(lines) - 1 > 10
    shown = [[model.index(row, int(column)).data(DISPLAY) for column in columns]
             for row in range(model.rowCount())]
    assert lines[1:] == shown  # the texts of the table, in its order: "Abgeschlossen", dates
    rows = cache_rows(window, cache)
    customers = [line[columns.index(OrderColumn.CUSTOMER)] for line in lines[1:]]
    assert customers == [row.customer_name for row in rows]
    assert any("ü" in name or "ö" in name for name in customers)  # umlauts survive
    assert sorted(customers, key=str.casefold) == customers
    assert f"{result.rows}" in window.statusBar().currentMessage()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".csv"] == ["Aufträge.csv"]
    window.close()


def test_xlsx_in_english_has_dates_as_dates(cache: LiveCache, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    window = open_window(qtbot, cache, tmp_path / "w.ini", english=True)
    prepare(window, qtbot)
    target = tmp_path / "orders.xlsx"
    result = export(window, qtbot, target, ExportKind.XLSX)
    assert isinstance(result, ExportResult)
    sheet = openpyxl.load_workbook(target)["Orders"]
    values = [[cell.value for cell in line] for line in sheet.iter_rows()]
    columns = visible_columns(window.table.horizontalHeader())
    assert values[0] == [header_text(column) for column in columns]
    assert values[0][:2] == ["Status", "Order number"]
    rows = cache_rows(window, cache)
    assert len(values) - 1 == len(rows) == result.rows
    at = {column: index for index, column in enumerate(columns)}
    for line, row in zip(values[1:], rows, strict=True):
        assert line[at[OrderColumn.ORDER_NUMBER]] == row.order_number
        assert line[at[OrderColumn.CUSTOMER]] == row.customer_name
        assert line[at[OrderColumn.PRODUCT]] == row.product_name_en
        assert line[at[OrderColumn.STATUS]] == "Completed"
        created = line[at[OrderColumn.ORDER_DATE]]
        assert isinstance(created, datetime) and created == local_datetime(row.created_at)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None
    window.close()


def test_cancel_leaves_no_file(cache: LiveCache, qtbot: QtBot, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    reached, go = threading.Event(), threading.Event()

    def held_rows(store: CacheStore, order_filter: OrderFilter, sort: OrderSort,
                  progress: Callable[[int, int], None],
                  **kwargs: Any) -> real_order_rows.OrderRows:
        def hold(done: int, total: int) -> None:
            reached.set()
            assert go.wait(10)  # until the test clicked Cancel
            progress(done, total)

        return real_order_rows.order_rows(store, order_filter, sort, hold, chunk=20, **kwargs)

    monkeypatch.setattr(list_export, "order_rows", held_rows)
    window = open_window(qtbot, cache, tmp_path / "w.ini")
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    folder = tmp_path / "out"
    folder.mkdir()
    window.list_export.choose_target = lambda *_args: (folder / "Aufträge.xlsx",
                                                       ExportKind.XLSX)
    with qtbot.wait_signal(window.list_export.exportEnded, timeout=30_000) as ended:
        window.window_actions.export_list.trigger()
        qtbot.waitUntil(reached.is_set, timeout=10_000)
        progress = window.list_export.progress
        assert progress is not None
        button = progress.findChild(QPushButton)
        assert button is not None
        button.click()
        go.set()
    assert isinstance(ended.args[0], SyncCancelled)
    assert list(folder.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage().lower() or \
        "abgebrochen" in window.statusBar().currentMessage()
    assert window.list_export.progress is None
    window.close()


@pytest.mark.parametrize("english", [False, True])
def test_an_unwritable_folder_is_a_message(cache: LiveCache, qtbot: QtBot, tmp_path: Path,
                                           english: bool) -> None:
    window = open_window(qtbot, cache, tmp_path / "w.ini", english=english)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    window.list_export.choose_target = lambda *_args: (blocker / "Aufträge.csv",
                                                       ExportKind.CSV)
    with qtbot.wait_signal(window.list_export.messageShown, timeout=30_000) as shown:
        window.window_actions.export_list.trigger()
    text = str(shown.args[0])
    if english:
        assert "could not be exported" in text and "folder not found" in text
    else:
        assert "konnte nicht exportiert werden" in text and "Ordner nicht gefunden" in text
    boxes = window.findChildren(QMessageBox)
    assert [box.text() for box in boxes] == [text]
    for box in boxes:
        box.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "Aufträge" in p.name) == []
    window.close()
