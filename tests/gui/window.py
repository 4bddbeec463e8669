"""Building main windows over a seeded cache for the window tests."""

from pathlib import Path

from desktop_app.gui.main_window import MainWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.gui import orders

SEEDED = 120
USER = "u-1"


def live_cache(path: Path, count: int = SEEDED) -> LiveCache:
    cache = LiveCache(path)
    if count:
        orders.fill(cache.store, orders.generated(count))
    return cache


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def open_window(
    qtbot: QtBot,
    cache: LiveCache,
    settings_path: Path,
    *,
    english: bool = False,
    user: str | None = USER,
    shown: bool = True,
) -> MainWindow:
    window = MainWindow(cache, "en" if english else "de", settings_at(settings_path), user)
    qtbot.addWidget(window)
    if shown:
        with qtbot.waitActive(window):  # shortcuts need the active window
            window.show()
            window.activateWindow()
    return window


def ids_shown(window: MainWindow) -> list[str]:
    model = window.model
    return [model.order_id(row) or "" for row in range(model.rowCount())]
