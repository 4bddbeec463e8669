"""The order's items with their options, quantities and prices, and the order totals."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop_app.cache.records import ItemDetail, OptionDetail, OrderDetail
from desktop_app.domain.catalog import VAT_PERCENT
from desktop_app.domain.items import own_cents
from desktop_app.gui.common import formatting
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.widgets import bold, fresh_grid, muted, value

OPTION_INDENT = 18


class ItemsView(QWidget):
    """A grid: item or option | quantity | monthly net | one-time net."""

    def show_items(self, items: tuple[ItemDetail, ...], catalog: Catalog) -> None:
        grid = fresh_grid(self)
        grid.setColumnStretch(0, 1)
        headers = (self.tr("Item"), self.tr("Quantity"), self.tr("Monthly (net)"),
                   self.tr("One-time (net)"))  # fmt: skip
        for column, text in enumerate(headers):
            grid.addWidget(muted(value(text, wrap=False, right=column > 0)), 0, column)
        row = 1
        if not items:
            grid.addWidget(muted(value(self.tr("This order has no items."))), row, 0, 1, 4)
        for item in items:
            # The product alone, then each option with its price (as on both documents).
            name = catalog.pick(item.product_name_de, item.product_name_en)
            monthly = own_cents(item.monthly_net_cents, [o.monthly_net_cents for o in item.options])
            one_time = own_cents(item.one_time_net_cents,
                                 [o.one_time_net_cents for o in item.options])  # fmt: skip
            self._line(grid, row, bold(value(name)), item.quantity, monthly, one_time)
            row += 1
            for option in item.options:
                self._line(grid, row, self._option_label(option, catalog), option.quantity,
                           option.monthly_net_cents, option.one_time_net_cents)  # fmt: skip
                row += 1

    def _option_label(self, option: OptionDetail, catalog: Catalog) -> QLabel:
        text = catalog.pick(option.name_de, option.name_en)
        if option.phone_numbers:
            numbers = ", ".join(option.phone_numbers)
            text += "\n" + self.tr("Phone numbers: %1").replace("%1", numbers)
        label = value(text)
        label.setContentsMargins(OPTION_INDENT, 0, 0, 0)
        return label

    @staticmethod
    def _line(grid: QGridLayout, row: int, name: QLabel, quantity: int, monthly: int,
              one_time: int) -> None:  # fmt: skip
        grid.addWidget(name, row, 0)
        grid.addWidget(value(QLocale().toString(quantity), wrap=False, right=True), row, 1)
        grid.addWidget(value(formatting.money(monthly), wrap=False, right=True), row, 2)
        grid.addWidget(value(formatting.money(one_time), wrap=False, right=True), row, 3)


class TotalsView(QWidget):
    """Monthly and one-time totals: net, VAT and gross, the amounts the documents show."""

    def show_totals(self, detail: OrderDetail) -> None:
        grid = fresh_grid(self)
        grid.setColumnStretch(0, 1)
        vat = self.tr("VAT %1 %").replace("%1", QLocale().toString(VAT_PERCENT))
        for column, caption in enumerate((self.tr("Net"), vat, self.tr("Gross")), start=1):
            grid.addWidget(muted(value(caption, wrap=False, right=True)), 0, column)
        rows = (
            (self.tr("Monthly total"), detail.monthly_net_cents, detail.monthly_gross_cents),
            (self.tr("One-time total"), detail.one_time_net_cents, detail.one_time_gross_cents),
        )
        for row, (caption, net, gross) in enumerate(rows, start=1):
            grid.addWidget(bold(value(caption, wrap=False)), row, 0)
            grid.addWidget(value(formatting.money(net), wrap=False, right=True), row, 1)
            grid.addWidget(value(formatting.money(gross - net), wrap=False, right=True), row, 2)
            grid.addWidget(bold(value(formatting.money(gross), wrap=False, right=True)), row, 3)
