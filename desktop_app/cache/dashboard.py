"""The dashboard's figures, read from the cache: tile counts, orders per week, processing times.

Every order tile carries the `OrderFilter` it counted with `count_orders`, and every bar of
the weekly chart its own (a week's Berlin days and one business transaction), so that the
order list opened on a tile or bar shows exactly that many orders. The quote and cart tiles
count the lines of `open_carts_and_quotes` that their `CartFocus` matches, as the carts-and-
quotes window filters them. Days are Berlin calendar days (`business_time`).

Processing times are measured for the orders completed in the tile's 30 days, from receipt
(the order's creation) to completion (the 'completed' event of the cached status history,
`orders.completed_at`): the median per business transaction and automation degree, computed
in SQLite on the completion index, beside the time `domain.processing` expects.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from desktop_app.cache import queries
from desktop_app.cache.cart_focus import CartFocus, CartFocusKind, matches
from desktop_app.cache.cart_list import open_carts_and_quotes
from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.schema import OrderRow, format_timestamp
from desktop_app.domain.business_time import business_midnight
from desktop_app.domain.enums import AutomationDegree, BusinessTransaction, OrderStatus
from desktop_app.domain.processing import PLANS

__all__ = [
    "PERIOD_DAYS",
    "WEEKS",
    "CartTile",
    "DashboardData",
    "OrderTile",
    "ProcessingTime",
    "WeeklyOrders",
    "dashboard",
    "tile_filters",
]

PERIOD_DAYS = 30  # the tiles' "last 30 days": today and the 29 days before
WEEKS = 12  # the chart: this week and the 11 before (weeks start on Monday)


@dataclass(frozen=True, slots=True)
class OrderTile:
    count: int
    order_filter: OrderFilter  # what the order list shows for it


@dataclass(frozen=True, slots=True)
class CartTile:
    count: int
    focus: CartFocus  # what the carts-and-quotes window shows for it


@dataclass(frozen=True, slots=True)
class WeeklyOrders:
    """Orders per week and business transaction; `counts[t][w]` for week `mondays[w]`."""

    mondays: tuple[date, ...]
    counts: dict[BusinessTransaction, tuple[int, ...]]

    def order_filter(self, week: int, transaction: BusinessTransaction) -> OrderFilter:
        monday = self.mondays[week]
        return OrderFilter(transactions=frozenset({transaction.value}), date_from=monday,
                           date_to=monday + timedelta(days=6))


@dataclass(frozen=True, slots=True)
class ProcessingTime:
    transaction: BusinessTransaction
    degree: AutomationDegree
    orders: int  # completed orders measured
    median: timedelta
    expected: timedelta


@dataclass(frozen=True, slots=True)
class DashboardData:
    day: date  # the Berlin day it was computed for
    received: OrderTile
    in_processing: OrderTile
    completed: OrderTile
    clearing: OrderTile
    newest_clearing_note: str | None
    newest_clearing_number: str | None
    awaiting_customer: CartTile
    awaiting_provider: CartTile
    expiring: CartTile
    open_carts: CartTile
    weekly: WeeklyOrders
    processing: tuple[ProcessingTime, ...] = field(default=())

    def order_tiles(self) -> dict[str, OrderTile]:
        return {"received": self.received, "in_processing": self.in_processing,
                "completed": self.completed, "clearing": self.clearing}

    def cart_tiles(self) -> dict[str, CartTile]:
        return {"awaiting_customer": self.awaiting_customer,
                "awaiting_provider": self.awaiting_provider, "expiring": self.expiring,
                "open_carts": self.open_carts}


def tile_filters(day: date) -> dict[str, OrderFilter]:
    """The order tiles' filters on Berlin day `day`."""
    first = day - timedelta(days=PERIOD_DAYS - 1)
    return {
        "received": OrderFilter(date_from=first, date_to=day),
        "in_processing": OrderFilter(statuses=frozenset({OrderStatus.IN_PROCESSING.value}),
                                     date_from=first, date_to=day),
        "completed": OrderFilter(completed_from=first, completed_to=day),
        "clearing": OrderFilter(clearing=True),
    }


def dashboard(session: Session, day: date) -> DashboardData:
    """Everything the dashboard shows, as of Berlin day `day`."""
    filters = tile_filters(day)
    tiles = {key: OrderTile(queries.count_orders(session, f), f) for key, f in filters.items()}
    note, number = _newest_clearing(session)
    lines = open_carts_and_quotes(session)
    carts: dict[CartFocusKind, CartTile] = {}
    for kind in CartFocusKind:
        focus = CartFocus(kind, day)
        carts[kind] = CartTile(sum(1 for line in lines if matches(focus, line)), focus)
    return DashboardData(
        day, tiles["received"], tiles["in_processing"], tiles["completed"], tiles["clearing"],
        note, number, carts[CartFocusKind.AWAITING_CUSTOMER],
        carts[CartFocusKind.AWAITING_PROVIDER], carts[CartFocusKind.EXPIRING],
        carts[CartFocusKind.OPEN_CARTS], weekly_orders(session, day),
        processing_times(session, day),
    )  # fmt: skip


def _newest_clearing(session: Session) -> tuple[str | None, str | None]:
    row = session.execute(
        select(OrderRow.clearing_note, OrderRow.order_number)
        .where(OrderRow.clearing_note.is_not(None))
        .order_by(OrderRow.updated_at.desc(), OrderRow.order_number.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def week_mondays(day: date) -> tuple[date, ...]:
    this_monday = day - timedelta(days=day.weekday())
    return tuple(this_monday - timedelta(weeks=WEEKS - 1 - n) for n in range(WEEKS))


def weekly_orders(session: Session, day: date) -> WeeklyOrders:
    """One pass over the 12 weeks' range of the order-date index."""
    mondays = week_mondays(day)
    starts = [business_midnight(monday) for monday in mondays]
    end = business_midnight(mondays[-1] + timedelta(days=7))
    week = case(*((OrderRow.created_at >= start, n)
                  for n, start in reversed(list(enumerate(starts)))), else_=-1)
    statement = (select(week, OrderRow.business_transaction, func.count())
                 .where(OrderRow.created_at >= starts[0], OrderRow.created_at < end)
                 .group_by(week, OrderRow.business_transaction))
    counts: dict[BusinessTransaction, list[int]] = defaultdict(lambda: [0] * WEEKS)
    for index, code, count in session.execute(statement):
        try:
            transaction = BusinessTransaction(code)
        except ValueError:
            continue  # a transaction this client does not know: not listable either
        if 0 <= index < WEEKS:
            counts[transaction][index] = int(count)
    ordered = {t: tuple(counts[t]) for t in BusinessTransaction if t in counts}
    return WeeklyOrders(mondays, ordered)


# The median receipt-to-completion seconds per business transaction and automation degree of
# the orders completed in [:start, :end), read from the completion index alone: receipt is
# the order's creation (the backend stamps its 'received' event with it), completion the
# 'completed' event (`completed_at`); a negative span (clock skew) counts as 0; the median
# is the middle row (or the mean of the two middle rows) of each group.
_MEDIANS = text("""
    WITH spans AS (
        SELECT business_transaction AS t, automation AS a,
               max((julianday(completed_at) - julianday(created_at)) * 86400.0, 0.0) AS s
        FROM orders WHERE completed_at >= :start AND completed_at < :end
    ), ranked AS (
        SELECT t, a, s, row_number() OVER (PARTITION BY t, a ORDER BY s) AS n,
               count(*) OVER (PARTITION BY t, a) AS c
        FROM spans
    )
    SELECT t, a, max(c), avg(s) FROM ranked
    WHERE n IN ((c + 1) / 2, (c + 2) / 2) GROUP BY t, a
""")


def processing_times(session: Session, day: date) -> tuple[ProcessingTime, ...]:
    """Median receipt-to-completion time of the orders completed in the tiles' 30 days,
    computed in SQLite over the completion index (no history parsed in Python)."""
    start = business_midnight(day - timedelta(days=PERIOD_DAYS - 1))
    end = business_midnight(day + timedelta(days=1))
    found: list[ProcessingTime] = []
    rows = session.execute(_MEDIANS, {"start": format_timestamp(start),
                                      "end": format_timestamp(end)})
    for code, degree_code, orders, seconds in rows:
        try:
            transaction, degree = BusinessTransaction(code), AutomationDegree(degree_code)
        except ValueError:
            continue
        # julianday() is a double: its differences are exact to well under a millisecond
        median = timedelta(milliseconds=round(float(seconds) * 1000))
        found.append(ProcessingTime(transaction, degree, int(orders), median,
                                    PLANS[degree].completes_after))
    order = {t: n for n, t in enumerate(BusinessTransaction)}
    degrees = {d: n for n, d in enumerate(AutomationDegree)}
    found.sort(key=lambda p: (order[p.transaction], degrees[p.degree]))
    return tuple(found)
