"""The confirmation page reopened later, from the cache (works offline)."""

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop_app.cache.records import BusinessTransactionInfo, OrderDetail, StatusInfo
from desktop_app.gui.common import screen_fit
from desktop_app.gui.documents.confirmation.view import ConfirmationView


class ConfirmationDialog(QDialog):
    """A non-modal window around a ConfirmationView; its signals are the view's."""

    def __init__(self, detail: OrderDetail, statuses: Sequence[StatusInfo],
                 transactions: Sequence[BusinessTransactionInfo], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Order-receipt confirmation %1").replace(
            "%1", detail.order_number))
        self.view = ConfirmationView(self)
        self.view.show_order(detail, statuses, transactions, language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.openOrderRequested.connect(self.accept)
        screen_fit.open_fitted(self, QSize(820, 760))
