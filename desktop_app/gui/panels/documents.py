"""The order's documents: a read-only list and an "Open" button (opening is the window's job)."""

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from desktop_app.cache.records import DocumentInfo
from desktop_app.gui.common import formatting
from desktop_app.gui.panels.catalog import Catalog

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole


class DocumentsList(QObject):
    """Drives the form's list and button; emits `documentRequested(document_id)` on Open,
    double-click or Enter."""

    documentRequested = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(
        self, view: QListWidget, open_button: QPushButton, empty: QLabel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._view, self._open, self._empty = view, open_button, empty
        view.setSpacing(2)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.currentItemChanged.connect(self._update_button)
        view.itemActivated.connect(self._activated)
        open_button.clicked.connect(self._open_current)

    def show_documents(self, documents: tuple[DocumentInfo, ...], catalog: Catalog) -> None:
        self._view.clear()
        for document in documents:
            title = catalog.pick(document.title_de, document.title_en)
            details = ", ".join(p for p in (document.filename, formatting.size(document.size)) if p)
            entry = QListWidgetItem(f"{title}\n{details}")
            entry.setData(DOCUMENT_ID_ROLE, document.id)
            entry.setToolTip(
                self.tr("Available offline") if document.local_path
                else self.tr("Downloaded from the backend when opened")
            )  # fmt: skip
            self._view.addItem(entry)
        if documents:
            self._view.setCurrentRow(0)
        self._empty.setVisible(not documents)
        self._view.setVisible(bool(documents))
        self._open.setVisible(bool(documents))
        self._fit_height(len(documents))
        self._update_button()

    def _fit_height(self, rows: int) -> None:
        """The panel scrolls as a whole, so the list shows all its rows without a scroll bar."""
        if rows:
            content = sum(self._view.sizeHintForRow(row) for row in range(rows))
            spacing = 2 * self._view.spacing() * rows
            self._view.setFixedHeight(content + spacing + 2 * self._view.frameWidth())

    @Slot()
    def _update_button(self) -> None:
        self._open.setEnabled(self._view.currentItem() is not None)

    @Slot(QListWidgetItem)
    def _activated(self, entry: QListWidgetItem) -> None:
        self.documentRequested.emit(str(entry.data(DOCUMENT_ID_ROLE)))

    @Slot()
    def _open_current(self) -> None:
        entry = self._view.currentItem()
        if entry is not None:
            self._activated(entry)
