"""The queries behind the views: the GUI asks these and never writes SQL itself.

Every function takes a Session from `CacheStore.session()`; each GUI worker thread uses its
own. Sorting, filtering, counting and search all happen in SQLite, on indexes.
"""

import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    UnaryExpression,
    case,
    exc,
    exists,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop_app.cache.detail import (
    cart_summaries,
    carts_and_quotes,
    customer_info,
    document,
    documents_to_prefetch,
    order_detail,
    quote_summaries,
)
from desktop_app.cache.records import (
    BusinessTransactionInfo,
    CustomerInfo,
    OrderListRow,
    ProductInfo,
    StatusInfo,
    SyncState,
)
from desktop_app.cache.schema import (
    BusinessTransactionRow,
    CustomerRow,
    MetaEtagRow,
    OrderMarkRow,
    OrderRow,
    ProductRow,
    StatusRow,
    SyncStateRow,
)
from desktop_app.cache.search import fts_query
from desktop_app.domain.business_time import business_midnight
from desktop_app.domain.enums import (
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
)

__all__ = [
    "CLEARING",
    "OrderFilter",
    "OrderSort",
    "OrderSortColumn",
    "QueryInterrupted",
    "business_transactions",
    "cart_summaries",
    "carts_and_quotes",
    "count_orders",
    "customers",
    "document",
    "documents_to_prefetch",
    "interrupted_when",
    "meta_etags",
    "order_detail",
    "order_export_rows",
    "order_ids",
    "order_page",
    "order_rows_by_ids",
    "products",
    "quote_summaries",
    "status_counts",
    "statuses",
    "sync_state",
]

_ID_CHUNK = 500
_FEW_HITS = 2000  # search hits below which a list's first rows are read from the hits
_PROGRESS_STEPS = 10_000  # SQLite VM steps between checks of `interrupted_when` (~0.1 ms)


class QueryInterrupted(Exception):
    """A statement run under `interrupted_when` was aborted because it had become stale."""


@contextmanager
def interrupted_when(session: Session, stale: Callable[[], bool]) -> Iterator[None]:
    """While the block runs, SQLite asks `stale()` every few thousand steps of the session's
    statements and aborts the statement when it answers True; the block then raises
    `QueryInterrupted`. For the list's queries: a newer key press makes the running query
    stale, and its thread is free for the new one within a fraction of a millisecond
    instead of finishing a 100 ms whole-list read nobody will see."""
    raw: Any = session.connection().connection.dbapi_connection
    raw.set_progress_handler(lambda: 1 if stale() else 0, _PROGRESS_STEPS)
    try:
        yield
    except (exc.OperationalError, sqlite3.OperationalError) as error:
        # Wrapped by SQLAlchemy, or straight from a DBAPI cursor read (`order_ids`).
        cause = error.orig if isinstance(error, exc.OperationalError) else error
        if stale() and "interrupt" in str(cause):
            raise QueryInterrupted() from error
        raise
    finally:
        raw.set_progress_handler(None, _PROGRESS_STEPS)  # the pooled connection runs free


class OrderSortColumn(StrEnum):
    """The order overview's sortable columns (each has an index with the sort's tie-break)."""

    ORDER_NUMBER = "order_number"
    CREATED_AT = "created_at"
    CUSTOMER_NAME = "customer_name"
    BUSINESS_TRANSACTION = "business_transaction"
    PRODUCT_NAME_DE = "product_name_de"
    PRODUCT_NAME_EN = "product_name_en"
    PRODUCT_FAMILY = "product_family"
    STATUS = "status"
    CONTRACT_NUMBER = "contract_number"
    UPDATED_AT = "updated_at"


_SORT_COLUMNS: dict[OrderSortColumn, InstrumentedAttribute[Any]] = {
    column: getattr(OrderRow, column.value) for column in OrderSortColumn
}
# The status sorts in the workflow's order (received -> in processing -> completed).
_SORT_COLUMNS[OrderSortColumn.STATUS] = OrderRow.status_rank

CLEARING = "clearing"
"""The key of the clearing cases in `status_counts` (and the filter bar's choice of them)."""


@dataclass(frozen=True, slots=True)
class OrderSort:
    """Sort by one column; ties go newest order first, then by order number (by the number
    alone for the order date). Descending is the ascending list reversed, ties included:
    the sort indexes (revision 0005) serve both directions."""

    column: OrderSortColumn = OrderSortColumn.CREATED_AT
    descending: bool = True


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """The filter bar. Empty sets mean "any"; dates are Berlin calendar days
    (the business time zone, as the app shows them).

    `text` is what the clerk typed; it is searched (as prefixes of words) in the order
    number, customer name, contract number and product names and code.
    """

    text: str = ""
    statuses: frozenset[str] = frozenset()
    transactions: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    created_by: str | None = None
    clearing: bool = False  # only clearing cases (orders that need a manual correction)
    changed_only: bool = False  # only orders marked changed since last opened (order_marks)
    # Completed orders whose completion (the "completed" event of their cached status
    # history) falls on these Berlin days, inclusive.
    completed_from: date | None = None
    completed_to: date | None = None


def _local_midnight(day: date) -> datetime:
    return business_midnight(day)  # the days the app shows: Berlin's, not the machine's


# The marked orders are few (those changed since the clerk opened them): SQLite walks the
# marks and looks each order up by id, however many orders the cache holds.
_CHANGED = OrderRow.id.in_(select(OrderMarkRow.order_id))
_IS_CHANGED = exists().where(OrderMarkRow.order_id == OrderRow.id)

_SEARCH = "orders.row_id IN (SELECT rowid FROM order_search WHERE order_search MATCH :match)"
_SEARCH_SORTED = "+" + _SEARCH


def _conditions(
    order_filter: OrderFilter, *, with_statuses: bool = True, scan_sorted: bool = False
) -> list[Any]:
    """The filter as WHERE conditions. `scan_sorted`: for the first rows only, walk the sort
    index and test each row against the search hits (`+row_id` keeps SQLite from looking
    every hit up by rowid and sorting them all, which costs 30 ms for a common word)."""
    conditions: list[Any] = []
    match = fts_query(order_filter.text)
    if match:
        conditions.append(text(_SEARCH_SORTED if scan_sorted else _SEARCH).bindparams(match=match))
    if with_statuses and order_filter.statuses:
        conditions.append(OrderRow.status.in_(sorted(order_filter.statuses)))
    if with_statuses and order_filter.clearing:
        conditions.append(OrderRow.clearing_note.is_not(None))
    if order_filter.transactions:
        conditions.append(OrderRow.business_transaction.in_(sorted(order_filter.transactions)))
    if order_filter.families:
        conditions.append(OrderRow.product_family.in_(sorted(order_filter.families)))
    if order_filter.date_from is not None:
        conditions.append(OrderRow.created_at >= _local_midnight(order_filter.date_from))
    if order_filter.date_to is not None:
        end = _local_midnight(order_filter.date_to + timedelta(days=1))
        conditions.append(OrderRow.created_at < end)
    if order_filter.created_by is not None:
        conditions.append(OrderRow.created_by == order_filter.created_by)
    if order_filter.changed_only:
        conditions.append(_CHANGED)
    if order_filter.completed_from is not None or order_filter.completed_to is not None:
        conditions.append(_completed_between(order_filter.completed_from,
                                             order_filter.completed_to))
    return conditions


def _completed_between(first: date | None, last: date | None) -> ColumnElement[bool]:
    """Completed orders whose completion (`orders.completed_at`, the time of the 'completed'
    event of their status history; NULL unless completed) falls on these Berlin days,
    inclusive, on the completion index."""
    if first is not None and last is not None and last < first:
        first, last = last, first
    condition: ColumnElement[bool] = OrderRow.completed_at.is_not(None)
    if first is not None:
        condition = condition & (OrderRow.completed_at >= _local_midnight(first))
    if last is not None:
        condition = condition & (OrderRow.completed_at < _local_midnight(last + timedelta(days=1)))
    return condition


def _order_by(sort: OrderSort) -> list[UnaryExpression[Any]]:
    """ORDER BY as the sort indexes store it (`ddl_0005.SORT_INDEXES`)."""
    column = _SORT_COLUMNS[sort.column]
    keys: list[InstrumentedAttribute[Any]]
    reverse: list[InstrumentedAttribute[Any]]
    if sort.column is OrderSortColumn.ORDER_NUMBER:
        keys, reverse = [column, OrderRow.id], []  # unique: nothing to break
    elif sort.column is OrderSortColumn.CREATED_AT:
        keys, reverse = [column, OrderRow.order_number], []
    else:
        keys, reverse = [column], [OrderRow.created_at, OrderRow.order_number]
    if sort.descending:
        return [key.desc() for key in keys] + [key.asc() for key in reverse]
    return [key.asc() for key in keys] + [key.desc() for key in reverse]


_LIST_COLUMNS = (
    OrderRow.id,
    OrderRow.order_number,
    OrderRow.created_at,
    OrderRow.customer_name,
    OrderRow.business_transaction,
    OrderRow.product_name_de,
    OrderRow.product_name_en,
    OrderRow.product_family,
    OrderRow.status,
    OrderRow.contract_number,
    OrderRow.updated_at,
    OrderRow.created_by,
    OrderRow.clearing_note.is_not(None),
    # One primary-key lookup per listed row (a page, a window of rows by id).
    _IS_CHANGED,
)


def _list_row(row: Sequence[Any]) -> OrderListRow:
    return OrderListRow(
        row[0], row[1], row[2], row[3], BusinessTransaction(row[4]), row[5], row[6],
        ProductFamily(row[7]), OrderStatus(row[8]), row[9], row[10], row[11], bool(row[12]),
        bool(row[13]),
    )  # fmt: skip


def count_orders(session: Session, order_filter: OrderFilter) -> int:
    statement = select(func.count()).select_from(OrderRow).where(*_conditions(order_filter))
    return int(session.execute(statement).scalar_one())


def order_page(
    session: Session, order_filter: OrderFilter, sort: OrderSort, offset: int, limit: int
) -> list[OrderListRow]:
    """One window of the order overview, in the requested sort."""
    statement = (
        select(*_LIST_COLUMNS).where(*_conditions(order_filter)).order_by(*_order_by(sort))
    )
    rows = session.execute(statement.offset(max(offset, 0)).limit(max(limit, 0)))
    return [_list_row(row) for row in rows]


def order_ids(
    session: Session, order_filter: OrderFilter, sort: OrderSort, limit: int | None = None
) -> list[str]:
    """The matching order ids in list order (for models that fetch rows by window): all, or
    the first `limit` (a few ms even over 100,000 orders, to paint before the full list)."""
    scan_sorted = limit is not None and not _few_hits(session, order_filter.text)
    conditions = _conditions(order_filter, scan_sorted=scan_sorted)
    statement = select(OrderRow.id).where(*conditions).order_by(*_order_by(sort))
    if limit is not None:
        statement = statement.limit(max(limit, 0))
    # Straight from the DBAPI cursor: for 100,000 ids, building a SQLAlchemy Row per id
    # cost more than the query itself.
    result = session.connection().execute(statement)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def _few_hits(session: Session, typed: str) -> bool:
    """Whether the search matches fewer than `_FEW_HITS` orders (probed in FTS, stopping at
    that many). Then the first rows come from the hits, sorted (a fraction of a ms); walking
    the sort index instead tests every order against them (~40 ms for 100,000 orders). Many
    hits: the walk finds the first rows within a few hundred orders."""
    match = fts_query(typed)
    if not match:
        return False
    probe = text("SELECT count(*) FROM (SELECT rowid FROM order_search WHERE order_search "
                 "MATCH :match LIMIT :most)").bindparams(match=match, most=_FEW_HITS)
    return int(session.execute(probe).scalar_one()) < _FEW_HITS


def order_rows_by_ids(session: Session, ids: Sequence[str]) -> dict[str, OrderListRow]:
    """List rows by id; ids no longer cached are simply missing from the result."""
    found: dict[str, OrderListRow] = {}
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = list(ids[start : start + _ID_CHUNK])
        for row in session.execute(select(*_LIST_COLUMNS).where(OrderRow.id.in_(chunk))):
            found[row[0]] = _list_row(row)
    return found


# The fields an export can read, by name: the list's columns as stored (timestamps parsed to
# aware UTC datetimes, enums as their codes) and "status_shown", the status column's code
# (CLEARING for a clearing case).
_EXPORT_FIELDS: dict[str, ColumnElement[Any]] = {
    name: getattr(OrderRow, name).expression for name in (
        "order_number", "created_at", "customer_name", "business_transaction",
        "product_name_de", "product_name_en", "product_family", "status", "contract_number",
        "updated_at", "created_by")
}
_EXPORT_FIELDS["status_shown"] = case(
    (OrderRow.clearing_note.is_not(None), CLEARING), else_=OrderRow.status)
_EXPORT_TIMESTAMPS = frozenset({"created_at", "updated_at"})


def order_export_rows(
    session: Session, order_filter: OrderFilter, sort: OrderSort, fields: Sequence[str],
    chunk: int = 1000,
) -> Generator[list[tuple[Any, ...]], None, None]:
    """The values of `fields` (names of `_EXPORT_FIELDS`) for every order the list shows,
    in its filter and sort, as chunks of up to `chunk` rows: one ordered scan read straight
    from the DBAPI cursor (no ids first, no lookups by id, no SQLAlchemy rows: most of what
    an export of 100,000 orders spent reading). Close the iterator when stopping early."""
    unknown = [name for name in fields if name not in _EXPORT_FIELDS]
    if unknown:
        raise ValueError(f"no export field {unknown}")
    statement = (select(*(_EXPORT_FIELDS[name] for name in fields))
                 .where(*_conditions(order_filter)).order_by(*_order_by(sort)))
    stamps = [index for index, name in enumerate(fields) if name in _EXPORT_TIMESTAMPS]
    parse = datetime.fromisoformat  # the stored "...Z" texts: aware UTC (`format_timestamp`)
    result = session.connection().execute(statement)
    try:
        cursor: Any = result.cursor
        while rows := cursor.fetchmany(max(chunk, 1)):
            if stamps:
                rows = [_parsed(row, stamps, parse) for row in rows]
            yield rows
    finally:
        result.close()


def _parsed(row: tuple[Any, ...], stamps: Sequence[int],
            parse: Any) -> tuple[Any, ...]:
    values = list(row)
    for index in stamps:
        if (value := values[index]) is not None:
            values[index] = parse(value)
    return tuple(values)


def status_counts(session: Session, order_filter: OrderFilter) -> dict[str, int]:
    """Orders per status code for the filter, ignoring its own status selection.

    (Facet counts: the status filter shows how many orders each status would add.) Every
    known status code is present, with 0 when none match, and `CLEARING`: the clearing cases.
    """
    conditions = _conditions(order_filter, with_statuses=False)
    statement = select(OrderRow.status, func.count()).where(*conditions).group_by(OrderRow.status)
    counts = {status.value: 0 for status in OrderStatus}
    for status, count in session.execute(statement):
        counts[status] = int(count)
    # Apart: the group above reads only an index, this one only the few clearing cases.
    clearing = select(func.count()).select_from(OrderRow).where(
        *conditions, OrderRow.clearing_note.is_not(None))
    counts[CLEARING] = int(session.execute(clearing).scalar_one())
    return counts


def sync_state(session: Session) -> SyncState:
    row = session.get(SyncStateRow, 1)
    if row is None:
        return SyncState(None, None, None, None)
    return SyncState(row.cursor, row.last_success_at, row.last_error, row.last_attempt_at)


def statuses(session: Session) -> list[StatusInfo]:
    rows = session.scalars(select(StatusRow).order_by(StatusRow.position))
    return [
        StatusInfo(OrderStatus(r.code), r.label_de, r.label_en, r.explanation_de, r.explanation_en)
        for r in rows
    ]


def business_transactions(session: Session) -> list[BusinessTransactionInfo]:
    rows = session.scalars(select(BusinessTransactionRow).order_by(BusinessTransactionRow.position))
    return [
        BusinessTransactionInfo(
            BusinessTransaction(r.code), r.label_de, r.label_en, r.acts_on_contract
        )
        for r in rows
    ]


def products(session: Session) -> list[ProductInfo]:
    rows = session.scalars(select(ProductRow).order_by(ProductRow.position))
    return [
        ProductInfo(
            r.code, ProductFamily(r.family), r.name_de, r.name_en, r.monthly_cents,
            r.one_time_cents, r.minimum_term_months, r.orderable,
        )
        for r in rows
    ]


def meta_etags(session: Session) -> dict[str, str]:
    return {row.name: row.etag for row in session.scalars(select(MetaEtagRow))}


def _like_escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def customers(session: Session, text_filter: str = "", limit: int = 200) -> list[CustomerInfo]:
    """Customers and prospects whose company, contact, number or city contains the text."""
    statement = select(CustomerRow).order_by(CustomerRow.company, CustomerRow.id).limit(limit)
    needle = text_filter.strip()
    if needle:
        pattern = f"%{_like_escaped(needle)}%"
        columns = (
            CustomerRow.company,
            CustomerRow.contact_name,
            CustomerRow.customer_number,
            CustomerRow.city,
        )
        matches: list[ColumnElement[bool]] = [
            column.ilike(pattern, escape="\\") for column in columns
        ]
        statement = statement.where(or_(*matches))
    return [customer_info(row) for row in session.scalars(statement)]
