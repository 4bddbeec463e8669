"""Print the confirmations of many orders in one print job: one QPrinter, one QPainter, a new
page between two letters, on the cache lane (QPainter may paint a QPrinter off the GUI
thread; each letter's QTextDocument is made on that thread, as for the batch PDF export).

The print dialog opens once for the whole batch; a progress dialog with Cancel follows. A
cancel stops between two letters and aborts the job where the printer allows it (a PDF file
keeps the letters printed so far).
"""

from dataclasses import dataclass, field

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop_app.cache.store import CacheStore
from desktop_app.documents.confirmation import confirmation_html
from desktop_app.documents.formats import DocumentLanguage
from desktop_app.documents.output import DocumentError, letterhead, transaction_labels
from desktop_app.documents.pages import A4_LAYOUT, layout_document, paint_pages
from desktop_app.documents.wording import texts
from desktop_app.gui.common.tasks import ProgressReport
from desktop_app.gui.documents.confirmation_batch import cached_details
from desktop_app.sync.progress import CancelToken

__all__ = ["PrintResult", "print_confirmations"]


@dataclass
class PrintResult:
    printed: list[str] = field(default_factory=list)  # order numbers, in print order
    missing: list[str] = field(default_factory=list)  # order ids no longer in the cache
    pages: int = 0
    cancelled: bool = False
    aborted: bool = False  # the printer dropped the job on cancel


def print_confirmations(store: CacheStore, order_ids: list[str], printer: QPrinter,
                        language: DocumentLanguage, cancel: CancelToken,
                        report: ProgressReport) -> PrintResult:
    """Print the orders' letters in the given order into one job on `printer`."""
    result = PrintResult()
    printer.setFullPage(True)  # the letters place themselves on the sheet
    printer.setPageLayout(A4_LAYOUT)
    printer.setDocName(f"{texts(language)['title']} ({len(order_ids)})")
    with store.session() as session:
        labels = transaction_labels(session)
    details = cached_details(store, order_ids, cancel, report, result)
    painter = QPainter()
    if not painter.begin(printer):
        raise DocumentError.device_refused()
    try:
        for detail in details:
            document = layout_document(confirmation_html(detail, language, labels), printer)
            if result.pages:
                printer.newPage()
            result.pages += paint_pages(document, printer, painter, letterhead(detail, language))
            result.printed.append(detail.order_number)
        if result.cancelled:
            result.aborted = printer.abort()
    finally:
        if painter.isActive():
            painter.end()
    return result
