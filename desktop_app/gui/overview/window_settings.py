"""What the main window keeps in QSettings besides its layout: sort and filters.

Plain values only (strings, ints, bools, Qt's own state blobs); no secrets ever go here.
The filters belong to one cache (one backend URL, tenant and user: its file path is the
scope): another backend's or user's window starts unfiltered.
"""

from datetime import date

from PySide6.QtCore import QSettings, Qt

from desktop_app.gui.overview.filter_bar import FilterValues

__all__ = ["load_filters", "load_sort", "save_filters", "save_sort"]

_FILTERS = "orders/filters/"
_SCOPE = _FILTERS + "scope"
_SORT_COLUMN = "orders/sort_column"
_SORT_DESCENDING = "orders/sort_descending"


def save_sort(settings: QSettings, column: int, order: Qt.SortOrder) -> None:
    settings.setValue(_SORT_COLUMN, column)
    settings.setValue(_SORT_DESCENDING, order == Qt.SortOrder.DescendingOrder)


def load_sort(settings: QSettings, default: int) -> tuple[int, Qt.SortOrder]:
    try:
        column = int(str(settings.value(_SORT_COLUMN, default)))
    except ValueError:
        column = default
    descending = settings.value(_SORT_DESCENDING, True, bool)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    return column, order


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def save_filters(settings: QSettings, values: FilterValues, scope: str) -> None:
    settings.setValue(_SCOPE, scope)
    for name, value in (
        ("text", values.text),
        ("status", values.status),
        ("transaction", values.transaction),
        ("family", values.family),
        ("date_from", values.date_from.isoformat() if values.date_from else ""),
        ("date_to", values.date_to.isoformat() if values.date_to else ""),
        ("mine", values.mine),
        ("changed", values.changed),
        ("completed", values.completed),
    ):
        settings.setValue(_FILTERS + name, value)


def load_filters(settings: QSettings, scope: str) -> FilterValues:
    """The filters saved for `scope`; none ("all orders") when they were another's."""
    if str(settings.value(_SCOPE, "", str) or "") != scope:
        return FilterValues()

    def text(name: str) -> str:
        return str(settings.value(_FILTERS + name, "", str) or "")

    return FilterValues(
        text=text("text"),
        status=text("status"),
        transaction=text("transaction"),
        family=text("family"),
        date_from=_day(text("date_from")),
        date_to=_day(text("date_to")),
        mine=bool(settings.value(_FILTERS + "mine", False, bool)),
        changed=bool(settings.value(_FILTERS + "changed", False, bool)),
        completed=bool(settings.value(_FILTERS + "completed", False, bool)),
    )
