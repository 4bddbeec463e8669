"""The status badge: one calm colour per processing status, and a small dot icon of it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop_app.domain.enums import OrderStatus

__all__ = ["status_color", "status_icon"]

# Readable as text on white and as a filled dot.
_STATUS_COLORS: dict[OrderStatus, str] = {
    OrderStatus.RECEIVED: "#2f6fb3",
    OrderStatus.IN_PROCESSING: "#b26a00",
    OrderStatus.COMPLETED: "#2e7d32",
}
_UNKNOWN_COLOR = "#757575"
_ICON_SIZE = 12


def status_color(status: OrderStatus) -> QColor:
    return QColor(_STATUS_COLORS.get(status, _UNKNOWN_COLOR))


def status_icon(status: OrderStatus) -> QIcon:
    """A filled dot in the status colour (needs a QGuiApplication; callers keep it)."""
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_color(status))
        painter.drawEllipse(1, 1, _ICON_SIZE - 2, _ICON_SIZE - 2)
    finally:
        painter.end()
    return QIcon(pixmap)
