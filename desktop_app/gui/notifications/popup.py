"""The notification list: a popup above the status bar's button, as a tray's bell menu.

Newest first, unread ones bold with a dot; a click (or Enter) opens the notification's order
or cart and marks it read; "Mark all as read" reads them all. Esc or a click elsewhere
closes it. Without notifications it says why the list is empty.
"""

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache.notifications import Notification
from desktop_app.domain.notifications import Audience
from desktop_app.gui.notifications.center import NotificationCenter
from desktop_app.gui.notifications.delegate import NotificationDelegate
from desktop_app.gui.notifications.model import NOTIFICATION_ROLE

__all__ = ["NotificationButton", "NotificationPopup"]

_SHOWN_LINES = 7  # the list's height in notifications; more scroll


class NotificationPopup(QFrame):
    """`chosen(notification)` after the clerk activated one (the center opens it)."""

    chosen = Signal(object)

    def __init__(self, center: NotificationCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self._center = center
        self.setObjectName("notificationPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notifications"))
        title = QLabel(self.tr("Notifications"))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.mark_all_button = QPushButton(self.tr("&Mark all as read"))
        self.mark_all_button.setObjectName("markAllReadButton")
        self.mark_all_button.clicked.connect(center.mark_all_read)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.mark_all_button)
        self.view = QListView()
        self.view.setObjectName("notificationList")
        self.view.setModel(center.model)
        self.view.setItemDelegate(NotificationDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)  # Enter (and the style's clicks)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("notificationsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty_label)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.pages)
        center.changed.connect(self._update)
        center.model.modelReset.connect(self._update)
        self._update()

    def _update(self) -> None:
        listed = self._center.model.rowCount()
        self.mark_all_button.setEnabled(self._center.unread > 0)
        if listed:
            self.pages.setCurrentWidget(self.view)
            return
        if self._center.audience is Audience.NONE:
            self.empty_label.setText(self.tr(
                "Notifications are switched off.\nTurn them on under View → Settings."))
        else:
            self.empty_label.setText(self.tr(
                "No notifications yet.\nYou are told here when an order is completed or "
                "becomes a clearing case, and when a quote is approved, rejected or expires."))
        self.pages.setCurrentWidget(self.empty_label)

    def _activated(self, index: QModelIndex) -> None:
        if not self.isVisible():  # a click and the style's activation of the same item
            return
        notification = index.data(NOTIFICATION_ROLE)
        if isinstance(notification, Notification):
            self.hide()
            self.chosen.emit(notification)

    def popup_at(self, anchor: QWidget) -> None:
        """Open above `anchor` (the status bar's button), right edges aligned, on its
        screen; the focus goes to the newest notification."""
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 1600, 1000)
        metrics, rows = self.fontMetrics(), self._center.model.rowCount()
        margins = self._layout.contentsMargins()
        frame = 2 * self.view.frameWidth()
        sides = margins.left() + margins.right() + frame
        needed = self.view.sizeHintForColumn(0) + self.view.verticalScrollBar().sizeHint().width()
        slack = metrics.averageCharWidth() * 3  # (bold text measures a little wider)
        width = max(metrics.averageCharWidth() * 56, needed + sides + slack if rows else 0)
        width = min(width, room.width() * 3 // 5)  # longer texts are elided (tooltip: whole)
        header = max(self.mark_all_button.sizeHint().height(), metrics.height())
        if rows:
            pages = self.view.sizeHintForRow(0) * min(rows, _SHOWN_LINES) + frame + 4
        else:
            pages = self.empty_label.heightForWidth(width - sides) + 3 * metrics.height()
        height = header + pages + margins.top() + margins.bottom() + self._layout.spacing()
        height = min(height, room.height() * 4 // 5)
        self.resize(width, height)
        corner = anchor.mapToGlobal(QPoint(anchor.width(), 0))
        place = QRect(QPoint(corner.x() - width, corner.y() - height), self.size())
        place.moveLeft(max(room.left(), min(place.left(), room.right() - width + 1)))
        place.moveTop(max(room.top(), min(place.top(), room.bottom() - height + 1)))
        self.move(place.topLeft())
        self.show()
        if self._center.model.rowCount():
            self.view.setCurrentIndex(self._center.model.index(0, 0))
            self.view.setFocus(Qt.FocusReason.PopupFocusReason)


class NotificationButton(QToolButton):
    """The status bar's "Notifications: 3" (no count at 0); it opens the popup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationButton")
        self.setAutoRaise(True)
        self.set_count(0)

    def set_count(self, unread: int) -> None:
        font = QFont(self.font())
        font.setBold(unread > 0)
        self.setFont(font)
        if unread > 0:
            self.setText(self.tr("Notifications: %1").replace("%1", self.locale().toString(unread)))
            self.setToolTip(self.tr("%n unread notification(s) – click to show (Ctrl+Shift+N)",
                                    "", unread))
        else:
            self.setText(self.tr("Notifications"))
            self.setToolTip(self.tr("No unread notifications – click to show the list "
                                    "(Ctrl+Shift+N)"))
        self.setAccessibleName(self.text())
