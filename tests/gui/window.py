"""Building main windows over a seeded cache for the window tests."""

from pathlib import Path

from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview.main_window import MainWindow
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
    tasks: TaskManager | None = None,
) -> MainWindow:
    """The window over `cache`; without `tasks`, a task manager of its own that lives as long
    as the window (the composition root would hand one down)."""
    manager = tasks or TaskManager()
    window = MainWindow(cache, "en" if english else "de", settings_at(settings_path), user,
                        manager)
    if tasks is None:
        manager.setParent(window)
    qtbot.addWidget(window)
    if shown:
        with qtbot.waitActive(window):  # shortcuts need the active window
            window.show()
            window.activateWindow()
    return window


def ids_shown(window: MainWindow) -> list[str]:
    model = window.model
    return [model.order_id(row) or "" for row in range(model.rowCount())]
