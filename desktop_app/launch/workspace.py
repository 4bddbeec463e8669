"""The main window over one account's cache, with its sync: shared by `--demo` and real use."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.cache.paths import documents_dir
from desktop_app.gui.formatting import locale_for
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.ordering import OrderingController
from desktop_app.gui.sync_controller import SyncController
from desktop_app.sync.live_cache import LiveCache


def ui_language(settings: QSettings, chosen: str | None) -> Language:
    value = chosen or settings.value("ui/language", "de")
    return "en" if value == "en" else "de"


@dataclass
class Workspace:
    """Client, cache, main window and sync of one signed-in account; `close()` ends them."""

    client: ApiClient
    cache: LiveCache
    window: MainWindow
    sync: SyncController
    ordering: OrderingController

    @classmethod
    def open(cls, client: ApiClient, cache_path: Path, settings: QSettings,
             language: Language, user_id: str | None) -> "Workspace":
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        # Every widget formats money and dates in the default locale: make it the UI's
        # language, not whatever the environment says (often "C" on a server or in CI).
        QLocale.setDefault(locale_for(language))
        cache = LiveCache(cache_path)
        window = MainWindow(cache, language, settings, user_id)
        sync = SyncController(window, client, cache, documents_dir(cache_path), language)
        ordering = OrderingController(window, client, cache, sync, language, window)
        return cls(client, cache, window, sync, ordering)

    def show(self) -> None:
        """The window first (with whatever the cache holds), then the sync in the background."""
        self.window.show()
        self.sync.start()
        self.ordering.resume_submissions()  # a submission a crash left in flight

    def close(self) -> None:
        self.ordering.shutdown()
        self.sync.shutdown()
        self.window.close()
        self.window.deleteLater()
        self.client.close()
        self.cache.close()
