"""The carts-and-quotes window (Warenkorb- und Angebotsübersicht), opened from the main
window's menu "Orders → Carts and quotes" (Ctrl+Shift+A).

A window of its own rather than a tab: a clerk keeps it open beside the order overview (or on
a second screen) while following up on quotes, and the overview's layout stays untouched.
It lists the open carts and quotes the cache holds for the signed-in account, i.e. of its
tenant and the sub-tenants it may see, naming the tenant on lines of a sub-tenant (read on a
worker), and resumes a cart (`resumeCartRequested(cart_id)`, for the order wizard), withdraws
a quote or deletes a cart through the backend on a worker; then it asks for a sync
(`syncRequested`) and re-reads the cache when `refresh()` is called after the sync.
"""

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api.errors import Language
from desktop_app.cache import queries
from desktop_app.cache.cart_focus import CartFocus, CartFocusKind
from desktop_app.cache.cart_list import CartQuoteListRow, open_carts_and_quotes
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common import errors, questions, screen_fit, stored
from desktop_app.gui.common.formatting import locale_for
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.ordering.carts.columns import STATE_ORDER, CartColumn, state_text
from desktop_app.gui.ordering.carts.model import CartQuoteTableModel
from desktop_app.gui.ordering.carts.operations import CartActionRunner, CartBackend
from desktop_app.gui.ordering.carts.permissions import (
    Verdict,
    can_delete,
    can_resume,
    can_withdraw,
    common_block,
)
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken

__all__ = ["FORM", "CartsQuotesWindow", "focus_text"]

FORM = "carts_quotes.ui"
_GEOMETRY, _HEADER = "carts_quotes/geometry", "carts_quotes/header"
Confirm = Callable[[str, str], bool]
_Read = tuple[int, list[CartQuoteListRow], dict[str, str]]


def focus_text(focus: CartFocus) -> str:
    translate = QCoreApplication.translate
    match focus.kind:
        case CartFocusKind.AWAITING_CUSTOMER:
            return translate("CartsQuotesWindow", "quotes awaiting the customer's approval")
        case CartFocusKind.AWAITING_PROVIDER:
            return translate("CartsQuotesWindow",
                             "prospects' quotes awaiting the provider's approval")
        case CartFocusKind.EXPIRING:
            return translate("CartsQuotesWindow", "quotes expiring within 7 days")
        case CartFocusKind.OPEN_CARTS:
            return translate("CartsQuotesWindow", "open carts")


class CartsQuotesWindow(QMainWindow):
    """Open carts and quotes; the backend actions need `set_online(True, "")` (the default)."""

    resumeCartRequested = Signal(str)  # noqa: N815 (Qt naming): the cart id, for the wizard
    syncRequested = Signal()  # noqa: N815 — after an action, and on F5
    rowsLoaded = Signal()  # noqa: N815 — a cache read has landed (tests, screenshots)
    actionFinished = Signal(bool)  # noqa: N815 — a backend action ended (True: it worked)

    def __init__(self, cache: LiveCache, backend: CartBackend, language: Language,
                 settings: QSettings, tenant_ids: frozenset[str] | None, tasks: TaskManager,
                 parent: QWidget | None = None,
                 today: Callable[[], date] = date.today, *,
                 own_tenant_id: str | None = None) -> None:
        """`tenant_ids`: only those tenants' lines (None: all the cache holds);
        `own_tenant_id`: the user's tenant, whose name the lines do not repeat."""
        super().__init__(parent, Qt.WindowType.Window)
        self._cache, self._language = cache, language
        self._settings, self._tenant_ids, self._today = settings, tenant_ids, today
        self._online, self._offline_reason = True, ""
        self._rows: list[CartQuoteListRow] = []
        self._kept_id: str | None = None  # the line selected last
        self._serial = 0
        self._stale = True  # read the cache when next shown
        self._reads = tasks.group(self, Lane.CACHE)
        self._actions = tasks.group(self, Lane.NETWORK)
        self.operations = CartActionRunner(backend, self._actions, language, self)
        self.operations.busyChanged.connect(self._busy_changed)
        self.operations.succeeded.connect(self._succeeded)
        self.operations.failed.connect(self._failed)
        self.confirm: Confirm = partial(questions.confirmed, self)  # tests replace the question
        self.error_box: QMessageBox | None = None
        self.setObjectName("cartsQuotesWindow")
        # Closing the main window ends the app even while this window is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(self.tr("OrderDesk – carts and quotes"))
        self._locale = locale_for(language)
        self.model = CartQuoteTableModel(locale=self._locale, english=language == "en",
                                         own_tenant=own_tenant_id, parent=self)
        self._build()
        self._build_actions()
        self._centre_when_opened = stored.load_state(self._settings, _GEOMETRY) is None
        self._restore()
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        form = load_form(FORM, central)
        self.setCentralWidget(central)
        child(form, QLabel, "stateLabel").setText(self.tr("&State:"))
        self.state_combo = child(form, QComboBox, "stateCombo")
        self.state_combo.addItem(self.tr("All states"), None)
        for state in STATE_ORDER[:-1]:  # ordered quotes are orders: not listed here
            self.state_combo.addItem(state_text(state), state.value)
        self.search_edit = child(form, QLineEdit, "searchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Search quote number, customer, contract, product…"))
        self.count_label = child(form, QLabel, "countLabel")
        self._pages = child(form, QStackedWidget, "listPages")
        self.focus_label = QLabel(form)  # what a dashboard tile opened the window on
        self.focus_label.setObjectName("dashboardFocus")
        self.focus_label.setTextFormat(Qt.TextFormat.RichText)
        self.focus_label.setWordWrap(True)
        self.focus_label.linkActivated.connect(lambda _link: self.show_focus(None))
        self.focus_label.hide()
        if (root := form.findChild(QVBoxLayout, "rootLayout")) is not None:
            root.insertWidget(1, self.focus_label)
        self.empty_label = child(form, QLabel, "emptyLabel")
        self.table = table = child(form, QTableView, "cartTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        # At least the width of the (translated) title with its sort arrow, and of the
        # longest label of the kind and state columns: German words are longer.
        titles, cells = header.fontMetrics(), table.fontMetrics()
        translate = QCoreApplication.translate
        labels = {CartColumn.KIND: [translate("CartsQuotes", "Cart"),
                                    translate("CartsQuotes", "Quote")],
                  CartColumn.STATE: [state_text(state) for state in QuoteState]}  # fmt: skip
        for column, width in ((CartColumn.KIND, 70), (CartColumn.NUMBER, 110),
                              (CartColumn.STATE, 100), (CartColumn.CUSTOMER, 205),
                              (CartColumn.BUSINESS_TRANSACTION, 150), (CartColumn.CONTRACT, 105),
                              (CartColumn.PRODUCTS, 205), (CartColumn.CREATED, 125),
                              (CartColumn.VALID_UNTIL, 95), (CartColumn.MONTHLY, 115),
                              (CartColumn.ONE_TIME, 115)):  # fmt: skip
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            needed = [titles.horizontalAdvance(title) + 28]
            needed += [cells.horizontalAdvance(label) + 16 for label in labels.get(column, [])]
            header.resizeSection(column, max(width, *needed))
        self.state_combo.currentIndexChanged.connect(self._filter_changed)
        self.search_edit.textChanged.connect(self._filter_changed)
        table.selectionModel().currentRowChanged.connect(self._update_actions)
        table.activated.connect(self._activated)  # Enter and double-click
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)

    def _build_actions(self) -> None:
        def action(text: str, shortcut: str | QKeySequence.StandardKey | None) -> QAction:
            created = QAction(text, self)
            if shortcut is not None:
                created.setShortcut(QKeySequence(shortcut))
            return created

        self.resume_action = action(self.tr("&Resume"), None)
        self.withdraw_action = action(self.tr("&Withdraw quote…"), "Ctrl+Shift+W")
        self.delete_action = action(self.tr("&Delete cart…"), QKeySequence.StandardKey.Delete)
        self.sync_action = action(self.tr("&Synchronize"), "F5")
        self.sync_action.setToolTip(self.tr("Fetch the latest changes from the order backend"))
        self.close_action = action(self.tr("&Close"), QKeySequence.StandardKey.Close)
        self.resume_action.triggered.connect(self.resume_current)
        self.withdraw_action.triggered.connect(self.withdraw_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.sync_action.triggered.connect(self.syncRequested)
        self.close_action.triggered.connect(self.close)
        # The row actions act on the table (Del in the search field deletes text, not carts);
        # the table also offers them as its context menu.
        for row_action in (self.resume_action, self.withdraw_action, self.delete_action):
            row_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(row_action)
        self.addActions([self.sync_action, self.close_action])
        toolbar = self.addToolBar(self.tr("Cart and quote actions"))
        toolbar.setObjectName("cartsQuotesToolBar")
        toolbar.setMovable(False)
        toolbar.addActions([self.resume_action, self.withdraw_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)

    def _restore(self) -> None:
        screen_fit.restore_fitted(self, stored.load_state(self._settings, _GEOMETRY),
                                  QSize(1300, 640))
        header = self.table.horizontalHeader()
        if (state := stored.load_state(self._settings, _HEADER)) is not None:
            header.restoreState(state)
        else:
            header.setSortIndicator(CartColumn.CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

    # --- reading the cache ------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the cache (after a sync); while hidden, when next shown. The selected
        line stays selected."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._serial += 1
        serial, store, scope = self._serial, self._cache.store, self._tenant_ids
        english = self._language == "en"

        def work(_cancel: CancelToken, _report: ProgressReport) -> _Read:
            with store.session() as session:
                rows = open_carts_and_quotes(session, scope)
                labels = {t.code.value: t.label_en if english else t.label_de
                          for t in queries.business_transactions(session)}
            return serial, rows, labels

        (Operation(work, name="carts and quotes").on_success(self._loaded)
         .on_failure(self._load_failed).run_in(self._reads))

    @Slot(object)
    def _loaded(self, result: _Read) -> None:
        serial, rows, labels = result
        if serial != self._serial:
            return  # a newer read is on its way
        self._rows = rows
        self._install(labels)
        self.rowsLoaded.emit()

    @Slot(object)
    def _load_failed(self, error: BaseException) -> None:
        errors.report(error, self, lambda text, _kind: self.statusBar().showMessage(text, 15_000),
                      context="reading carts and quotes", language=self._language)

    def _install(self, labels: Mapping[str, str] | None = None) -> None:
        if labels is not None:
            self.model.set_transactions(labels)
        self.model.set_rows(self.operations.pending.apply(self._rows), self._today())
        self._reselect()

    def _filter_changed(self) -> None:
        value = self.state_combo.currentData()
        self.model.set_filter(QuoteState(value) if value else None, self.search_edit.text())
        self._reselect()

    def _reselect(self) -> None:
        """After a reset: the line selected last is selected again once it is listed (also
        when a filter hid it in between)."""
        kept = self._kept_id
        if kept is not None and (row := self.model.row_of(kept)) is not None:
            self.table.selectRow(row)
        self._kept_id = kept
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        locale = self._locale
        self.count_label.setText(self.tr("%1 of %2 carts and quotes")
                                 .replace("%1", locale.toString(shown))
                                 .replace("%2", locale.toString(total)))
        if shown:
            self._pages.setCurrentWidget(self.table)
            return
        if total:
            self.empty_label.setText(self.tr("No cart or quote matches the filter."))
        else:
            self.empty_label.setText(self.tr(
                "There are no open carts or quotes.\nNew carts are created with the order "
                "wizard; they appear here after the next synchronization (F5)."))
        self._pages.setCurrentWidget(self.empty_label)

    # --- state of the actions ---------------------------------------------------------------

    def current_row(self) -> CartQuoteListRow | None:
        current = self.table.selectionModel().currentIndex()
        return self.model.cart_row(current.row()) if current.isValid() else None

    def _current_state(self) -> QuoteState | None:
        current = self.table.selectionModel().currentIndex()
        return self.model.state(current.row()) if current.isValid() else None

    def verdicts(self) -> tuple[Verdict, Verdict, Verdict]:
        """(resume, withdraw, delete) for the selected line."""
        row, state = self.current_row(), self._current_state()
        blocked = common_block(row, self._online, self._offline_reason, self.operations.busy)
        if blocked is not None or row is None or state is None:
            assert blocked is not None
            return blocked, blocked, blocked
        return can_resume(row, state), can_withdraw(row, state), can_delete(row)

    @Slot()
    def _update_actions(self) -> None:
        if (current := self.current_row()) is not None:
            self._kept_id = current.cart_id
        for action, verdict in zip((self.resume_action, self.withdraw_action,
                                    self.delete_action), self.verdicts(), strict=True):
            action.setEnabled(verdict.allowed)
            action.setToolTip(verdict.reason)
            action.setStatusTip(verdict.reason)

    def set_online(self, online: bool, reason: str) -> None:
        self._online, self._offline_reason = online, reason
        self._update_actions()

    @Slot(bool, str)
    def _busy_changed(self, busy: bool, message: str) -> None:
        self.progress.setVisible(busy)
        if message:
            self.statusBar().showMessage(message)
        self._update_actions()

    # --- the actions ------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _activated(self, _index: QModelIndex) -> None:
        self.resume_current()

    @Slot()
    def resume_current(self) -> None:
        row = self.current_row()
        if row is not None and self.verdicts()[0].allowed:
            self.resumeCartRequested.emit(row.cart_id)

    @Slot()
    def withdraw_current(self) -> None:
        row = self.current_row()
        if row is None or row.quote_id is None or not self.verdicts()[1].allowed:
            return
        customer = row.customer_name or row.customer_id
        if not self.confirm(self.tr("Withdraw quote"), self.tr(
                "Withdraw quote %1 for %2?\n\nThe customer can then no longer approve it, "
                "and it cannot be ordered.").replace("%1", row.quote_number or "")
                .replace("%2", customer)):  # fmt: skip
            return
        self.operations.withdraw(row)

    @Slot()
    def delete_current(self) -> None:
        row = self.current_row()
        if row is None or not self.verdicts()[2].allowed:
            return
        customer = row.customer_name or row.customer_id
        if row.is_quote:
            question = self.tr("Delete the cart for %1 together with its quote %2?\n\nThis "
                               "cannot be undone.").replace("%2", row.quote_number or "")
        else:
            question = self.tr("Delete the cart for %1?\n\nThis cannot be undone.")
        if not self.confirm(self.tr("Delete cart"), question.replace("%1", customer)):
            return
        self.operations.delete(row)

    @Slot(str)
    def _succeeded(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self._install()  # shows the outcome at once; the sync brings the rest
        self.syncRequested.emit()
        self.actionFinished.emit(True)

    @Slot(str, str)
    def _failed(self, title: str, message: str) -> None:
        """`message` is empty after a bug (the crash dialog shows it)."""
        self.statusBar().showMessage(title, 10_000)
        if message:
            self._show_error(title, message)
        self.syncRequested.emit()  # the cache may be behind the backend: catch up
        self.actionFinished.emit(False)

    def _show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("cartActionError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.finished.connect(self._error_closed)
        box.open()

    @Slot()
    def _error_closed(self) -> None:
        self.error_box = None

    # --- window -----------------------------------------------------------------------------

    def open(self) -> None:
        """Show (or raise) the window and put the focus on the list; the first time (no
        stored geometry) centred on the main window."""
        if self._centre_when_opened:
            self._centre_when_opened = False
            self._centre_on_parent()
        self.show()
        self.raise_()
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def show_cart(self, cart_id: str) -> None:
        """Open the window on one cart (a quote's notification): its line is selected, now
        or once the cache read lists it; a state filter or search that hides it is cleared."""
        self._kept_id = cart_id
        if self.model.row_of(cart_id) is None and self.model.focus is not None:
            self.show_focus(None)
        if self.model.row_of(cart_id) is None and (self.state_combo.currentIndex() > 0
                                                   or self.search_edit.text()):
            self.state_combo.setCurrentIndex(0)
            self.search_edit.clear()
        self.open()
        self._reselect()
        if (row := self.model.row_of(cart_id)) is not None:
            self.table.scrollTo(self.model.index(row, 0))

    @Slot(object)
    def show_focus(self, focus: CartFocus | None) -> None:
        """Open the window on the lines a dashboard tile counted (state filter and search
        cleared); None lists every line again."""
        if focus is not None:
            self.state_combo.setCurrentIndex(0)
            self.search_edit.clear()
        self.model.set_focus(focus)
        if focus is None:
            self.focus_label.hide()
        else:
            self.focus_label.setText(self.tr("Dashboard: %1.").replace("%1", focus_text(focus))
                                     + " <a href=\"all\">" + self.tr("Show all") + "</a>")
            self.focus_label.show()
            self.open()
        self._reselect()

    def _centre_on_parent(self) -> None:
        """Centred on the main window as it is now (built with the workspace, this window
        would otherwise keep the place the window system gives it: the screen's corner),
        and kept on the main window's screen."""
        parent = self.parentWidget()
        anchor = parent.window() if parent is not None and parent.isVisible() else None
        screen = (anchor or self).screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect()
        frame = QRect(QPoint(0, 0), self.frameGeometry().size())
        frame.moveCenter(anchor.frameGeometry().center() if anchor else room.center())
        if room.isValid():
            frame.moveLeft(max(room.left(), min(frame.left(), room.right() - frame.width() + 1)))
            frame.moveTop(max(room.top(), min(frame.top(), room.bottom() - frame.height() + 1)))
        self.move(frame.topLeft())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        stored.save_state(self._settings, _GEOMETRY, self.saveGeometry())
        stored.save_state(self._settings, _HEADER, self.table.horizontalHeader().saveState())
        super().closeEvent(event)

    def shutdown(self) -> None:
        """No worker outlives the window (app quit)."""
        self._reads.shutdown()
        self._actions.shutdown()
