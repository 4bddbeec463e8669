"""Small read-only building blocks the panels fill in code (lists whose length varies)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLayout, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


def read_only(label: QLabel, *, wrap: bool = True) -> QLabel:
    """Plain text (backend data is never interpreted as HTML), selectable for copying."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(SELECTABLE)
    label.setWordWrap(wrap)
    return label


def prepare_values(root: QWidget) -> None:
    """Every `...Value` label of a loaded form becomes a read-only value label."""
    for label in root.findChildren(QLabel):
        if label.objectName().endswith("Value"):
            read_only(label)


def value(text: str, *, wrap: bool = True, right: bool = False) -> QLabel:
    label = read_only(QLabel(text), wrap=wrap)
    side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignTop)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, readable in light and dark themes."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _clear(layout: QLayout) -> None:
    while layout.count():
        taken = layout.takeAt(0)
        if taken is None:
            break
        widget, inner = taken.widget(), taken.layout()
        if widget is not None:  # hidden at once, deleted once control is back in the loop
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


def fresh_grid(container: QWidget) -> QGridLayout:
    """The container's grid, emptied (created on first use)."""
    layout = container.layout()
    if isinstance(layout, QGridLayout):
        _clear(layout)
        return layout
    grid = QGridLayout(container)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(4)
    return grid


def set_row(form: QFormLayout, field: QLabel, text: str | None) -> None:
    """Show a form row with `text`, or hide the whole row when there is nothing to say."""
    form.setRowVisible(field, text is not None)
    field.setText(text or "")
