"""The order list's default column widths fit the list's width (no horizontal scroll bar).

Until the clerk resizes a column, the widths follow the list's width: each column's
preferred width comes from a sample text; when they do not all fit, the long texts give way
first (customer, product, business transaction, last change: in proportion to their room),
then the status, each down to its minimum (the cells elide); the order number, order date
and contract number are never cut. Space left over goes to customer and product.
Once the clerk sets a width, or a saved header state is restored, the widths are theirs.
"""

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
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
    """Widths for `available` pixels (see the module text)."""
    widths = dict(preferred)
    excess = sum(widths.values()) - available
    if excess <= 0:
        for column in _GROWING:  # the names and products are the texts that get cut
            widths[column] += -excess // len(_GROWING)
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
    ) -> None:
        super().__init__(table)
        self._table, self._preferred, self._minimums = table, dict(preferred), dict(minimums)
        self._active, self._fitting = True, False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    @property
    def active(self) -> bool:
        return self._active

    def stop(self) -> None:
        self._active = False

    def resume(self) -> None:
        """Fit again (the restored widths were fitted ones, not the clerk's)."""
        self._active = True
        self.fit()

    def fit(self) -> None:
        if not self._active:
            return
        available = self._table.viewport().width()
        if available <= 0:
            return
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            for column, width in fitted_widths(self._preferred, self._minimums,
                                               available).items():  # fmt: skip
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
