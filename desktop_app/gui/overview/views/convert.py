"""Between the filter bar's `FilterValues` (real days) and a saved view's `ViewFilter`
(days relative to the day it is applied, or fixed), and the default views."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop_app.cache.queries import CLEARING
from desktop_app.gui.overview.filter_bar import OPEN, FilterValues
from desktop_app.gui.overview.order_columns import OrderColumn
from desktop_app.gui.overview.views.store import DayRef, SavedView, ViewFilter

__all__ = ["default_views", "filter_values", "view_filter"]


def _day(ref: DayRef | None, today: date) -> date | None:
    return ref.resolve(today) if ref is not None else None


def filter_values(saved: ViewFilter, today: date) -> FilterValues:
    """The filter bar's values for `saved` on `today` ("today" is the day it is applied)."""
    return FilterValues(
        text=saved.text, status=saved.status, transaction=saved.transaction,
        family=saved.family, date_from=_day(saved.date_from, today),
        date_to=_day(saved.date_to, today), mine=saved.mine, changed=saved.changed,
        completed=saved.completed,
    )  # fmt: skip


def view_filter(values: FilterValues, today: date) -> ViewFilter:
    """The filter bar's values as a view. A span that ends today stays a moving window
    (both days relative: "the last 30 days"); other days are kept as the days chosen."""
    moving = values.date_to == today or (values.date_to is None and values.date_from == today)

    def ref(day: date | None) -> DayRef | None:
        if day is None:
            return None
        if moving:
            return DayRef(days_from_today=day.toordinal() - today.toordinal())
        return DayRef(fixed=day)

    return ViewFilter(
        text=values.text, status=values.status, transaction=values.transaction,
        family=values.family, completed=values.completed, date_from=ref(values.date_from),
        date_to=ref(values.date_to), mine=values.mine, changed=values.changed,
    )  # fmt: skip


def default_views() -> list[SavedView]:
    """The views a clerk starts with, named in the UI language."""
    translate = QCoreApplication.translate
    today = DayRef(days_from_today=0)
    newest, descending = int(OrderColumn.ORDER_DATE), True
    return [
        SavedView(name=translate("SavedViews", "My open orders"),
                  filter=ViewFilter(status=OPEN, mine=True), sort_column=newest,
                  sort_descending=descending),
        SavedView(name=translate("SavedViews", "Clearing cases"),
                  filter=ViewFilter(status=CLEARING), sort_column=newest,
                  sort_descending=descending),
        SavedView(name=translate("SavedViews", "Completed today"),
                  filter=ViewFilter(completed=True, date_from=today, date_to=today),
                  sort_column=int(OrderColumn.LAST_CHANGE), sort_descending=descending),
    ]  # fmt: skip
