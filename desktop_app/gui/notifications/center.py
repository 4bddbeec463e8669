"""The notifications' state in the GUI: the list, the unread count and what is new.

`NotificationCenter` reads the cache on the cache lane (one Operation per refresh, results of
an older refresh dropped) and writes what the clerk read there too. After each sync the
window calls `refresh()`: the list and the count follow, and the notifications that are new
since the last refresh (within the audience setting) go out by `arrived` for the desktop
messages. What was in the cache when the window opened is history, not news.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, QSettings, Signal

from desktop_app.cache import notifications as store_notifications
from desktop_app.cache.notifications import Notification
from desktop_app.cache.store import CacheStore
from desktop_app.domain.notifications import Audience
from desktop_app.gui.common import errors
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.notifications.audience import load_audience
from desktop_app.gui.notifications.model import NotificationListModel
from desktop_app.sync.progress import CancelToken

__all__ = ["NotificationCenter", "Snapshot"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One refresh's reading: the list, the unread count, the new ones and the newest id."""

    serial: int
    listed: list[Notification]
    unread: int
    new: list[Notification]
    last_id: int


class NotificationCenter(QObject):
    """`changed(unread)` after each refresh or read mark; `arrived(list)` with the new
    notifications; `openRequested(notification)` when the clerk activates one."""

    changed = Signal(int)
    arrived = Signal(object)
    openRequested = Signal(object)  # noqa: N815 (Qt naming)

    def __init__(self, store: CacheStore, settings: QSettings, user_id: str | None,
                 tasks: TaskManager, locale: QLocale | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._settings, self._user = store, settings, user_id
        self._lane = tasks.group(self, Lane.CACHE)
        self.model = NotificationListModel(locale, self)
        self._serial = 0
        self._after: int | None = None  # the newest id seen; None until the first refresh
        self.unread = 0
        self.surface: errors.Surface | None = None  # where a failed write is told
        self._closed = False

    @property
    def ready(self) -> bool:
        """The first reading has landed (before it, the list is empty and nothing is new)."""
        return self._after is not None

    @property
    def audience(self) -> Audience:
        return load_audience(self._settings)

    def refresh(self) -> None:
        """Re-read the list and the count; the new notifications go out by `arrived`."""
        if self._closed:
            return
        self._serial += 1
        serial, store, user, audience = self._serial, self._store, self._user, self.audience
        after = self._after

        def work(_cancel: CancelToken, _report: ProgressReport) -> Snapshot:
            with store.session() as session:
                last = store_notifications.last_notification_id(session)
                new = ([] if after is None else
                       store_notifications.notifications_after(session, after, audience, user))
                return Snapshot(
                    serial, store_notifications.list_notifications(session, audience, user),
                    store_notifications.unread_count(session, audience, user), new, last)

        Operation(work, name="notifications").on_success(self._read).run_in(self._lane)

    def _read(self, snapshot: Snapshot) -> None:
        baseline = self._after
        newest = max([snapshot.last_id, *(n.id for n in snapshot.new)])
        if baseline is None or newest > baseline:
            self._after = newest
        # Two refreshes in flight read from the same id: each is announced once.
        new = [n for n in snapshot.new if baseline is not None and n.id > baseline]
        if snapshot.serial == self._serial:  # else a newer reading is on its way
            self.model.set_notifications(snapshot.listed)
            self.unread = snapshot.unread
            self.changed.emit(self.unread)
        if new:
            self.arrived.emit(new)

    # --- what the clerk did -------------------------------------------------------------

    def activate(self, notification: Notification) -> None:
        """Open its order or cart (`openRequested`) and mark it read."""
        if not notification.read:
            self._mark([notification.id])
        self.openRequested.emit(notification)

    def mark_all_read(self) -> None:
        self._mark(None)

    def _mark(self, ids: Sequence[int] | None) -> None:
        if self._closed:
            return
        if ids is None:
            self.unread = 0
        else:
            listed_unread = set(self.model.unread_ids)
            self.unread = max(0, self.unread - len(listed_unread & set(ids)))
        self.model.mark_read(None if ids is None else set(ids))  # shown at once
        self.changed.emit(self.unread)
        store = self._store

        def write(_cancel: CancelToken, _report: ProgressReport) -> None:
            store_notifications.mark_read(store, ids)

        (Operation(write, name="mark notifications read")
         .on_success(lambda _none: self.refresh())
         .on_failure(self._write_failed).run_in(self._lane))

    def _write_failed(self, error: BaseException) -> None:
        self.refresh()  # the list shows again what the cache holds
        errors.report(error, None, self.surface, context="marking notifications read")

    def shutdown(self) -> None:
        """No read or write outlives the cache (the window is closing)."""
        self._closed = True
        self._lane.shutdown()
