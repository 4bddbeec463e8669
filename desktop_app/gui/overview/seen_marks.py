"""Opening an order marks it seen: the clerk made it the current row (the detail panel shows
it), so the cache forgets its "changed" mark (on the cache lane) and its row loses the mark
in place; "Changed only" counts one less. The list is not re-read for it."""

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QWidget

from desktop_app.cache import notifications
from desktop_app.cache.store import CacheStore
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.gui.overview.filter_bar import FilterBar
from desktop_app.gui.overview.order_table_model import OrderTableModel
from desktop_app.sync.progress import CancelToken

__all__ = ["SeenMarks"]


class SeenMarks(QObject):
    def __init__(self, store: CacheStore, model: OrderTableModel, filter_bar: FilterBar,
                 tasks: TaskManager, locale: QLocale, owner: QWidget) -> None:
        super().__init__(owner)
        self._store, self._model, self._filter_bar = store, model, filter_bar
        self._locale = locale
        self._writes = tasks.group(owner, Lane.CACHE)
        self._closed = False

    def opened(self, order_id: str | None) -> None:
        """`order_id` became the shown order; a marked one is marked seen."""
        if order_id is None or self._closed or not self._model.is_changed(order_id):
            return
        store = self._store

        def work(_cancel: CancelToken, _report: ProgressReport) -> bool:
            return notifications.mark_seen(store, order_id)

        (Operation(work, name="mark order seen")
         .on_success(lambda was_marked: self._seen(order_id, bool(was_marked)))
         .run_in(self._writes))

    def _seen(self, order_id: str, was_marked: bool) -> None:
        self._model.mark_seen(order_id)
        if was_marked:
            count = max(0, self._filter_bar.changed_count - 1)
            self._filter_bar.set_changed_count(count, self._locale.toString)

    def shutdown(self) -> None:
        """No write outlives the window (or reaches a closed cache)."""
        self._closed = True
        self._writes.shutdown()
