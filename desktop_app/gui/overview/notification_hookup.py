"""The main window's notifications: the status bar's button and list, desktop messages.

Built by the window; re-reads the cache after each sync (`cacheRefreshed`) and after the
settings changed (the audience applies at once). A notification opens its order here, a
quote's cart through the window's `cartRequested` (the workspace opens the carts-and-quotes
window on it).
"""

from PySide6.QtCore import QLocale, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from desktop_app.cache.notifications import Notification
from desktop_app.cache.store import CacheStore
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.notifications.center import NotificationCenter
from desktop_app.gui.notifications.desktop import DesktopNotifier, system_tray
from desktop_app.gui.notifications.popup import NotificationButton, NotificationPopup

__all__ = ["NotificationHookup"]

_MESSAGE_MS = 15_000


class NotificationHookup(QObject):
    """`center` (model, count), `button`, `popup` and `desktop`; `action` (View →
    Notifications, Ctrl+Shift+N) opens the list too."""

    def __init__(self, window: QMainWindow, store: CacheStore, settings: QSettings,
                 user_id: str | None, tasks: TaskManager, locale: QLocale,
                 action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self.center = NotificationCenter(store, settings, user_id, tasks, locale, self)
        self.center.surface = lambda text, _kind: window.statusBar().showMessage(
            text, _MESSAGE_MS)
        self.button = NotificationButton(window.statusBar())
        window.statusBar().addPermanentWidget(self.button)
        self.popup = NotificationPopup(self.center, window)
        self.desktop = DesktopNotifier(locale, self)
        if (tray := system_tray(window)) is not None:
            tray.activated.connect(lambda _reason: self._raise_window())
            self.desktop.use_tray(tray)
        self.action = action
        self.button.clicked.connect(self.show_list)
        self.action.triggered.connect(self.show_list)
        self.center.changed.connect(self.button.set_count)
        self.center.arrived.connect(self.desktop.show)
        self.popup.chosen.connect(self.center.activate)
        self.desktop.openRequested.connect(self._open_from_desktop)
        self.desktop.listRequested.connect(self._list_from_desktop)

    def show_list(self) -> None:
        self.popup.popup_at(self.button)

    def _raise_window(self) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def _open_from_desktop(self, notification: Notification) -> None:
        self._raise_window()
        self.center.activate(notification)

    def _list_from_desktop(self) -> None:
        self._raise_window()
        self.show_list()

    def shutdown(self) -> None:
        self.popup.hide()
        self.center.shutdown()
        if isinstance(tray := self.desktop.tray, QSystemTrayIcon):
            tray.hide()

