"""Windows open within the screen, centred on their parent, and a stored geometry that no
longer fits (another screen, another scaling) or is too small to use is not restored."""

from desktop_app.gui.common import screen_fit
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

PREFERRED = QSize(1400, 900)


def room(widget: QWidget) -> QRect:
    return screen_fit.room_on(screen_fit.screen_of(widget))


def test_fitted_size_shrinks_to_the_room_but_not_below_the_minimum() -> None:
    area = QRect(0, 0, 1232, 645)
    assert screen_fit.fitted_size(QSize(1100, 760), QSize(600, 400), area) == QSize(1100, 645)
    assert screen_fit.fitted_size(QSize(500, 300), QSize(600, 400), area) == QSize(600, 400)


def test_a_new_window_fits_the_screen_and_is_centred_on_its_parent(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setGeometry(100, 100, 300, 200)
    child = QWidget(parent)
    child.setWindowFlag(child.windowFlags().Window)
    screen_fit.open_fitted(child, QSize(300, 100))
    assert child.size() == QSize(300, 100)
    assert child.frameGeometry().center() == parent.frameGeometry().center()
    big = QWidget()
    qtbot.addWidget(big)
    screen_fit.open_fitted(big, QSize(5000, 5000))
    assert room(big).contains(big.frameGeometry())


def test_a_stored_geometry_that_fits_is_restored(qtbot: QtBot) -> None:
    first = QWidget()
    qtbot.addWidget(first)
    screen_fit.open_fitted(first, PREFERRED)
    first.resize(first.width() - 50, first.height() - 40)
    stored = first.saveGeometry()
    again = QWidget()
    qtbot.addWidget(again)
    screen_fit.restore_fitted(again, stored, PREFERRED)
    assert again.size() == first.size()


def test_a_tiny_stored_geometry_gives_the_first_start_size(qtbot: QtBot) -> None:
    fresh, old, again = QWidget(), QWidget(), QWidget()
    for widget in (fresh, old, again):
        qtbot.addWidget(widget)
    screen_fit.open_fitted(fresh, PREFERRED)
    old.setGeometry(QRect(0, 0, 120, 80))
    screen_fit.restore_fitted(again, old.saveGeometry(), PREFERRED)
    assert again.size() == fresh.size()


def test_an_oversized_stored_geometry_ends_within_the_screen(qtbot: QtBot) -> None:
    old, again = QWidget(), QWidget()
    for widget in (old, again):
        qtbot.addWidget(widget)
    old.setGeometry(QRect(-500, -300, 4000, 3000))
    screen_fit.restore_fitted(again, old.saveGeometry(), PREFERRED)
    screen = again.screen().availableGeometry()
    assert screen.contains(again.frameGeometry())


def test_no_stored_geometry_gives_the_first_start_size(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    screen_fit.restore_fitted(window, None, PREFERRED)
    assert room(window).contains(window.frameGeometry())
