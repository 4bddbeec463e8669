"""The cart → quote → order wizard."""

from desktop_app.gui.ordering.wizard.ids import PageId
from desktop_app.gui.ordering.wizard.wizard import OrderWizard

__all__ = ["OrderWizard", "PageId"]
