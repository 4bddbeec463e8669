"""Desktop notifications through the system tray, where the platform has one.

One message per refresh: a single new notification says what happened and a click on the
message opens it; several at once are summed up ("3 new notifications") and a click opens
the in-app list. Without a system tray (or message support) nothing is shown here: the
status bar's count and the list still tell.
"""

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_app.cache.notifications import Notification
from desktop_app.gui.common.resources import app_icon
from desktop_app.gui.notifications.texts import notification_subline, notification_text

__all__ = ["MESSAGE_MS", "DesktopNotifier", "Tray"]

MESSAGE_MS = 10_000
_LISTED = 3  # a summary names this many notifications


class Tray(Protocol):
    """What is used of QSystemTrayIcon (tests hand in a stand-in)."""

    @property
    def messageClicked(self) -> SignalInstance: ...  # noqa: N802 (Qt signal name)

    def showMessage(self, title: str, msg: str, icon: QIcon,  # noqa: N802
                    msecs: int = MESSAGE_MS) -> None: ...


def system_tray(parent: QObject) -> QSystemTrayIcon | None:
    """The app's tray icon, shown; None where there is no tray or it shows no messages."""
    if not (QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()):
        return None
    tray = QSystemTrayIcon(app_icon(), parent)
    tray.setToolTip("OrderDesk")
    tray.show()
    return tray


class DesktopNotifier(QObject):
    """`openRequested(notification)` / `listRequested()` after a click on a message."""

    openRequested = Signal(object)  # noqa: N815 (Qt naming)
    listRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, locale: QLocale | None = None, parent: QObject | None = None,
                 tray: Tray | None = None) -> None:
        super().__init__(parent)
        self._locale = locale or QLocale()
        self.tray: Tray | None = None
        self._target: Notification | None = None  # the last message's; None: a summary
        if tray is not None:
            self.use_tray(tray)

    def use_tray(self, tray: Tray) -> None:
        self.tray = tray
        tray.messageClicked.connect(self._clicked)

    def show(self, new: Sequence[Notification]) -> None:
        if self.tray is None or not new:
            return
        icon = QIcon(app_icon())
        if len(new) == 1:
            self._target = new[0]
            self.tray.showMessage(notification_text(new[0]),
                                  notification_subline(new[0], self._locale), icon,
                                  MESSAGE_MS)
            return
        self._target = None
        newest = list(reversed(new))[:_LISTED]
        lines = [notification_text(n) for n in newest]
        if len(new) > _LISTED:
            lines.append("…")
        title = QCoreApplication.translate("Notifications", "%n new notification(s)", "",
                                           len(new))
        self.tray.showMessage(title, "\n".join(lines), icon, MESSAGE_MS)

    def _clicked(self) -> None:
        if self._target is not None:
            self.openRequested.emit(self._target)
        else:
            self.listRequested.emit()

