"""Usage locations with their phone numbers, and the confirmation's email recipients."""

from PySide6.QtWidgets import QWidget

from desktop_app.cache.records import ItemDetail, RecipientDetail
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.widgets import bold, fresh_grid, muted, value


class LocationsView(QWidget):
    """One line per usage location (address), its phone numbers beside it."""

    def show_locations(self, items: tuple[ItemDetail, ...], catalog: Catalog) -> None:
        grid = fresh_grid(self)
        grid.setColumnStretch(1, 1)
        row = 0
        for item in items:
            product = catalog.pick(item.product_name_de, item.product_name_en)
            for location in item.usage_locations:
                address = f"{location.street}\n{location.postal_code} {location.city}"
                if location.country not in ("DE", ""):
                    address += f", {location.country}"
                grid.addWidget(value(address), row, 0)
                numbers = "\n".join(location.phone_numbers) or self.tr("No phone numbers")
                grid.addWidget(value(numbers), row, 1)
                grid.addWidget(muted(value(product)), row, 2)
                row += 1
        if row == 0:
            grid.addWidget(muted(value(self.tr("This order has no usage locations."))), 0, 0)


class RecipientsView(QWidget):
    """Who received the order-receipt confirmation by email, and why."""

    def show_recipients(self, recipients: tuple[RecipientDetail, ...], catalog: Catalog) -> None:
        grid = fresh_grid(self)
        grid.setColumnStretch(1, 1)
        for row, recipient in enumerate(recipients):
            grid.addWidget(bold(value(recipient.email, wrap=False)), row, 0)
            reasons = ", ".join(catalog.source_label(source) for source in recipient.sources)
            grid.addWidget(muted(value(reasons)), row, 1)
        if not recipients:
            grid.addWidget(muted(value(self.tr("No recipients recorded."))), 0, 0)
