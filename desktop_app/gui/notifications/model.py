"""The notification list's model: newest first, unread ones bold.

A small list (at most `DEFAULT_LIMIT` lines, read on the cache lane by `NotificationCenter`):
installed whole with a model reset, and marked read in place with `dataChanged`.
"""

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop_app.cache.notifications import Notification
from desktop_app.gui.notifications.texts import notification_subline, notification_text

__all__ = ["NOTIFICATION_ROLE", "SUBLINE_ROLE", "UNREAD_ROLE", "NotificationListModel"]

NOTIFICATION_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the Notification
SUBLINE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # str: customer and time
UNREAD_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # bool

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)


class NotificationListModel(QAbstractListModel):
    def __init__(self, locale: QLocale | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale or QLocale()
        self._items: list[Notification] = []
        self._texts: list[tuple[str, str]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_notifications(self, notifications: Sequence[Notification]) -> None:
        """Install the list as read from the cache (newest first)."""
        self.beginResetModel()
        self._items = list(notifications)
        self._texts = [(notification_text(n), notification_subline(n, self._locale))
                       for n in self._items]
        self.endResetModel()

    def mark_read(self, ids: Collection[int] | None = None) -> None:
        """Show these (None: all) as read, before the cache has stored it."""
        for row, item in enumerate(self._items):
            if not item.read and (ids is None or item.id in ids):
                self._items[row] = replace(item, read=True)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [_FONT, UNREAD_ROLE, _ACCESSIBLE])

    def notification(self, row: int) -> Notification | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    @property
    def unread_ids(self) -> list[int]:
        return [item.id for item in self._items if not item.read]

    # --- QAbstractListModel -------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        text, subline = self._texts[index.row()]
        if role == _DISPLAY:
            return text
        if role == SUBLINE_ROLE:
            return subline
        if role == _TOOLTIP:
            return f"{text}\n{subline}"
        if role == _FONT:
            return None if item.read else self._bold
        if role == UNREAD_ROLE:
            return not item.read
        if role == NOTIFICATION_ROLE:
            return item
        if role == _ACCESSIBLE:
            unread = "" if item.read else self.tr("Unread: ")
            return f"{unread}{text}, {subline}"
        return None
