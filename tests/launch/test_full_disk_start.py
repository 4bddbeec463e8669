"""Issue 18, item 3, at the workspace: a sync whose bulk index build met a full disk (a real
tmpfs, filled); the next start opens the window read-only on the cached orders with a notice
naming the problem and the folder, runs no sync, and once space is freed repairs the cache,
syncs and ends equal to the server."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.cache import bulk
from desktop_app.cache.errors import CacheError
from desktop_app.cache.store import CacheStore
from desktop_app.gui.account.connection import Link
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch import cache_care, cache_opening
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from pytestqt.qtbot import QtBot

from tests.launch.tmpfs import fill, mounted_tmpfs
from tests.sync.support import assert_cache_equals_server, login

pytestmark = [
    pytest.mark.usefixtures("no_thread_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
TENANT, USER_ID = "t-nordlicht", "u-002"
SYNC_MS = 60_000


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", 48) as folder:
        yield folder


@pytest.fixture
def own_client(server: EmbeddedServer) -> Iterator[ApiClient]:
    client = login(server)
    yield client
    client.close()


def sync_into_a_full_disk(client: ApiClient, path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> Path:
    """The first sync's pages are written; the disk fills just before the index build."""
    original = bulk.finish_bulk_load
    fillers: list[Path] = []

    def fill_first(store: CacheStore) -> None:
        fillers.append(fill(path.parent))
        original(store)

    live = LiveCache(path)
    try:
        with monkeypatch.context() as patch:
            patch.setattr("desktop_app.sync.changes.finish_bulk_load", fill_first)
            with pytest.raises(CacheError):
                ChangeSync(client, live).run()
    finally:
        live.close()
    return fillers[0]


def test_a_full_disk_starts_read_only_and_carries_on_when_space_returns(
        qtbot: QtBot, server: EmbeddedServer, own_client: ApiClient, tasks: TaskManager,
        disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.window import settings_at

    monkeypatch.setattr(cache_care, "SPACE_POLL_MS", 100)
    monkeypatch.setattr(cache_opening, "LOW_SPACE_BYTES", 64 * 1024)
    path = disk / "caches" / "cache.sqlite3"
    filler = sync_into_a_full_disk(own_client, path, monkeypatch)
    workspace = Workspace.open(own_client, path, settings_at(tmp_path / "settings.ini"), "en",
                               tasks, USER_ID, TENANT)
    started: list[bool] = []
    workspace.sync.syncStarted.connect(lambda: started.append(True))
    try:
        assert workspace.opening.read_only
        workspace.show()
        notice = workspace.care.notice
        assert notice.isVisible() and notice.kind == "error"
        assert "disk holding the local cache is full" in notice.text()
        assert str(path.parent) in notice.text()
        assert workspace.window.model.rowCount() > 0  # the cached orders, offline
        assert workspace.sync.link.state is Link.OFFLINE
        qtbot.wait(500)  # several polls: still full, nothing tried, no sync
        assert started == [] and workspace.care.read_only
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as finished:
            filler.unlink()
        assert finished.args == [True]
        assert not notice.isVisible()
        qtbot.waitUntil(lambda: not workspace.sync.running, timeout=SYNC_MS)
        assert not workspace.cache.store.unrepaired
        assert assert_cache_equals_server(workspace.cache, own_client) > 0
    finally:
        workspace.close()
