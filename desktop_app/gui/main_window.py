"""The main window: order overview (filter bar + table) beside the order's detail and status.

Layout from ui/main_window.ui; menus, tool bar and status bar are built in code. The window
only reads the cache (the order list model and one `order_detail` per selected order); the
sync controller drives the status-bar widgets and calls `refresh_after_sync()`.

The id query and the status counts of a filter (100-230 ms over 100,000 orders) run on a
BackgroundRunner worker with its own cache session; the old rows stay visible meanwhile and a
result for an older request is dropped. `ordersLoaded` says that a result has landed.
"""

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.records import BusinessTransactionInfo, StatusInfo
from desktop_app.gui import window_settings as stored
from desktop_app.gui.background import BackgroundRunner, ProgressReport
from desktop_app.gui.diagnostics import AboutInfo
from desktop_app.gui.filter_bar import FilterBar
from desktop_app.gui.formatting import Language, locale_for
from desktop_app.gui.forms import child, load_form
from desktop_app.gui.order_columns import OrderColumn, OrderLabels
from desktop_app.gui.order_source import CacheOrderSource, OrderQuery
from desktop_app.gui.order_table_model import ORDER_ID_ROLE, OrderTableModel
from desktop_app.gui.panels import OrderDetailPanel, OrderStatusPanel
from desktop_app.gui.window_actions import WindowActions
from desktop_app.gui.window_status import BannerKind, SyncIndicators
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken, SyncCancelled

if TYPE_CHECKING:  # imported when first used: documents, dialogs and the wizard's pages cost
    # ~300 ms of imports that the first paint of the order list does not need
    from desktop_app.gui.about_dialog import AboutDialog
    from desktop_app.gui.confirmation import ConfirmationDialog
    from desktop_app.gui.confirmation_output import ConfirmationOutput
    from desktop_app.sync.documents import DocumentSource

__all__ = ["FORM", "MainWindow"]

FORM = "main_window.ui"
DETAIL_TAB, STATUS_TAB = 0, 1
# Default column widths as sample texts (plus padding); the clerk's own widths are restored.
_SAMPLES = {
    OrderColumn.ORDER_NUMBER: "AU-00000000", OrderColumn.ORDER_DATE: "26.11.2026 18:00",
    OrderColumn.CUSTOMER: "Müller Elektro GmbH", OrderColumn.BUSINESS_TRANSACTION:
    "Produktwechsel", OrderColumn.PRODUCT: "Tengo Centraflex 50 Plätze",
    OrderColumn.STATUS: "●  In Bearbeitung", OrderColumn.CONTRACT_NUMBER: "VT-10000000",
    OrderColumn.LAST_CHANGE: "26.11.2026 18:00",
}  # fmt: skip
FIRST_ROWS = 200  # a new filter's first rows: a few ms to read (the whole list: up to 130 ms)
PAINT_WAIT_S = 0.2  # the worker waits at most this long for the first rows to be painted
_GEOMETRY, _WINDOW_STATE = "main_window/geometry", "main_window/state"
_SPLITTER, _HEADER = "main_window/splitter", "orders/header"

log = logging.getLogger(__name__)
# A worker's answer: (request serial, query, ids or None (counts only), status counts).
_Loaded = tuple[int, OrderQuery, list[str] | None, dict[str, int]]


class MainWindow(QMainWindow):
    """The clerk's order overview. `syncRequested` asks the sync controller for a sync."""

    syncRequested = Signal()  # noqa: N815 (Qt naming)
    ordersLoaded = Signal()  # noqa: N815 (Qt naming): a background id/count result landed
    settingsChanged = Signal()  # noqa: N815 (Qt naming): the settings dialog stored new values
    # From the worker: (serial, query, the first FIRST_ROWS ids, an event to set once they
    # are painted) of a new filter or sort.
    _firstRowsLoaded = Signal(object)  # noqa: N815 (Qt naming)
    cacheRefreshed = Signal()  # noqa: N815 (Qt naming): a sync changed the cache
    onlineChanged = Signal(bool, str)  # noqa: N815 (Qt naming): online?, why not
    # Ordering (see gui/ordering.py): customer id and contract id ("" for none).
    newCartRequested = Signal(str, str)  # noqa: N815 (Qt naming)
    # Open a document (from the detail panel or a confirmation page); printing and saving
    # the confirmation as PDF (order id) come from the confirmation page.
    documentRequested = Signal(str)  # noqa: N815 (Qt naming)
    previewRequested = Signal(str)  # noqa: N815 (Qt naming)
    printRequested = Signal(str)  # noqa: N815 (Qt naming)
    savePdfRequested = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(
        self,
        cache: LiveCache,
        language: Language,
        settings: QSettings,
        current_user_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache, self._language, self._settings = cache, language, settings
        self._locale = locale_for(language)
        self._shown_id: str | None = None
        self._online, self._offline_reason = True, ""
        self._ordering = False  # the order wizard is wired up (`enable_ordering`)
        self._confirmations: list[ConfirmationDialog] = []
        self._pending_open: str | None = None  # an order to select once it is listed
        self._menu: QMenu | None = None
        self.about_info = AboutInfo(cache.path)  # the workspace adds the backend
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OrderDesk – order overview"))
        self._build_form(current_user_id)
        self.window_actions = WindowActions(self, language)
        self.sync_action = self.window_actions.sync
        self.new_cart_action = self.window_actions.new_cart
        self.print_action = self.window_actions.print
        self._output: ConfirmationOutput | None = None  # see `confirmation_output`
        self._document_source: DocumentSource | None = None
        self.detail_panel.set_confirmation_actions(
            self.window_actions.preview, self.print_action, self.window_actions.save_pdf)
        self.indicators = SyncIndicators(self.statusBar(), child(self._form, QFrame, "banner"),
                                         self._locale)  # fmt: skip
        self.progress_bar = self.indicators.progress
        self.last_sync_label = self.indicators.last_sync_label
        self.online_label = self.indicators.online_label
        self.banner = self.indicators.banner
        self._statuses: list[StatusInfo] = []
        self._transactions: list[BusinessTransactionInfo] = []
        self._labels = self._read_catalog()
        self._source = CacheOrderSource(cache.store)
        # Two workers: a newer request cancels the queued ones, but a running whole-list query
        # (up to ~130 ms) cannot stop; the next filter's first rows run beside it instead of
        # waiting behind it. (Each reader connection keeps an 8 MB page cache.)
        self._runner = BackgroundRunner(self, max_threads=2)
        self._serial = 0  # the newest id/count request; older results are dropped
        self._deferred = True  # while building: requests wait for the first fill
        self._closed = False  # the runner is shut down: queries run here
        self._keep_top: tuple[str | None, int] | None = None  # after a sync: top id, scroll
        self._applying = False  # installing a result: `_sync_current` follows afterwards
        self._paint_pending: threading.Event | None = None  # first rows shown: set when painted
        self.model = OrderTableModel(self._source, self._labels, locale=self._locale,
                                     id_loader=self._load_ids, parent=self)  # fmt: skip
        self._setup_table()
        self._connect()
        self._restore()
        self._update_backend_actions()
        self._update_output_actions()
        self._read_last_sync()

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
        self._list_pages = child(form, QStackedWidget, "listPages")
        self.empty_label = child(form, QLabel, "emptyLabel")
        self.tabs = child(form, QTabWidget, "detailTabs")
        self.detail_panel, self.status_panel = OrderDetailPanel(), OrderStatusPanel()
        for name, panel in (("detailTab", self.detail_panel), ("statusTab", self.status_panel)):
            scroll = None
            if panel is self.status_panel:  # the detail panel scrolls by itself
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QFrame.Shape.NoFrame)
                scroll.setWidget(panel)
            layout = QVBoxLayout(child(form, QWidget, name))
            layout.setContentsMargins(0, 4, 0, 0)
            layout.addWidget(scroll or panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for the batch export; the current row drives the panels.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        cells, titles = table.fontMetrics(), header.fontMetrics()
        for column, sample in _SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(sample), titles.horizontalAdvance(title) + 16)
            header.resizeSection(column, width + 20)  # padding, and room for the sort arrow
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # to see the first rows painted

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
        acts.languages.triggered.connect(self._choose_language)
        acts.settings.triggered.connect(self.open_settings)
        acts.print.triggered.connect(lambda: self._with_order(self.confirmation_output.print_))
        acts.preview.triggered.connect(
            lambda: self._with_order(self.confirmation_output.preview))
        acts.save_pdf.triggered.connect(
            lambda: self._with_order(self.confirmation_output.save_pdf))
        acts.export_pdfs.triggered.connect(
            lambda: self.confirmation_output.export_pdfs(self, self.selected_order_ids()))
        # Documents (detail panel, confirmation pages) open in the viewer; the confirmation
        # pages print and save through the same output.
        self.documentRequested.connect(
            lambda document_id: self.confirmation_output.open_backend_document(self, document_id))
        self.previewRequested.connect(
            lambda order_id: self.confirmation_output.preview(self, order_id))
        self.printRequested.connect(
            lambda order_id: self.confirmation_output.print_(self, order_id))
        self.savePdfRequested.connect(
            lambda order_id: self.confirmation_output.save_pdf(self, order_id))
        acts.new_cart.triggered.connect(lambda: self.newCartRequested.emit("", ""))
        self.detail_panel.documentRequested.connect(self.documentRequested)
        self.detail_panel.confirmationRequested.connect(self.show_confirmation)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.ordersLoaded.connect(self._open_pending)
        acts.about.triggered.connect(self.open_about)
        self.filter_bar.filterChanged.connect(self._apply_filter)
        self._firstRowsLoaded.connect(self._first_rows_loaded)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self._update_output_actions)

    def _restore(self) -> None:
        settings = self._settings
        if (geometry := stored.load_state(settings, _GEOMETRY)) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if (state := stored.load_state(settings, _WINDOW_STATE)) is not None:
            self.restoreState(state)
        if (splitter := stored.load_state(settings, _SPLITTER)) is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([900, 500])
        header = self.table.horizontalHeader()
        if (header_state := stored.load_state(settings, _HEADER)) is not None:
            header.restoreState(header_state)
        column, order = stored.load_sort(settings, int(OrderColumn.ORDER_DATE))
        self.filter_bar.set_values(stored.load_filters(settings))
        header.setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # sorts the model once, by the indicator
        self._first_fill()

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
        self._update_output_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._applying:
            return
        order_id = current.data(ORDER_ID_ROLE) if current.isValid() else None
        if order_id != self._shown_id:
            self._show(order_id)

    @property
    def shown_order_id(self) -> str | None:
        return self._shown_id

    # --- confirmation output ------------------------------------------------------------------

    @property
    def confirmation_output(self) -> "ConfirmationOutput":
        """Preview, print and save of confirmations, and the document viewer; made on first
        use (its imports are not needed to show the order list)."""
        if self._output is None:
            from desktop_app.gui.confirmation_output import ConfirmationOutput

            self._output = ConfirmationOutput(self._cache, self._language, self._settings, self)
            self._output.set_document_source(self._document_source)
        return self._output

    def set_document_source(self, source: "DocumentSource | None") -> None:
        """The backend client for documents not yet stored (the workspace attaches it)."""
        self._document_source = source
        if self._output is not None:
            self._output.set_document_source(source)

    def selected_order_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [order_id for row in rows if (order_id := self.model.order_id(row))]

    def _with_order(self, output: Callable[[QWidget, str], object]) -> None:
        if self._shown_id is not None:
            output(self, self._shown_id)

    def _update_output_actions(self) -> None:
        """Print, preview and save work on the shown order (from the cache, offline too)."""
        acts, shown = self.window_actions, self._shown_id is not None
        for action in (acts.print, acts.preview, acts.save_pdf):
            action.setEnabled(shown)
        acts.export_pdfs.setEnabled(bool(self.table.selectionModel().hasSelection()))

    # --- filtering, sorting, counting -------------------------------------------------------

    def _apply_filter(self, order_filter: OrderFilter) -> None:
        self._keep_top = None  # a new list: the current order is scrolled to instead
        self.model.set_filter(order_filter)  # -> _load_ids (the result lands later)
        stored.save_filters(self._settings, self.filter_bar.values())

    def _first_fill(self) -> None:
        """The first rows, synchronously (a few ms: the first paint needs them anyway, and a
        worker would add a round trip through the event loop before it). The rest of the list
        (~90 ms for 100,000 orders), the count and the filter bar's status counts come from a
        worker and are appended."""
        self._deferred = False
        query = self.model.query
        first = self._source.order_ids(query, FIRST_ROWS)
        complete = len(first) < FIRST_ROWS
        self.model.apply_ids(first, query, partial=not complete)
        if complete:
            self._update_count()
        else:
            self.count_label.setText(self.tr("Counting orders…"))
            self._list_pages.setCurrentWidget(self.table)
        self._start_query(query, with_ids=not complete)

    def _load_ids(self, query: OrderQuery) -> None:
        """The model's id loader: the ids and the status counts on a worker."""
        if self._deferred:  # building the window: `_first_fill` reads the final query
            return
        if self._closed:
            self._serial += 1
            ids = self._source.order_ids(query)
            with self._cache.store.session() as session:
                counts = queries.status_counts(session, query.order_filter)
            self._loaded((self._serial, query, ids, counts))
            return
        # A new filter or sort paints its first rows at once; a refresh after a sync keeps
        # the shown list (and its scroll position) until the whole new list is there.
        self._start_query(query, with_ids=True, first_rows=self._keep_top is None)

    def _start_query(self, query: OrderQuery, *, with_ids: bool, first_rows: bool = False) -> None:
        self._serial += 1
        serial, source, store = self._serial, self._source, self._cache.store
        first_loaded = self._firstRowsLoaded

        def work(cancel: CancelToken, _report: ProgressReport) -> _Loaded:
            cancel.raise_if_cancelled()  # a newer request came before this one started
            ids = None
            if with_ids and first_rows:
                first = source.order_ids(query, FIRST_ROWS)
                if len(first) < FIRST_ROWS:
                    ids = first  # that is the whole list
                else:
                    painted = threading.Event()
                    first_loaded.emit((serial, query, first, painted))  # queued to the GUI
                    # Reading the whole list holds the GIL for most of its 30-130 ms: let the
                    # GUI thread install and paint the first rows before it starts.
                    painted.wait(PAINT_WAIT_S)
                cancel.raise_if_cancelled()
            if with_ids and ids is None:
                ids = source.order_ids(query)
            cancel.raise_if_cancelled()
            with store.session() as session:
                counts = queries.status_counts(session, query.order_filter)
            return serial, query, ids, counts

        self._runner.cancel_all()  # only order queries run here: all older ones are stale
        self._runner.run(work, "order ids", finished=self._loaded, failed=self._load_failed)
        if with_ids:
            self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)

    @Slot(object)
    def _first_rows_loaded(
        self, result: tuple[int, OrderQuery, list[str], threading.Event]
    ) -> None:
        """The first rows of a new filter or sort: painted while the rest is read. The count,
        the panels and the empty state wait for the whole list."""
        serial, query, ids, painted = result
        if serial != self._serial or self._closed or not self.table.viewport().isVisible():
            painted.set()
            return
        self._paint_pending = painted  # set after the next paint of the list (eventFilter)
        current_id = self._shown_id
        self._applying = True
        try:
            if self.model.apply_ids(ids, query, partial=True):
                self._follow_order(current_id, keep_scroll=False)
        finally:
            self._applying = False
        self._list_pages.setCurrentWidget(self.table)

    @Slot(object)
    def _loaded(self, result: _Loaded) -> None:
        serial, query, ids, counts = result
        if serial != self._serial:
            return  # stale: a newer filter, sort or refresh was asked for meanwhile
        self.table.viewport().unsetCursor()
        if ids is not None:
            current_id = self._shown_id
            self._applying = True  # no panel update for the interim current (a reset clears it)
            try:
                if not self.model.apply_ids(ids, query):
                    return
                self._follow_order(current_id)
            finally:
                self._applying = False
        self._update_count(counts)
        self._sync_current()
        self.ordersLoaded.emit()

    @Slot(object)
    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, SyncCancelled):
            return
        log.error("reading the order list failed", exc_info=error)
        if not self._runner.active:  # the list stays as it was
            self.table.viewport().unsetCursor()

    def _follow_order(self, order_id: str | None, *, keep_scroll: bool = True) -> None:
        """After new ids: the current order stays selected (by id); after a sync the list
        keeps its top order or scroll position."""
        if not keep_scroll:
            keep_top = None
        else:
            keep_top, self._keep_top = self._keep_top, None
        if order_id is not None and (row := self.model.row_of(order_id)) is not None:
            current = self.table.selectionModel().currentIndex()
            if not current.isValid() or current.row() != row:
                self.select_row(row)
        if keep_top is None:
            return
        top_id, scroll = keep_top
        new_top = self.model.row_of(top_id) if top_id is not None else None
        if new_top is not None:
            self.table.scrollTo(self.model.index(new_top, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)  # fmt: skip
        else:
            self.table.verticalScrollBar().setValue(scroll)

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        stored.save_sort(self._settings, column, order)

    def _update_count(self, counts: Mapping[str, int] | None = None) -> None:
        """The count label and the empty state; the status counts when given."""
        count = self.model.matching_count
        number = self._locale.toString(count)
        self.count_label.setText(
            self.tr("1 order") if count == 1 else self.tr("%1 orders").replace("%1", number)
        )
        if counts is not None:
            self.filter_bar.set_status_counts(counts, self._locale.toString)
        if count:
            self._list_pages.setCurrentWidget(self.table)
            return
        if self.filter_bar.is_default():
            self.empty_label.setText(self.tr(
                "The local cache holds no orders yet.\nThey appear after the first "
                "synchronization (F5)."
            ))  # fmt: skip
        else:
            self.empty_label.setText(self.tr(
                "No orders match the filters.\nChange them or reset the filters."
            ))  # fmt: skip
        self._list_pages.setCurrentWidget(self.empty_label)

    def _sync_current(self) -> None:
        """After the rows changed: the panels follow the current row (or clear)."""
        current = self.table.selectionModel().currentIndex()
        self._current_changed(current, QModelIndex())

    # --- public API for the sync controller -------------------------------------------------

    @Slot()
    def refresh_after_sync(self) -> None:
        """Re-read the open order now and the list on a worker (`ordersLoaded`); selection
        and scroll position stay."""
        top_row = self.table.rowAt(0)
        top_id = self.model.order_id(top_row) if top_row >= 0 else None
        labels = self._read_catalog()
        if labels != self._labels:  # the first sync brought the catalog
            self._labels = labels
            self.model.set_labels(labels, self._locale)
        self._keep_top = (top_id, self.table.verticalScrollBar().value())
        self.model.refresh()  # -> _load_ids
        current = self.table.selectionModel().currentIndex()
        self._show(current.data(ORDER_ID_ROLE) if current.isValid() else None)
        self._read_last_sync()
        self.cacheRefreshed.emit()  # other views over the cache (carts and quotes)

    def show_banner(self, text: str, kind: BannerKind = "warning") -> None:
        self.indicators.show_banner(text, kind)

    def hide_banner(self) -> None:
        self.indicators.hide_banner()

    def set_sync_progress(self, done: int, total: int) -> None:
        self.indicators.set_progress(done, total)

    def set_last_sync(self, moment: datetime | None) -> None:
        self.indicators.set_last_sync(moment)

    def set_online(self, online: bool, reason: str) -> None:
        """Online: backend actions follow their features; offline: disabled, saying why."""
        self._online, self._offline_reason = online, reason
        self.indicators.set_online(online, reason)
        self._update_backend_actions()
        self.onlineChanged.emit(online, reason)

    def set_sign_in_needed(self, needed: bool) -> None:
        """Show "Log in again…" (File menu and tool bar) while the backend wants a login."""
        self.window_actions.sign_in.setVisible(needed)

    @property
    def is_online(self) -> bool:
        return self._online

    def enable_ordering(self) -> None:
        """The order wizard is connected (`newCartRequested`): New cart works while online."""
        self._ordering = True
        self._update_backend_actions()

    def _update_backend_actions(self) -> None:
        """New cart needs the order wizard and the backend; disabled, it says why."""
        new_cart = ([self.tr("Start a new cart with the order wizard (Ctrl+N)")] if self._ordering
                    else [self.tr("The order wizard needs a signed-in backend connection.")])
        if not self._online:
            reason = self._offline_reason or self.tr("the order backend cannot be reached.")
            new_cart.insert(0, self.tr("Offline: %1").replace("%1", reason))
        for action, reasons, enabled in (
                (self.new_cart_action, new_cart, self._ordering and self._online),):  # fmt: skip
            action.setEnabled(enabled)
            action.setToolTip("\n".join(reasons))
            action.setStatusTip(reasons[0])

    # --- ordering: context menu and confirmation pages -----------------------------------------

    def _table_menu(self, position: QPoint) -> None:
        menu = self.table_menu(position)
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(position))

    def table_menu(self, position: QPoint) -> QMenu | None:
        """The order table's context menu at `position` (viewport coordinates)."""
        index = self.table.indexAt(position)
        order_id = index.data(ORDER_ID_ROLE) if index.isValid() else None
        if not order_id:
            return None
        with self._cache.store.session() as session:  # one order by id
            detail = queries.order_detail(session, order_id)
        if detail is None:
            return None
        if self._menu is not None:
            self._menu.deleteLater()
        menu = self._menu = QMenu(self.table)
        for_customer = menu.addAction(self.tr("New cart for customer %1…").replace(
            "%1", detail.customer_name))
        for_customer.triggered.connect(
            lambda: self.newCartRequested.emit(detail.customer_id, ""))
        number = detail.contract_number or (detail.contract.contract_number
                                            if detail.contract else None)
        if detail.contract_id and number:
            for_contract = menu.addAction(self.tr("New cart for contract %1…").replace(
                "%1", number))
            for_contract.triggered.connect(
                lambda: self.newCartRequested.emit(detail.customer_id, detail.contract_id or ""))
        for action in menu.actions():
            action.setEnabled(self.new_cart_action.isEnabled())
        menu.addSeparator()
        confirmation = menu.addAction(self.tr("Order-receipt confirmation…"))
        confirmation.triggered.connect(lambda: self.show_confirmation(detail.id))
        return menu

    @Slot(str)
    def show_confirmation(self, order_id: str) -> "ConfirmationDialog | None":
        """The confirmation page of a cached order, offline too (a non-modal window)."""
        from desktop_app.gui.confirmation import ConfirmationDialog

        with self._cache.store.session() as session:
            detail = queries.order_detail(session, order_id)
        if detail is None:
            return None
        dialog = ConfirmationDialog(detail, self._statuses, self._transactions, self._language,
                                    self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.view.documentRequested.connect(self.documentRequested)
        dialog.view.previewRequested.connect(self.previewRequested)
        dialog.view.printRequested.connect(self.printRequested)
        dialog.view.savePdfRequested.connect(self.savePdfRequested)
        dialog.view.openOrderRequested.connect(self.open_order)
        dialog.destroyed.connect(lambda: self._confirmations.remove(dialog)
                                 if dialog in self._confirmations else None)
        self._confirmations.append(dialog)
        dialog.show()
        return dialog

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

    @Slot()
    def _open_pending(self) -> None:
        if self._pending_open is not None and self.select_order(self._pending_open):
            self._pending_open = None
            self.open_tab(DETAIL_TAB)

    # --- keyboard ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def step_selection(self, step: int) -> None:
        """Select the previous (-1) or next (+1) order in the list."""
        count = self.model.rowCount()
        if count == 0:
            return
        current = self.table.selectionModel().currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        self.select_row(max(0, min(row, count - 1)))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def open_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._paint_pending is not None:
            if watched is self.table.viewport():
                QTimer.singleShot(0, self._paint_pending.set)  # runs after this paint
                self._paint_pending = None
            return False
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._shown_id:
                self.open_tab(DETAIL_TAB)
                return True
        return super().eventFilter(watched, event)

    # --- language and persistence ---------------------------------------------------------

    def _choose_language(self, action: QAction) -> None:
        stored.save_language(self._settings, "en" if action.data() == "en" else "de")
        self.statusBar().showMessage(
            self.tr("The language setting applies after a restart."), 10_000
        )

    def open_settings(self) -> None:
        """The settings dialog; `settingsChanged` after OK (the sync applies its part)."""
        from desktop_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self._language, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            for choice in self.window_actions.languages.actions():
                choice.setChecked(choice.data() == stored.load_language(self._settings))
            if dialog.language_changed:
                self.statusBar().showMessage(
                    self.tr("The language setting applies after a restart."), 10_000)
            self.settingsChanged.emit()
        finally:
            dialog.deleteLater()

    @Slot()
    def open_about(self) -> "AboutDialog":
        """Help → About (window-modal, not blocking); returns the dialog (for tests)."""
        from desktop_app.gui.about_dialog import AboutDialog

        with self._cache.store.session() as session:
            state = queries.sync_state(session)
        dialog = AboutDialog(self.about_info, state, self._locale, self._settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_settings(self) -> None:
        settings = self._settings
        stored.save_state(settings, _GEOMETRY, self.saveGeometry())
        stored.save_state(settings, _WINDOW_STATE, self.saveState())
        stored.save_state(settings, _SPLITTER, self.splitter.saveState())
        header = self.table.horizontalHeader()
        stored.save_state(settings, _HEADER, header.saveState())
        stored.save_sort(settings, header.sortIndicatorSection(), header.sortIndicatorOrder())
        stored.save_filters(settings, self.filter_bar.values())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        if not self._closed:  # no worker outlives the window (or reads a closed cache)
            self._closed = True
            self._runner.shutdown()
            if self._output is not None:
                self._output.shutdown()
        super().closeEvent(event)
