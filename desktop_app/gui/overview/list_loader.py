"""Loading the order list into its model: first rows, the whole list, stale results.

The model asks for ids (its `id_loader`); the loader runs the id query and the status counts
(100-230 ms over 100,000 orders) on the cache lane with its own sessions. A new filter or sort
paints its first `FIRST_ROWS` at once and appends the rest; a refresh after a sync keeps the
shown list, its selection and scroll position until the whole new list is there. A result of
an older request is dropped (serial numbers). The window hears `firstRowsShown` and
`listLoaded(counts)` and keeps the view (count, empty state, panels) in step.
"""

import logging
import threading
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.cache import queries
from desktop_app.cache.queries import OrderFilter, QueryInterrupted
from desktop_app.cache.store import CacheStore
from desktop_app.gui.common import errors
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.overview.filter_bar import CHANGED
from desktop_app.gui.overview.order_source import CacheOrderSource, OrderQuery
from desktop_app.gui.overview.order_table_model import OrderTableModel
from desktop_app.sync.progress import CancelToken, SyncCancelled

__all__ = ["FIRST_ROWS", "OrderListLoader"]

log = logging.getLogger(__name__)

FIRST_ROWS = 200  # a new filter's first rows: a few ms to read (the whole list: up to 130 ms)
PAINT_WAIT_S = 0.2  # the worker waits at most this long for the first rows to be painted
_STALE_POLL_S = 0.005  # while waiting for that paint: how often it checks for a newer request
# A worker's answer: (request serial, query, ids or None (counts only), status counts).
_Loaded = tuple[int, OrderQuery, list[str] | None, dict[str, int]]


class OrderListLoader(QObject):
    """Feeds `model` (shown in `table`) from the cache; see the module text."""

    firstRowsShown = Signal()  # noqa: N815 (Qt naming): a new list's first rows are installed
    listLoaded = Signal(object)  # noqa: N815 (Qt naming): the list is complete; status counts
    # From the worker: (serial, query, the first FIRST_ROWS ids, an event to set once they
    # are painted) of a new filter or sort.
    _firstRowsLoaded = Signal(object)  # noqa: N815 (Qt naming)

    def __init__(self, store: CacheStore, table: QTableView, tasks: TaskManager,
                 shown_id: Callable[[], str | None], parent: QObject | None = None) -> None:
        """`shown_id`: the order the panels show; it stays selected across reloads."""
        super().__init__(parent)
        self._store, self._table, self._current_id = store, table, shown_id
        self.source = CacheOrderSource(store)
        self._queries = tasks.group(self, Lane.CACHE)
        self._serial = 0  # the newest id/count request; older results are dropped
        self._deferred = True  # while building: requests wait for the first fill
        self._closed = False  # the group is shut down: queries run here
        self._keep_top: tuple[str | None, int] | None = None  # after a sync: top id, scroll
        self.applying = False  # installing a result: the window's panels wait for the end
        self._paint_pending: threading.Event | None = None  # first rows shown: set when painted
        self._firstRowsLoaded.connect(self._first_rows_loaded)
        self.model: OrderTableModel | None = None

    def attach(self, model: OrderTableModel) -> None:
        """The model whose `id_loader` is `load_ids`; installed in the table by the window."""
        self.model = model
        self._table.viewport().installEventFilter(self)  # to see the first rows painted

    def _model(self) -> OrderTableModel:
        assert self.model is not None, "attach() the model first"
        return self.model

    # --- requests -----------------------------------------------------------------------

    def first_fill(self) -> bool:
        """The first rows, synchronously (a few ms: the first paint needs them anyway, and a
        worker would add a round trip through the event loop before it). The rest of the list
        (~90 ms for 100,000 orders) and the status counts come from a worker and are
        appended. True when the first rows are the whole list."""
        self._deferred = False
        model = self._model()
        query = model.query
        first = self.source.order_ids(query, FIRST_ROWS)
        complete = len(first) < FIRST_ROWS
        model.apply_ids(first, query, partial=not complete)
        self._start(query, with_ids=not complete)
        return complete

    def new_list(self) -> None:
        """A new filter or sort follows: the current order is scrolled to, not the top."""
        self._keep_top = None

    def keep_position(self) -> None:
        """A refresh follows: keep the top order (or the scroll position) of the list; a list
        scrolled to the very top stays there, so that new orders above show up."""
        table = self._table
        if table.verticalScrollBar().value() == 0:
            self._keep_top = (None, 0)
            return
        top_row = table.rowAt(0)
        top_id = self._model().order_id(top_row) if top_row >= 0 else None
        self._keep_top = (top_id, table.verticalScrollBar().value())

    def load_ids(self, query: OrderQuery) -> None:
        """The model's id loader: the ids and the status counts on a worker."""
        if self._deferred:  # building the window: `first_fill` reads the final query
            return
        if self._closed:
            self._serial += 1
            ids = self.source.order_ids(query)
            counts = _counts(self._store, query.order_filter)
            self._loaded((self._serial, query, ids, counts))
            return
        # A new filter or sort paints its first rows at once; a refresh after a sync keeps
        # the shown list (and its scroll position) until the whole new list is there.
        self._start(query, with_ids=True, first_rows=self._keep_top is None)

    def _start(self, query: OrderQuery, *, with_ids: bool, first_rows: bool = False) -> None:
        self._serial += 1
        serial, source, store = self._serial, self.source, self._store
        first_loaded = self._firstRowsLoaded

        def work(cancel: CancelToken, _report: ProgressReport) -> _Loaded:
            def stale() -> bool:  # a newer request (key press) was made: this one is unseen
                return cancel.cancelled or self._serial != serial

            try:
                return read(cancel, stale)
            except QueryInterrupted:  # made stale while SQLite ran it: aborted mid-query
                raise SyncCancelled() from None

        def read(cancel: CancelToken, stale: Callable[[], bool]) -> _Loaded:
            cancel.raise_if_cancelled()  # a newer request came before this one started
            ids = None
            if with_ids and first_rows:
                first = source.order_ids(query, FIRST_ROWS, stale=stale)
                if len(first) < FIRST_ROWS:
                    ids = first  # that is the whole list
                else:
                    painted = threading.Event()
                    first_loaded.emit((serial, query, first, painted))  # queued to the GUI
                    # Reading the whole list holds the GIL for most of its 30-130 ms: let the
                    # GUI thread install and paint the first rows before it starts.
                    _wait_unless_stale(painted, stale)
                cancel.raise_if_cancelled()
            if with_ids and ids is None:
                ids = source.order_ids(query, stale=stale)
            cancel.raise_if_cancelled()
            return serial, query, ids, _counts(store, query.order_filter, stale)

        self._queries.cancel_all()  # only order queries run here: all older ones are stale
        (Operation(work, name="order ids").on_success(self._loaded)
         .on_failure(self._load_failed).run_in(self._queries))
        if with_ids:
            self._table.viewport().setCursor(Qt.CursorShape.BusyCursor)

    # --- results ------------------------------------------------------------------------

    @Slot(object)
    def _first_rows_loaded(
        self, result: tuple[int, OrderQuery, list[str], threading.Event]
    ) -> None:
        """The first rows of a new filter or sort: painted while the rest is read. The count,
        the panels and the empty state wait for the whole list."""
        serial, query, ids, painted = result
        if serial != self._serial or self._closed or not self._table.viewport().isVisible():
            painted.set()
            return
        self._paint_pending = painted  # set after the next paint of the list (eventFilter)
        current_id = self._current_id()
        self.applying = True
        try:
            if self._model().apply_ids(ids, query, partial=True):
                self._follow_order(current_id, keep_scroll=False)
        finally:
            self.applying = False
        self.firstRowsShown.emit()

    def _loaded(self, result: _Loaded) -> None:
        serial, query, ids, counts = result
        if serial != self._serial:
            return  # stale: a newer filter, sort or refresh was asked for meanwhile
        self._table.viewport().unsetCursor()
        if ids is None:  # the first fill's counts
            self.listLoaded.emit(counts)
            return
        current_id = self._current_id()
        if self._keep_top is not None:  # a refresh: keep where the clerk is now, not where
            self.keep_position()  # the list was when it began (they may have scrolled since)
        self.applying = True  # no panel update for the interim current (a reset clears it)
        try:
            if not self._model().apply_ids(ids, query):
                return
            self._follow_order(current_id)
        finally:
            self.applying = False
        self.listLoaded.emit(counts)

    def _load_failed(self, error: BaseException) -> None:
        if not self._queries.active:  # the list stays as it was
            self._table.viewport().unsetCursor()
        if not isinstance(error, SyncCancelled):  # a stale query cancelled: nothing to say
            errors.report(error, self._table.window(), context="order list")

    # --- keeping the place ----------------------------------------------------------------

    def select_row(self, row: int) -> None:
        table = self._table
        index = self._model().index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        table.selectionModel().setCurrentIndex(index, flags)
        table.scrollTo(index)

    def select_order(self, order_id: str) -> bool:
        row = self._model().row_of(order_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def step(self, step: int) -> None:
        """Select the previous (-1) or next (+1) order in the list."""
        count = self._model().rowCount()
        if count == 0:
            return
        current = self._table.selectionModel().currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        self.select_row(max(0, min(row, count - 1)))

    def _follow_order(self, order_id: str | None, *, keep_scroll: bool = True) -> None:
        """After new ids: the current order stays selected (by id); after a sync the list
        keeps its top order or scroll position."""
        model, table = self._model(), self._table
        if not keep_scroll:
            keep_top = None
        else:
            keep_top, self._keep_top = self._keep_top, None
        if order_id is not None and (row := model.row_of(order_id)) is not None:
            current = table.selectionModel().currentIndex()
            if not current.isValid() or current.row() != row:
                self.select_row(row)
        if keep_top is None:
            return
        top_id, scroll = keep_top
        new_top = model.row_of(top_id) if top_id is not None else None
        if new_top is not None:
            table.scrollTo(model.index(new_top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            table.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._paint_pending is not None:
            QTimer.singleShot(0, self._paint_pending.set)  # runs after this paint
            self._paint_pending = None
        return False

    def shutdown(self) -> None:
        """No worker outlives the window (or reads a closed cache); later loads run here."""
        if not self._closed:
            self._closed = True
            self._queries.shutdown()


def _wait_unless_stale(painted: threading.Event, stale: Callable[[], bool]) -> None:
    """Wait (at most `PAINT_WAIT_S`) for the first rows to be painted; stop waiting as soon
    as a newer request makes this one stale (its thread is wanted for the new query)."""
    for _ in range(int(PAINT_WAIT_S / _STALE_POLL_S)):
        if painted.wait(_STALE_POLL_S) or stale():
            return


def _counts(store: CacheStore, order_filter: OrderFilter,
            stale: Callable[[], bool] | None = None) -> dict[str, int]:
    """The status counts, and under `CHANGED` how many orders "Changed only" would list with
    the other filters as they are (the marks are few: a lookup per marked order). With
    `stale`: aborted (`QueryInterrupted`) once it turns True."""
    with store.session() as session, (
        nullcontext() if stale is None else queries.interrupted_when(session, stale)
    ):
        counts = queries.status_counts(session, order_filter)
        counts[CHANGED] = queries.count_orders(session, replace(order_filter, changed_only=True))
    return counts
