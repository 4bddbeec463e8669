"""The main window over one account's cache, with its sync: shared by `--demo` and real use."""

import gc
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.cache import queries
from desktop_app.cache.paths import documents_dir
from desktop_app.gui.account.diagnostics import AboutInfo
from desktop_app.gui.account.settings_dialog import load_sync_settings
from desktop_app.gui.account.sync_controller import SyncController
from desktop_app.gui.common import errors
from desktop_app.gui.common.formatting import locale_for
from desktop_app.gui.common.resources import app_icon
from desktop_app.gui.common.single_instance import InstanceGuard
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.common.translations import install_translators, system_language
from desktop_app.gui.contracts.window import ContractsWindow
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.gui.ordering.controller import OrderingController
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.launch.cache_care import CacheCare
from desktop_app.launch.cache_opening import CacheOpening, open_cache
from desktop_app.sync.live_cache import LiveCache


def desktop_application() -> QApplication:
    """The QApplication with OrderDesk's names (QSettings' location) and icon."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setOrganizationName("OrderDesk")
    app.setApplicationName("OrderDesk")
    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName("orderdesk")  # Wayland matches the window to orderdesk.desktop
    return app


def ui_language(settings: QSettings, chosen: str | None) -> Language:
    """The command line's choice, else the one saved in the settings, else the system's
    (English for an English desktop, German otherwise)."""
    value = chosen or settings.value("ui/language") or system_language()
    return "en" if value == "en" else "de"


def use_language(settings: QSettings, chosen: str | None) -> Language:
    """Pick the UI language and install its translators (before any widget is built)."""
    language = ui_language(settings, chosen)
    install_translators(language)
    errors.set_language(language)
    return language


@dataclass
class Workspace:
    """Client, cache, main window and sync of one signed-in account; `close()` ends them.

    `carts_quotes` is the carts-and-quotes window (Orders → Carts and quotes): resuming a
    cart there continues it in the order wizard of `ordering`; `contracts` the contracts
    overview (View → Contracts), whose "New cart" opens that wizard too."""

    client: ApiClient
    cache: LiveCache
    window: MainWindow
    sync: SyncController
    carts_quotes: CartsQuotesWindow
    ordering: OrderingController
    contracts: ContractsWindow
    opening: CacheOpening
    care: CacheCare
    guard: InstanceGuard | None = None

    @classmethod
    def open(cls, client: ApiClient, cache_path: Path, settings: QSettings,
             language: Language, tasks: TaskManager, user_id: str | None,
             tenant_id: str | None = None) -> "Workspace":
        """`tenant_id`: the signed-in user's tenant; the carts-and-quotes window names the
        tenant on the lines of the others it lists.

        The cache is checked first; a damaged one is set aside and replaced, a full disk
        opens it read-only (desktop_app/launch/cache_opening.py). CacheOpenError when it
        cannot be opened at all."""
        # Every widget formats money and dates in the default locale: make it the UI's
        # language, not whatever the environment says (often "C" on a server or in CI).
        QLocale.setDefault(locale_for(language))
        opening = open_cache(cache_path)
        cache = opening.cache
        window = MainWindow(cache, language, settings, user_id, tasks)
        window.set_document_source(client)  # documents not yet stored download on open
        window.about_info = AboutInfo(cache_path, client.settings.base_url)
        sync = SyncController(window, client, cache, documents_dir(cache_path), tasks, language,
                              settings=load_sync_settings(settings))
        sync.link.changed.connect(window.set_link)  # the sync owns the online state
        window.set_link(sync.link.state, sync.link.reason)
        window.settingsChanged.connect(lambda: sync.apply_settings(load_sync_settings(settings)))
        ordering = OrderingController(window, client, cache, sync, language, tasks, window)
        carts = _carts_quotes(window, client, cache, settings, language, tenant_id, tasks)
        carts.resumeCartRequested.connect(ordering.resume_cart)
        contracts = _contracts(window, cache, settings, language, tasks, ordering)
        care = CacheCare(window, opening, sync, tasks, window)
        return cls(client, cache, window, sync, carts, ordering, contracts, opening, care)

    def hold(self, guard: InstanceGuard) -> None:
        """This workspace runs the account: a second start for it shows this window."""
        self.guard = guard
        guard.activated.connect(self.bring_to_front)

    def bring_to_front(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def show(self) -> None:
        """The window first (with whatever the cache holds), then the sync in the background."""
        self.window.show()
        # What exists now (modules, classes, the window) lives as long as the app: kept out of
        # the cycle collector's sight, a full collection (as after a sync) scans only what
        # came later instead of holding the GIL, and so the GUI thread, for ~80 ms.
        gc.freeze()
        self.care.start()
        self.start_sync(resume_submissions=True)

    def start_sync(self, *, resume_submissions: bool = False) -> None:
        """The sync (and the submissions a crash left in flight); on a read-only cache (full
        disk) only once it can be written again."""
        if not self.care.read_only:
            self.sync.start()
            if resume_submissions:
                self.ordering.resume_submissions()
            return
        with self.cache.store.session() as session:
            last = queries.sync_state(session).last_success_at
        self.window.set_last_sync(last.replace(tzinfo=UTC) if last else None)
        self.sync.mark_offline(QCoreApplication.translate(
            "Workspace", "The local cache cannot be written: the disk is full."))

        def writable() -> None:
            self.care.writable.disconnect(writable)
            self.start_sync(resume_submissions=resume_submissions)

        self.care.writable.connect(writable)

    def describe_sync(self) -> str:
        """The sync state for a crash report (any thread: its own cache session)."""
        with self.cache.store.session() as session:
            state = queries.sync_state(session)
        error = f", last error: {state.last_error}" if state.last_error else ""
        return (f"last success {state.last_success_at or 'never'}, last attempt "
                f"{state.last_attempt_at or 'never'}{error}")

    def close(self) -> None:
        self.care.shutdown()
        self.ordering.shutdown()
        self.sync.shutdown()
        self.carts_quotes.close()  # saves its layout
        self.carts_quotes.shutdown()
        self.contracts.close()  # saves its layout
        self.contracts.shutdown()
        self.window.close()
        self.window.deleteLater()
        self.client.close()
        self.cache.close()
        if self.guard is not None:  # only now may another start open this cache
            self.guard.release()
            self.guard.deleteLater()
            self.guard = None
        gc.unfreeze()  # what `show()` froze may be collected again


def _carts_quotes(window: MainWindow, client: ApiClient, cache: LiveCache, settings: QSettings,
                  language: Language, tenant_id: str | None,
                  tasks: TaskManager) -> CartsQuotesWindow:
    """The carts-and-quotes window, opened from the main window's menu; it follows the
    window's online state and re-reads the cache after each sync.

    It lists every tenant's carts the cache holds: the backend feeds an account exactly what
    it may see (its tenant and the sub-tenants under it), as for the order overview. Filtering
    to the own tenant hid the carts a clerk made for a sub-tenant's customer."""
    carts = CartsQuotesWindow(cache, client, language, settings, None, tasks, parent=window,
                              own_tenant_id=tenant_id)
    window.window_actions.carts_quotes.triggered.connect(carts.open)
    window.cacheRefreshed.connect(carts.refresh)
    window.onlineChanged.connect(carts.set_online)
    carts.set_online(window.is_online, "")
    carts.syncRequested.connect(window.syncRequested)
    window.cartRequested.connect(carts.show_cart)  # a quote's notification
    window.cartsFocusRequested.connect(carts.show_focus)  # a dashboard tile
    return carts


def _contracts(window: MainWindow, cache: LiveCache, settings: QSettings, language: Language,
               tasks: TaskManager, ordering: OrderingController) -> ContractsWindow:
    """The contracts overview: opened from View → Contracts or on an order's contract (the
    order menu's "Show contract"); re-read after each sync, New cart only while online; its
    orders open in the main window, its new carts in the order wizard."""
    contracts = ContractsWindow(cache, language, settings, tasks, parent=window)
    window.window_actions.contracts.triggered.connect(contracts.open)
    window.contractRequested.connect(contracts.show_contract)
    window.cacheRefreshed.connect(contracts.refresh)
    window.onlineChanged.connect(contracts.set_online)
    contracts.set_online(window.is_online, "")
    contracts.syncRequested.connect(window.syncRequested)

    def open_order(order_id: str) -> None:
        window.open_order(order_id)
        window.raise_()
        window.activateWindow()

    contracts.openOrderRequested.connect(open_order)
    contracts.newCartRequested.connect(
        lambda customer, contract, transaction: ordering.open_wizard(
            customer, contract, transaction=transaction))
    return contracts
