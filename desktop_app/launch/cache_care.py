"""What the workspace does about the cache itself while the window is open.

- A cache rebuilt at start (it was damaged): the notice says so, where the damaged file is
  kept, and, while the backend cannot be reached, that cached data is unavailable until then;
  after the first successful sync it says the cache was rebuilt.
- A read-only start (the disk is full): the notice names the problem and the folder; the
  sync does not run; every few seconds a worker looks at the free space and, once it has
  grown, finishes the cut bulk load (`CacheStore.repair`); then `writable` is emitted and the
  workspace starts the sync.
- After the window is shown, and after a failed sync, SQLite's full check runs on a worker
  (the start only checks cheaply, desktop_app/cache/health.py); damage it finds is marked for
  the next start, and the notice asks the clerk to restart.
"""

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QBoxLayout

from desktop_app.cache import health
from desktop_app.cache.errors import CacheError
from desktop_app.gui.account.connection import Link
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common.cache_notice import CacheNotice, NoticeKind, folder_link
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.launch import cache_opening
from desktop_app.launch.cache_opening import CacheOpening, free_bytes
from desktop_app.sync.progress import CancelToken

__all__ = ["CacheCare", "insert_notice"]

log = logging.getLogger(__name__)

SPACE_POLL_MS = 5_000
# A repair that failed again is tried once the free space has grown by this much (or after
# REPAIR_RETRY_S): an index build over 100,000 orders takes seconds and must not loop.
REPAIR_GAIN_BYTES = 1024 * 1024
REPAIR_RETRY_S = 120.0
DEEP_CHECK_AFTER_FAILURE_S = 600.0  # a failing sync checks the file at most this often


def insert_notice(window: MainWindow) -> CacheNotice:
    """The notice, placed right above the window's sync banner (same layout)."""
    banner = window.indicators.banner
    parent = banner.parentWidget()
    notice = CacheNotice(parent)
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(banner), notice)
    else:  # pragma: no cover - the form always has a box layout
        log.warning("no layout for the cache notice: it is not shown")
    return notice


def _attempt_repair(opening: CacheOpening, at_least: int) -> tuple[bool, int]:
    """On a worker: (True, free bytes) once the cache is writable (repaired, enough space);
    (False, free bytes) while there is too little space (nothing tried) or the repair failed
    again (then `CacheStore.unrepaired` is still set)."""
    folder = opening.folder
    free = free_bytes(folder)
    if free is not None and (free < cache_opening.LOW_SPACE_BYTES or free < at_least):
        return False, free
    try:
        opening.cache.store.repair()
    except CacheError as error:
        log.info("the cache is still not repaired: %s", error)
        return False, free_bytes(folder) or 0
    return True, free or 0


class CacheCare(QObject):
    """The cache notice of one workspace and the work behind it (see the module)."""

    writable = Signal()  # the read-only start is over: the sync may run

    def __init__(self, window: MainWindow, opening: CacheOpening, sync: SyncController,
                 tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._opening, self._sync = window, opening, sync
        self.notice = insert_notice(window)
        self._group = tasks.group(self, Lane.NETWORK)
        self._checks = tasks.group(self, Lane.CACHE)
        self.read_only = opening.read_only
        self._repairing = False
        self._need_free = 0  # a failed repair waits for this much free space
        self._failed_at = 0.0
        self._last_deep_check = float("-inf")
        self._damage_found = False
        self._rebuilt = False
        self._poll = QTimer(self)
        self._poll.setInterval(SPACE_POLL_MS)
        self._poll.timeout.connect(self._poll_space)
        sync.link.changed.connect(self._link_changed)
        sync.syncFinished.connect(self._sync_finished)

    @property
    def _path(self) -> Path:
        return self._opening.cache.path

    def start(self) -> None:
        """After the window is shown: the notice, the space poll, the background check."""
        if self.read_only:
            self._show_read_only()
            self._poll.start()
        elif self._opening.recovery is not None:
            self._show_recovery(self._sync.link.state)
        self.check_file()

    def shutdown(self) -> None:
        self._poll.stop()
        self._group.shutdown()
        self._checks.shutdown()

    # --- the notices ------------------------------------------------------------------------

    def _show_recovery(self, state: Link) -> None:
        recovery = self._opening.recovery
        assert recovery is not None
        kept = CacheNotice.plain(self.tr("The damaged file is kept for support: %1")).replace(
            "%1", folder_link(recovery.aside))
        kind: NoticeKind
        if self._rebuilt:
            text = self.tr("The local cache was damaged and has been rebuilt from the order "
                           "backend.")
            kind = "info"
        elif state is Link.OFFLINE:
            text = self.tr("The local cache was damaged and has been set aside. Cached orders "
                           "are unavailable until the order backend can be reached; then "
                           "OrderDesk rebuilds the cache by itself.")
            kind = "error"
        else:
            text = self.tr("The local cache was damaged and has been set aside. OrderDesk is "
                           "rebuilding it from the order backend; the orders appear as they "
                           "arrive.")
            kind = "warning"
        parts = [CacheNotice.plain(text), self._salvage_text(), kept]
        self.notice.show_notice(" ".join(part for part in parts if part), kind)

    def _salvage_text(self) -> str:
        recovery = self._opening.recovery
        assert recovery is not None
        if "pending_submissions" in recovery.salvage.unreadable:
            return CacheNotice.plain(self.tr(
                "Order submissions that were still in flight could not all be read from it: "
                "please check in the order overview whether your last orders arrived."))
        kept = sum(1 for row in recovery.salvage.rows.get("pending_submissions", ())
                   if row.get("order_id") is None and row.get("finished_at") is None)
        if not kept:
            return ""
        return CacheNotice.plain(self.tr(
            "%n order submission(s) still in flight were kept and are completed.", "", kept))

    def _show_read_only(self) -> None:
        text = self.tr("The disk holding the local cache is full. OrderDesk shows the cached "
                       "orders read-only and does not synchronize; once space has been freed "
                       "it continues by itself. Folder: %1")
        self.notice.show_notice(
            CacheNotice.plain(text).replace("%1", folder_link(self._opening.folder)), "error")

    def _show_damage_found(self, reason: str) -> None:
        log.warning("the cache %s is damaged (%s): set aside at the next start", self._path,
                    reason)
        text = self.tr("The local cache is damaged. Please close OrderDesk and start it "
                       "again: it then sets the damaged file aside and rebuilds the cache from "
                       "the order backend. Folder: %1")
        self.notice.show_notice(
            CacheNotice.plain(text).replace("%1", folder_link(self._opening.folder)), "error")

    @Slot(object, str)
    def _link_changed(self, state: Link, _reason: str) -> None:
        if self._opening.recovery is not None and not self._rebuilt and not self._damage_found:
            self._show_recovery(state)

    @Slot(bool)
    def _sync_finished(self, ok: bool) -> None:
        if ok and self._opening.recovery is not None and not self._rebuilt:
            self._rebuilt = True
            if not self._damage_found:
                self._show_recovery(Link.ONLINE)
        if not ok and time.monotonic() - self._last_deep_check > DEEP_CHECK_AFTER_FAILURE_S:
            self.check_file()  # every sync failing as "malformed" ends here

    # --- read-only until there is space ----------------------------------------------------

    @Slot()
    def _poll_space(self) -> None:
        if self._repairing or not self.read_only:
            return
        if self._need_free and time.monotonic() - self._failed_at > REPAIR_RETRY_S:
            self._need_free = 0
        self._repairing = True
        opening, need = self._opening, self._need_free

        def work(_cancel: CancelToken, _report: ProgressReport) -> tuple[bool, int]:
            return _attempt_repair(opening, need)

        (Operation(work, name="cache repair").on_success(self._repair_done)
         .on_failure(self._repair_failed).run_in(self._group))

    @Slot(object)
    def _repair_done(self, outcome: tuple[bool, int]) -> None:
        self._repairing = False
        writable, free = outcome
        if not writable:
            if free >= self._need_free and free >= cache_opening.LOW_SPACE_BYTES:
                # The space was there and the repair still failed: wait for more.
                self._need_free, self._failed_at = free + REPAIR_GAIN_BYTES, time.monotonic()
            return
        log.info("the cache %s is writable again (%d bytes free)", self._path, free)
        self.read_only = False
        self._poll.stop()
        self.notice.hide()
        if self._opening.recovery is not None:
            self._show_recovery(self._sync.link.state)
        self.writable.emit()

    @Slot(object)
    def _repair_failed(self, error: BaseException) -> None:
        self._repairing = False
        log.error("the cache repair failed", exc_info=error)

    # --- the full check in the background ---------------------------------------------------

    def check_file(self) -> None:
        """SQLite's full check of the file, on a worker; damage is marked and told."""
        self._last_deep_check = time.monotonic()
        path = self._path

        def work(_cancel: CancelToken, _report: ProgressReport) -> str | None:
            return health.deep_check(path)

        (Operation(work, name="cache check").on_success(self._checked)
         .on_failure(lambda error: log.error("the cache check failed", exc_info=error))
         .run_in(self._checks))

    @Slot(object)
    def _checked(self, reason: str | None) -> None:
        if reason is None or self._damage_found:
            return
        self._damage_found = True
        health.mark_damaged(self._path, reason)
        self._show_damage_found(reason)

