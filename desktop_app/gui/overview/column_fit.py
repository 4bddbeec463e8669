"""The order list's default column widths fit the list's width (no horizontal scroll bar).

Until the clerk resizes a column, the widths follow the list's width: each column's
preferred width comes from a sample text; when they do not all fit, the long texts give way
first (customer, product, business transaction, last change: in proportion to their room),
then the numbers' and dates' padding, then the status, each down to its minimum (the cells
elide); the order number, the dates and the contract number are never cut, nor any title.
Space left over goes to customer and product.
Once the clerk sets a width, or a saved header state is restored, the widths are theirs.
Hidden columns take no room. Titles show whole (`titles`: a title's width without and with
the sort arrow, the sorted column's with it) while the window allows; in narrower windows
(below 1366 px, or at 150 %) the titles elide too, down to the columns' own minimums.
"""

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

from desktop_app.gui.overview.order_columns import OrderColumn

__all__ = ["ColumnFit"]

_GIVING_WAY = (
    (
        OrderColumn.CUSTOMER,
        OrderColumn.PRODUCT,
        OrderColumn.BUSINESS_TRANSACTION,
        OrderColumn.LAST_CHANGE,
    ),
    # The numbers and dates give their padding (their minimums still show them whole).
    (OrderColumn.ORDER_NUMBER, OrderColumn.ORDER_DATE, OrderColumn.CONTRACT_NUMBER),
    (OrderColumn.STATUS,),
    tuple(OrderColumn),
)
_GROWING = (OrderColumn.CUSTOMER, OrderColumn.PRODUCT)


def _shrink(
    widths: dict[OrderColumn, int],
    columns: tuple[OrderColumn, ...],
    minimums: Mapping[OrderColumn, int],
    excess: int,
) -> int:
    """Take up to `excess` pixels from `columns`, in proportion to what each can give
    above its minimum; returns what is still too much."""
    columns = tuple(c for c in columns if c in widths)
    room = {c: max(widths[c] - minimums[c], 0) for c in columns}
    total = sum(room.values())
    take = min(excess, total)
    if take <= 0:
        return excess
    taken = 0
    for column in columns:
        part = room[column] * take // total
        widths[column] -= part
        taken += part
    while taken < take:  # the rounding's last pixels, one per column that has room
        for column in columns:
            if taken < take and widths[column] > minimums[column]:
                widths[column] -= 1
                taken += 1
    return excess - taken


def fitted_widths(
    preferred: Mapping[OrderColumn, int], minimums: Mapping[OrderColumn, int], available: int
) -> dict[OrderColumn, int]:
    """Widths for `available` pixels (see the module text); the columns of `preferred`
    only (the shown ones)."""
    widths = dict(preferred)
    excess = sum(widths.values()) - available
    if excess <= 0:
        # The names and products are the texts that get cut (else the last shown column).
        growing = [c for c in _GROWING if c in widths] or list(widths)[-1:]
        for column in growing:
            widths[column] += -excess // len(growing)
        return widths
    for columns in _GIVING_WAY:  # (a tiny window still scrolls)
        excess = _shrink(widths, columns, minimums, excess)
    return widths


class ColumnFit(QObject):
    """Keeps `table`'s columns fitted to its width until `stop()` or a resize by hand."""

    def __init__(
        self,
        table: QTableView,
        preferred: Mapping[OrderColumn, int],
        minimums: Mapping[OrderColumn, int],
        titles: Mapping[OrderColumn, tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(table)
        self._table, self._preferred, self._minimums = table, dict(preferred), dict(minimums)
        self._titles = dict(titles or {})
        self._active, self._fitting = True, False
        table.viewport().installEventFilter(self)
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        # Later, not inside a restoreState (whose widths are the clerk's: `stop` follows).
        self._sorted = QTimer(self, singleShot=True, interval=0)
        self._sorted.timeout.connect(self.fit)
        header.sortIndicatorChanged.connect(self._sorted.start)

    @property
    def active(self) -> bool:
        return self._active

    def stop(self) -> None:
        self._active = False

    def resume(self) -> None:
        """Fit again (the restored widths were fitted ones, not the clerk's)."""
        self._active = True
        self.fit()

    def set_hidden(self, column: OrderColumn, hidden: bool) -> None:
        """Hide or show a column (the clerk's widths stay theirs; fitted ones fit again)."""
        self._fitting = True
        try:
            self._table.horizontalHeader().setSectionHidden(column, hidden)
        finally:
            self._fitting = False
        self.fit()

    def reset(self) -> None:
        """The default layout: every column shown, in the default order, widths fitted."""
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            for column in OrderColumn:
                header.setSectionHidden(column, False)
                header.moveSection(header.visualIndex(column), int(column))
        finally:
            self._fitting = False
        self.resume()

    def fit(self) -> None:
        if not self._active:
            return
        available = self._table.viewport().width()
        if available <= 0:
            return
        header = self._table.horizontalHeader()
        shown = [c for c in self._preferred if not header.isSectionHidden(c)]
        sorted_column = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
        hard = {c: self._minimums[c] for c in shown}
        readable = {c: max(hard[c], self._titles.get(c, (0, 0))[c == sorted_column])
                    for c in shown}  # fmt: skip
        preferred = {c: max(self._preferred[c], readable[c]) for c in shown}
        widths = fitted_widths(preferred, readable, available)
        if sum(widths.values()) > available:  # a narrow window: the titles elide as well
            widths = fitted_widths(widths, hard, available)
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self.stop()  # the clerk's width from now on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self._active:
            self.fit()
        return super().eventFilter(watched, event)
