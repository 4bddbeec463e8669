"""The GUI's confirmation output and backend documents: save, print, preview, batch export
with cancel, the PDF viewer, sha256 checks and offline opening."""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api.errors import OfflineError
from desktop_app.cache.paths import documents_dir
from desktop_app.contract.orders import OrderOut
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.documents.confirmation_batch import BatchResult
from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog
from desktop_app.gui.documents.printing import LAST_PRINTER_KEY, new_printer, remember_printer
from desktop_app.server.pdfs import render_confirmation
from desktop_app.sync.documents import DocumentFetcher
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.documents import support

BACKEND_PDF = render_confirmation(records.order(50))
BACKEND_SHA = hashlib.sha256(BACKEND_PDF).hexdigest()
DOC_ID = "order-000050.confirmation"


class StubSource:
    """The backend's document endpoint: serves `content`, counts calls; None: offline."""

    def __init__(self, content: bytes | None) -> None:
        self.content, self.calls = content, 0

    def document(self, document_id: str) -> tuple[bytes, str | None]:
        self.calls += 1
        if self.content is None:
            raise OfflineError("127.0.0.1")
        return self.content, None


def backend_order() -> OrderOut:
    return records.order(50, document_ids=[DOC_ID], document_sha256=BACKEND_SHA)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    batch = [support.short_order(n) for n in range(100, 120)]
    support.fill(live.store, [support.short_order(), backend_order(), *batch])
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



def test_save_pdf_writes_the_confirmation(output: ConfirmationOutput, qtbot: QtBot,
                                          parent: QWidget, tmp_path: Path) -> None:
    target = tmp_path / "AEB.pdf"
    with qtbot.wait_signal(output.pdfSaved, timeout=10_000) as saved:
        output.save_pdf(parent, "order-000001", target)
    assert saved.args == [str(target)]
    assert "Auftrag AU-00000001" in support.flat(support.pages_text(target)[0])


def test_a_missing_order_says_so(output: ConfirmationOutput, qtbot: QtBot,
                                 parent: QWidget) -> None:
    with qtbot.wait_signal(output.messageShown) as shown:
        assert output.preview(parent, "order-nope") is None
    assert "not in the local cache" in shown.args[0]
    for box in parent.findChildren(QMessageBox):
        box.close()


def test_print_to_a_pdf_printer_and_the_preview(output: ConfirmationOutput, qtbot: QtBot,
                                                parent: QWidget, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert output.print_order(parent, "order-000001", printer) == 1
    assert "Seite 1 von 1" in support.flat(support.pages_text(tmp_path / "printed.pdf")[0])
    preview = output.preview(parent, "order-000001")
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.waitUntil(preview.isVisible)
    preview.close()


def test_the_last_printer_is_remembered(tmp_path: Path, qapp: object) -> None:
    settings = QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    remember_printer(settings, printer)  # printing to a file is no printer to come back to
    assert settings.value(LAST_PRINTER_KEY) is None
    settings.setValue(LAST_PRINTER_KEY, "Gone-Printer")
    assert new_printer(settings).printerName() != "Gone-Printer"  # only while it exists


def test_batch_export_of_twenty_orders(output: ConfirmationOutput, qtbot: QtBot,
                                       parent: QWidget, tmp_path: Path) -> None:
    ids = [f"order-{n:06d}" for n in range(100, 120)]
    folder = tmp_path / "export"
    with qtbot.wait_signal(output.exportFinished, timeout=30_000) as finished:
        output.export_pdfs(parent, [*ids, "order-gone"], folder)
    result = finished.args[0]
    assert isinstance(result, BatchResult)
    assert not result.cancelled and result.missing == ["order-gone"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"Auftragseingangsbestätigung AU-{n:08d}.pdf" for n in range(100, 120))
    assert all(len(support.pages_text(path)) == 1 for path in result.written)


def test_batch_export_cancels_between_orders(output: ConfirmationOutput, qtbot: QtBot,
                                             parent: QWidget, tmp_path: Path) -> None:
    ids = [f"order-{n:06d}" for n in range(100, 120)]
    folder = tmp_path / "export"
    with qtbot.wait_signal(output.exportFinished, timeout=30_000) as finished:
        task = output.export_pdfs(parent, ids, folder)
        assert task is not None
        assert output.export_progress is not None
        cancel = output.export_progress.findChild(QPushButton)
        assert cancel is not None
        cancel.click()  # the progress dialog's Cancel
    result = finished.args[0]
    assert result.cancelled
    assert len(result.written) < len(ids)
    written = sorted(folder.iterdir())
    assert written == sorted(result.written)  # complete files only, no partial ones
    assert all(path.read_bytes().startswith(b"%PDF") for path in written)


def _open(output: ConfirmationOutput, qtbot: QtBot, parent: QWidget) -> PdfViewerDialog:
    with qtbot.wait_signal(output.documentShown, timeout=10_000) as shown:
        output.open_backend_document(parent, DOC_ID)
    viewer = shown.args[0]
    assert isinstance(viewer, PdfViewerDialog)
    qtbot.addWidget(viewer)
    return viewer


def _message(output: ConfirmationOutput, qtbot: QtBot, parent: QWidget,
             document_id: str = DOC_ID) -> str:
    with qtbot.wait_signal(output.messageShown, timeout=10_000) as shown, \
            qtbot.assert_not_emitted(output.documentShown, wait=50):
        output.open_backend_document(parent, document_id)
    for box in parent.findChildren(QMessageBox):
        box.close()
    return str(shown.args[0])


def test_a_prefetched_document_opens_offline(output: ConfirmationOutput, cache: LiveCache,
                                             qtbot: QtBot, parent: QWidget,
                                             tmp_path: Path) -> None:
    support_detail = support.detail_of(cache.store, "order-000050")
    folder = documents_dir(cache.path)
    DocumentFetcher(StubSource(BACKEND_PDF), cache, folder).fetch(support_detail.documents[0])
    offline = StubSource(None)
    output.set_document_source(offline)
    viewer = _open(output, qtbot, parent)
    assert offline.calls == 0
    assert viewer.loaded and viewer.document.pageCount() == 1
    assert viewer.windowTitle() == "Auftragseingangsbestätigung"
    viewer.zoom(1.25)
    viewer.fit_width()
    assert viewer.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == BACKEND_PDF
    copy = viewer.external_copy()
    assert copy.name == "AEB-50.pdf" and copy.read_bytes() == BACKEND_PDF
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert viewer.print_to(printer) == 1
    viewer.close()


def test_not_downloaded_and_offline_says_so(output: ConfirmationOutput, qtbot: QtBot,
                                            parent: QWidget) -> None:
    output.set_document_source(StubSource(None))
    assert "cannot be reached" in _message(output, qtbot, parent)


def test_a_damaged_stored_file_is_downloaded_again(output: ConfirmationOutput,
                                                   cache: LiveCache, qtbot: QtBot,
                                                   parent: QWidget) -> None:
    folder = documents_dir(cache.path)
    folder.mkdir(parents=True)
    (folder / f"{BACKEND_SHA}.pdf").write_bytes(b"%PDF-1.4 tampered")
    source = StubSource(BACKEND_PDF)
    output.set_document_source(source)
    viewer = _open(output, qtbot, parent)
    assert source.calls == 1
    assert (folder / f"{BACKEND_SHA}.pdf").read_bytes() == BACKEND_PDF
    viewer.close()


def test_a_damaged_download_is_refused(output: ConfirmationOutput, cache: LiveCache,
                                       qtbot: QtBot, parent: QWidget) -> None:
    output.set_document_source(StubSource(BACKEND_PDF + b"garbage"))
    assert "Prüfsumme" in _message(output, qtbot, parent)
    assert not list(documents_dir(cache.path).glob("*.pdf"))


def test_an_unlisted_document_says_so(output: ConfirmationOutput, qtbot: QtBot,
                                      parent: QWidget) -> None:
    assert "no longer listed" in _message(output, qtbot, parent, "order-x.confirmation")


def test_the_main_window_wires_print_save_export_and_documents(
        cache: LiveCache, qtbot: QtBot, tmp_path: Path) -> None:
    from tests.gui.window import open_window
    window = open_window(qtbot, cache, tmp_path / "w.ini")
    acts = window.window_actions
    assert window.shown_order_id is None and not acts.print.isEnabled()
    assert acts.print.shortcut().toString() == "Ctrl+P"
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    window.select_row(0)
    assert window.shown_order_id is not None
    assert all(a.isEnabled() for a in (acts.print, acts.preview, acts.save_pdf,
                                       acts.export_pdfs))
    window.table.selectAll()
    assert len(window.selected_order_ids()) == window.model.rowCount()
    assert window.select_order("order-000050")
    output = window.confirmation_output
    with qtbot.wait_signal(output.messageShown, timeout=10_000) as shown:
        window.detail_panel.documentRequested.emit(DOC_ID)  # not stored, no backend
    assert "cannot be reached" in shown.args[0]
    for box in window.findChildren(QMessageBox):
        box.close()
    window.close()


def test_ctrl_p_opens_the_print_dialog_and_prints_on_accept(
        cache: LiveCache, qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.gui.documents.printing import LAST_PRINTER_KEY
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtTest import QTest

    from tests.gui.window import open_window
    window = open_window(qtbot, cache, tmp_path / "w.ini")
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert window.select_order("order-000001")
    QTest.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialogs = window.findChildren(QPrintDialog)
    assert len(dialogs) == 1
    printer = dialogs[0].printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # no real printer in CI
    printer.setOutputFileName(str(tmp_path / "ctrl-p.pdf"))
    dialogs[0].accepted.emit(printer)  # accept() would let the dialog reconfigure the printer
    dialogs[0].close()
    text = support.flat(support.pages_text(tmp_path / "ctrl-p.pdf")[0])
    assert "Auftrag AU-00000001" in text and "Seite 1 von 1" in text
    assert QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat).value(
        LAST_PRINTER_KEY) is None  # a file is no printer to remember
    window.close()


def test_the_viewer_pages_and_zooms(qtbot: QtBot, tmp_path: Path) -> None:
    content = render_confirmation(records.order(
        60, items=[records.item(options=2) for _ in range(30)]))
    viewer = PdfViewerDialog(content, "Auftrag", "a.pdf",
                             QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(viewer)
    viewer.show()
    pages = viewer.document.pageCount()
    assert pages > 2 and viewer.page_count.text().strip() == f"of {pages}"
    assert not viewer.previous_action.isEnabled() and viewer.next_action.isEnabled()
    viewer.next_action.trigger()
    qtbot.waitUntil(lambda: viewer.current_page == 1)
    assert viewer.page_box.value() == 2 and viewer.previous_action.isEnabled()
    viewer.page_box.setValue(pages)
    qtbot.waitUntil(lambda: viewer.current_page == pages - 1)
    assert not viewer.next_action.isEnabled()
    before = viewer.view.zoomFactor()
    viewer.zoom_in_action.trigger()
    assert viewer.view.zoomFactor() > before
    for _ in range(20):
        viewer.zoom_out_action.trigger()
    assert viewer.view.zoomFactor() == pytest.approx(0.25)


def test_a_broken_pdf_is_not_shown(output: ConfirmationOutput, cache: LiveCache, qtbot: QtBot,
                                   parent: QWidget) -> None:
    """Matching its (announced) digest but not a PDF: the viewer refuses, the clerk is told."""
    junk = b"<html>not a pdf</html>"
    from desktop_app.cache.writer import apply_page
    apply_page(cache.store, records.upserts([records.order(
        70, document_ids=["order-000070.confirmation"],
        document_sha256=hashlib.sha256(junk).hexdigest())]), [], "junk")
    output.set_document_source(StubSource(junk))
    assert "not a readable PDF" in _message(output, qtbot, parent, "order-000070.confirmation")
