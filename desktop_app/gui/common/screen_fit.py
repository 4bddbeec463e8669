"""Windows open at a size that fits the screen they open on, centred on their parent.

A fixed `resize(1100, 760)` is taller than a 1920×1080 screen at 150 % scaling (1280×720
logical pixels, less the task bar), and a geometry restored from another screen or scaling
can be larger than the screen or too small to use. Every top-level window goes through
`open_fitted` (first start) or `restore_fitted` (a stored geometry).
"""

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room left around a window: a clerk must see the desktop (and the window's frame) beside it.
_MARGIN = 24


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen the widget's parent window is on, else the widget's, else the primary."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None else widget
    return anchor.screen() or QGuiApplication.primaryScreen()


def room_on(screen: QScreen | None) -> QRect:
    """The part of the screen a window may use: its available area (no task bar), less a
    margin for the frame."""
    if screen is None:
        return QRect(0, 0, 1024, 700)
    return screen.availableGeometry().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)


def fitted_size(preferred: QSize, minimum: QSize, room: QRect) -> QSize:
    """`preferred`, shrunk to the room; never below the window's own minimum, which must
    itself fit (tests/gui/test_windows_fit_screen.py checks every window)."""
    width = max(minimum.width(), min(preferred.width(), room.width()))
    height = max(minimum.height(), min(preferred.height(), room.height()))
    return QSize(width, height)


def open_fitted(window: QWidget, preferred: QSize) -> None:
    """Size `window` to `preferred` or the screen's room, whichever is smaller, and centre it
    on its parent window (on the screen without one)."""
    room = room_on(screen_of(window))
    window.resize(fitted_size(preferred, window.minimumSizeHint(), room))
    centre_on_parent(window, room)


def restore_fitted(window: QWidget, geometry: QByteArray | None, preferred: QSize) -> None:
    """The stored geometry when it still fits the screen and is big enough to work in (at
    least half the first-start size), else the first-start size."""
    if geometry is not None and window.restoreGeometry(geometry):
        if window.isMaximized():
            return
        room = room_on(screen_of(window))
        first = fitted_size(preferred, window.minimumSizeHint(), room)
        size = window.size()
        big_enough = size.width() >= first.width() // 2 and size.height() >= first.height() // 2
        screen = room.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        if big_enough and screen.contains(window.frameGeometry()):
            return
    open_fitted(window, preferred)


def centre_on_parent(window: QWidget, room: QRect) -> None:
    parent = window.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else room.center()
    frame = QRect(QPoint(0, 0), window.size())
    frame.moveCenter(centre)
    # Keep the whole frame on the screen even when the parent sits at its edge.
    frame.moveLeft(max(room.left(), min(frame.left(), room.right() - frame.width() + 1)))
    frame.moveTop(max(room.top(), min(frame.top(), room.bottom() - frame.height() + 1)))
    window.move(frame.topLeft())
