"""`orderdesk --demo`: the embedded reference backend, a demo clerk, the main window, sync.

The window comes first (over the demo's empty cache, saying that the backend starts). Only
once it is painted does the backend's part begin, on a worker thread: importing the server
(FastAPI, uvicorn, the PDF library: ~1.5 s, which used to delay the first paint), seeding
and starting it, logging the clerk in (together a few seconds); then the sync runs as in real
use and fills the list.
"""

import logging
import shutil
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.cache.paths import cache_file
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskGroup, TaskManager
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.launch.cache_opening import CacheOpenError
from desktop_app.launch.runtime import Runtime
from desktop_app.launch.workspace import Workspace, ui_language, use_language
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken

if TYPE_CHECKING:  # the server is imported on the worker, after the first paint
    from desktop_app.server.embedded import EmbeddedServer

__all__ = ["DEMO_USER", "DemoSession", "run_demo", "start_demo_backend", "ui_language"]

log = logging.getLogger(__name__)

DEMO_USER = "max.nord"
DEMO_USER_ID, DEMO_TENANT = "u-002", "t-nordlicht"  # fixed by the demo seed
DEMO_CLOCK_SPEED = 60.0
DEMO_SIMULATOR_INTERVAL = 1.0  # a fully automated order completes ~5 s after submission
EXIT_DEMO_FAILED = 3
PAINT_FALLBACK_MS = 1_000  # a window that is never painted (minimized) still gets its backend


def free_port() -> int:
    """A free port on 127.0.0.1 (as the server's helper, without importing the server)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_demo_backend(folder: Path, port: int | None = None) -> "EmbeddedServer":
    """Fresh demo data in `folder`, served on 127.0.0.1 at `port` (daemon thread)."""
    from desktop_app.server.database import Database
    from desktop_app.server.embedded import EmbeddedServer
    from desktop_app.server.seed import seed_demo
    from desktop_app.server.settings import ServerSettings

    url = f"sqlite:///{folder / 'demo-backend.sqlite3'}"
    database = Database(url)
    seed_demo(database)
    database.dispose()
    return EmbeddedServer.start(ServerSettings(database_url=url, clock_speed=DEMO_CLOCK_SPEED,
                                               simulator_interval=DEMO_SIMULATOR_INTERVAL),
                                port=port)  # fmt: skip


class DemoSession(QObject):
    """Everything `--demo` runs; `close()` stops it in reverse order. `backendReady(ok)`
    says whether the embedded backend came up (then the sync starts)."""

    backendReady = Signal(bool)  # noqa: N815 (Qt naming)

    def __init__(self, folder: "tempfile.TemporaryDirectory[str]", workspace: Workspace,
                 port: int, tasks: TaskManager) -> None:
        super().__init__()
        self.folder, self.workspace, self.port = folder, workspace, port
        self.server: EmbeddedServer | None = None
        self._paint_wait: _FirstPaint | None = None
        self._start: TaskGroup = tasks.group(self, Lane.NETWORK)

    @property
    def client(self) -> ApiClient:
        return self.workspace.client

    @property
    def cache(self) -> LiveCache:
        return self.workspace.cache

    @property
    def window(self) -> MainWindow:
        return self.workspace.window

    @property
    def sync(self) -> SyncController:
        return self.workspace.sync

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    @classmethod
    def open(cls, settings: QSettings, tasks: TaskManager,
             language: str | None = None) -> "DemoSession":
        """The workspace over an empty demo cache; the backend starts with `show()`."""
        folder = tempfile.TemporaryDirectory(prefix="orderdesk-demo-",
                                             ignore_cleanup_errors=True)
        root = Path(folder.name)
        port = free_port()
        api_settings = ApiSettings(base_url=f"http://127.0.0.1:{port}/api/v1")
        auth = AuthSession(api_settings, NoTokenStore())  # the demo needs no keyring
        client = ApiClient(api_settings, auth)
        path = cache_file(api_settings.base_url, DEMO_TENANT, DEMO_USER, root=root / "caches")
        try:
            workspace = Workspace.open(client, path, settings, ui_language(settings, language),
                                       tasks, DEMO_USER_ID, DEMO_TENANT)
        except BaseException:
            client.close()
            remove_folder(folder)
            raise
        return cls(folder, workspace, port, tasks)

    def show(self) -> None:
        """The window at once; once it is painted, the backend on a worker; then the sync."""
        window = self.workspace.window
        window.show_banner(self.tr("Starting the demo backend with sample orders …"), "info")
        window.set_sync_progress(0, 0)  # busy
        self._paint_wait = _FirstPaint(window, self._start_backend)
        window.show()
        self.workspace.care.start()

    def _start_backend(self) -> None:
        self._paint_wait = None
        root, port, auth = Path(self.folder.name), self.port, self.client.auth

        def start(_cancel: CancelToken, _report: ProgressReport) -> "EmbeddedServer":
            from desktop_app.server.seed import DEMO_PASSWORD

            server = start_demo_backend(root, port)
            try:
                auth.login(DEMO_USER, DEMO_PASSWORD)
            except BaseException:
                server.stop()
                raise
            return server

        (Operation(start, name="demo backend").on_success(self._started)
         .on_failure(self._failed).run_in(self._start))

    @Slot(object)
    def _started(self, server: "EmbeddedServer") -> None:
        self.server = server
        print(f"Demo backend: {server.api} (OpenAPI: {server.base_url}/docs), "
              f"logged in as {DEMO_USER}", flush=True)
        self.window.hide_banner()
        self.workspace.start_sync()
        self.backendReady.emit(True)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        window = self.window
        window.set_sync_progress(0, 1)  # idle again
        window.show_banner(self.tr("The demo backend could not be started: %1").replace(
            "%1", str(error) or type(error).__name__), "error")
        self.backendReady.emit(False)

    def close(self) -> None:
        """Everything stops; the folder goes whatever fails on the way (then logged)."""
        try:
            if self._paint_wait is not None:
                self._paint_wait.cancel()
            self._start.shutdown()  # a backend still starting finishes first
            try:
                self.workspace.close()
            finally:
                if self.server is not None:
                    self.server.stop()
        finally:
            remove_folder(self.folder)


def remove_folder(folder: "tempfile.TemporaryDirectory[str]") -> None:
    """The demo's temporary folder, gone (a file still open, on Windows, is logged)."""
    folder.cleanup()
    path = Path(folder.name)
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
    if path.exists():
        log.warning("the demo folder %s could not be removed completely", path)


class _FirstPaint(QObject):
    """Calls `then` once `window` has been painted for the first time (or after a fallback
    delay): the backend's imports and seeding hold the GIL, and must not delay that paint."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._then = window, then
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start(PAINT_FALLBACK_MS)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # after this paint has been flushed
        return False

    @Slot()
    def _fire(self) -> None:
        if self._then is _done:
            return
        then, self._then = self._then, _done
        self.cancel()
        then()

    def cancel(self) -> None:
        self._then = _done
        self._fallback.stop()
        self._window.removeEventFilter(self)


def _done() -> None:
    """`_FirstPaint` has fired (or was cancelled)."""


def run_demo(language: str | None = None) -> int:
    runtime = Runtime.start()
    try:
        return run_demo_in(runtime, language)
    finally:
        runtime.close()


def run_demo_in(runtime: Runtime, language: str | None = None) -> int:
    """The demo in a started runtime (also when the login dialog's "Use the demo" chose it)."""
    settings = runtime.settings
    chosen = use_language(settings, language)
    try:
        session = DemoSession.open(settings, runtime.tasks, chosen)
    except CacheOpenError as error:  # the folder is already gone
        QMessageBox.critical(None, QCoreApplication.translate("Start", "OrderDesk"),
                             error.message(chosen))
        return EXIT_DEMO_FAILED
    runtime.describe_sync(session.workspace.describe_sync)
    try:
        session.show()
        return runtime.app.exec()
    finally:
        session.close()
