"""Preview, print and save the order-receipt confirmation; batch export; backend documents.

The GUI-level API for the detail panel, the main window (Ctrl+P) and the wizard's
confirmation page. Every entry point takes the dialog parent and an id; dialogs open
window-modal and non-blocking (`open()`), and whatever might take long (writing PDFs, a
download) runs on this object's worker, reporting back by signal:

- `preview(parent, order_id)`: the print preview of the confirmation;
- `print_(parent, order_id)`: the print dialog (the last printer preselected), then print;
- `save_pdf(parent, order_id, path=None)`: asks for a file (unless given), writes on a worker;
- `export_pdfs(parent, order_ids, folder=None)`: one PDF per order into a folder, with a
  progress dialog and Cancel;
- `print_batch(parent, order_ids, printer=None)`: the print dialog once, then every order's
  confirmation in one print job (batch_print.py), with a progress dialog and Cancel;
- `open_backend_document(parent, document_id)`: a backend PDF, verified by sha256 and from the
  local store when there (offline too), in the PDF viewer.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop_app.api.errors import OfflineError
from desktop_app.cache.detail import document as cached_document
from desktop_app.cache.detail import order_detail
from desktop_app.cache.paths import documents_dir
from desktop_app.cache.records import OrderDetail
from desktop_app.documents.confirmation import TransactionLabels
from desktop_app.documents.formats import DocumentLanguage
from desktop_app.documents.output import (
    DocumentError,
    prepare_printer,
    print_confirmation,
    render_confirmation,
    save_confirmation_pdf,
    transaction_labels,
)
from desktop_app.gui.common import errors, screen_fit
from desktop_app.gui.common.tasks import (
    BackgroundTask,
    Lane,
    Operation,
    ProgressReport,
    TaskManager,
)
from desktop_app.gui.documents.batch_print import PrintResult, print_confirmations
from desktop_app.gui.documents.confirmation_batch import (
    BatchResult,
    confirmation_filename,
    export_confirmations,
)
from desktop_app.gui.documents.document_access import (
    VerifiedDocument,
    source_or_offline,
    verified_document,
)
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog
from desktop_app.gui.documents.printing import new_printer, remember_printer
from desktop_app.sync.documents import DocumentFetcher, DocumentSource
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken

__all__ = ["ConfirmationOutput"]

log = logging.getLogger(__name__)
LAST_FOLDER_KEY = "documents/last_folder"
PROGRESS_DELAY_MS = 600  # the progress dialog shows only for exports that take a while


class ConfirmationOutput(QObject):
    """Output of confirmations and documents for one account's cache."""

    pdfSaved = Signal(str)  # noqa: N815 (Qt naming): the written file
    exportFinished = Signal(object)  # noqa: N815 — a BatchResult (also after Cancel)
    batchPrinted = Signal(object)  # noqa: N815 — a PrintResult (also after Cancel)
    documentShown = Signal(object)  # noqa: N815 — the PdfViewerDialog just opened
    messageShown = Signal(str)  # noqa: N815 — a message the clerk got (errors, missing data)

    def __init__(self, cache: LiveCache, language: DocumentLanguage, settings: QSettings,
                 tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache, self._language, self._settings = cache, language, settings
        self._source: DocumentSource | None = None
        self._writes = tasks.group(self, Lane.CACHE)  # PDFs from the cache onto the disk
        self._downloads = tasks.group(self, Lane.NETWORK)  # backend documents
        self._asker: QWidget | None = None  # the dialog parent of the latest request
        self.export_progress: QProgressDialog | None = None
        self.print_progress: QProgressDialog | None = None

    @property
    def language(self) -> DocumentLanguage:
        return self._language

    def set_document_source(self, source: DocumentSource | None) -> None:
        """The backend client for downloads; without one only stored documents open."""
        self._source = source

    # --- reading the cache --------------------------------------------------------------

    def _order(self, parent: QWidget,
               order_id: str) -> tuple[OrderDetail, TransactionLabels] | None:
        with self._cache.store.session() as session:
            detail = order_detail(session, order_id)
            labels = transaction_labels(session)
        if detail is None:
            self._tell(parent, self.tr("The order is not in the local cache (any more)."))
            return None
        return detail, labels

    def _tell(self, parent: QWidget | None, text: str,
              icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        box = QMessageBox(icon, self.tr("OrderDesk"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.messageShown.emit(text)

    # --- preview and print (GUI thread: painting a printer belongs to the dialog's thread) --

    def preview(self, parent: QWidget, order_id: str) -> QPrintPreviewDialog | None:
        found = self._order(parent, order_id)
        if found is None:
            return None
        detail, labels = found
        language = self._language
        printer = new_printer(self._settings)
        prepare_printer(printer, detail, language)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Print preview – order %1").replace(
            "%1", detail.order_number))
        dialog.paintRequested.connect(_LetterJob(dialog, self, detail, labels, printer).paint)
        screen_fit.open_fitted(dialog, QSize(900, 1000))
        dialog.open()
        return dialog

    def print_(self, parent: QWidget, order_id: str) -> QPrintDialog | None:
        found = self._order(parent, order_id)
        if found is None:
            return None
        detail, labels = found
        printer = new_printer(self._settings)
        dialog = QPrintDialog(printer, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Print confirmation – order %1").replace(
            "%1", detail.order_number))
        dialog.accepted.connect(_LetterJob(dialog, self, detail, labels, printer).print)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # QPrintDialog.open() wants a receiver slot: show() window-modal
        return dialog

    def _print(self, parent: QWidget | None, detail: OrderDetail, labels: TransactionLabels,
               printer: QPrinter) -> int:
        remember_printer(self._settings, printer)
        try:
            return print_confirmation(detail, printer, self._language, labels)
        except DocumentError as error:  # the printer refused to start
            errors.report(error, parent, self._surface(parent), context="printing",
                          language=self._language)
            return 0

    def print_order(self, parent: QWidget, order_id: str, printer: QPrinter) -> int:
        """Print without a dialog on a configured printer (tests, print-to-PDF)."""
        found = self._order(parent, order_id)
        return self._print(parent, *found, printer) if found else 0

    # --- batch printing (worker) ------------------------------------------------------

    def print_batch(self, parent: QWidget, order_ids: list[str],
                    printer: QPrinter | None = None) -> QPrintDialog | BackgroundTask | None:
        """The print dialog once (unless a configured `printer` is given), then all letters
        in one job; returns the dialog, or the task when printing started at once."""
        if not order_ids:
            return None
        if self.print_progress is not None:
            self._tell(parent, self.tr("A batch print is already running."))
            return None
        ids = list(order_ids)
        if printer is not None:
            return self._start_batch(parent, ids, printer)
        chosen = new_printer(self._settings)
        dialog = QPrintDialog(chosen, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Print %n confirmation(s)", "", len(ids)))
        dialog.accepted.connect(_BatchJob(dialog, self, ids, chosen).print)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def _start_batch(self, parent: QWidget | None, ids: list[str],
                     printer: QPrinter) -> BackgroundTask:
        remember_printer(self._settings, printer)
        store, language = self._cache.store, self._language
        progress = self._progress(parent, self.tr("Print confirmations"),
                                  self.tr("Printing the confirmations…"), len(ids))

        def work(cancel: CancelToken, report: ProgressReport) -> PrintResult:
            return print_confirmations(store, ids, printer, language, cancel, report)

        self._asker, self.print_progress = parent, progress
        task = (Operation(work, name="print confirmations")
                .with_progress(self._print_progressed).on_success(self._batch_printed)
                .on_failure(self._batch_failed).run_in(self._writes))
        progress.canceled.connect(task.cancel)
        return task

    def _progress(self, parent: QWidget | None, title: str, label: str,
                  total: int) -> QProgressDialog:
        """A batch's window-modal progress (0 to `total` orders) with Cancel, shown once
        the batch takes a while; it stays open at the end until the result closes it."""
        progress = QProgressDialog(label, self.tr("Cancel"), 0, total, parent)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        return progress

    @Slot(int, object)
    def _print_progressed(self, done: int, total: int | None) -> None:
        # A modal progress dialog's setValue() processes events: the batch may end (and
        # the dialog go) inside it, so the label comes first and the dialog is held here.
        if (progress := self.print_progress) is not None:
            if total:
                progress.setLabelText(self.tr("Printing confirmation %1 of %2…")
                                      .replace("%1", str(min(done + 1, total)))
                                      .replace("%2", str(total)))
            progress.setValue(done)

    def _close_print_progress(self) -> None:
        if self.print_progress is not None:
            self.print_progress.close()
            self.print_progress.deleteLater()
            self.print_progress = None

    @Slot(object)
    def _batch_printed(self, result: PrintResult) -> None:
        self._close_print_progress()
        lines = [self.tr("%n confirmation(s) printed in one print job.", "",
                         len(result.printed)),
                 self.tr("%n page(s) in all.", "", result.pages)]
        if result.cancelled:
            lines.append(self.tr("Printing was cancelled; the job was withdrawn.") if
                         result.aborted else self.tr("Printing was cancelled; the pages "
                                                     "printed so far may still come out."))
        if result.missing:
            lines.append(self.tr("%n order(s) are no longer in the local cache.", "",
                                 len(result.missing)))
        self._tell(self._asker, "\n".join(lines), QMessageBox.Icon.Warning if result.missing
                   or result.cancelled else QMessageBox.Icon.Information)
        self.batchPrinted.emit(result)

    @Slot(object)
    def _batch_failed(self, error: BaseException) -> None:
        self._close_print_progress()
        errors.report(error, self._asker, self._surface(self._asker), context="printing",
                      language=self._language)

    # --- save and export (worker) -------------------------------------------------------

    def _folder(self) -> Path:
        value = self._settings.value(LAST_FOLDER_KEY, "")
        folder = Path(value) if isinstance(value, str) and value else Path.home()
        return folder if folder.is_dir() else Path.home()

    def save_pdf(self, parent: QWidget, order_id: str,
                 path: Path | None = None) -> BackgroundTask | None:
        found = self._order(parent, order_id)
        if found is None:
            return None
        detail, labels = found
        if path is None:
            start = self._folder() / confirmation_filename(detail.order_number, self._language)
            chosen, _filter = QFileDialog.getSaveFileName(
                parent, self.tr("Save confirmation as PDF"), str(start),
                self.tr("PDF documents (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
        self._settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        language, target = self._language, path

        def work(_cancel: CancelToken, _report: ProgressReport) -> Path:
            save_confirmation_pdf(detail, target, language, labels)
            return target

        # Results come to bound slots (a lambda's hidden receiver can outlive its sender);
        # messages go to the window that asked last.
        self._asker = parent
        return (Operation(work, name="save confirmation").on_success(self._pdf_written)
                .on_failure(self._write_failed).run_in(self._writes))

    @Slot(object)
    def _pdf_written(self, path: Path) -> None:
        self.pdfSaved.emit(str(path))

    def export_pdfs(self, parent: QWidget, order_ids: list[str],
                    folder: Path | None = None) -> BackgroundTask | None:
        if not order_ids:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                parent, self.tr("Folder for the confirmations"), str(self._folder()))
            if not chosen:
                return None
            folder = Path(chosen)
        self._settings.setValue(LAST_FOLDER_KEY, str(folder))
        if self.export_progress is not None:
            self._tell(parent, self.tr("An export is already running."))
            return None
        store, language, ids, target = self._cache.store, self._language, list(order_ids), folder
        progress = self._progress(parent, self.tr("Export confirmations"),
                                  self.tr("Writing the confirmations as PDF…"), len(ids))

        def work(cancel: CancelToken, report: ProgressReport) -> BatchResult:
            return export_confirmations(store, ids, target, language, cancel, report)

        self._asker, self.export_progress = parent, progress
        task = (Operation(work, name="export confirmations")
                .with_progress(self._export_progressed).on_success(self._export_ended)
                .on_failure(self._export_ended).run_in(self._writes))
        progress.canceled.connect(task.cancel)
        return task

    @Slot(int, object)
    def _export_progressed(self, done: int, _total: int | None) -> None:
        if self.export_progress is not None:
            self.export_progress.setValue(done)

    @Slot(object)
    def _export_ended(self, outcome: object) -> None:
        if self.export_progress is not None:
            self.export_progress.close()
            self.export_progress.deleteLater()
            self.export_progress = None
        if isinstance(outcome, BatchResult):
            self._tell(self._asker, self._export_summary(outcome),
                       QMessageBox.Icon.Warning if outcome.failed or outcome.missing
                       else QMessageBox.Icon.Information)
            self.exportFinished.emit(outcome)
        else:
            self._write_failed(outcome if isinstance(outcome, BaseException)
                               else RuntimeError(str(outcome)))

    def _export_summary(self, result: BatchResult) -> str:
        """How many files went where; what is missing or failed; whether it was cancelled."""
        lines = [self.tr("%n confirmation(s) written to %1.", "", len(result.written))
                 .replace("%1", str(result.folder))]
        if result.cancelled:
            lines.append(self.tr("The export was cancelled; the files written so far are "
                                 "complete."))
        if result.missing:
            lines.append(self.tr("%n order(s) are no longer in the local cache.", "",
                                 len(result.missing)))
        if result.failed:
            lines.append(self.tr("%n file(s) could not be written:", "", len(result.failed)))
            lines += [f"{number}: {reason}" for number, reason in result.failed]
        return "\n".join(lines)

    @Slot(object)
    def _write_failed(self, error: BaseException) -> None:
        """A full disk or a refused folder in a message box; a bug in the crash dialog."""
        errors.report(error, self._asker, self._surface(self._asker), context="writing a PDF",
                      language=self._language)

    def _surface(self, parent: QWidget | None) -> errors.Surface:
        return lambda text, _kind: self._tell(parent, text)

    # --- backend documents ----------------------------------------------------------------

    def open_backend_document(self, parent: QWidget,
                              document_id: str) -> BackgroundTask | None:
        with self._cache.store.session() as session:
            document = cached_document(session, document_id)
        if document is None:
            self._tell(parent, self.tr("This document is no longer listed for the order."))
            return None
        fetcher = DocumentFetcher(source_or_offline(self._source), self._cache,
                                  documents_dir(self._cache.path))

        def work(_cancel: CancelToken, _report: ProgressReport) -> VerifiedDocument:
            return verified_document(fetcher, document)

        self._asker = parent
        return (Operation(work, name="open document").on_success(self._show_document)
                .on_failure(self._document_failed).run_in(self._downloads))

    @Slot(object)
    def _show_document(self, found: VerifiedDocument) -> None:
        parent = self._asker
        title = found.info.title_en if self._language == "en" else found.info.title_de
        viewer = PdfViewerDialog(found.content, title, found.filename, self._settings, parent)
        if not viewer.loaded:
            viewer.deleteLater()
            self._tell(parent, self.tr("The document cannot be shown: it is not a readable "
                                       "PDF."))
            return
        viewer.show()
        self.documentShown.emit(viewer)

    @Slot(object)
    def _document_failed(self, error: BaseException) -> None:
        parent = self._asker
        if isinstance(error, OfflineError):
            self._tell(parent, self.tr("The document has not been downloaded yet and the order "
                                       "backend cannot be reached. It opens once you are "
                                       "online."))
        else:  # a damaged download or a refusal in a message box; a bug in the crash dialog
            errors.report(error, parent, self._surface(parent), context="opening a document",
                          language=self._language)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        return self._writes.shutdown(timeout_ms) and self._downloads.shutdown(timeout_ms)


class _BatchJob(QObject):
    """The orders of one batch print dialog, owned by the dialog (like `_LetterJob`)."""

    def __init__(self, dialog: QWidget, output: ConfirmationOutput, order_ids: list[str],
                 printer: QPrinter) -> None:
        super().__init__(dialog)
        self._dialog, self._output = dialog, output
        self._ids, self._printer = order_ids, printer

    @Slot()
    def print(self) -> None:
        self._output._start_batch(self._dialog.parentWidget(), self._ids, self._printer)


class _LetterJob(QObject):
    """One letter for a preview or print dialog, owned by the dialog: its slots live exactly
    as long as the dialog whose signals call them."""

    def __init__(self, dialog: QWidget, output: ConfirmationOutput, detail: OrderDetail,
                 labels: TransactionLabels, printer: QPrinter) -> None:
        super().__init__(dialog)
        self._dialog, self._output = dialog, output
        self._detail, self._labels, self._printer = detail, labels, printer

    @Slot(QPrinter)
    def paint(self, printer: QPrinter) -> None:
        render_confirmation(self._detail, printer, self._output.language, self._labels)

    @Slot()
    def print(self) -> None:
        self._output._print(self._dialog.parentWidget(), self._detail, self._labels,
                            self._printer)
