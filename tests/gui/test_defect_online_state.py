"""Issue 12, items 1, 9 and 20: who says whether the backend can be reached.

Against a live reference server that is first unreachable (nothing listens on its port) and
then started on that port: after an offline start, logging in again (or the password the
clerk typed) brings the window online; "connecting" until the first answer; a backend that
dies is noticed without a sync.
"""

import logging
import shutil
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.api.errors import ServerError
from desktop_app.cache.paths import cache_file
from desktop_app.gui.account import sync_controller
from desktop_app.gui.account.connection import Link
from desktop_app.gui.account.login_dialog import LoginDialog, SavedLogin
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.account import StartOptions, start_account
from desktop_app.launch.workspace import Workspace
from desktop_app.server.database import Database
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.gui import orders
from tests.gui.sync_support import RecordingWindow
from tests.gui.test_login import USER, fast, log_in
from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring

pytestmark = [
    pytest.mark.usefixtures("no_thread_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
SYNC_MS = 60_000
TENANT, USER_ID = "t-nordlicht", "u-002"  # max.nord in the demo seed
QUICK = timedelta(milliseconds=300)


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded demo database; each test serves its own copy."""
    path = tmp_path_factory.mktemp("seed") / "server.sqlite3"
    database = Database(f"sqlite:///{path}")
    seed_demo(database)
    database.dispose()
    return path


class Backend:
    """A port nothing listens on yet; `start()` serves the seeded database there."""

    def __init__(self, database: Path) -> None:
        self.database = database
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.server: EmbeddedServer | None = None

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def start(self) -> EmbeddedServer:
        settings = ServerSettings(database_url=f"sqlite:///{self.database}", simulator_interval=0)
        self.server = EmbeddedServer.start(settings, port=self.port)
        return self.server

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def backend(seeded_database: Path, tmp_path: Path) -> Iterator[Backend]:
    copy = tmp_path / "server.sqlite3"
    shutil.copy(seeded_database, copy)
    down = Backend(copy)
    yield down
    down.stop()


def offline_start(
    qtbot: QtBot,
    backend: Backend,
    settings: QSettings,
    root: Path,
    tasks: TaskManager,
    *,
    keep_password: bool,
) -> Workspace:
    """Plain `orderdesk` while the backend is down: the dialog's login fails, the clerk
    chooses to work offline on the cache of the last session (with the password still in
    the field, or after clearing it). A later dialog (Log in again…) logs in."""
    asked: list[LoginDialog] = []
    path = cache_file(backend.api, TENANT, USER, root=root)
    path.parent.mkdir(parents=True)
    cache = LiveCache(path)
    orders.fill(cache.store, orders.generated(25))
    cache.close()
    SavedLogin(backend.api, USER, TENANT, USER_ID).save(settings)

    def ask(dialog: LoginDialog) -> int:
        asked.append(dialog)
        log_in(qtbot, dialog, backend.api)
        if len(asked) > 1:  # File → Log in again…
            return dialog.result()
        assert dialog.offline_button.isVisibleTo(dialog)
        if not keep_password:
            dialog.password_edit.clear()
        dialog.offline_button.click()
        return dialog.result()

    started = start_account(
        settings, "en", tasks, None, StartOptions(caches_root=root, make_settings=fast, ask=ask)
    )
    assert isinstance(started, Workspace)
    return started


def quick(workspace: Workspace) -> None:
    """Retries and checks within a test's patience (the clerk's defaults are minutes)."""
    sync = workspace.sync
    sync.apply_settings(
        replace(sync.settings, retry_first=QUICK, retry_max=QUICK, probe_interval=QUICK)
    )


def test_log_in_again_after_an_offline_start_goes_online(
    tasks: TaskManager,
    qtbot: QtBot,
    backend: Backend,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
) -> None:
    """Item 1: the sync succeeds after File → Log in again…, and so the window is online
    (status bar, New cart), also after F5."""
    settings = settings_at(tmp_path / "settings.ini")
    workspace = offline_start(
        qtbot, backend, settings, tmp_path / "caches", tasks, keep_password=False
    )
    window = workspace.window
    try:
        assert not window.is_online and "Offline" in window.online_label.text()
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as first:
            workspace.show()
        assert first.args == [False]
        assert not window.new_cart_action.isEnabled()
        backend.start()
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as again:
            window.window_actions.sign_in.trigger()
        assert again.args == [True]
        assert workspace.sync.online and window.is_online
        assert "Online" in window.online_label.text()
        assert window.new_cart_action.isEnabled()
        assert "Offline" not in window.new_cart_action.toolTip()
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as f5:
            window.sync_action.trigger()
        assert f5.args == [True] and window.is_online
    finally:
        workspace.close()


def test_the_banner_says_why_it_is_offline(
    tasks: TaskManager,
    qtbot: QtBot,
    backend: Backend,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
) -> None:
    """Item 20: after opening the cache offline, the banner gives the offline reason, not
    "Not logged in"."""
    settings = settings_at(tmp_path / "settings.ini")
    for keep in (False, True):
        root = tmp_path / f"caches-{keep}"
        workspace = offline_start(qtbot, backend, settings, root, tasks, keep_password=keep)
        try:
            with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS):
                workspace.show()
            text = workspace.window.indicators.banner_label.text()
            assert workspace.window.banner.isVisible()
            assert text.startswith("Offline"), text
            assert "cannot be reached (127.0.0.1:" in text  # the reason
            assert "Not logged in" not in text
        finally:
            workspace.close()


def test_the_typed_password_signs_in_once_the_backend_is_back(
    tasks: TaskManager,
    qtbot: QtBot,
    backend: Backend,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Item 20: the password typed before the offline start is kept in memory only and used
    once when the backend answers again: the sync signs in by itself."""
    caplog.set_level(logging.DEBUG)
    settings = settings_at(tmp_path / "settings.ini")
    workspace = offline_start(
        qtbot, backend, settings, tmp_path / "caches", tasks, keep_password=True
    )
    window = workspace.window
    try:
        quick(workspace)
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as first:
            workspace.show()
        assert first.args == [False] and not window.is_online
        assert not window.window_actions.sign_in.isVisible()  # nothing to do for the clerk
        backend.start()
        with qtbot.waitSignal(
            workspace.sync.syncFinished, timeout=SYNC_MS, check_params_cb=lambda ok: ok
        ):
            pass  # a retry, by itself
        assert window.is_online and workspace.client.auth.signed_in
        assert workspace.client.auth.username == USER
        assert not window.window_actions.sign_in.isVisible()
    finally:
        workspace.close()
    settings.sync()
    assert DEMO_PASSWORD not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert DEMO_PASSWORD not in caplog.text
    assert memory_keyring.entries == {}  # "remember me" was off: no token stored either


def test_connecting_until_the_first_answer(
    tasks: TaskManager, qtbot: QtBot, tmp_path: Path
) -> None:
    """Item 9: the demo's window says "Connecting" while its backend starts, "Online" once
    the backend has answered."""
    from desktop_app.launch.demo import DemoSession

    settings = settings_at(tmp_path / "settings.ini")
    session = DemoSession.open(settings, tasks, "en")
    window = session.window
    seen: list[Link] = []
    session.sync.link.changed.connect(lambda state, _reason: seen.append(state))
    try:
        with qtbot.waitSignal(session.sync.syncFinished, timeout=SYNC_MS) as first:
            session.show()
            assert session.sync.link.state is Link.CONNECTING
            assert "Connecting" in window.online_label.text()
            assert not window.is_online and not window.new_cart_action.isEnabled()
        assert first.args == [True]
        assert seen == [Link.ONLINE]
        assert "Online" in window.online_label.text() and window.is_online
    finally:
        session.close()


def test_a_dead_backend_is_noticed_without_a_sync(
    tasks: TaskManager,
    qtbot: QtBot,
    backend: Backend,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
) -> None:
    """Item 9: while the window is idle and online, a light check on the network lane
    notices that the backend died, and the window says so with the reason."""
    backend.start()
    settings = settings_at(tmp_path / "settings.ini")

    def ask(dialog: LoginDialog) -> int:
        log_in(qtbot, dialog, backend.api)
        return dialog.result()

    workspace = start_account(
        settings,
        "en",
        tasks,
        None,
        StartOptions(caches_root=tmp_path / "c", make_settings=fast, ask=ask),
    )
    assert isinstance(workspace, Workspace)
    window = workspace.window
    try:
        with qtbot.waitSignal(workspace.sync.syncFinished, timeout=SYNC_MS) as first:
            workspace.show()
        assert first.args == [True] and window.is_online
        quick(workspace)
        backend.stop()
        qtbot.waitUntil(lambda: not window.is_online, timeout=SYNC_MS)
        assert "Offline" in window.online_label.text()
        assert "cannot be reached" in window.online_label.toolTip()
        assert window.indicators.banner_label.text().startswith("Offline")
        assert not window.new_cart_action.isEnabled()
    finally:
        workspace.close()


def test_a_refusal_while_connecting_still_finds_the_backend(
    qtbot: QtBot,
    client: ApiClient,
    cache: LiveCache,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tasks: TaskManager,
) -> None:
    """Item 9: a first sync that fails for another reason than the network (here the
    catalog answers 503) does not leave "Connecting" standing: a check finds the backend
    reachable."""

    def unavailable(*_args: object) -> None:
        raise ServerError(503)

    monkeypatch.setattr(sync_controller, "sync_catalog", unavailable)
    sync = SyncController(RecordingWindow(), client, cache, tmp_path / "documents", tasks)
    try:
        with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_MS) as failed:
            sync.start()
        assert failed.args == [False]
        qtbot.waitUntil(lambda: sync.link.state is Link.ONLINE, timeout=SYNC_MS)
    finally:
        assert sync.shutdown()
