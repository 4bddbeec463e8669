"""`orderdesk --demo`: the embedded reference backend, a demo clerk, the main window, sync."""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.cache.paths import cache_file
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.resources import app_icon
from desktop_app.gui.sync_controller import SyncController
from desktop_app.launch.workspace import Workspace, ui_language, use_language
from desktop_app.server.database import Database
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.live_cache import LiveCache

__all__ = ["DEMO_USER", "DemoSession", "run_demo", "start_demo_backend", "ui_language"]

DEMO_USER = "max.nord"
DEMO_CLOCK_SPEED = 60.0
DEMO_SIMULATOR_INTERVAL = 2.0


def start_demo_backend(folder: Path) -> EmbeddedServer:
    """Fresh demo data in `folder`, served on 127.0.0.1 at a free port (daemon thread)."""
    url = f"sqlite:///{folder / 'demo-backend.sqlite3'}"
    database = Database(url)
    seed_demo(database)
    database.dispose()
    return EmbeddedServer.start(ServerSettings(database_url=url, clock_speed=DEMO_CLOCK_SPEED,
                                               simulator_interval=DEMO_SIMULATOR_INTERVAL))


@dataclass
class DemoSession:
    """Everything `--demo` runs; `close()` stops it in reverse order."""

    folder: tempfile.TemporaryDirectory[str]
    server: EmbeddedServer
    workspace: Workspace

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

    @classmethod
    def open(cls, settings: QSettings, language: str | None = None) -> "DemoSession":
        folder = tempfile.TemporaryDirectory(prefix="orderdesk-demo-")
        root = Path(folder.name)
        server = start_demo_backend(root)
        try:
            api_settings = ApiSettings(base_url=server.api)
            auth = AuthSession(api_settings, NoTokenStore())  # the demo needs no keyring
            me = auth.login(DEMO_USER, DEMO_PASSWORD)
            client = ApiClient(api_settings, auth)
            path = cache_file(server.api, me.tenant.id, me.username, root=root / "caches")
            workspace = Workspace.open(client, path, settings, ui_language(settings, language),
                                       me.user_id, me.tenant.id)
        except BaseException:
            server.stop()
            folder.cleanup()
            raise
        return cls(folder, server, workspace)

    def show(self) -> None:
        """The window first (with whatever the cache holds), then the sync in the background."""
        self.workspace.show()

    def close(self) -> None:
        self.workspace.close()
        self.server.stop()
        self.folder.cleanup()


def run_demo(language: str | None = None) -> int:
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("OrderDesk")
    app.setApplicationName("OrderDesk")
    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName("orderdesk")  # Wayland matches the window to orderdesk.desktop
    settings = QSettings()
    session = DemoSession.open(settings, use_language(settings, language))
    print(f"Demo backend: {session.server.api} (OpenAPI: {session.server.base_url}/docs), "
          f"logged in as {DEMO_USER}")
    try:
        session.show()
        return app.exec()
    finally:
        session.close()
