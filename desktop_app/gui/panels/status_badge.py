"""The status badge: one calm colour per processing status, and a small dot icon of it."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from desktop_app.domain.enums import OrderStatus

__all__ = ["CHANGED_COLOR", "MARK_SIZE", "blank_icon", "changed_icon", "clearing_color",
           "clearing_icon", "status_color", "status_icon"]

# Readable as text on white and as a filled dot.
_STATUS_COLORS: dict[OrderStatus, str] = {
    OrderStatus.RECEIVED: "#2f6fb3",
    OrderStatus.IN_PROCESSING: "#b26a00",
    OrderStatus.COMPLETED: "#2e7d32",
}
_UNKNOWN_COLOR = "#757575"
# A clearing case waits for a manual correction: red-orange, and a diamond instead of the
# dot, so that it stands out in the list also without colour vision.
_CLEARING_COLOR = "#c2410c"
_ICON_SIZE = MARK_SIZE = 12  # pixels (device-independent)
# An order changed since the clerk last opened it (and an unread notification): violet, apart
# from every status colour.
CHANGED_COLOR = "#7b3fc4"


def status_color(status: OrderStatus) -> QColor:
    return QColor(_STATUS_COLORS.get(status, _UNKNOWN_COLOR))


def clearing_color() -> QColor:
    return QColor(_CLEARING_COLOR)


def status_icon(status: OrderStatus) -> QIcon:
    """A filled dot in the status colour (needs a QGuiApplication; callers keep it)."""
    return _icon(status_color(status), diamond=False)


def clearing_icon() -> QIcon:
    """A filled diamond in the clearing colour."""
    return _icon(clearing_color(), diamond=True)


def changed_icon() -> QIcon:
    """A filled dot in the "changed" colour: the order list's mark of a changed order."""
    return _icon(QColor(CHANGED_COLOR), diamond=False)


def blank_icon() -> QIcon:
    """Nothing, as large as the marks: unmarked rows keep their text where marked ones have it."""
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def _icon(color: QColor, *, diamond: bool) -> QIcon:
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        if diamond:
            half = _ICON_SIZE / 2
            painter.drawPolygon(QPolygonF([QPointF(half, 0), QPointF(_ICON_SIZE, half),
                                           QPointF(half, _ICON_SIZE), QPointF(0, half)]))
        else:
            painter.drawEllipse(1, 1, _ICON_SIZE - 2, _ICON_SIZE - 2)
    finally:
        painter.end()
    return QIcon(pixmap)
