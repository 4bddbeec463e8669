"""The order-receipt confirmation page: a reusable view, its dialog and converters."""

from desktop_app.gui.documents.confirmation.convert import detail_from_confirmation
from desktop_app.gui.documents.confirmation.dialog import ConfirmationDialog
from desktop_app.gui.documents.confirmation.view import ConfirmationView

__all__ = ["ConfirmationDialog", "ConfirmationView", "detail_from_confirmation"]
