"""The status badge and the clearing-case highlight (colours shared with the order list)."""

from PySide6.QtWidgets import QLabel

from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.panels.status_badge import status_color

CLEARING_BACKGROUND = "#fff4d6"
CLEARING_BORDER = "#e0a100"


def colour_name(status: OrderStatus) -> str:
    """The order list's status colour as a style-sheet colour."""
    return status_color(status).name()


def paint_badge(label: QLabel, status: OrderStatus, text: str) -> None:
    """White text on the status colour, rounded like a tag."""
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {colour_name(status)}; color: white; font-weight: bold;"
        " border-radius: 9px; padding: 2px 10px; }"
    )


def paint_clearing(frame_name: str) -> str:
    """The style sheet that makes the clearing-case frame stand out (also in dark themes)."""
    return (
        f"QFrame#{frame_name} {{ background: {CLEARING_BACKGROUND};"
        f" border: 1px solid {CLEARING_BORDER}; border-left: 4px solid {CLEARING_BORDER};"
        " border-radius: 4px; }"
        f" QFrame#{frame_name} QLabel {{ color: #3d2b00; background: transparent; }}"
    )
