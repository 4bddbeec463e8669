"""Cancel beside the progress bar, F5 during a sync, and quitting during a stalled call.

The hostile server (tests/sync/hostile_server.py) holds a page or the catalog; the client's
deadline is ten minutes, so only the cancel (or the quit) can end the call. That the call
itself ended, and was not just left behind, shows on the server: the connection goes.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.cache.queries import sync_state
from desktop_app.gui.account.sync_controller import SyncController, SyncSettings
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken, SyncCancelled
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.gui.sync_support import RecordingWindow
from tests.gui.window import live_cache, open_window
from tests.sync.hostile_server import HostileServer, slow_body, stall_headers

pytestmark = pytest.mark.usefixtures("no_thread_left")
WAIT_MS = 30_000


@pytest.fixture
def hostile(server: EmbeddedServer) -> Iterator[HostileServer]:
    running = HostileServer(server.base_url)
    yield running
    running.stop()


@pytest.fixture
def patient_client(hostile: HostileServer) -> Iterator[ApiClient]:
    """Deadline and read timeout of ten minutes: a held call ends only when aborted."""
    settings = ApiSettings(hostile.api, call_deadline=600.0, read_timeout=600.0,
                           max_retries=1, backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    api = ApiClient(settings, auth)
    yield api
    api.close()


@pytest.fixture
def window(qapp: object) -> RecordingWindow:
    return RecordingWindow()


@pytest.fixture
def controller(window: RecordingWindow, patient_client: ApiClient, cache: LiveCache,
               tmp_path: Path, tasks: TaskManager) -> Iterator[SyncController]:
    sync = SyncController(window, patient_client, cache, tmp_path / "documents", tasks,
                          settings=SyncSettings(listen=False))
    yield sync
    assert sync.shutdown(10_000)


def _held(qtbot: QtBot, hostile: HostileServer, path: str, count: int) -> None:
    """Wait until the `count`-th request to `path` is being held by the server."""
    qtbot.waitUntil(lambda: len(hostile.requests_to("GET", path)) == count
                    and hostile.active == 1, timeout=WAIT_MS)


def test_cancel_during_a_slow_page_stops_the_sync_and_its_call(
        qtbot: QtBot, controller: SyncController, window: RecordingWindow,
        hostile: HostileServer, cache: LiveCache) -> None:
    hostile.on("GET", "/changes", slow_body(), after=1)  # page two trickles
    controller.start()
    _held(qtbot, hostile, "/changes", 2)
    assert controller.running
    with qtbot.waitSignal(controller.syncFinished, timeout=WAIT_MS) as finished:
        window.syncCancelRequested.emit()  # Cancel beside the progress bar
    assert finished.args == [False]
    assert not controller.running
    assert window.named("set_sync_progress")[-1] == (1, 1)  # the bar is gone
    assert window.named("show_banner") == [("No data has been synced yet.", "info")]
    (message,) = window.named("show_status_message")
    assert "cancelled" in message[0]
    qtbot.waitUntil(lambda: hostile.active == 0, timeout=WAIT_MS)  # the call let go
    with cache.store.session() as session:
        state = sync_state(session)
    assert state.cursor is not None  # page one stays; the next sync resumes after it
    assert state.last_error is None  # a cancel is not a fault

    hostile.clear()
    with qtbot.waitSignal(controller.syncFinished, timeout=WAIT_MS) as again:
        window.syncRequested.emit()  # F5
    assert again.args == [True]


def test_f5_during_a_running_sync_says_so(
        qtbot: QtBot, controller: SyncController, window: RecordingWindow,
        hostile: HostileServer) -> None:
    hostile.on("GET", "/changes", slow_body(), after=1)
    controller.start()
    _held(qtbot, hostile, "/changes", 2)
    window.syncRequested.emit()  # F5
    (message,) = window.named("show_status_message")
    assert "already running" in message[0] and "Cancel" in message[0]
    assert len(hostile.requests_to("GET", "/changes")) == 2  # no second sync started
    assert controller.cancel_sync()
    qtbot.waitUntil(lambda: not controller.running, timeout=WAIT_MS)
    assert not controller.cancel_sync()  # nothing left to cancel


def test_quitting_during_a_stalled_catalog_call_does_not_wait_for_it(
        qtbot: QtBot, controller: SyncController, hostile: HostileServer) -> None:
    hostile.on("GET", "/catalog/products", stall_headers)
    controller.start()
    _held(qtbot, hostile, "/catalog/products", 1)
    assert controller.shutdown(5_000)  # True: the sync's work has ended, not timed out
    qtbot.waitUntil(lambda: hostile.active == 0, timeout=WAIT_MS)


def test_the_task_manager_quits_during_a_stalled_call(
        qtbot: QtBot, hostile: HostileServer, patient_client: ApiClient) -> None:
    """Any network task (here one of no controller): TaskManager.shutdown ends its call."""
    manager = TaskManager()
    owner = QObject()
    hostile.on("GET", "/catalog/products", stall_headers)

    def work(_cancel: CancelToken, _report: ProgressReport) -> object:
        return patient_client.products()

    failures: list[BaseException] = []
    Operation(work).on_failure(failures.append).run_in(manager.group(owner, Lane.NETWORK))
    _held(qtbot, hostile, "/catalog/products", 1)
    assert manager.shutdown(5_000)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], SyncCancelled)  # the aborted call, seen as the cancel
    manager.deleteLater()
    owner.deleteLater()


@pytest.mark.parametrize("english", [True, False])
def test_the_main_window_shows_cancel_beside_the_progress_bar(
        qtbot: QtBot, tmp_path: Path, english: bool) -> None:
    cache = live_cache(tmp_path / "cache.sqlite3", 0)
    try:
        main = open_window(qtbot, cache, tmp_path / "settings.ini", english=english)
        button = main.indicators.cancel_button
        assert not button.isVisible()
        main.set_sync_progress(0, 0)  # busy, total unknown
        assert button.isVisible() and button.isEnabled()
        if english:  # the German text arrives with the translations (SyncIndicators)
            assert button.text() == "Cancel"
        with qtbot.waitSignal(main.syncCancelRequested, timeout=WAIT_MS):
            button.click()
        assert not button.isEnabled()  # once
        main.set_sync_progress(3, 10)
        assert not button.isEnabled()  # the same sync still winds down
        main.set_sync_progress(1, 1)
        assert not button.isVisible() and not main.progress_bar.isVisible()
        main.set_sync_progress(0, 0)  # the next sync
        assert button.isVisible() and button.isEnabled()
        main.show_status_message("Eine Synchronisierung läuft bereits.")
        assert main.statusBar().currentMessage() == "Eine Synchronisierung läuft bereits."
        main.close()
    finally:
        cache.close()
