"""A backend document (PDF) inside the app: QtPdf's QPdfView with page navigation, zoom,
print, save, and "open with the system viewer" as the fallback.

The viewer gets the verified bytes (see document_opener.py), not a path: what it shows is
exactly what was checked against the sha256, even if the file on disk changes meanwhile.
"""

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QSettings,
    QSize,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.output import DocumentError, write_atomically
from desktop_app.domain.os_errors import os_error_reason
from desktop_app.gui.common import screen_fit
from desktop_app.gui.common.errors import ui_language
from desktop_app.gui.documents.printing import new_printer, remember_printer

__all__ = ["PdfViewerDialog"]

_ZOOM_STEP, _ZOOM_MIN, _ZOOM_MAX = 1.25, 0.25, 6.0

log = logging.getLogger(__name__)


class PdfViewerDialog(QDialog):
    """Shows one PDF; `filename` is already safe for the file system (save, system viewer)."""

    def __init__(self, content: bytes, title: str, filename: str, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen_fit.open_fitted(self, QSize(900, 1000))
        self._content, self._filename, self._settings = content, filename, settings
        self._printer: QPrinter | None = None
        # The buffer holds its own copy: nothing Python frees may be read by QtPdf later.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_box = QSpinBox(self)
        self.page_count = QLabel(self)
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self._pages_changed()
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # Close before Qt deletes the children (WA_DeleteOnClose): the document must not
        # read its buffer while both are being deleted.
        self.document.close()
        super().closeEvent(event)

    @property
    def loaded(self) -> bool:
        return self.document.status() is QPdfDocument.Status.Ready and self.document.pageCount() > 0

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str | None,
                slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.previous_action = self._action(self.tr("Previous page"), "PgUp",
                                            lambda: self.go_to(self.current_page - 1))
        self.next_action = self._action(self.tr("Next page"), "PgDown",
                                        lambda: self.go_to(self.current_page + 1))
        self.zoom_in_action = self._action(self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn,
                                           lambda: self.zoom(_ZOOM_STEP))
        self.zoom_out_action = self._action(self.tr("Zoom out"),
                                            QKeySequence.StandardKey.ZoomOut,
                                            lambda: self.zoom(1 / _ZOOM_STEP))
        self.fit_width_action = self._action(self.tr("Fit width"), "Ctrl+0", self.fit_width)
        self.print_action = self._action(self.tr("Print…"), QKeySequence.StandardKey.Print,
                                         self.print_document)
        self.save_action = self._action(self.tr("Save as…"), QKeySequence.StandardKey.Save,
                                        self.save_as)
        self.system_action = self._action(self.tr("Open with system viewer"), None,
                                          self.open_externally)
        self.page_box.setMinimum(1)
        self.page_box.setToolTip(self.tr("Page"))
        self.page_box.valueChanged.connect(lambda page: self.go_to(page - 1))
        bar = self.toolbar
        bar.addActions([self.previous_action, self.next_action])
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count)
        bar.addSeparator()
        bar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_width_action])
        bar.addSeparator()
        bar.addActions([self.print_action, self.save_action, self.system_action])

    # --- navigation and zoom --------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        pages = self.document.pageCount()
        if pages and 0 <= page < pages and page != self.current_page:
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        pages = self.document.pageCount()
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page + 1 < pages)

    def _pages_changed(self) -> None:
        pages = max(self.document.pageCount(), 1)
        self.page_box.setMaximum(pages)
        self.page_count.setText(" " + self.tr("of %1").replace("%1", str(pages)) + " ")
        self._page_shown(self.current_page)

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        zoom = min(max(self.view.zoomFactor() * factor, _ZOOM_MIN), _ZOOM_MAX)
        self.view.setZoomFactor(zoom)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- output ---------------------------------------------------------------------------

    def print_document(self) -> QPrintDialog:
        printer = new_printer(self._settings)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._printer = printer  # kept until the dialog is answered
        dialog.accepted.connect(self._print_accepted)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    @Slot()
    def _print_accepted(self) -> None:
        if self._printer is not None:
            self.print_to(self._printer)

    def print_to(self, printer: QPrinter) -> int:
        """Each page rendered at (at most) 300 dpi and scaled onto the printer's page."""
        remember_printer(self._settings, printer)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be "
                                                                  "started."))
            return 0
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            dpi = min(printer.resolution(), 300)
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = self.document.render(page, size)
                target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(area.topLeft().x(), area.topLeft().y(),
                                  image.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return self.document.pageCount()

    def save_as(self) -> None:
        start = str(Path.home() / self._filename)
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save document"), start,
                                                      self.tr("PDF documents (*.pdf)"))
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        try:  # atomically and with the user's umask, like the confirmations
            write_atomically(path, self._content)
        except DocumentError as error:
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "The document could not be saved: %1").replace("%1", error.reason(ui_language())))
            return False
        return True

    def external_copy(self) -> Path:
        """A copy under its safe name in a private temporary folder, for other programs."""
        folder = Path(tempfile.mkdtemp(prefix="orderdesk-"))
        path = folder / self._filename
        path.write_bytes(self._content)
        return path

    def open_externally(self) -> bool:
        try:
            path = self.external_copy()
        except OSError as error:
            log.warning("no copy of the document for other programs: %s", error)
            german, english = os_error_reason(error)
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "The document could not be saved: %1").replace(
                    "%1", english if ui_language() == "en" else german))
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        shutil.rmtree(path.parent, ignore_errors=True)
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "No program to show PDF documents was found on this computer."))
        return False
