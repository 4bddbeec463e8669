"""The order's status changes, oldest first: a coloured dot, the time, the status, any note."""

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.cache.records import StatusEventDetail
from desktop_app.gui.common import formatting
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.status_style import colour_name
from desktop_app.gui.panels.widgets import bold, fresh_grid, value

DOT = "●"


class TimelineView(QWidget):
    def show_history(self, history: tuple[StatusEventDetail, ...], catalog: Catalog) -> None:
        grid = fresh_grid(self)
        grid.setColumnStretch(2, 1)
        row = 0
        for event in history:  # the cache returns them oldest first
            dot = QLabel(DOT)
            dot.setStyleSheet(f"color: {colour_name(event.status)};")
            grid.addWidget(dot, row, 0)
            grid.addWidget(value(formatting.moment(event.at), wrap=False), row, 1)
            grid.addWidget(bold(value(catalog.status_label(event.status))), row, 2)
            row += 1
            if event.note:
                grid.addWidget(value(event.note), row, 2)
                row += 1
        if not history:
            grid.addWidget(value(self.tr("No status changes recorded yet.")), 0, 0, 1, 3)
