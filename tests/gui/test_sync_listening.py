"""The sync controller listening to the live server: live changes without F5, server restart,
a cut connection, a backend without long-poll, F5 and shutdown while a long-poll is open."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.contract import API_PREFIX
from desktop_app.gui.account.connection import Link
from desktop_app.gui.account.sync_controller import SyncController, SyncSettings
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.live_cache import LiveCache
from pytestqt.qtbot import QtBot

from tests.gui.cut_proxy import CutProxy
from tests.gui.sync_support import RecordingWindow
from tests.sync.live_changes import (
    cached_versions,
    caught_up,
    server_versions,
    tenant_of,
    touch_orders,
)
from tests.sync.support import login, start_seeded_server

pytestmark = pytest.mark.usefixtures("no_thread_left")
TIMEOUT_MS = 60_000
QUICK = timedelta(milliseconds=100)
LIVE = SyncSettings(retry_first=QUICK, retry_max=timedelta(milliseconds=400),
                    listen_wait=5.0)


def controller_for(window: RecordingWindow, client: ApiClient, cache: LiveCache,
                   tmp_path: Path, tasks: TaskManager,
                   settings: SyncSettings = LIVE) -> SyncController:
    return SyncController(window, client, cache, tmp_path / "documents", tasks, "en", settings)


def listening_and_caught_up(qtbot: QtBot, sync: SyncController, client: ApiClient,
                            cache: LiveCache) -> None:
    """First sync done, listening, and the backend's reactions to it (documents) applied."""
    with qtbot.waitSignal(sync.syncFinished, timeout=TIMEOUT_MS) as first:
        sync.start()
    assert first.args == [True]
    qtbot.waitUntil(lambda: sync.listening and caught_up(client, cache), timeout=TIMEOUT_MS)


def has_version(cache: LiveCache, client: ApiClient, order_id: str) -> bool:
    return cached_versions(cache).get(order_id) == server_versions(client)[order_id]


@pytest.fixture
def window(qapp: object) -> RecordingWindow:
    return RecordingWindow()


@pytest.fixture
def sync(window: RecordingWindow, client: ApiClient, cache: LiveCache, tmp_path: Path,
         tasks: TaskManager) -> Iterator[SyncController]:
    controller = controller_for(window, client, cache, tmp_path, tasks)
    yield controller
    assert controller.shutdown(10_000)


def test_a_change_on_the_server_reaches_the_cache_without_f5(
        qtbot: QtBot, sync: SyncController, window: RecordingWindow, server: EmbeddedServer,
        client: ApiClient, cache: LiveCache) -> None:
    listening_and_caught_up(qtbot, sync, client, cache)
    applied: list[int] = []
    sync.changesApplied.connect(applied.append)
    syncs_before = window.named("set_sync_progress").count((0, 0))
    refreshes_before = len(window.named("refresh_after_sync"))
    order_id = next(iter(touch_orders(server, tenant_of(client))))
    qtbot.waitUntil(lambda: bool(applied) and has_version(cache, client, order_id),
                    timeout=TIMEOUT_MS)
    assert sum(applied) >= 1
    assert len(window.named("refresh_after_sync")) > refreshes_before
    assert window.named("set_sync_progress").count((0, 0)) == syncs_before  # no busy bar
    assert sync.listening and not sync.running


def test_shutdown_ends_a_pending_long_poll(
        qtbot: QtBot, window: RecordingWindow, client: ApiClient, cache: LiveCache,
        tmp_path: Path, tasks: TaskManager) -> None:
    controller = controller_for(window, client, cache, tmp_path, tasks,
                                SyncSettings(listen_wait=30.0))
    listening_and_caught_up(qtbot, controller, client, cache)
    assert controller.shutdown(10_000)  # the pool thread ends; the call in flight is dropped
    assert not controller.listening and tasks.active == 0


def test_f5_while_listening_syncs_and_listens_again(
        qtbot: QtBot, sync: SyncController, window: RecordingWindow, server: EmbeddedServer,
        client: ApiClient, cache: LiveCache) -> None:
    listening_and_caught_up(qtbot, sync, client, cache)
    order_id = next(iter(touch_orders(server, tenant_of(client))))
    with qtbot.waitSignal(sync.syncFinished, timeout=TIMEOUT_MS) as finished:
        window.syncRequested.emit()  # F5
        assert sync.running and not sync.listening
    assert finished.args == [True]
    qtbot.waitUntil(lambda: sync.listening, timeout=TIMEOUT_MS)
    assert has_version(cache, client, order_id)


def test_a_backend_without_long_poll_falls_back_to_the_periodic_sync(
        qtbot: QtBot, window: RecordingWindow, server: EmbeddedServer, client: ApiClient,
        cache: LiveCache, tmp_path: Path, tasks: TaskManager,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answer_at_once = client.changes_raw
    waits: list[float] = []

    def no_wait(since: str | None = None, limit: int = 500, wait: float = 0) -> bytes:
        waits.append(wait)
        return answer_at_once(since, limit)  # as a backend that ignores `wait`

    monkeypatch.setattr(client, "changes_raw", no_wait)
    settings = SyncSettings(interval=timedelta(milliseconds=500), listen_wait=5.0)
    controller = controller_for(window, client, cache, tmp_path, tasks, settings)
    try:
        with qtbot.waitSignal(controller.syncFinished, timeout=TIMEOUT_MS):
            controller.start()
        qtbot.waitUntil(lambda: 5.0 in waits and not controller.listening,
                        timeout=TIMEOUT_MS)  # tried, found no long-poll, gave up
        order_id = next(iter(touch_orders(server, tenant_of(client))))
        with qtbot.waitSignal(controller.syncStarted, timeout=TIMEOUT_MS):
            pass  # the periodic sync is back in charge
        qtbot.waitUntil(lambda: has_version(cache, client, order_id), timeout=TIMEOUT_MS)
    finally:
        assert controller.shutdown(10_000)


def _login_via(base_url: str) -> ApiClient:
    settings = ApiSettings(base_url=base_url + API_PREFIX, max_retries=1, backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    return ApiClient(settings, auth)


def _offline_banner(window: RecordingWindow) -> bool:
    banners = window.named("show_banner")
    return bool(banners) and banners[-1][0].startswith("Offline – showing cached data from ")


def test_a_cut_connection_mid_wait_goes_offline_and_recovers(
        qtbot: QtBot, window: RecordingWindow, server: EmbeddedServer, cache: LiveCache,
        tmp_path: Path, tasks: TaskManager) -> None:
    proxy = CutProxy(int(server.base_url.rsplit(":", 1)[1]))
    client = _login_via(proxy.url)
    controller = controller_for(window, client, cache, tmp_path, tasks)
    try:
        listening_and_caught_up(qtbot, controller, client, cache)
        proxy.cut()  # the long-poll's connection drops; new ones are refused
        qtbot.waitUntil(lambda: controller.link.state is Link.OFFLINE and _offline_banner(window),
                        timeout=TIMEOUT_MS)
        direct = login(server)
        try:
            order_id = next(iter(touch_orders(server, tenant_of(direct))))
            proxy.restore()
            qtbot.waitUntil(lambda: controller.online and controller.listening
                            and has_version(cache, direct, order_id), timeout=TIMEOUT_MS)
        finally:
            direct.close()
        assert ("hide_banner", ()) in window.calls
    finally:
        assert controller.shutdown(10_000)
        client.close()
        proxy.close()


def test_a_server_restart_while_listening_goes_offline_and_catches_up(
        qtbot: QtBot, window: RecordingWindow, cache: LiveCache, tmp_path: Path,
        tasks: TaskManager) -> None:
    running = start_seeded_server(tmp_path)
    port = int(running.base_url.rsplit(":", 1)[1])
    client = login(running)
    controller = controller_for(window, client, cache, tmp_path, tasks)
    back: EmbeddedServer | None = None
    try:
        listening_and_caught_up(qtbot, controller, client, cache)
        tenant = tenant_of(client)
        running.stop()  # ends the waiting request; then nobody answers
        qtbot.waitUntil(lambda: controller.link.state is Link.OFFLINE and _offline_banner(window),
                        timeout=TIMEOUT_MS)
        assert not controller.listening
        back = EmbeddedServer.start(ServerSettings(
            database_url=f"sqlite:///{tmp_path / 'server.sqlite3'}", simulator_interval=0),
            port=port)
        order_id = next(iter(touch_orders(back, tenant)))
        qtbot.waitUntil(lambda: controller.online and controller.listening
                        and has_version(cache, client, order_id), timeout=TIMEOUT_MS)
        assert controller.link.state is Link.ONLINE and window.calls.count(("hide_banner", ())) >= 2
    finally:
        assert controller.shutdown(10_000)
        client.close()
        (back or running).stop()

