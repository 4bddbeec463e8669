"""Issue 18, items 1 and 2, at the workspace: a start on a damaged cache opens a window (no
traceback), sets the file aside, rebuilds the cache from the backend until it equals the
server order by order, and completes the submission that was in flight exactly once; offline,
the notice says the cached data is unavailable until the backend can be reached.
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from desktop_app.api import ApiClient, OfflineError, new_idempotency_key
from desktop_app.cache import health, submissions
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.submission import submit_once
from pytestqt.qtbot import QtBot
from requests.adapters import HTTPAdapter

from tests.gui.window import settings_at
from tests.sync.ordering import a_customer, answers_dropped, open_cart, orders_of_cart
from tests.sync.support import assert_cache_equals_server, login

pytestmark = [
    pytest.mark.usefixtures("no_thread_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
TENANT, USER_ID = "t-nordlicht", "u-002"
SYNC_MS = 60_000


def page_size(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])


def damage_header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(os.urandom(100))


def damage_middle_pages(path: Path) -> None:
    size = page_size(path)
    pages = path.stat().st_size // size
    with path.open("r+b") as file:
        file.seek((pages // 2) * size)
        file.write(os.urandom(4 * size))


@pytest.fixture
def own_client(server: EmbeddedServer) -> Iterator[ApiClient]:
    """A client the workspace closes (Workspace.close closes its client)."""
    client = login(server)
    yield client
    client.close()


def synced_cache_with_a_lost_answer(server: EmbeddedServer, client: ApiClient, path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> str:
    """A synced cache, then a submission whose answer was lost (the order exists on the
    server, the key is in flight in the cache); the cart's id."""
    live = LiveCache(path)
    try:
        ChangeSync(client, live).run()
        cart = open_cart(client, a_customer(client))
        with answers_dropped(monkeypatch), pytest.raises(OfflineError):
            submit_once(client, live.store, new_idempotency_key(), cart, None)
        assert len(submissions.in_flight(live.store)) == 1
    finally:
        live.close()
    assert orders_of_cart(server, cart) == 1
    return cart


@pytest.mark.parametrize("damage", [damage_header, damage_middle_pages])  # truncation: tests/cache
def test_a_damaged_cache_is_rebuilt_and_the_submission_completes_once(
        qtbot: QtBot, server: EmbeddedServer, own_client: ApiClient, tasks: TaskManager,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        damage: Callable[[Path], None]) -> None:
    path = tmp_path / "caches" / "cache.sqlite3"
    cart = synced_cache_with_a_lost_answer(server, own_client, path, monkeypatch)
    damage(path)
    if damage is damage_middle_pages:  # damage the quick check cannot see: the full one can
        assert health.deep_check(path) is not None
        health.mark_damaged(path, "found by the full check")
    workspace = Workspace.open(own_client, path, settings_at(tmp_path / "settings.ini"), "en",
                               tasks, USER_ID, TENANT)
    try:
        recovery = workspace.opening.recovery
        assert recovery is not None and recovery.aside.exists()
        assert len(submissions.in_flight(workspace.cache.store)) == 1  # salvaged
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as finished:
            workspace.show()
            notice = workspace.care.notice
            assert notice.isVisible() and "set aside" in notice.text()
            assert str(recovery.aside) in notice.text()
        assert finished.args == [True]
        qtbot.waitUntil(lambda: not submissions.in_flight(workspace.cache.store),
                        timeout=SYNC_MS)
        qtbot.waitUntil(lambda: not workspace.sync.running, timeout=SYNC_MS)
        assert orders_of_cart(server, cart) == 1  # resent with its key: no second order
        assert_cache_equals_server(workspace.cache, own_client)
        assert "rebuilt" in notice.text() and notice.kind == "info"
        assert str(recovery.aside) in notice.text()
    finally:
        workspace.close()


def test_offline_the_notice_says_cached_data_is_unavailable(
        qtbot: QtBot, server: EmbeddedServer, own_client: ApiClient, tasks: TaskManager,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "caches" / "cache.sqlite3"
    synced_cache_with_a_lost_answer(server, own_client, path, monkeypatch)
    damage_header(path)

    def unreachable(*_args: object, **_kwargs: object) -> requests.Response:
        raise requests.ConnectionError("the backend cannot be reached")

    monkeypatch.setattr(HTTPAdapter, "send", unreachable)
    workspace = Workspace.open(own_client, path, settings_at(tmp_path / "settings.ini"), "en",
                               tasks, USER_ID, TENANT)
    try:
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS):
            workspace.show()
        notice = workspace.care.notice
        qtbot.waitUntil(lambda: "unavailable until the order backend can be reached"
                        in notice.text(), timeout=SYNC_MS)
        assert notice.kind == "error"
        assert workspace.window.model.rowCount() == 0
        assert len(submissions.in_flight(workspace.cache.store)) == 1  # kept for later
    finally:
        workspace.close()
