"""The dashboard page: what needs attention, counted from the cache on the cache lane.

Tiles count orders (received, in processing, completed in the last 30 days, clearing cases)
and quotes and carts (awaiting the customer's or the provider's approval, expiring within
7 days, open carts); the chart shows orders per week by business transaction; the table the
median processing time per business transaction and automation degree beside the expected
one. A tile or bar asks for the order list (`ordersRequested(OrderFilter)`) or the carts-and-
quotes window (`cartsRequested(CartFocus)`) filtered to exactly what it counted.

`refresh()` re-reads the cache (after a sync); while hidden the page only notes that it is
stale and reads when next shown. Offline it shows what the cache holds.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache import queries
from desktop_app.cache.dashboard import PERIOD_DAYS, DashboardData, dashboard
from desktop_app.cache.store import CacheStore
from desktop_app.domain.business_time import business_time
from desktop_app.gui.common import errors
from desktop_app.gui.common.formatting import Language, format_datetime
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.dashboard.chart import WeeklyChart
from desktop_app.gui.dashboard.tile import Tile
from desktop_app.gui.dashboard.times_model import ProcessingTimesModel
from desktop_app.sync.progress import CancelToken

__all__ = ["DashboardPage", "business_today"]

_Read = tuple[int, DashboardData, dict[str, str], datetime]


def business_today() -> date:
    """Today in Berlin (the days the app counts and filters by)."""
    return business_time(datetime.now(UTC)).date()


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("dashboardHeading")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class DashboardPage(QWidget):
    ordersRequested = Signal(object)  # noqa: N815 (Qt naming): the OrderFilter to list
    cartsRequested = Signal(object)  # noqa: N815 (Qt naming): the CartFocus to show
    filled = Signal()  # a cache read has landed (tests, screenshots)

    def __init__(self, store: CacheStore, tasks: TaskManager, language: Language,
                 locale: QLocale, parent: QWidget | None = None,
                 today: Callable[[], date] = business_today) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._store, self._language, self._locale, self._today = store, language, locale, today
        self._reads = tasks.group(self, Lane.CACHE)
        self._serial = 0
        self._stale = True
        self.data: DashboardData | None = None
        self._build()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        root = QVBoxLayout(content)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        top = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.as_of_label = QLabel(self.tr("Reading the cache…"))
        self.as_of_label.setObjectName("dashboardAsOf")
        top.addWidget(self.as_of_label)
        root.addLayout(top)

        days = str(PERIOD_DAYS)
        self.tiles: dict[str, Tile] = {
            "received": Tile(self.tr("Orders received in the last %1 days").replace("%1", days)),
            "in_processing": Tile(self.tr("Of these in processing").replace("%1", days)),
            "completed": Tile(self.tr("Orders completed in the last %1 days").replace("%1", days)),
            "clearing": Tile(self.tr("Clearing cases")),
            "awaiting_customer": Tile(self.tr("Quotes awaiting the customer's approval")),
            "awaiting_provider": Tile(
                self.tr("Prospects' quotes awaiting the provider's approval")),
            "expiring": Tile(self.tr("Quotes expiring within 7 days")),
            "open_carts": Tile(self.tr("Open carts")),
        }
        tips = {
            "received": self.tr("List the orders received in the last %1 days").replace("%1", days),
            "in_processing": self.tr("List the orders received in the last %1 days that are "
                                     "in processing now").replace("%1", days),
            "completed": self.tr("List the orders completed in the last %1 days").replace(
                "%1", days),
            "clearing": self.tr("List the orders that need a manual correction"),
            "awaiting_customer": self.tr(
                "Show the sent quotes the customer has not approved yet"),
            "awaiting_provider": self.tr("Show the prospects' quotes the provider still has "
                                         "to check and approve"),
            "expiring": self.tr("Show the quotes whose validity ends within 7 days"),
            "open_carts": self.tr("Show the carts that have no quote yet"),
        }
        for key, tile in self.tiles.items():
            tile.setToolTip(tips[key])
            tile.clicked.connect(lambda _checked=False, k=key: self.open_tile(k))
        root.addWidget(_heading(self.tr("Orders")))
        root.addLayout(self._tile_row(["received", "in_processing", "completed", "clearing"]))
        root.addWidget(_heading(self.tr("Quotes and carts")))
        root.addLayout(self._tile_row(["awaiting_customer", "awaiting_provider", "expiring",
                                       "open_carts"]))
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(_heading(self.tr("Orders per week by business transaction")))
        self.chart = WeeklyChart(self._locale)
        self.chart.barClicked.connect(self._bar_clicked)
        left.addWidget(self.chart, 1)
        right.addWidget(_heading(self.tr("Processing time (orders completed in the last %1 days)")
                                 .replace("%1", days)))
        self.times_model = ProcessingTimesModel(self._locale, self)
        self.times_table = QTableView()
        self.times_table.setObjectName("processingTimes")
        self.times_table.setModel(self.times_model)
        self.times_table.verticalHeader().hide()
        self.times_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.times_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.times_table.setAlternatingRowColors(True)
        header = self.times_table.horizontalHeader()
        # Fitted once per read (`_loaded`), not by ResizeToContents, which measures every
        # cell again on each layout pass (each page switch).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.times_table.setMinimumHeight(240)
        right.addWidget(self.times_table, 1)
        bottom.addLayout(left, 3)
        bottom.addLayout(right, 2)
        root.addLayout(bottom, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _tile_row(self, keys: list[str]) -> QGridLayout:
        row = QGridLayout()
        row.setHorizontalSpacing(10)
        for column, key in enumerate(keys):
            row.addWidget(self.tiles[key], 0, column)
            row.setColumnStretch(column, 1)
        return row

    # --- links ------------------------------------------------------------------------------

    def open_tile(self, key: str) -> None:
        """What a click on tile `key` opens (nothing before the first read)."""
        data = self.data
        if data is None:
            return
        if key in (order_tiles := data.order_tiles()):
            self.ordersRequested.emit(order_tiles[key].order_filter)
        elif key in (cart_tiles := data.cart_tiles()):
            self.cartsRequested.emit(cart_tiles[key].focus)

    @Slot(int, object)
    def _bar_clicked(self, week: int, transaction: object) -> None:
        weekly = self.chart.weekly
        if weekly is not None:
            self.ordersRequested.emit(weekly.order_filter(week, transaction))  # type: ignore[arg-type]

    # --- reading the cache ------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the cache now when shown, else when next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._serial += 1
        serial, store, day, english = self._serial, self._store, self._today(), \
            self._language == "en"

        def work(_cancel: CancelToken, _report: ProgressReport) -> _Read:
            with store.session() as session:
                data = dashboard(session, day)
                labels = {t.code.value: t.label_en if english else t.label_de
                          for t in queries.business_transactions(session)}
            return serial, data, labels, datetime.now(UTC)

        (Operation(work, name="dashboard").on_success(self._loaded)
         .on_failure(self._failed).run_in(self._reads))

    @Slot(object)
    def _loaded(self, result: _Read) -> None:
        serial, data, labels, at = result
        if serial != self._serial:
            return  # a newer read is on its way
        self.data = data
        number = self._locale.toString
        for key, tile in data.order_tiles().items():
            detail = ""
            if key == "clearing" and data.newest_clearing_note:
                detail = self.tr("Newest: %1 – %2").replace(
                    "%1", data.newest_clearing_number or "").replace(
                    "%2", data.newest_clearing_note)
            self.tiles[key].set_count(number(tile.count), detail)
        for key, cart_tile in data.cart_tiles().items():
            self.tiles[key].set_count(number(cart_tile.count))
        self.chart.set_data(data.weekly, labels)
        self.times_model.set_rows(data.processing, labels)
        for column in range(1, self.times_model.columnCount()):
            self.times_table.resizeColumnToContents(column)
        self.as_of_label.setText(self.tr("As of %1, from the local cache")
                                 .replace("%1", format_datetime(self._locale, at)))
        self.filled.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.as_of_label.setText(self.tr("The dashboard could not be read from the cache."))
        errors.report(error, self, lambda text, _kind: self.as_of_label.setText(text),
                      context="reading the dashboard", language=self._language)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def shutdown(self) -> None:
        self._reads.shutdown()
