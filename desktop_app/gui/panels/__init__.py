"""The order detail and status panels (read-only views of one cached order)."""

from desktop_app.gui.panels.detail import OrderDetailPanel
from desktop_app.gui.panels.flow import FlowKind
from desktop_app.gui.panels.status import OrderStatusPanel

__all__ = ["FlowKind", "OrderDetailPanel", "OrderStatusPanel"]
