"""Confirmation pages of cached orders, reopened as non-modal windows (offline too): their
documents, preview, print and save go through the main window's output; "Open order in the
overview" jumps back to the order."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QWidget

from desktop_app.cache import queries
from desktop_app.cache.records import BusinessTransactionInfo, StatusInfo
from desktop_app.cache.store import CacheStore
from desktop_app.gui.common.formatting import Language

if TYPE_CHECKING:  # the confirmation view is imported when first shown
    from desktop_app.gui.documents.confirmation import ConfirmationDialog

__all__ = ["ConfirmationWindows"]

Catalog = Callable[[], tuple[Sequence[StatusInfo], Sequence[BusinessTransactionInfo]]]


class ConfirmationWindows(QObject):
    """The open confirmation windows of one main window (`windows`)."""

    def __init__(self, parent: QWidget, store: CacheStore, language: Language,
                 catalog: Catalog, requests: Sequence[SignalInstance],
                 open_order: Callable[[str], object]) -> None:
        """`requests`: the main window's document, preview, print and save-PDF signals."""
        super().__init__(parent)
        self._parent, self._store, self._language = parent, store, language
        self._catalog, self._requests, self._open_order = catalog, requests, open_order
        self.windows: list[ConfirmationDialog] = []

    def show(self, order_id: str) -> "ConfirmationDialog | None":
        from desktop_app.gui.documents.confirmation import ConfirmationDialog

        with self._store.session() as session:
            detail = queries.order_detail(session, order_id)
        if detail is None:
            return None
        statuses, transactions = self._catalog()
        dialog = ConfirmationDialog(detail, statuses, transactions, self._language,
                                    self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = dialog.view
        sources = (view.documentRequested, view.previewRequested, view.printRequested,
                   view.savePdfRequested)
        for source, target in zip(sources, self._requests, strict=True):
            source.connect(target)
        view.openOrderRequested.connect(self._open_order)
        dialog.destroyed.connect(lambda: self.windows.remove(dialog)
                                 if dialog in self.windows else None)
        self.windows.append(dialog)
        dialog.show()
        return dialog
