"""The main window: order overview (filter bar + table) beside the order's detail and status.

Layout from ui/main_window.ui; menus and tool bar come from `WindowActions`, the status bar
from `SyncIndicators`. The window only composes: the list is fed by `OrderListLoader` (first
rows, whole list, stale results) on the cache lane, the panels read one `order_detail` per
selected order, and the sync controller drives the status bar and calls
`refresh_after_sync()`. `ordersLoaded` says that a list result has landed.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from desktop_app.cache import queries
from desktop_app.cache.notifications import Notification
from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.records import BusinessTransactionInfo, StatusInfo
from desktop_app.gui.account.diagnostics import AboutInfo
from desktop_app.gui.common.formatting import Language, locale_for
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview import window_settings as list_settings
from desktop_app.gui.overview.confirmation_windows import ConfirmationWindows
from desktop_app.gui.overview.dashboard_hookup import DashboardHookup
from desktop_app.gui.overview.filter_bar import FilterBar, FilterValues
from desktop_app.gui.overview.list_export import ListExport
from desktop_app.gui.overview.list_keyboard import ListKeyboard
from desktop_app.gui.overview.list_loader import FIRST_ROWS, OrderListLoader
from desktop_app.gui.overview.list_status import ListStatus
from desktop_app.gui.overview.notification_hookup import NotificationHookup
from desktop_app.gui.overview.order_columns import OrderLabels
from desktop_app.gui.overview.order_menu import OrderMenu
from desktop_app.gui.overview.order_table_model import ORDER_ID_ROLE, OrderTableModel
from desktop_app.gui.overview.output_hookup import OutputHookup
from desktop_app.gui.overview.seen_marks import SeenMarks
from desktop_app.gui.overview.sync_facing import SyncFacing
from desktop_app.gui.overview.views.saved_views import SavedViews
from desktop_app.gui.overview.views.store import views_file
from desktop_app.gui.overview.window_actions import WindowActions
from desktop_app.gui.overview.window_dialogs import choose_language, open_about, open_settings
from desktop_app.gui.overview.window_layout import (
    fit_panels,
    restore_layout,
    save_layout,
    setup_order_table,
)
from desktop_app.gui.overview.window_status import SyncIndicators
from desktop_app.gui.panels import OrderDetailPanel, OrderStatusPanel, embed_panel
from desktop_app.sync.live_cache import LiveCache

if TYPE_CHECKING:  # imported when first used: documents, dialogs and the wizard's pages cost
    # ~300 ms of imports that the first paint of the order list does not need
    from desktop_app.gui.account.about_dialog import AboutDialog
    from desktop_app.gui.documents.confirmation import ConfirmationDialog
    from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
    from desktop_app.sync.documents import DocumentSource

__all__ = ["DETAIL_TAB", "FIRST_ROWS", "FORM", "STATUS_TAB", "MainWindow"]

FORM = "main_window.ui"
DETAIL_TAB, STATUS_TAB = 0, 1


class MainWindow(SyncFacing, QMainWindow):
    """The clerk's order overview. `syncRequested` asks the sync controller for a sync."""

    syncRequested = Signal()  # noqa: N815 (Qt naming)
    ordersLoaded = Signal()  # noqa: N815 (Qt naming): a background id/count result landed
    settingsChanged = Signal()  # noqa: N815 (Qt naming): the settings dialog stored new values
    cacheRefreshed = Signal()  # noqa: N815 (Qt naming): a sync changed the cache
    onlineChanged = Signal(bool, str)  # noqa: N815 (Qt naming): online?, why not
    cartRequested = Signal(str)  # noqa: N815 (Qt naming): a quote's notification: its cart id
    cartsFocusRequested = Signal(object)  # noqa: N815 (Qt naming): a dashboard tile's CartFocus
    # Ordering (see gui/ordering/controller.py): customer id and contract id ("" for none).
    newCartRequested = Signal(str, str)  # noqa: N815 (Qt naming)
    # A contract id to show in the contracts overview (the order menu's "Show contract").
    contractRequested = Signal(str)  # noqa: N815 (Qt naming)
    # A document id to open; the confirmation (order id) to preview, print, save as PDF.
    documentRequested = Signal(str)  # noqa: N815 (Qt naming)
    previewRequested = Signal(str)  # noqa: N815 (Qt naming)
    printRequested = Signal(str)  # noqa: N815 (Qt naming)
    savePdfRequested = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, cache: LiveCache, language: Language, settings: QSettings,
                 current_user_id: str | None, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache, self._language, self._settings = cache, language, settings
        self._tasks = tasks
        self._locale = locale_for(language)
        self._shown_id: str | None = None
        self._online, self._offline_reason = True, ""
        self._ordering = False  # the order wizard is wired up (`enable_ordering`)
        self._pending_open: str | None = None  # an order to select once it is listed
        self._closed = False
        self.about_info = AboutInfo(cache.path)  # the workspace adds the backend
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OrderDesk – order overview"))
        self._build_form(current_user_id)
        self.window_actions = WindowActions(self, language)
        self.sync_action = self.window_actions.sync
        self.new_cart_action = self.window_actions.new_cart
        for tab, tab_action in ((DETAIL_TAB, self.window_actions.show_detail),
                                (STATUS_TAB, self.window_actions.show_status)):  # fmt: skip
            keys = tab_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.tabs.setTabToolTip(tab, f"{tab_action.text().replace('&', '')} ({keys})")
        self.print_action = self.window_actions.print
        self._outputs = OutputHookup(self, cache, language, settings, tasks)
        requests = (self.documentRequested, self.previewRequested, self.printRequested,
                    self.savePdfRequested)
        self.confirmations = ConfirmationWindows(
            self, cache.store, language, lambda: (self._statuses, self._transactions),
            requests, self.open_order)
        self.detail_panel.set_confirmation_actions(
            self.window_actions.preview, self.print_action, self.window_actions.save_pdf)
        self.indicators = SyncIndicators(self.statusBar(), child(self._form, QFrame, "banner"),
                                         self._locale)  # fmt: skip
        ind = self.indicators
        self.progress_bar, self.last_sync_label = ind.progress, ind.last_sync_label
        self.online_label, self.banner = ind.online_label, ind.banner
        self.notifications = NotificationHookup(self, cache.store, settings, current_user_id,
                                                tasks, self._locale,
                                                self.window_actions.notifications)
        self._statuses: list[StatusInfo] = []
        self._transactions: list[BusinessTransactionInfo] = []
        self._labels = self._read_catalog()
        self.loader = OrderListLoader(cache.store, self.table, tasks, lambda: self._shown_id,
                                      self)
        self.model = OrderTableModel(self.loader.source, self._labels, locale=self._locale,
                                     id_loader=self.loader.load_ids, parent=self)
        self.loader.attach(self.model)
        self.seen_marks = SeenMarks(cache.store, self.model, self.filter_bar, tasks,
                                    self._locale, self.table)
        self._order_menu = OrderMenu(self.table, cache.store, self.newCartRequested.emit,
                                     self.new_cart_action, self.show_confirmation,
                                     self.contractRequested.emit)
        self.table.setModel(self.model)
        self.column_fit = setup_order_table(self.table)
        self.list_export = ListExport(self, cache.store, tasks, language, settings,
                                      self.table.horizontalHeader(), lambda: self.model.query,
                                      lambda: self._labels)
        self.list_export.status = lambda text: self.statusBar().showMessage(text, 15_000)
        self.keyboard = ListKeyboard(self.search_edit, self.table, self.filter_bar, self.loader,
                                     self.model, self._open_details)
        self.dashboard = DashboardHookup(self, cache.store, tasks, language, settings,
                                         self.filter_bar, self.table)
        self.saved_views = SavedViews(self, self.filter_bar, self.table, self.column_fit,
                                      views_file(cache.path))
        self._connect()
        restore_layout(self, self.splitter, self.table, self.filter_bar, settings,
                       self._filter_scope, self.column_fit)
        self._first_fill()
        self._update_backend_actions()
        self._update_output_actions()
        self._read_last_sync()
        self.notifications.center.refresh()

    # --- building ----------------------------------------------------------------------------

    def _build_form(self, current_user_id: str | None) -> None:
        central = QWidget(self)
        self._form = form = load_form(FORM, central)
        self.setCentralWidget(central)
        self.filter_bar = FilterBar(form, current_user_id)
        self.search_edit = self.filter_bar.search
        self.count_label = child(form, QLabel, "countLabel")
        self.splitter = child(form, QSplitter, "splitter")
        self.table = child(form, QTableView, "orderTable")
        self.empty_label = child(form, QLabel, "emptyLabel")
        self.list_status = ListStatus(self.count_label, child(form, QStackedWidget, "listPages"),
                                      self.table, self.empty_label, self.filter_bar,
                                      self._locale)
        self.tabs = child(form, QTabWidget, "detailTabs")
        self.detail_panel, self.status_panel = OrderDetailPanel(), OrderStatusPanel()
        # Both panels scroll by themselves (their forms hold a scroll area each).
        embed_panel(child(form, QWidget, "detailTab"), self.detail_panel, scroll=False)
        embed_panel(child(form, QWidget, "statusTab"), self.status_panel, scroll=False)
        fit_panels(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def _connect(self) -> None:
        acts = self.window_actions
        acts.sync.triggered.connect(self.syncRequested)
        acts.quit.triggered.connect(self.close)
        acts.find.triggered.connect(self.focus_search)
        acts.previous_order.triggered.connect(lambda: self.step_selection(-1))
        acts.next_order.triggered.connect(lambda: self.step_selection(1))
        acts.reset_filters.triggered.connect(self.filter_bar.reset)
        acts.show_detail.triggered.connect(lambda: self.open_tab(DETAIL_TAB))
        acts.show_status.triggered.connect(lambda: self.open_tab(STATUS_TAB))
        acts.languages.triggered.connect(
            lambda action: choose_language(self, self._settings, action))
        acts.settings.triggered.connect(self.open_settings)
        acts.about.triggered.connect(self.open_about)
        acts.new_cart.triggered.connect(lambda: self.newCartRequested.emit("", ""))
        acts.export_list.triggered.connect(self.list_export.export)
        self._outputs.wire(acts, lambda: self._shown_id, self.selected_order_ids,
                              (self.documentRequested, self.previewRequested,
                               self.printRequested, self.savePdfRequested))
        self.detail_panel.documentRequested.connect(self.documentRequested)
        self.detail_panel.confirmationRequested.connect(self.show_confirmation)
        self.status_panel.contractOrdersRequested.connect(  # every order on that contract
            lambda number: self.filter_bar.set_values(FilterValues(text=number)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._order_menu.popup)
        self.ordersLoaded.connect(self._open_pending)
        acts.show_dashboard.triggered.connect(self.dashboard.show_dashboard)
        acts.show_orders.triggered.connect(self.dashboard.show_list)
        self.dashboard.cartsRequested.connect(self.cartsFocusRequested)
        self.cacheRefreshed.connect(self.dashboard.page.refresh)
        center = self.notifications.center
        center.openRequested.connect(self._open_notification)
        self.cacheRefreshed.connect(center.refresh)  # new ones after each sync
        self.settingsChanged.connect(center.refresh)  # the audience applies at once
        self.filter_bar.filterChanged.connect(self._apply_filter)
        self.loader.firstRowsShown.connect(self.list_status.show_table)
        self.loader.listLoaded.connect(self._list_loaded)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: list_settings.save_sort(self._settings, column, order))
        # A tab's widgets count for its width only once shown (hidden ones do not).
        self.tabs.currentChanged.connect(lambda _tab: fit_panels(self.tabs))
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self._update_output_actions)

    # --- catalog and detail --------------------------------------------------------------------

    def _read_catalog(self) -> OrderLabels:
        with self._cache.store.session() as session:
            self._statuses = queries.statuses(session)
            self._transactions = queries.business_transactions(session)
            labels = OrderLabels.load(session, self._language)
        self.filter_bar.set_options(labels.statuses, labels.transactions)
        return labels

    def _read_last_sync(self) -> None:
        with self._cache.store.session() as session:
            state = queries.sync_state(session)
        self.set_last_sync(state.last_success_at)

    def _show(self, order_id: str | None) -> None:
        """Show `order_id` in both panels (None: the placeholders). One detail query."""
        self._shown_id = order_id
        detail = None
        if order_id is not None:
            with self._cache.store.session() as session:
                detail = queries.order_detail(session, order_id)
        args = (self._statuses, self._transactions, self._language)
        self.detail_panel.show_order(detail, *args)
        self.status_panel.show_order(detail, *args)
        fit_panels(self.tabs)  # another order's contents may need more width
        self._update_output_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.loader.applying:
            return
        order_id = current.data(ORDER_ID_ROLE) if current.isValid() else None
        if order_id != self._shown_id:
            self._show(order_id)
            self.seen_marks.opened(order_id)  # the clerk opened it: no longer "changed"

    @property
    def _filter_scope(self) -> str:
        """Saved filters belong to this cache: one backend URL, tenant and user."""
        return str(self._cache.path)

    @property
    def shown_order_id(self) -> str | None:
        return self._shown_id

    # --- confirmation output ------------------------------------------------------------------

    @property
    def confirmation_output(self) -> "ConfirmationOutput":
        """Preview, print and save of confirmations, and the document viewer."""
        return self._outputs.output

    def set_document_source(self, source: "DocumentSource | None") -> None:
        """The backend client for documents not yet stored (the workspace attaches it)."""
        self._outputs.set_document_source(source)

    def selected_order_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [order_id for row in rows if (order_id := self.model.order_id(row))]

    def _update_output_actions(self) -> None:
        OutputHookup.update_actions(self.window_actions, self._shown_id is not None, self.table)

    # --- filtering, counting --------------------------------------------------------------

    def _apply_filter(self, order_filter: OrderFilter) -> None:
        self.loader.new_list()
        self.model.set_filter(order_filter)  # -> loader.load_ids (the result lands later)
        list_settings.save_filters(self._settings, self.filter_bar.values(), self._filter_scope)

    def _first_fill(self) -> None:
        if self.loader.first_fill():
            self.list_status.update(self.model.matching_count)
        else:
            self.list_status.counting()

    @Slot(object)
    def _list_loaded(self, counts: Mapping[str, int]) -> None:
        self.list_status.update(self.model.matching_count, counts)
        self.keyboard.select_first_listed()
        self._sync_current()
        self.ordersLoaded.emit()

    def _sync_current(self) -> None:
        """After the rows changed: the panels follow the current row (or clear)."""
        current = self.table.selectionModel().currentIndex()
        self._current_changed(current, QModelIndex())

    # --- public API for the sync controller -------------------------------------------------

    @Slot()
    def refresh_after_sync(self) -> None:
        """Re-read the open order now and the list on a worker (`ordersLoaded`); selection
        and scroll position stay."""
        labels = self._read_catalog()
        if labels != self._labels:  # the first sync brought the catalog
            self._labels = labels
            self.model.set_labels(labels, self._locale)
        self.loader.keep_position()
        self.model.refresh()  # -> loader.load_ids
        current = self.table.selectionModel().currentIndex()
        self._show(current.data(ORDER_ID_ROLE) if current.isValid() else None)
        self._read_last_sync()
        self.cacheRefreshed.emit()  # other views over the cache (carts and quotes)

    # --- ordering: context menu and confirmation pages -----------------------------------------

    def table_menu(self, position: QPoint) -> QMenu | None:
        """The order table's context menu at `position` (viewport coordinates)."""
        return self._order_menu.menu_at(position)

    @Slot(str)
    def show_confirmation(self, order_id: str) -> "ConfirmationDialog | None":
        """The confirmation page of a cached order, offline too (a non-modal window)."""
        return self.confirmations.show(order_id)

    @Slot(str)
    def open_order(self, order_id: str) -> bool:
        """Jump to an order in the overview (the filters are reset when they hide it)."""
        if self.select_order(order_id):
            self.open_tab(DETAIL_TAB)
            return True
        self._pending_open = order_id  # not listed yet (sync) or filtered out
        if not self.filter_bar.is_default():
            self.filter_bar.reset()
        return False

    @Slot(object)
    def _open_notification(self, notification: Notification) -> None:
        """An order's notification opens the order, a quote's its cart (`cartRequested`)."""
        if notification.entity_kind == "order":
            self.open_order(notification.entity_id)
        elif notification.cart_id:
            self.cartRequested.emit(notification.cart_id)

    @Slot()
    def _open_pending(self) -> None:
        if self._pending_open is not None and self.select_order(self._pending_open):
            self._pending_open = None
            self.open_tab(DETAIL_TAB)

    # --- keyboard ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.keyboard.focus_search()

    def step_selection(self, step: int) -> None:
        """Select the previous (-1) or next (+1) order in the list."""
        self.loader.step(step)

    def select_row(self, row: int) -> None:
        self.loader.select_row(row)

    def select_order(self, order_id: str) -> bool:
        return self.loader.select_order(order_id)

    def open_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open_details(self) -> bool:
        if self._shown_id:
            self.open_tab(DETAIL_TAB)
        return bool(self._shown_id)

    # --- language, settings, about --------------------------------------------------------

    def open_settings(self) -> None:
        """The settings dialog; `settingsChanged` after OK (the sync applies its part)."""
        if open_settings(self, self._settings, self._language, self.window_actions):
            self.settingsChanged.emit()

    @Slot()
    def open_about(self) -> "AboutDialog":
        """Help → About; returns the dialog (for tests)."""
        return open_about(self, self.about_info, self._cache.store, self._language,
                          self._settings)

    def save_settings(self) -> None:
        save_layout(self, self.splitter, self.table, self.filter_bar, self._settings,
                    self._filter_scope, self.column_fit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        fit_panels(self.tabs)  # the shown tab's widgets count from now on

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        if not self._closed:  # no worker outlives the window (or reads a closed cache)
            self._closed = True
            self.loader.shutdown()
            self._outputs.shutdown()
            self.list_export.shutdown()
            self.notifications.shutdown()
            self.seen_marks.shutdown()
            self.dashboard.shutdown()
        super().closeEvent(event)
