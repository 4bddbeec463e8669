"""Export the confirmations of many orders as PDFs into one folder, on a worker thread.

Each PDF is laid out by a QTextDocument created on the worker (QTextDocument is not
thread-safe, but one per thread painting into a QPdfWriter is fine) and written atomically, so
a cancelled export leaves only complete files. The worker reads the cache with its own session.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from desktop_app.cache.detail import order_detail
from desktop_app.cache.records import OrderDetail
from desktop_app.cache.store import CacheStore
from desktop_app.documents.filenames import safe_filename
from desktop_app.documents.formats import DocumentLanguage
from desktop_app.documents.output import (
    DocumentError,
    save_confirmation_pdf,
    transaction_labels,
)
from desktop_app.documents.wording import texts
from desktop_app.gui.common.tasks import ProgressReport
from desktop_app.sync.progress import CancelToken

__all__ = ["BatchOutcome", "BatchResult", "cached_details", "confirmation_filename",
           "export_confirmations"]


class BatchOutcome(Protocol):
    """What `cached_details` records on a batch's result."""

    missing: list[str]
    cancelled: bool


@dataclass
class BatchResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # order ids no longer in the cache
    failed: list[tuple[str, str]] = field(default_factory=list)  # (order number, why)
    cancelled: bool = False


def confirmation_filename(order_number: str, language: DocumentLanguage) -> str:
    return safe_filename(f"{texts(language)['title']} {order_number}", fallback="confirmation")


def cached_details(store: CacheStore, order_ids: list[str], cancel: CancelToken,
                   report: ProgressReport, outcome: BatchOutcome) -> Iterator[OrderDetail]:
    """The orders' details in turn, each read in a session of its own. An order no longer in
    the cache goes to `outcome.missing`; progress is reported before the first order and
    after each; once cancelled, stops before the next order and sets `outcome.cancelled`."""
    report(0, len(order_ids))
    for done, order_id in enumerate(order_ids, start=1):
        if cancel.cancelled:
            outcome.cancelled = True
            return
        with store.session() as session:
            detail = order_detail(session, order_id)
        if detail is None:
            outcome.missing.append(order_id)
        else:
            yield detail
        report(done, len(order_ids))


def export_confirmations(store: CacheStore, order_ids: list[str], folder: Path,
                         language: DocumentLanguage, cancel: CancelToken,
                         report: ProgressReport) -> BatchResult:
    """Write one PDF per order into `folder`; stops between two orders when cancelled. A file
    that cannot be written is recorded in `failed` (a folder that cannot be made raises)."""
    result = BatchResult(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DocumentError.not_written(folder, error) from error
    with store.session() as session:
        labels = transaction_labels(session)
    for detail in cached_details(store, order_ids, cancel, report, result):
        path = folder / confirmation_filename(detail.order_number, language)
        try:
            save_confirmation_pdf(detail, path, language, labels)
        except DocumentError as error:  # this file only: the others may still be written
            result.failed.append((detail.order_number, error.reason(language)))
        else:
            result.written.append(path)
    return result
