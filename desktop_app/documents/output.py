"""The confirmation letter as PDF bytes, a PDF file, or on a printer (any thread but one
document per thread: each call builds its own QTextDocument)."""

import os
import secrets
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy.orm import Session

from desktop_app.cache import queries
from desktop_app.cache.records import OrderDetail
from desktop_app.documents.confirmation import TransactionLabels, confirmation_html
from desktop_app.documents.formats import DocumentLanguage
from desktop_app.documents.pages import A4_LAYOUT, Letterhead, layout_document, paint_pages
from desktop_app.documents.wording import texts
from desktop_app.domain.faults import EnvironmentFault
from desktop_app.domain.os_errors import os_error_reason
from desktop_app.domain.provider import PROVIDER_ADDRESS, PROVIDER_LEGAL, PROVIDER_NAME

__all__ = ["PDF_RESOLUTION", "DocumentError", "confirmation_pdf", "letterhead",
           "prepare_printer", "print_confirmation", "render_confirmation", "save_confirmation_pdf",
           "transaction_labels", "write_atomically"]

PDF_RESOLUTION = 300  # dpi for the layout; text and rules stay vectors


# The operating system words its errors in English: the clerk reads the reason in the
# message's language (the system's own text goes to the log as `technical`).


class DocumentError(EnvironmentFault):
    """The document could not be written (painter refused the device, disk full, ...)."""

    def __init__(self, message_de: str, message_en: str, *, technical: str = "",
                 reasons: tuple[str, str] = ("", "")) -> None:
        super().__init__(message_de, message_en, technical=technical)
        self._reasons = reasons

    def reason(self, language: str = "de") -> str:
        """Why, in a few words of `language` (for lists of failed files)."""
        return self._reasons[1] if language == "en" else self._reasons[0]

    @classmethod
    def not_written(cls, path: Path, error: OSError) -> "DocumentError":
        system = error.strerror or str(error)
        german, english = os_error_reason(error)
        return cls(f"Das Dokument konnte nicht gespeichert werden ({path}: {german}).",
                   f"The document could not be saved ({path}: {english}).", technical=system,
                   reasons=(german, english))

    @classmethod
    def device_refused(cls) -> "DocumentError":
        return cls("Der Drucker oder die Ausgabedatei ließ sich nicht öffnen.",
                   "The printer or the output file could not be opened.",
                   technical="QPainter.begin() refused the device")


def transaction_labels(session: Session) -> TransactionLabels:
    """The backend's business transaction labels (de, en), as cached by the sync."""
    return {info.code: (info.label_de, info.label_en)
            for info in queries.business_transactions(session)}


def letterhead(detail: OrderDetail, language: DocumentLanguage) -> Letterhead:
    t = texts(language)
    return Letterhead(PROVIDER_NAME, PROVIDER_ADDRESS, PROVIDER_LEGAL,
                      f"{t['title']} · {t['reference'].format(number=detail.order_number)}",
                      t["page"])


def render_confirmation(detail: OrderDetail, device: QPagedPaintDevice,
                        language: DocumentLanguage,
                        transactions: TransactionLabels | None = None) -> int:
    """Lay out and paint the letter on `device`; returns the page count."""
    html = confirmation_html(detail, language, transactions)
    document = layout_document(html, device)
    painter = QPainter()
    if not painter.begin(device):
        raise DocumentError.device_refused()
    try:
        return paint_pages(document, device, painter, letterhead(detail, language))
    finally:
        painter.end()


def confirmation_pdf(detail: OrderDetail, language: DocumentLanguage,
                     transactions: TransactionLabels | None = None) -> tuple[bytes, int]:
    """The letter as PDF bytes and its page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(A4_LAYOUT)
    writer.setResolution(PDF_RESOLUTION)
    t = texts(language)
    writer.setTitle(f"{t['title']} {t['reference'].format(number=detail.order_number)}")
    writer.setCreator("OrderDesk")
    pages = render_confirmation(detail, writer, language, transactions)
    del writer  # flushes the PDF's trailer into the buffer
    buffer.close()
    return bytes(data.data()), pages


def save_confirmation_pdf(detail: OrderDetail, path: Path, language: DocumentLanguage,
                          transactions: TransactionLabels | None = None) -> int:
    """Write the letter to `path` atomically (never a half-written PDF under that name)."""
    content, pages = confirmation_pdf(detail, language, transactions)
    write_atomically(path, content)
    return pages


def write_atomically(path: Path, content: bytes) -> None:
    """`content` under `path` via a hidden partial file in the same folder and a rename.

    The partial file is created with mode 0666 minus the user's umask (like any file the user
    saves), not tempfile's private 0600: confirmations go to folders shared with colleagues.
    """
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(partial, flags, 0o666)
    except OSError as error:
        raise DocumentError.not_written(path, error) from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DocumentError.not_written(path, error) from error


def prepare_printer(printer: QPrinter, detail: OrderDetail, language: DocumentLanguage) -> None:
    """A4, full page (the letter places itself on the sheet), the job's name. Before a print
    preview opens: its printer must not change while the preview paints."""
    printer.setFullPage(True)
    printer.setPageLayout(A4_LAYOUT)
    printer.setDocName(f"{texts(language)['title']} {detail.order_number}")


def print_confirmation(detail: OrderDetail, printer: QPrinter, language: DocumentLanguage,
                       transactions: TransactionLabels | None = None) -> int:
    """Print the letter on a printer (a dialog's choice); returns the page count."""
    prepare_printer(printer, detail, language)
    return render_confirmation(detail, printer, language, transactions)
