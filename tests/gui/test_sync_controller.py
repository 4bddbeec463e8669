"""The sync controller against a live reference server, with a recording window stand-in."""

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from desktop_app.api import ApiClient
from desktop_app.gui.account import sync_controller
from desktop_app.gui.account.connection import Link
from desktop_app.gui.account.sync_controller import SyncController, SyncSettings
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from tests.gui.sync_support import RecordingWindow, StallMeter
from tests.live_fixtures import python_threads
from tests.sync.support import cached_order_ids, login, start_seeded_server

pytestmark = pytest.mark.usefixtures("no_thread_left")
SYNC_TIMEOUT_MS = 60_000


@pytest.fixture
def window(qapp: object) -> RecordingWindow:
    return RecordingWindow()


@pytest.fixture
def controller(window: RecordingWindow, client: ApiClient, cache: LiveCache,
               tmp_path: Path, tasks: TaskManager) -> Iterator[SyncController]:
    # The sync round alone (listening: tests/gui/test_sync_listening.py)
    sync = SyncController(window, client, cache, tmp_path / "documents", tasks,
                          settings=SyncSettings(listen=False))
    yield sync
    assert sync.shutdown(10_000)


def test_first_sync_fills_the_cache_and_refreshes_once(
        qtbot: QtBot, controller: SyncController, window: RecordingWindow,
        cache: LiveCache) -> None:
    with qtbot.waitSignal(controller.syncFinished, timeout=SYNC_TIMEOUT_MS) as finished:
        controller.start()
    assert finished.args == [True]
    assert len(cached_order_ids(cache)) > 100
    assert window.named("refresh_after_sync") == [()]
    progress = window.named("set_sync_progress")
    assert progress[0] == (0, 0)  # started, total unknown
    assert any(done == total > 100 for done, total in progress[1:-1])  # the change feed
    assert progress[-1] == (1, 1)  # idle again
    assert window.named("set_last_sync")[0] == (None,)  # from the empty cache at start
    assert window.named("set_last_sync")[-1][0] is not None
    refreshed = window.calls.index(("refresh_after_sync", ()))
    assert window.calls[refreshed - 1] == ("hide_banner", ())
    assert window.calls[-1] == ("set_sync_progress", (1, 1))
    documents = [args for name, args in window.calls[refreshed:] if name == "set_sync_progress"]
    assert any(done == total > 0 for done, total in documents[:-1])  # then the documents
    assert not window.named("set_online")


def test_the_gui_thread_is_never_blocked(qtbot: QtBot, controller: SyncController,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync's network and cache work runs on a worker thread; the GUI thread keeps
    ticking. (How short its stalls are is measured in bench/gui_bench.py: a unit test on a
    shared machine can only catch a blocking call, which would stall it for the whole sync.)"""
    threads: list[threading.Thread] = []
    real_run_sync = sync_controller.run_sync

    def recorded(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real_run_sync(*args)

    monkeypatch.setattr(sync_controller, "run_sync", recorded)
    meter = StallMeter()
    meter.start()
    with qtbot.waitSignal(controller.syncFinished, timeout=SYNC_TIMEOUT_MS):
        controller.start()
    meter.stop()
    assert threads and threading.main_thread() not in threads
    assert meter.longest < 1.0


def test_a_request_during_a_sync_is_ignored(
        qtbot: QtBot, controller: SyncController, window: RecordingWindow) -> None:
    with qtbot.waitSignal(controller.syncFinished, timeout=SYNC_TIMEOUT_MS):
        controller.start()
        assert controller.running
        assert not controller.request_sync()
        window.syncRequested.emit()  # F5
    assert not controller.running
    assert window.named("refresh_after_sync") == [()]
    assert window.named("set_sync_progress").count((0, 0)) == 1
    with qtbot.waitSignal(controller.syncFinished, timeout=SYNC_TIMEOUT_MS):
        window.syncRequested.emit()  # F5 once the first sync is done: a second sync
    assert window.named("refresh_after_sync") == [(), ()]


def test_offline_then_back_online(qtbot: QtBot, tasks: TaskManager, tmp_path: Path,
                                  cache: LiveCache) -> None:
    running = start_seeded_server(tmp_path)
    port = int(running.base_url.rsplit(":", 1)[1])
    database_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    api = login(running)
    window = RecordingWindow()
    fast = SyncSettings(retry_first=timedelta(milliseconds=200),
                        retry_max=timedelta(milliseconds=400), listen=False)
    sync = SyncController(window, api, cache, tmp_path / "documents", tasks, "en", fast)
    links: list[tuple[object, str]] = []  # what the window is told (the workspace connects it)
    sync.link.changed.connect(lambda state, reason: links.append((state, reason)))
    back: EmbeddedServer | None = None
    try:
        with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_TIMEOUT_MS):
            sync.start()
        running.stop()
        with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_TIMEOUT_MS) as failed:
            window.syncRequested.emit()
        assert failed.args == [False]
        assert not sync.online
        assert [state for state, _ in links] == [Link.ONLINE, Link.OFFLINE]
        assert "cannot be reached" in links[-1][1]
        text, kind = window.named("show_banner")[-1]
        assert text.startswith("Offline – showing cached data from ") and kind == "warning"
        assert "Traceback" not in text

        back = EmbeddedServer.start(ServerSettings(database_url=database_url,
                                                   simulator_interval=0), port=port)
        qtbot.waitUntil(lambda: sync.online and not sync.running, timeout=SYNC_TIMEOUT_MS)
        assert links[-1] == (Link.ONLINE, "")
        assert window.named("refresh_after_sync") == [(), ()]
    finally:
        assert sync.shutdown(10_000)
        api.close()
        (back or running).stop()


def test_an_error_that_is_not_offline_shows_its_message(
        qtbot: QtBot, window: RecordingWindow, client: ApiClient, cache: LiveCache,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tasks: TaskManager) -> None:
    def broken_page(since: str | None, limit: int, wait: float = 0) -> bytes:
        return b'{"changes": 1}'

    monkeypatch.setattr(client, "changes_raw", broken_page)
    sync = SyncController(window, client, cache, tmp_path / "documents", tasks)
    try:
        with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_TIMEOUT_MS) as failed:
            sync.start()
    finally:
        assert sync.shutdown()
    assert failed.args == [False]
    text, kind = window.named("show_banner")[-1]
    assert kind == "error" and "Traceback" not in text and text
    assert not window.named("set_online") and not window.named("refresh_after_sync")


def test_shutdown_cancels_a_running_sync(
        qtbot: QtBot, controller: SyncController, window: RecordingWindow) -> None:
    controller.start()
    assert controller.running  # the first sync is under way
    assert controller.shutdown(10_000)
    assert not controller.running
    assert window.named("refresh_after_sync") == []  # stopped before it finished
    assert not controller.request_sync()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_demo_composition_shows_a_window_and_quits_cleanly(
        qtbot: QtBot, tasks: TaskManager, tmp_path: Path) -> None:
    pytest.importorskip("desktop_app.gui.overview.main_window")
    from desktop_app.launch.demo import DemoSession

    before = python_threads()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = DemoSession.open(settings, tasks, "de")
    try:
        with qtbot.waitSignal(session.sync.syncFinished, timeout=SYNC_TIMEOUT_MS) as first:
            session.show()
            # The window is there at once, saying that the backend starts (on a worker).
            assert session.window.isVisible() and session.server is None
            assert "demo backend" in session.window.indicators.banner_label.text()
        assert first.args == [True]
        assert session.server is not None and session.window.model.rowCount() > 0
    finally:
        session.close()
    assert session.server is not None
    assert not session.window.isVisible()
    assert not Path(session.folder.name).exists()
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert {t.name for t in python_threads() - before} == set()
    demo_server = f"reference-server-{session.server.base_url.rsplit(':', 1)[1]}"
    assert demo_server not in {t.name for t in threading.enumerate()}


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_demo_says_so_when_its_backend_cannot_start(
        qtbot: QtBot, tasks: TaskManager, tmp_path: Path) -> None:
    import socket

    from desktop_app.launch.demo import DemoSession

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = DemoSession.open(settings, tasks, "en")
    blocker = socket.socket()
    try:
        blocker.bind(("127.0.0.1", session.port))  # someone took the demo's port meanwhile
        blocker.listen()
        with qtbot.waitSignal(session.backendReady, timeout=SYNC_TIMEOUT_MS) as ready:
            session.show()
        assert ready.args == [False]
        assert "could not be started" in session.window.indicators.banner_label.text()
        assert session.server is None
    finally:
        blocker.close()
        session.close()
