"""The contracts overview (Vertragsübersicht), opened from View → Contracts (Ctrl+Shift+V).

A window of its own beside the order overview, like the carts-and-quotes window. It lists
every contract the cache holds for the account's customers (read on the cache lane, again
after each sync: `refresh()`), searchable by number, customer, product or order number and
sortable by every column. The lower panel lists the selected contract's orders (activating
one asks the main window to open it: `openOrderRequested`); "New cart for this contract"
offers the business transactions that act on a contract, each enabled by the domain's rules
(`fitting.fits`), and asks for the order wizard (`newCartRequested(customer, contract,
transaction)`). It works offline from the cache; only New cart needs the backend.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api.errors import Language
from desktop_app.cache import queries
from desktop_app.cache.contracts import (
    ContractListRow,
    ContractOrderRow,
    contract_orders,
    contract_rows,
)
from desktop_app.cache.ordering import open_carts_of_contract
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.common import errors, screen_fit, stored
from desktop_app.gui.common.formatting import locale_for
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.contracts.columns import ContractColumn
from desktop_app.gui.contracts.fitting import CONTRACT_TRANSACTIONS, Fit, fits
from desktop_app.gui.contracts.model import ContractTableModel, Prepared, prepare
from desktop_app.gui.contracts.orders_model import ContractOrdersModel
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken

__all__ = ["ContractsWindow"]

_GEOMETRY, _HEADER, _SPLIT = "contracts/geometry", "contracts/header", "contracts/splitter"
_Rows = tuple[int, Prepared, dict[str, str], dict[str, str]]
_Detail = tuple[int, str, list[ContractOrderRow], list[tuple[str, BusinessTransaction]]]
_WIDTHS = {ContractColumn.NUMBER: 120, ContractColumn.CUSTOMER: 240,
           ContractColumn.PRODUCT: 250, ContractColumn.STATE: 90, ContractColumn.START: 95,
           ContractColumn.TERM_END: 110, ContractColumn.ORDERS: 80}


class ContractsWindow(QMainWindow):
    newCartRequested = Signal(str, str, str)  # noqa: N815 — customer, contract, transaction
    openOrderRequested = Signal(str)  # noqa: N815 — an order id for the main window
    syncRequested = Signal()  # noqa: N815 — F5
    rowsLoaded = Signal()  # noqa: N815 — a cache read of the contracts has landed
    ordersLoaded = Signal()  # noqa: N815 — the selected contract's orders have landed

    def __init__(self, cache: LiveCache, language: Language, settings: QSettings,
                 tasks: TaskManager, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._cache, self._language, self._settings, self._today = (cache, language, settings,
                                                                   today)
        self._online, self._offline_reason = True, ""
        self._serial = self._detail_serial = 0
        self._stale = True
        self._kept_id: str | None = None  # the contract selected last, or to select
        self._transactions: dict[str, str] = {}
        self._statuses: dict[str, str] = {}
        self._open_carts: list[tuple[str, BusinessTransaction]] = []
        self._detail_of: str | None = None  # whose orders and carts are loaded
        self._reads = tasks.group(self, Lane.CACHE)
        self.setObjectName("contractsWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(self.tr("OrderDesk – contracts"))
        self._locale = locale_for(language)
        english = language == "en"
        self.model = ContractTableModel(locale=self._locale, english=english, parent=self)
        self.orders_model = ContractOrdersModel(locale=self._locale, english=english,
                                                parent=self)
        self._build()
        self._build_actions()
        self._centre_when_opened = stored.load_state(settings, _GEOMETRY) is None
        self._restore()
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Search:"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("contractSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Contract number, customer, product or order number…"))
        label.setBuddy(self.search_edit)
        self.count_label = QLabel()
        top.addWidget(label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = self._table(self.model, "contractTable")
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        titles = header.fontMetrics()
        for column, width in _WIDTHS.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(width, titles.horizontalAdvance(title) + 28))
        header.setStretchLastSection(False)
        self._fit_pending = True  # widen customer and product to the window once shown
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.empty_label)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        self.orders_label = QLabel()
        self.orders_label.setWordWrap(True)
        self.orders_table = self._table(self.orders_model, "contractOrders")
        self.orders_table.horizontalHeader().setStretchLastSection(True)
        for section, size in enumerate((120, 140, 260, 130)):
            self.orders_table.horizontalHeader().resizeSection(section, size)
        self.orders_label.setBuddy(self.orders_table)
        lower_layout.addWidget(self.orders_label)
        lower_layout.addWidget(self.orders_table)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar()  # for messages (read errors, the offline reason)
        self.search_edit.textChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.orders_table.activated.connect(self._order_activated)

    def _table(self, model: ContractTableModel | ContractOrdersModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return table

    def _build_actions(self) -> None:
        self.new_cart_menu = QMenu(self)
        self.transaction_actions: dict[BusinessTransaction, QAction] = {}
        for transaction in CONTRACT_TRANSACTIONS:
            action = self.new_cart_menu.addAction(transaction.value)
            action.triggered.connect(lambda _=False, t=transaction: self.new_cart(t))
            self.transaction_actions[transaction] = action
        self._retitle_transactions()
        self.new_cart_menu.setToolTipsVisible(True)
        self.new_cart_action = QAction(self.tr("&New cart for this contract"), self)
        self.new_cart_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_cart_action.setMenu(self.new_cart_menu)
        self.new_cart_action.triggered.connect(self._show_new_cart_menu)
        self.sync_action = QAction(self.tr("&Synchronize"), self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.setToolTip(self.tr("Fetch the latest changes from the order backend"))
        self.sync_action.triggered.connect(self.syncRequested)
        self.find_action = QAction(self.tr("&Find contracts"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self._focus_search)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        self.addActions([self.new_cart_action, self.sync_action, self.find_action,
                         self.close_action])
        toolbar = self.addToolBar(self.tr("Contract actions"))
        toolbar.setObjectName("contractsToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_cart_action)
        button = toolbar.widgetForAction(self.new_cart_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.new_cart_button = button
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.new_cart_action)

    def _restore(self) -> None:
        screen_fit.restore_fitted(self, stored.load_state(self._settings, _GEOMETRY),
                                  QSize(1200, 760))
        header = self.table.horizontalHeader()
        if (state := stored.load_state(self._settings, _HEADER)) is not None:
            header.restoreState(state)
            self._fit_pending = False  # the clerk's widths
        else:
            header.setSortIndicator(ContractColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        if (split := stored.load_state(self._settings, _SPLIT)) is not None:
            self.splitter.restoreState(split)

    # --- reading the cache ------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the cache (after a sync); while hidden, when next shown. The selected
        contract stays selected."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._serial += 1
        serial, store, english = self._serial, self._cache.store, self._language == "en"
        column, descending = self.model.sort_state

        def work(_cancel: CancelToken, _report: ProgressReport) -> _Rows:
            with store.session() as session:
                rows = contract_rows(session)
                transactions = {t.code.value: t.label_en if english else t.label_de
                                for t in queries.business_transactions(session)}
                statuses = {s.code.value: s.label_en if english else s.label_de
                            for s in queries.statuses(session)}
            return serial, prepare(rows, english, column, descending), transactions, statuses

        (Operation(work, name="contracts").on_success(self._loaded)
         .on_failure(self._load_failed).run_in(self._reads))

    @Slot(object)
    def _loaded(self, result: _Rows) -> None:
        serial, prepared, transactions, statuses = result
        if serial != self._serial:
            return  # a newer read is on its way
        self._transactions, self._statuses = transactions, statuses
        self._retitle_transactions()
        kept = self._kept_id
        self.model.install(prepared, self._today())
        self._detail_of = None  # orders may have changed too
        self._reselect(kept)
        if self._fit_pending and self.model.rowCount():  # laid out, with its scroll bar
            self._fit_pending = False
            self._fit_columns()
        self.rowsLoaded.emit()

    @Slot(object)
    def _load_failed(self, error: BaseException) -> None:
        errors.report(error, self, lambda text, _kind: self.statusBar().showMessage(text, 15_000),
                      context="reading contracts", language=self._language)

    def _load_detail(self, row: ContractListRow) -> None:
        self._detail_serial += 1
        serial, store, contract_id = self._detail_serial, self._cache.store, row.id

        def work(_cancel: CancelToken, _report: ProgressReport) -> _Detail:
            with store.session() as session:
                found = contract_orders(session, contract_id)
                carts = open_carts_of_contract(session, contract_id)
            return serial, contract_id, found, carts

        (Operation(work, name="contract orders").on_success(self._detail_loaded)
         .on_failure(self._load_failed).run_in(self._reads))

    @Slot(object)
    def _detail_loaded(self, result: _Detail) -> None:
        serial, contract_id, found, carts = result
        if serial != self._detail_serial:
            return
        self._detail_of, self._open_carts = contract_id, carts
        self.orders_model.set_rows(found, self._transactions, self._statuses)
        current = self.current_contract()
        number = current.contract_number if current else ""
        self.orders_label.setText(
            self.tr("&Orders that created or changed contract %1 (%n):", "", len(found))
            .replace("%1", number) if found else
            self.tr("No cached order created or changed contract %1.").replace("%1", number))
        self._update_actions()
        self.ordersLoaded.emit()

    # --- selection and search -----------------------------------------------------------------

    def _filter_changed(self) -> None:
        kept = self._kept_id
        self.model.set_filter(self.search_edit.text())
        self._reselect(kept)

    def _reselect(self, kept: str | None) -> None:
        """After a reset: the contract selected last is selected again once listed."""
        if kept is not None and (row := self.model.row_of(kept)) is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtCenter)
        self._kept_id = kept
        self._update_count()
        if self.current_contract() is None:
            self._show_no_contract()

    def _update_count(self) -> None:
        shown, total, locale = self.model.rowCount(), self.model.total_count, self._locale
        self.count_label.setText(self.tr("%1 of %2 contracts")
                                 .replace("%1", locale.toString(shown))
                                 .replace("%2", locale.toString(total)))
        if shown:
            self.empty_label.hide()
            self.table.show()
            return
        self.empty_label.setText(
            self.tr("No contract matches the search.") if total else
            self.tr("There are no contracts in the local cache.\nContracts arise from "
                    "orders; they appear here after the next synchronization (F5)."))
        self.table.hide()
        self.empty_label.show()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.contract(current.row()) if current.isValid() else None
        if row is None:
            self._show_no_contract()
            return
        self._kept_id = row.id
        if row.id != self._detail_of:
            self._open_carts = []
            self._detail_of = None
            self._load_detail(row)
        self._update_actions()

    def _show_no_contract(self) -> None:
        self._detail_serial += 1  # a pending read of another contract is stale
        self._detail_of, self._open_carts = None, []
        self.orders_model.set_rows([], self._transactions, self._statuses)
        self.orders_label.setText(self.tr("Select a contract to see its orders."))
        self._update_actions()

    def current_contract(self) -> ContractListRow | None:
        current = self.table.selectionModel().currentIndex()
        return self.model.contract(current.row()) if current.isValid() else None

    @Slot(QModelIndex)
    def _order_activated(self, index: QModelIndex) -> None:
        if (order_id := self.orders_model.order_id(index.row())) is not None:
            self.openOrderRequested.emit(order_id)

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- new cart ---------------------------------------------------------------------------

    def set_online(self, online: bool, reason: str) -> None:
        self._online, self._offline_reason = online, reason
        self._update_actions()

    def fits(self) -> list[Fit]:
        """The verdicts for the selected contract (all refused without one, offline or
        before its open carts are read)."""
        row = self.current_contract()
        if not self._online:
            reason = self.tr("Offline: %1").replace(
                "%1", self._offline_reason or self.tr("the order backend cannot be reached."))
            return [Fit(t, False, reason) for t in CONTRACT_TRANSACTIONS]
        if row is None or self._detail_of != row.id:
            reason = self.tr("Select a contract first.") if row is None else ""
            return [Fit(t, False, reason) for t in CONTRACT_TRANSACTIONS]
        return fits(row, self._open_carts, self._today(), self._language)

    def _update_actions(self) -> None:
        verdicts = self.fits()
        for verdict in verdicts:
            action = self.transaction_actions[verdict.transaction]
            action.setEnabled(verdict.allowed)
            action.setToolTip(verdict.reason)
        allowed = any(verdict.allowed for verdict in verdicts)
        self.new_cart_action.setEnabled(allowed)
        first_reason = next((v.reason for v in verdicts if v.reason), "")
        tip = (self.tr("Start the order wizard on the selected contract (Ctrl+N)") if allowed
               else first_reason or self.tr("No business transaction fits this contract."))
        self.new_cart_action.setToolTip(tip)
        self.new_cart_action.setStatusTip(tip)

    def _retitle_transactions(self) -> None:
        for transaction, action in self.transaction_actions.items():
            action.setText(self._label(transaction).replace("&", "&&") + "…")

    def _label(self, transaction: BusinessTransaction) -> str:
        if transaction.value in self._transactions:
            return self._transactions[transaction.value]
        fallback = {  # before the first catalog sync
            BusinessTransaction.REORDER: self.tr("Reorder"),
            BusinessTransaction.CONTRACT_EXTENSION: self.tr("Contract extension"),
            BusinessTransaction.PRODUCT_CHANGE: self.tr("Product change"),
            BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER: self.tr("Product change with new "
                                                                  "order"),
            BusinessTransaction.USAGE_LOCATION: self.tr("Usage location"),
        }
        return fallback.get(transaction, transaction.value)

    @Slot()
    def _show_new_cart_menu(self) -> None:
        """Ctrl+N: the transactions as a menu under the tool button."""
        if not self.new_cart_action.isEnabled():
            return
        button = getattr(self, "new_cart_button", None)
        anchor = button.mapToGlobal(button.rect().bottomLeft()) if button else self.pos()
        self.new_cart_menu.popup(anchor)

    def new_cart(self, transaction: BusinessTransaction) -> bool:
        """Ask for the wizard on the selected contract with `transaction`, if it fits."""
        row = self.current_contract()
        verdict = next((v for v in self.fits() if v.transaction is transaction), None)
        if row is None or verdict is None or not verdict.allowed:
            return False
        self.newCartRequested.emit(row.customer_id, row.id, transaction.value)
        return True

    # --- window -----------------------------------------------------------------------------

    def open(self) -> None:
        if self._centre_when_opened:
            self._centre_when_opened = False
            parent = self.parentWidget()
            if parent is not None and parent.isVisible():
                frame = self.frameGeometry()
                frame.moveCenter(parent.window().frameGeometry().center())
                self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def show_contract(self, contract_id: str) -> None:
        """Open on one contract (from an order): selected now or once the read lists it; a
        search that hides it is cleared."""
        self._kept_id = contract_id
        if self.model.row_of(contract_id) is None and self.search_edit.text():
            self.search_edit.clear()
        self.open()
        self._reselect(contract_id)

    def _fit_columns(self) -> None:
        """The customer and product columns take the room beyond the other columns' default
        widths, or give some back on a narrow window (150 %), down to a readable minimum."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - header.length()
        floor = self.table.fontMetrics().horizontalAdvance("Internet Standleitung 100") + 16
        for column in (ContractColumn.CUSTOMER, ContractColumn.PRODUCT):
            size = header.sectionSize(column)
            header.resizeSection(column, max(min(size, floor), size + room // 2))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        stored.save_state(self._settings, _GEOMETRY, self.saveGeometry())
        stored.save_state(self._settings, _HEADER, self.table.horizontalHeader().saveState())
        stored.save_state(self._settings, _SPLIT, self.splitter.saveState())
        super().closeEvent(event)

    def shutdown(self) -> None:
        self._reads.shutdown()

