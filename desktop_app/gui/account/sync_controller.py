"""The sync of one account, run in the background: on start, every N minutes, on request.

The controller never touches the network or applies pages on the GUI thread: the work runs
on the task manager's network lane; only its outcome (progress, last sync time, banners, one
refresh after a successful sync) reaches the window, by queued signals.

The controller owns the workspace's one `BackendLink` (desktop_app/gui/account/connection.py):
"connecting" until the backend first answers, online after any successful call, offline (with
the reason) after a call that could not reach it — its own sync, or a light periodic check on
the network lane while idle (so a dead backend is noticed within `probe_interval`).

After the first successful sync it listens: one "listen" operation on the network lane keeps a
long-poll on the change feed open (desktop_app/sync/listen.py) and applies what arrives; each
round that applied changes refreshes the window and emits `changesApplied(count)`. While the
listener runs the periodic sync is skipped; it stays the fallback (offline, a backend without
long-poll, an error). Offline, the controller retries with exponential backoff and jitter
(`retry_first` … `retry_max`), syncs to catch up and listens again; F5 cancels the long-poll,
syncs and listens again.

A running sync can be cancelled (Cancel beside the progress bar): its backend calls in flight
end at once, the feed's helper threads' too (they run under the task's CallScope, see
`ScopedFeed`), and what was applied stays. F5 while a sync runs says so in the status bar.
"""

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot

from desktop_app.api.calls import CallScope, current_scope
from desktop_app.api.client import ApiClient
from desktop_app.api.errors import Language, NotAuthenticatedError, OfflineError
from desktop_app.api.limits import CallAborted
from desktop_app.cache.queries import sync_state
from desktop_app.gui.account.connection import BackendLink, Link
from desktop_app.gui.common import errors
from desktop_app.gui.common.formatting import format_datetime, locale_for
from desktop_app.gui.common.tasks import (
    BackgroundTask,
    Lane,
    Operation,
    ProgressReport,
    TaskManager,
)
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync, SyncResult
from desktop_app.sync.documents import DocumentFetcher, PrefetchResult
from desktop_app.sync.feed_check import FeedStalledError, forget_stall
from desktop_app.sync.listen import LISTEN_WAIT, ListenEnd, listen
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.prefetch import FeedSource, FeedWorker, fetch
from desktop_app.sync.progress import CancelToken, SyncCancelled, SyncProgress

log = logging.getLogger(__name__)

BannerKind = Literal["info", "warning", "error"]
UNKNOWN_TOTAL = 0  # set_sync_progress(done, 0): busy, total unknown
IDLE = (1, 1)  # set_sync_progress(1, 1): done >= total > 0 hides the progress indicator
REACHED = (0, None)  # report(0, None) from the sync: the backend answered (nothing to show)
# Live rounds closer together than this are shown together (the first one at once): a burst
# of single changes (e.g. the backend rendering the prefetched documents) is one refresh.
REFRESH_COOLDOWN_MS = 250


class SyncView(Protocol):
    """What the controller needs of the main window."""

    @property
    def syncRequested(self) -> SignalInstance: ...  # noqa: N802 (Qt signal name)
    @property
    def syncCancelRequested(self) -> SignalInstance: ...  # noqa: N802 — Cancel was clicked

    def refresh_after_sync(self) -> None: ...
    def show_status_message(self, text: str) -> None: ...
    def set_sync_progress(self, done: int, total: int) -> None: ...
    def set_last_sync(self, when: datetime | None) -> None: ...
    def show_banner(self, text: str, kind: BannerKind) -> None: ...
    def hide_banner(self) -> None: ...


@dataclass(frozen=True)
class SyncSettings:
    interval: timedelta = timedelta(minutes=5)  # the periodic sync (while not listening)
    stale_after: timedelta = timedelta(hours=24)
    retry_first: timedelta = timedelta(seconds=1)  # offline: first reconnect, doubling to …
    retry_max: timedelta = timedelta(seconds=30)  # … this (each with jitter: 50–100 %)
    probe_interval: timedelta = timedelta(seconds=30)  # idle check that the backend lives
    listen: bool = True  # keep a long-poll open after the first sync
    listen_wait: float = LISTEN_WAIT  # seconds one long-poll is held


@dataclass(frozen=True)
class SyncOutcome:
    catalog: list[str]
    changes: SyncResult
    last_success: datetime | None = None  # aware UTC


def _aware(moment: datetime | None) -> datetime | None:
    """The cache stores naive UTC; the window gets aware UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _ms(span: timedelta) -> int:
    return max(1, int(span.total_seconds() * 1000))


def _reporting(report: ProgressReport) -> Callable[[SyncProgress], None]:
    def progress(step: SyncProgress) -> None:
        report(step.done, step.total)
    return progress


def jittered(delay: timedelta) -> timedelta:
    """50–100 % of `delay`: clients that lost the backend together do not return together."""
    return delay * random.uniform(0.5, 1.0)  # noqa: S311 (spreading, not secrecy)


class ScopedFeed:
    """The client's change feed with the calling task's CallScope bound on whichever thread
    fetches (the feed's helper threads, `FeedWorker`), so a cancel aborts their calls too; a
    call aborted by the cancel raises SyncCancelled."""

    def __init__(self, client: FeedSource, scope: CallScope | None,
                 cancel: CancelToken) -> None:
        self._client, self._scope, self._cancel = client, scope, cancel

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        if self._scope is None:
            return fetch(self._client, since, limit, wait)
        with self._scope.bound():
            try:
                return fetch(self._client, since, limit, wait)
            except CallAborted:
                if self._cancel.cancelled:
                    raise SyncCancelled() from None
                raise


def run_sync(client: ApiClient, cache: LiveCache, cancel: CancelToken,
             report: ProgressReport, worker: FeedWorker | None = None) -> SyncOutcome:
    """Catalog and change feed, on a worker thread (the feed calls on `worker`'s, under
    this thread's CallScope)."""
    catalog = sync_catalog(client, cache)
    report(*REACHED)
    cancel.raise_if_cancelled()
    feed = ScopedFeed(client, current_scope(), cancel)
    changes = ChangeSync(feed, cache, worker=worker).run(cancel, _reporting(report))
    with cache.store.session() as session:
        last = sync_state(session).last_success_at
    return SyncOutcome(catalog, changes, _aware(last))


def probe_backend(client: ApiClient) -> None:
    """GET /health (no login needed); OfflineError when the backend cannot be reached."""
    client.auth.transport.request("GET", "/health").close()


def run_prefetch(client: ApiClient, cache: LiveCache, documents: Path, cancel: CancelToken,
                 report: ProgressReport) -> PrefetchResult:
    """The documents of the newest orders, for offline review, on a worker thread."""
    fetcher = DocumentFetcher(client, cache, documents)
    return fetcher.prefetch_recent(cancel=cancel, progress=_reporting(report))


class SyncController(QObject):
    """One sync round: catalog + change feed (then `refresh_after_sync`), then the documents
    of recent orders; `syncFinished(ok)` when the round is over. One round at a time.
    Between rounds the listener applies live changes. `link` is the backend's online state
    (the window follows its `changed`)."""

    syncStarted = Signal()  # noqa: N815 (Qt naming)
    syncFinished = Signal(bool)  # noqa: N815 — True after a successful round
    signInRequired = Signal()  # noqa: N815 — the backend wants a new login (no token left)
    # n changes were applied (by the listener or a sync), after `refresh_after_sync`
    changesApplied = Signal(int)  # noqa: N815

    def __init__(self, window: SyncView, client: ApiClient, cache: LiveCache,
                 documents: Path, tasks: TaskManager, language: Language = "de",
                 settings: SyncSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._client, self._cache = window, client, cache
        self._documents, self._language = documents, language
        self._settings = settings or SyncSettings()
        self._tasks = tasks.group(self, Lane.NETWORK)
        self._task: BackgroundTask | None = None
        self._probe_task: BackgroundTask | None = None
        self._listen_task: BackgroundTask | None = None
        self._listen_round = 0  # which listener the queued outcomes belong to
        self._feed = FeedWorker("sync-feed")  # the regular syncs' feed calls, one session
        self._unshown = 0  # live changes applied during the refresh cooldown
        self._cooldown = QTimer(self)
        self._cooldown.setSingleShot(True)
        self._cooldown.setInterval(REFRESH_COOLDOWN_MS)
        self._cooldown.timeout.connect(self._show_unshown)
        self._last_success: datetime | None = None
        self.link = BackendLink(self)
        self._sign_in_needed = False  # the backend wants a new login (File → Log in again…)
        self._closed = False
        self._retry_delay = self._settings.retry_first
        self._periodic = QTimer(self)
        self._periodic.setInterval(_ms(self._settings.interval))
        self._periodic.timeout.connect(self._periodic_sync)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_now)
        self._probe = QTimer(self)
        self._probe.setInterval(_ms(self._settings.probe_interval))
        self._probe.timeout.connect(self._probe_if_idle)
        window.syncRequested.connect(self._clerk_requested_sync)
        window.syncCancelRequested.connect(self.cancel_sync)

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def online(self) -> bool:
        return self.link.state is Link.ONLINE

    @property
    def listening(self) -> bool:
        """A long-poll is kept open (the periodic sync is skipped meanwhile)."""
        return self._listen_task is not None

    def mark_offline(self, reason: str) -> None:
        """The backend could not be reached before the controller ran (an offline start)."""
        self.link.set(Link.OFFLINE, reason)

    def start(self) -> None:
        """Show what the cache knows, then sync; call after the window is shown."""
        with self._cache.store.session() as session:  # one row by primary key
            self._last_success = _aware(sync_state(session).last_success_at)
        self._window.set_last_sync(self._last_success)
        self._show_stale_banner()
        self._periodic.start()
        self._probe.start()
        self.request_sync()

    @Slot()
    def request_sync(self) -> bool:
        """Start a sync unless one is running (F5 during a sync does nothing); a long-poll
        is cancelled first, the listener starts again after the sync."""
        if self._task is not None or self._closed:
            return False
        self._retry.stop()
        self._stop_listening()  # the sync waits for its pull to let go (a tenth of a second)
        client, cache, feed = self._client, self._cache, self._feed

        def work(cancel: CancelToken, report: ProgressReport) -> SyncOutcome:
            return run_sync(client, cache, cancel, report, feed)

        self._task = (Operation(work, name="sync").with_progress(self._on_progress)
                      .on_success(self._on_synced).on_failure(self._on_failed)
                      .run_in(self._tasks))
        self._window.set_sync_progress(0, UNKNOWN_TOTAL)
        self.syncStarted.emit()
        return True

    @Slot()
    def _clerk_requested_sync(self) -> None:
        """F5 (or a window's "synchronize"): a sync, or a word on why not. The clerk's own
        request does not wait out the backoff after a feed that stood still."""
        if self._task is None:
            forget_stall(self._cache)
        if not self.request_sync() and self._task is not None and not self._closed:
            self._window.show_status_message(self.tr(
                "A synchronization is already running. To stop it, click Cancel beside the "
                "progress bar."))

    @Slot()
    def cancel_sync(self) -> bool:
        """Cancel the running sync round (its calls in flight end at once); what was applied
        stays and the next sync resumes from there. False when none runs."""
        if self._task is None or self._closed:
            return False
        self._task.cancel()
        return True

    @Slot()
    def _periodic_sync(self) -> None:
        # Offline, the retry timer owns the next attempt; listening, nothing is missed.
        if self.online and self._listen_task is None:
            self.request_sync()

    # --- listening ------------------------------------------------------------------------

    def _start_listening(self) -> None:
        if (self._closed or self._listen_task is not None or not self._settings.listen
                or self._sign_in_needed or not self.online):
            return
        self._listen_round += 1
        number = self._listen_round
        client, cache, wait = self._client, self._cache, self._settings.listen_wait

        def work(cancel: CancelToken, report: ProgressReport) -> ListenEnd:
            def applied(result: SyncResult) -> None:
                if result.changes:  # done == total: never throttled away
                    report(result.changes, result.changes)
            feed = ScopedFeed(client, current_scope(), cancel)  # F5 ends the long-poll now
            return listen(feed, cache, cancel, applied, wait=wait)

        self._listen_task = (
            Operation(work, name="listen")
            .with_progress(lambda done, _total: self._listened(number, done))
            .on_success(lambda end: self._listen_ended(number, end))
            .on_failure(lambda error: self._listen_failed(number, error))
            .run_in(self._tasks))

    def _stop_listening(self) -> None:
        if self._listen_task is not None:
            self._listen_task.cancel()
            self._listen_task = None
            self._listen_round += 1  # its queued outcome is no longer ours

    def _listened(self, number: int, changes: int) -> None:
        """A round applied `changes`: show them (once per round, not per page)."""
        if number != self._listen_round or self._closed:
            return
        self._reached()
        self._last_success = datetime.now(UTC)
        if self._cooldown.isActive():
            self._unshown += changes
        else:
            self._show_live(changes)

    def _show_live(self, changes: int) -> None:
        self._window.set_last_sync(self._last_success)
        self._window.refresh_after_sync()
        self.changesApplied.emit(changes)
        self._cooldown.start()

    @Slot()
    def _show_unshown(self) -> None:
        if self._unshown and not self._closed:
            changes, self._unshown = self._unshown, 0
            self._show_live(changes)

    def _listen_ended(self, number: int, end: ListenEnd) -> None:
        if number != self._listen_round:
            return
        self._listen_task = None
        log.info("listening ended (%s): the periodic sync takes over", end.value)

    def _listen_failed(self, number: int, error: BaseException) -> None:
        if number != self._listen_round:
            return
        self._listen_task = None
        if isinstance(error, SyncCancelled):
            return
        log.info("listening failed: %s", type(error).__name__)
        if self._task is not None:  # a sync is under way: it meets the same fault itself
            return
        self._handle_failure(error)

    @Slot()
    def _retry_now(self) -> None:
        """Offline: sync again, or, while no login is at hand, only check the backend."""
        if self._sign_in_needed:
            self._start_probe()
        else:
            self.request_sync()

    @Slot()
    def _probe_if_idle(self) -> None:
        """Online and idle: a light check, so that a dead backend does not go unnoticed
        until the next sync."""
        if self.online and self._task is None:
            self._start_probe()

    def _start_probe(self) -> None:
        if self._probe_task is not None or self._closed:
            return
        client = self._client

        def work(_cancel: CancelToken, _report: ProgressReport) -> None:
            probe_backend(client)

        self._probe_task = (Operation(work, name="backend check").on_success(self._probed)
                            .on_failure(self._probe_failed).run_in(self._tasks))

    @Slot(object)
    def _probed(self, _result: object) -> None:
        self._probe_task = None
        if self.link.state is not Link.ONLINE:
            self._reached()
            if self._sign_in_needed:  # reachable again: now a login helps
                self._show_sign_in_banner()

    @Slot(object)
    def _probe_failed(self, error: BaseException) -> None:
        self._probe_task = None
        if isinstance(error, OfflineError) and self._task is None:
            self._go_offline(error)  # a long-poll may hang on a dead connection: ended too
        elif self._sign_in_needed and self.link.state is Link.OFFLINE:
            self._retry.start(_ms(self._retry_delay))  # an answer we cannot use: try later
        elif not isinstance(error, OfflineError | SyncCancelled):
            log.info("backend check: %s", type(error).__name__)  # reachable, but unwell

    def _reached(self) -> None:
        self._retry_delay = self._settings.retry_first
        self.link.set(Link.ONLINE)

    @Slot(int, object)
    def _on_progress(self, done: int, total: int | None) -> None:
        if (done, total) == REACHED:
            self._reached()
            return
        self._window.set_sync_progress(done, UNKNOWN_TOTAL if total is None else total)

    @Slot(object)
    def _on_synced(self, outcome: SyncOutcome) -> None:
        """The orders are in: show them now; the documents follow in a second step."""
        self._reached()
        self._sign_in_needed = False
        self._last_success = outcome.last_success or datetime.now(UTC)
        self._window.set_last_sync(self._last_success)
        self._window.hide_banner()
        self._window.refresh_after_sync()  # once per sync, not per page
        if outcome.changes.changes:
            self.changesApplied.emit(outcome.changes.changes)
        if self._closed:
            self._task = None
            return
        self._start_listening()
        client, cache, folder = self._client, self._cache, self._documents

        def work(cancel: CancelToken, report: ProgressReport) -> PrefetchResult:
            return run_prefetch(client, cache, folder, cancel, report)

        self._task = (Operation(work, name="documents").with_progress(self._on_progress)
                      .on_success(self._on_prefetched).on_failure(self._on_failed)
                      .run_in(self._tasks))

    @Slot(object)
    def _on_prefetched(self, result: PrefetchResult) -> None:
        self._task = None
        self._window.set_sync_progress(*IDLE)
        if result.failed:  # damaged or vanished documents: the others are stored
            self._window.show_banner(result.failed[0][1], "warning")
        self.syncFinished.emit(True)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._task = None
        self._window.set_sync_progress(*IDLE)
        if isinstance(error, FeedStalledError) and not self._closed:
            self._window.refresh_after_sync()  # the pages before the bad one (a first sync's)
        if isinstance(error, SyncCancelled) and not self._closed:
            self._window.show_status_message(self.tr(
                "Synchronization cancelled. What had arrived is kept; press F5 to continue."))
        self._handle_failure(error)
        if self.link.state is Link.CONNECTING and not isinstance(error, SyncCancelled):
            self._start_probe()  # e.g. a refusal: the backend may well be there; check
        self.syncFinished.emit(False)

    def _handle_failure(self, error: BaseException) -> None:
        """A sync's or the listener's fault: offline, no login, a message or a bug."""
        if isinstance(error, SyncCancelled):
            pass
        elif isinstance(error, OfflineError):
            self._go_offline(error)
        elif isinstance(error, NotAuthenticatedError):
            # No retry signs in by itself: the clerk logs in again (File → Log in again…).
            self._sign_in_needed = True
            self._retry.stop()
            if self.link.state is Link.OFFLINE:  # no login at hand and no backend either
                self._show_offline_banner()
                self._retry.start(_ms(self._retry_delay))  # checks the backend only
            else:
                self._show_sign_in_banner()
            self.signInRequired.emit()
        else:  # other faults in the banner; a bug gets the crash dialog
            errors.report(error, surface=self._window.show_banner, context="sync",
                          language=self._language)

    def _show_sign_in_banner(self) -> None:
        self._window.show_banner(
            self.tr("Not logged in: the cached data stays readable. To synchronize, log "
                    "in again (File → Log in again…)."), "warning")

    def _show_offline_banner(self) -> None:
        """Offline since when, and why (the link's reason: server unreachable, timeout …)."""
        when = self._format_time(self._last_success)
        text = self.tr("Offline – showing cached data from %1").replace("%1", when)
        if self.link.reason:
            text = f"{text}. {self.link.reason}"  # both translated sentences
        self._window.show_banner(text, "warning")

    def _go_offline(self, error: OfflineError) -> None:
        """Say so at once; reconnect (a sync, then listening again) with backoff."""
        self._stop_listening()
        self.link.set(Link.OFFLINE, error.message(self._language))
        self._show_offline_banner()
        self._retry.start(_ms(jittered(self._retry_delay)))
        self._retry_delay = min(self._retry_delay * 2, self._settings.retry_max)

    def apply_settings(self, settings: SyncSettings) -> None:
        """New interval and stale threshold from the settings dialog, effective at once."""
        self._settings = settings
        if not settings.listen:
            self._stop_listening()
        self._periodic.setInterval(_ms(settings.interval))  # restarts a running timer
        self._probe.setInterval(_ms(settings.probe_interval))
        self._retry_delay = min(self._retry_delay, settings.retry_max)
        if self.link.state is not Link.OFFLINE and self._task is None:  # offline says so
            self._show_stale_banner()

    @property
    def settings(self) -> SyncSettings:
        return self._settings

    def _show_stale_banner(self) -> None:
        last = self._last_success
        if last is None:
            self._window.show_banner(self.tr("No data has been synced yet."), "info")
        elif datetime.now(UTC) - last > self._settings.stale_after:
            self._window.show_banner(
                self.tr("The cached data is from %1 and may be out of date.").replace(
                    "%1", self._format_time(last)), "warning")

    def _format_time(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("never")
        return format_datetime(locale_for(self._language), moment)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop the timers, cancel a running sync and wait for it (app quit)."""
        self._closed = True
        self._periodic.stop()
        self._retry.stop()
        self._probe.stop()
        self._cooldown.stop()
        self._stop_listening()  # a pending long-poll is dropped within a tenth of a second
        self._feed.close()
        stopped = self._tasks.shutdown(timeout_ms)
        if stopped:
            self._task = None  # its queued outcome is never applied to a closed controller
        return stopped
