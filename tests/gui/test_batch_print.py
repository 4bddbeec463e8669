"""Batch printing (issue 14, item 6): the selected orders' confirmations in one print job on
one printer (a QPrinter writing PDF here), their pages in order; Cancel between letters."""

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.documents.batch_print import PrintResult
from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.documents import support

BATCH = [support.short_order(n) for n in range(100, 120)]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    support.fill(live.store, [support.long_order(2), *BATCH])
    yield live
    live.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def output(cache: LiveCache, tmp_path: Path, parent: QWidget,
           tasks: TaskManager) -> Iterator[ConfirmationOutput]:
    made = ConfirmationOutput(cache, "de", QSettings(str(tmp_path / "s.ini"),
                                                     QSettings.Format.IniFormat), tasks, parent)
    yield made
    assert made.shutdown()
    for box in parent.findChildren(QMessageBox):
        box.close()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pdfinfo_pages(path: Path) -> int | None:
    """The page count as poppler sees it (CI has pdfinfo), None without it."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        return None
    info = subprocess.run([tool, str(path)], capture_output=True, text=True,  # noqa: S603
                          check=True)  # our own file, poppler found on PATH
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_three_orders_in_one_job_in_order(output: ConfirmationOutput, qtbot: QtBot,
                                          parent: QWidget, tmp_path: Path) -> None:
    target = tmp_path / "batch.pdf"
    ids = ["order-000101", "order-000002", "order-000105"]  # the long one in the middle
    with qtbot.wait_signal(output.batchPrinted, timeout=30_000) as printed:
        output.print_batch(parent, ids, pdf_printer(target))
    result = printed.args[0]
    assert isinstance(result, PrintResult) and not result.cancelled
    assert result.printed == ["AU-00000101", "AU-00000002", "AU-00000105"]
    pages = [support.flat(text) for text in support.pages_text(target)]
    long_pages = result.pages - 2
    assert long_pages >= 2 and len(pages) == result.pages
    assert pdfinfo_pages(target) in (None, result.pages)
    assert "AU-00000101" in pages[0] and "Seite 1 von 1" in pages[0]
    for page in range(long_pages):  # each letter counts its own pages
        assert "AU-00000002" in pages[1 + page]
        assert f"Seite {page + 1} von {long_pages}" in pages[1 + page]
    assert "AU-00000105" in pages[-1] and "Seite 1 von 1" in pages[-1]
    assert not any("AU-00000101" in page for page in pages[1:])


def test_cancel_mid_batch(output: ConfirmationOutput, qtbot: QtBot, parent: QWidget,
                          tmp_path: Path) -> None:
    target = tmp_path / "batch.pdf"
    ids = [f"order-{n:06d}" for n in range(100, 120)]
    with qtbot.wait_signal(output.batchPrinted, timeout=60_000) as printed:
        output.print_batch(parent, ids, pdf_printer(target))
        progress = output.print_progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.value() >= 1, timeout=30_000)
        button = progress.findChild(QPushButton)
        assert button is not None
        button.click()
    result = printed.args[0]
    assert result.cancelled and 1 <= len(result.printed) < len(ids)
    assert result.printed == [f"AU-{n:08d}" for n in range(100, 100 + len(result.printed))]
    assert len(support.pages_text(target)) == result.pages == len(result.printed)
    assert output.print_progress is None


def test_a_missing_order_is_left_out_and_named(output: ConfirmationOutput, qtbot: QtBot,
                                               parent: QWidget, tmp_path: Path) -> None:
    target = tmp_path / "batch.pdf"
    with qtbot.wait_signal(output.messageShown, timeout=30_000) as shown:
        output.print_batch(parent, ["order-000100", "order-gone"], pdf_printer(target))
    assert "1 Bestätigung" in shown.args[0] or "1 confirmation" in shown.args[0]
    assert len(support.pages_text(target)) == 1


def test_the_main_window_asks_once_and_prints_the_selection(
        tmp_path: Path, qtbot: QtBot, cache: LiveCache) -> None:
    from tests.gui.window import open_window
    window = open_window(qtbot, cache, tmp_path / "w.ini")
    acts = window.window_actions
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    assert not acts.print_batch.isEnabled()
    window.table.selectRow(0)
    for row in (1, 2):
        window.table.selectionModel().select(
            window.model.index(row, 0), window.table.selectionModel().SelectionFlag.Select
            | window.table.selectionModel().SelectionFlag.Rows)
    ids = window.selected_order_ids()
    assert len(ids) == 3 and acts.print_batch.isEnabled()
    acts.print_batch.trigger()
    dialogs = window.findChildren(QPrintDialog)
    assert len(dialogs) == 1  # once for the whole batch
    printer = dialogs[0].printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "selection.pdf"))
    output = window.confirmation_output
    with qtbot.wait_signal(output.batchPrinted, timeout=30_000) as printed:
        dialogs[0].accepted.emit(printer)
        dialogs[0].close()
    numbers = printed.args[0].printed
    assert len(numbers) == 3
    pages = [support.flat(text) for text in support.pages_text(tmp_path / "selection.pdf")]
    firsts = [page for page in pages if "Seite 1 von" in page]
    assert [next(n for n in numbers if n in page) for page in firsts] == numbers
    for box in window.findChildren(QMessageBox):
        box.close()
    window.close()
