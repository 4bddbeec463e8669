"""The dashboard as the main window's second page (View → Dashboard, Ctrl+Shift+D; View →
Order list, Ctrl+Shift+L): the window's central widget becomes a stack of the order list and
the dashboard. A tile or bar opens the order list with the filter it counted (shown in the
filter bar, so the clerk sees and can change it); a quote or cart tile asks the workspace for
the carts-and-quotes window (`cartsRequested`). The start page is the setting
"window/start_page" ("dashboard" or "orders", the default)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTableView, QWidget

from desktop_app.cache.queries import CLEARING, OrderFilter
from desktop_app.cache.store import CacheStore
from desktop_app.gui.account.settings_dialog import START_DASHBOARD, START_ORDERS, START_PAGE
from desktop_app.gui.common.formatting import Language, locale_for
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.dashboard.page import DashboardPage, business_today
from desktop_app.gui.overview.filter_bar import OPEN, FilterBar, FilterValues

__all__ = ["DASHBOARD", "ORDERS", "START_PAGE", "DashboardHookup", "filter_values",
           "start_page"]

DASHBOARD, ORDERS = START_DASHBOARD, START_ORDERS


def start_page(settings: QSettings) -> str:
    return DASHBOARD if settings.value(START_PAGE, ORDERS) == DASHBOARD else ORDERS


def filter_values(order_filter: OrderFilter) -> FilterValues:
    """The filter bar's values for a dashboard filter (one status, transaction, family at
    most; order days or completion days): the bar's `order_filter()` gives it back."""
    if order_filter.clearing:
        status = CLEARING
    elif len(order_filter.statuses) == 1:
        status = next(iter(order_filter.statuses))
    else:
        status = OPEN if order_filter.statuses else ""
    completed = order_filter.completed_from is not None or order_filter.completed_to is not None
    return FilterValues(
        text=order_filter.text, status=status,
        transaction=next(iter(order_filter.transactions), ""),
        family=next(iter(order_filter.families), ""),
        date_from=order_filter.completed_from if completed else order_filter.date_from,
        date_to=order_filter.completed_to if completed else order_filter.date_to,
        completed=completed, changed=order_filter.changed_only,
    )  # fmt: skip


class DashboardHookup(QObject):
    cartsRequested = Signal(object)  # noqa: N815 (Qt naming): a CartFocus

    def __init__(self, window: QMainWindow, store: CacheStore, tasks: TaskManager,
                 language: Language, settings: QSettings, filter_bar: FilterBar,
                 table: QTableView, today: Callable[[], date] = business_today) -> None:
        super().__init__(window)
        self._window, self._filter_bar, self._table = window, filter_bar, table
        self.stack = QStackedWidget(window)
        self.stack.setObjectName("mainPages")
        list_page = window.takeCentralWidget()
        assert list_page is not None
        self.list_page: QWidget = list_page
        self.page = DashboardPage(store, tasks, language, locale_for(language), today=today)
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.page)
        window.setCentralWidget(self.stack)
        self.page.ordersRequested.connect(self.show_orders)
        self.page.cartsRequested.connect(self.cartsRequested)
        if start_page(settings) == DASHBOARD:
            self.stack.setCurrentWidget(self.page)

    @property
    def showing_dashboard(self) -> bool:
        return self.stack.currentWidget() is self.page

    @Slot()
    def show_dashboard(self) -> None:
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(object)
    def show_orders(self, order_filter: OrderFilter) -> None:
        """The order list filtered to `order_filter` (a tile's or a bar's)."""
        self._filter_bar.set_values(filter_values(order_filter))
        self.show_list()

    def shutdown(self) -> None:
        self.page.shutdown()
