"""The cart → quote → order wizard."""

from desktop_app.gui.wizard.ids import PageId
from desktop_app.gui.wizard.wizard import OrderWizard

__all__ = ["OrderWizard", "PageId"]
