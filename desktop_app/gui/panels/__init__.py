"""The order detail and status panels (read-only views of one cached order)."""

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop_app.gui.panels.detail import OrderDetailPanel
from desktop_app.gui.panels.flow import FlowKind
from desktop_app.gui.panels.status import OrderStatusPanel

__all__ = ["FlowKind", "OrderDetailPanel", "OrderStatusPanel", "embed_panel"]


def embed_panel(host: QWidget, panel: QWidget, *, scroll: bool) -> None:
    """Put `panel` into the (form's) `host` widget, in a frameless scroll area if asked."""
    inner: QWidget = panel
    if scroll:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(panel)
        inner = area
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(inner)
