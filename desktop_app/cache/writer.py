"""Writing feed pages, sync bookkeeping, the catalog and downloaded documents into the cache.

`apply_page` is the hot path of a full sync: it turns the page's records (the TypedDicts of
`desktop_app.contract.records`, as the sync validates them) into plain tuples and writes them
with executemany, all in ONE transaction together with the page's cursor.

Every write is a SQLAlchemy Core statement and every upsert the same one,
`INSERT ... ON CONFLICT (key) DO UPDATE SET` each other column to the new value (`_upsert`).
The statements see the tables' column names only (`schema.bare_table`): the writer binds
values it formatted itself (timestamps, dates, JSON), and no type of the ORM models processes
them a second time. The page's rows (orders, details, documents, customers, contracts, carts,
quotes) go to sqlite3 as tuples through the statements compiled once (`_positional`); the
few other rows (cursor, sync state, catalog, ETags) through `Connection.execute` as dicts.

An empty cache is best filled between `begin_bulk_load` and `finish_bulk_load` (see `bulk`)."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Connection, Delete, Insert, bindparam, delete
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.cache.bulk import begin_bulk_load, finish_bulk_load, is_bulk_loading
from desktop_app.cache.errors import CacheWriteError, describe
from desktop_app.cache.schema import bare_table, format_timestamp
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.meta import BusinessTransactionOut, ProductOut, StatusOut
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut
from desktop_app.contract.records import (
    AnyRecord,
    CartRecord,
    ContractRecord,
    OrderRecord,
    PartyRecord,
    QuoteRecord,
)
from desktop_app.domain.enums import OrderStatus, QuoteState
from desktop_app.domain.notifications import NotificationKind

__all__ = [
    "DETAIL_COLUMNS",
    "ORDER_COLUMNS",
    "Model",
    "Upsert",
    "apply_page",
    "begin_bulk_load",
    "finish_bulk_load",
    "forget_document_download",
    "is_bulk_loading",
    "mark_document_downloaded",
    "order_detail_row",
    "order_row",
    "record_of",
    "record_sync_error",
    "record_sync_success",
    "reset_cursor",
    "save_catalog",
]

Model = OrderOut | PartyOut | ContractOut | CartOut | QuoteOut
Upsert = tuple[ChangeKind, AnyRecord]
Row = tuple[Any, ...]
Values = dict[str, Any]

_DIALECT = sqlite.dialect()

_KIND_OF_MODEL: dict[type[Model], ChangeKind] = {
    OrderOut: ChangeKind.ORDER,
    PartyOut: ChangeKind.CUSTOMER,
    ContractOut: ChangeKind.CONTRACT,
    CartOut: ChangeKind.CART,
    QuoteOut: ChangeKind.QUOTE,
}


def record_of(model: Model) -> Upsert:
    """A model as the (kind, record) pair `apply_page` takes (for tests and callers that
    start from models; the sync validates straight into records)."""
    return _KIND_OF_MODEL[type(model)], cast(AnyRecord, model.model_dump())


def _insert(name: str, columns: Sequence[str]) -> sqlite.Insert:
    return sqlite.insert(bare_table(name, columns))


def _upsert(name: str, columns: Sequence[str], key: str) -> sqlite.Insert:
    """Insert rows of `columns`; a row whose `key` exists gets the other columns' new values.

    An upsert keeps the row (and its rowid, which the search index refers to): no delete and
    re-insert of the row, its index entries and its search tokens on a change.
    """
    statement = _insert(name, columns)
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[key], set_={c: new[c] for c in columns if c != key}
    )


def _positional(statement: Insert, columns: Sequence[str]) -> str:
    """`statement` compiled once, for executemany of tuples in `columns` order.

    For the page's rows, which go straight to sqlite3: through `Connection.execute` with a
    dict per row, SQLAlchemy's per-row parameter handling (`construct_params`) more than
    halved the bulk-mode write rate (bench/cache_writer_bench.py) and cost the sync's client
    ingest about a quarter (bench/sync_bench.py, ingest / raw 36 % against 49 %).
    """
    compiled = statement.compile(dialect=_DIALECT, column_keys=list(columns))
    if list(compiled.positiontup or ()) != list(columns):
        raise RuntimeError(f"{statement.table} binds {compiled.positiontup}, not {columns}")
    return compiled.string


# The record's text fields first (one itemgetter call), then its enums, timestamps and totals.
_ORDER_FIELDS = (
    "id", "order_number", "customer_id", "customer_name", "tenant_id", "tenant_name",
    "product_code", "product_name_de", "product_name_en", "contract_id", "contract_number",
    "clearing_note", "created_by", "created_by_name", "quote_id", "quote_number", "cart_id",
    "approver_email", "quote_created_by_name",
)  # fmt: skip
_ORDER_ENUMS = ("business_transaction", "product_family", "status", "automation")
_TOTALS = ("monthly_net_cents", "monthly_gross_cents", "one_time_net_cents",
           "one_time_gross_cents")  # fmt: skip
ORDER_COLUMNS = (
    *_ORDER_FIELDS, *_ORDER_ENUMS, "created_at", "expected_completion_at", "updated_at",
    *_TOTALS, "completed_at",
)  # fmt: skip
DETAIL_COLUMNS = ("order_id", "items_json", "history_json", "recipients_json")
_SQL_ORDER = _positional(_upsert("orders", ORDER_COLUMNS, "id"), ORDER_COLUMNS)
_SQL_DETAIL = _positional(_upsert("order_details", DETAIL_COLUMNS, "order_id"), DETAIL_COLUMNS)
_DOCUMENT_COLUMNS = (
    "id", "order_id", "position", "kind", "title_de", "title_en", "filename", "media_type",
    "size", "sha256", "local_path", "local_sha256", "downloaded_at",
)  # fmt: skip
_SQL_DOCUMENT = _positional(_insert("order_documents", _DOCUMENT_COLUMNS), _DOCUMENT_COLUMNS)
# The page's orders' documents go (and come back from the page); the downloaded ones are
# returned so that their local copy can be kept. One statement for the whole page.
_SQL_DROP_DOCUMENTS = (
    "DELETE FROM order_documents WHERE order_id IN (SELECT value FROM json_each(?)) "
    "RETURNING id, local_path, local_sha256, downloaded_at"
)
# Customers, contracts, carts and quotes have no other unique key and no rows that refer to
# them, so the upsert leaves the same rows as the INSERT OR REPLACE they were written with
# before (only their rowids, which nothing reads, now stay).
_CUSTOMER_COLUMNS = (
    "id", "tenant_id", "kind", "customer_number", "company", "contact_name", "email", "street",
    "postal_code", "city", "country", "updated_at",
)  # fmt: skip
_CONTRACT_COLUMNS = (
    "id", "tenant_id", "customer_id", "contract_number", "product_code", "state", "start_date",
    "minimum_term_months", "minimum_term_end", "change_request", "updated_at",
)  # fmt: skip
_CART_COLUMNS = (
    "id", "tenant_id", "customer_id", "business_transaction", "contract_id", "state", "items",
    "monthly_net_cents", "monthly_gross_cents", "one_time_net_cents", "one_time_gross_cents",
    "quote_id", "created_by", "created_at", "updated_at",
)  # fmt: skip
_QUOTE_COLUMNS = (
    "id", "quote_number", "cart_id", "tenant_id", "customer_id", "state", "created_by",
    "created_by_name", "created_at", "valid_until", "sent_at", "sent_to", "extra_recipient",
    "approver_email", "customer_decided_at", "provider_approval_required",
    "provider_approved_by", "provider_approved_at", "monthly_net_cents", "monthly_gross_cents",
    "one_time_net_cents", "one_time_gross_cents", "updated_at",
)  # fmt: skip
_SQL_CUSTOMER = _positional(_upsert("customers", _CUSTOMER_COLUMNS, "id"), _CUSTOMER_COLUMNS)
_SQL_CONTRACT = _positional(_upsert("contracts", _CONTRACT_COLUMNS, "id"), _CONTRACT_COLUMNS)
_SQL_CART = _positional(_upsert("carts", _CART_COLUMNS, "id"), _CART_COLUMNS)
_SQL_QUOTE = _positional(_upsert("quotes", _QUOTE_COLUMNS, "id"), _QUOTE_COLUMNS)
_SQL_CURSOR = _upsert("sync_state", ("id", "cursor"), "id")
_SQL_SUCCESS = _upsert("sync_state", ("id", "last_success_at", "last_attempt_at", "last_error"),
                       "id")
_SQL_FAILURE = _upsert("sync_state", ("id", "last_error", "last_attempt_at"), "id")
_SQL_ETAG = _upsert("meta_etags", ("name", "etag"), "name")
_ETAGS = bare_table("meta_etags")
_DELETE_ETAG = delete(_ETAGS).where(_ETAGS.c.name == bindparam("etag_name"))


def _delete_by_id(name: str) -> Delete:
    bare = bare_table(name)
    return delete(bare).where(bare.c.id == bindparam("record_id"))


_DELETE = {
    ChangeKind.ORDER: _delete_by_id("orders"),
    ChangeKind.CUSTOMER: _delete_by_id("customers"),
    ChangeKind.CONTRACT: _delete_by_id("contracts"),
    ChangeKind.CART: _delete_by_id("carts"),
    ChangeKind.QUOTE: _delete_by_id("quotes"),
}

_EMPTY_LIST = "[]"
_dumps = orjson.dumps
# Datetimes inside the lists (history) as RFC 3339 with "Z" for UTC, as the wire has them;
# enums as their values (orjson's default for Enum and str subclasses).
_UTC_Z = orjson.OPT_UTC_Z
_order_fields = itemgetter(*_ORDER_FIELDS)
_totals = itemgetter(*_TOTALS)
_document_fields = itemgetter(
    "kind", "title_de", "title_en", "filename", "media_type", "size", "sha256"
)


def _ts(value: datetime) -> str:
    """`format_timestamp`, with the common case (aware, UTC) through orjson: a third of the
    time of `datetime.isoformat` (the profile's largest Python item before)."""
    text = _dumps(value, option=_UTC_Z)
    size = len(text)
    if size == 29 and text[27] == 90:  # b'"2025-03-10T12:00:00.123456Z"'
        return text[1:28].decode()
    if size == 22 and text[20] == 90:  # b'"2025-03-10T12:00:00Z"' (no microseconds)
        return text[1:20].decode() + ".000000Z"
    return format_timestamp(value)


def _optional_ts(value: datetime | None) -> str | None:
    return None if value is None else _ts(value)


def _json_list(values: Sequence[Any]) -> str:
    return _dumps(values).decode() if values else _EMPTY_LIST


def order_row(order: OrderRecord) -> Row:
    """The `orders` row of an order, in `ORDER_COLUMNS` order (public for the benchmarks).

    The enums (StrEnum members) go in as plain str: sqlite3 binds a str subclass only after
    a failed adapter lookup, which cost ten times the `str()` call.
    """
    return (
        *_order_fields(order), str(order["business_transaction"]),
        str(order["product_family"]), str(order["status"]), str(order["automation"]),
        _ts(order["created_at"]), _ts(order["expected_completion_at"]),
        _ts(order["updated_at"]), *_totals(order["totals"]), _completed_at(order),
    )  # fmt: skip


def _completed_at(order: OrderRecord) -> str | None:
    """`orders.completed_at`: the last 'completed' event of a completed order's history."""
    if order["status"] != _COMPLETED:
        return None
    found = None
    for event in order["history"]:
        if event["status"] == _COMPLETED:
            found = event["at"]
    return None if found is None else _ts(found)


def order_detail_row(order: OrderRecord) -> Row:
    """The `order_details` row: items, history and recipients as wire JSON (orjson)."""
    history = order["history"]
    recipients = order["recipients"]
    return (
        order["id"],
        _dumps(order["items"]).decode(),
        _dumps(history, option=_UTC_Z).decode() if history else _EMPTY_LIST,
        _dumps(recipients).decode() if recipients else _EMPTY_LIST,
    )


_Local = tuple[str | None, str | None, str | None]  # local_path, local_sha256, downloaded_at
_NOT_KEPT: _Local = (None, None, None)


def _write_orders(connection: Connection, orders: Sequence[OrderRecord]) -> None:
    """Upsert the orders and their details; replace their documents, keeping a downloaded
    document's local copy while the backend's digest still matches it (or it gives none)."""
    connection.exec_driver_sql(_SQL_ORDER, [order_row(order) for order in orders])
    connection.exec_driver_sql(_SQL_DETAIL, [order_detail_row(order) for order in orders])
    ids = _dumps([order["id"] for order in orders]).decode()
    kept: dict[str, _Local] = {
        doc_id: (path, digest, at)
        for doc_id, path, digest, at in connection.exec_driver_sql(_SQL_DROP_DOCUMENTS, (ids,))
        if path is not None
    }
    documents: list[Row] = []
    add = documents.append
    fields = _document_fields
    for order in orders:
        oid = order["id"]
        for position, doc in enumerate(order["documents"]):
            local = _NOT_KEPT
            if kept:
                keep = kept.get(doc["id"])
                sha256 = doc["sha256"]
                if keep is not None and (sha256 is None or sha256 == keep[1]):
                    local = keep
            add((doc["id"], oid, position, *fields(doc), *local))
    if documents:
        connection.exec_driver_sql(_SQL_DOCUMENT, documents)


def _customer_row(party: PartyRecord) -> Row:
    address = party["address"]
    return (
        party["id"], party["tenant_id"], str(party["kind"]), party["customer_number"],
        party["company"], party["contact_name"], party["email"], address["street"],
        address["postal_code"], address["city"], address["country"], _ts(party["updated_at"]),
    )  # fmt: skip


def _contract_row(contract: ContractRecord) -> Row:
    return (
        contract["id"], contract["tenant_id"], contract["customer_id"],
        contract["contract_number"], contract["product_code"], str(contract["state"]),
        contract["start_date"].isoformat(), contract["minimum_term_months"],
        contract["minimum_term_end"].isoformat(), str(contract["change_request"]),
        _ts(contract["updated_at"]),
    )  # fmt: skip


def _cart_row(cart: CartRecord) -> Row:
    totals = cart["totals"]
    return (
        cart["id"], cart["tenant_id"], cart["customer_id"], str(cart["business_transaction"]),
        cart["contract_id"], str(cart["state"]), _dumps(cart["items"]).decode(),
        totals["monthly_net_cents"], totals["monthly_gross_cents"],
        totals["one_time_net_cents"], totals["one_time_gross_cents"], cart["quote_id"],
        cart["created_by"], _ts(cart["created_at"]), _ts(cart["updated_at"]),
    )  # fmt: skip


def _quote_row(quote: QuoteRecord) -> Row:
    totals = quote["totals"]
    return (
        quote["id"], quote["quote_number"], quote["cart_id"], quote["tenant_id"],
        quote["customer_id"], str(quote["state"]), quote["created_by"], quote["created_by_name"],
        _ts(quote["created_at"]), quote["valid_until"].isoformat(),
        _optional_ts(quote["sent_at"]), _json_list(quote["sent_to"]), quote["extra_recipient"],
        quote["approver_email"], _optional_ts(quote["customer_decided_at"]),
        quote["provider_approval_required"], quote["provider_approved_by"],
        _optional_ts(quote["provider_approved_at"]), totals["monthly_net_cents"],
        totals["monthly_gross_cents"], totals["one_time_net_cents"],
        totals["one_time_gross_cents"], _ts(quote["updated_at"]),
    )  # fmt: skip


# Tracking (live pages): the page's orders' and quotes' cached state, read before the page
# is written; notifications and marks written after it, in the same transaction.
_SQL_OLD_ORDERS = (
    "SELECT id, status, clearing_note, contract_number FROM orders"
    " WHERE id IN (SELECT value FROM json_each(?))"
)
_SQL_OLD_QUOTES = "SELECT id, state FROM quotes WHERE id IN (SELECT value FROM json_each(?))"
_SQL_QUOTE_AUTHORS = (
    "SELECT id, created_by FROM quotes WHERE id IN (SELECT value FROM json_each(?))"
)
_SQL_CUSTOMER_NAMES = (
    "SELECT id, company FROM customers WHERE id IN (SELECT value FROM json_each(?))"
)
_MARK_COLUMNS = ("order_id", "changed_at")
_SQL_MARK = _positional(_upsert("order_marks", _MARK_COLUMNS, "order_id"), _MARK_COLUMNS)
_SQL_UNMARK = "DELETE FROM order_marks WHERE order_id IN (SELECT value FROM json_each(?))"
_NOTIFICATION_COLUMNS = (
    "kind", "entity_kind", "entity_id", "number", "customer_name", "detail", "created_by",
    "quote_created_by", "tenant_id", "cart_id", "occurred_at",
)  # fmt: skip
_SQL_NOTIFY = _positional(_insert("notifications", _NOTIFICATION_COLUMNS),
                          _NOTIFICATION_COLUMNS)  # fmt: skip
_COMPLETED = OrderStatus.COMPLETED.value
_QUOTE_EVENTS = {
    QuoteState.APPROVED.value: NotificationKind.QUOTE_APPROVED.value,
    QuoteState.REJECTED.value: NotificationKind.QUOTE_REJECTED.value,
    QuoteState.EXPIRED.value: NotificationKind.QUOTE_EXPIRED.value,
}
_ORDER_EVENT = "order"
_QUOTE_EVENT = "quote"


def _pairs(connection: Connection, sql: str, ids: Sequence[str]) -> dict[str, str]:
    """{first: second column} of `sql`'s rows for these ids (its one JSON list parameter)."""
    result = connection.exec_driver_sql(sql, (_dumps(ids).decode(),))
    return {key: value for key, value in result}


class _Tracker:
    """The notifications and marks of one tracked page.

    Created before the page is written (it reads the cached state of the page's orders and
    quotes: one indexed lookup per record); `record` after the page's upserts: an order whose
    status became completed (detail: its contract number) or whose clearing note appeared
    (detail: the note), a quote that became approved, rejected or expired, each gives one
    notification; records new to the cache give none. An order is marked when it is new to
    the cache or its status, clearing note or contract number changed: the backend also
    republishes an order for changes a clerk does not look for (e.g. its documents rendered).
    """

    def __init__(self, connection: Connection, orders: Sequence[OrderRecord],
                 quotes: Sequence[QuoteRecord]) -> None:  # fmt: skip
        self._connection = connection
        self._orders = orders
        self._quotes = quotes
        self._old_orders: dict[str, tuple[str, str | None, str | None]] = {}
        self._old_quotes: dict[str, str] = {}
        if orders:
            ids = _dumps([order["id"] for order in orders]).decode()
            self._old_orders = {
                oid: (status, note, contract)
                for oid, status, note, contract in connection.exec_driver_sql(_SQL_OLD_ORDERS,
                                                                              (ids,))
            }
        if quotes:
            self._old_quotes = _pairs(connection, _SQL_OLD_QUOTES,
                                      [quote["id"] for quote in quotes])

    def record(self) -> None:
        rows = self._order_events() + self._quote_events()
        if rows:
            self._connection.exec_driver_sql(_SQL_NOTIFY, rows)
        marks = [(order["id"], _ts(order["updated_at"])) for order in self._changed_orders()]
        if marks:
            self._connection.exec_driver_sql(_SQL_MARK, marks)

    def _changed_orders(self) -> list[OrderRecord]:
        old_orders = self._old_orders
        return [order for order in self._orders
                if (old := old_orders.get(order["id"])) is None
                or old != (order["status"], order["clearing_note"], order["contract_number"])]

    def _order_events(self) -> list[Row]:
        events: list[tuple[OrderRecord, str, str | None]] = []
        old_orders = self._old_orders
        for order in self._orders:
            old = old_orders.get(order["id"])
            if old is None:
                continue  # new to the cache: history, not news
            old_status, old_note, _old_contract = old
            if order["status"] == _COMPLETED and old_status != _COMPLETED:
                events.append((order, NotificationKind.ORDER_COMPLETED.value,
                               order["contract_number"]))  # fmt: skip
            note = order["clearing_note"]
            if note is not None and old_note is None:
                events.append((order, NotificationKind.ORDER_CLEARING.value, note))
        if not events:
            return []
        quote_ids = sorted({order["quote_id"] for order, _, _ in events if order["quote_id"]})
        authors = _pairs(self._connection, _SQL_QUOTE_AUTHORS, quote_ids) if quote_ids else {}
        return [(
            kind, _ORDER_EVENT, order["id"], order["order_number"], order["customer_name"],
            detail, order["created_by"],
            authors.get(order["quote_id"]) if order["quote_id"] else None,
            order["tenant_id"], None, _ts(order["updated_at"]),
        ) for order, kind, detail in events]  # fmt: skip

    def _quote_events(self) -> list[Row]:
        events: list[tuple[QuoteRecord, str]] = []
        old_quotes = self._old_quotes
        for quote in self._quotes:
            old = old_quotes.get(quote["id"])
            kind = _QUOTE_EVENTS.get(quote["state"])
            if old is not None and kind is not None and old != quote["state"]:
                events.append((quote, kind))
        if not events:
            return []
        customer_ids = sorted({quote["customer_id"] for quote, _ in events})
        names = _pairs(self._connection, _SQL_CUSTOMER_NAMES, customer_ids)
        return [(
            kind, _QUOTE_EVENT, quote["id"], quote["quote_number"],
            names.get(quote["customer_id"], ""), None, quote["created_by"],
            quote["created_by"], quote["tenant_id"], quote["cart_id"],
            _ts(quote["updated_at"]),
        ) for quote, kind in events]  # fmt: skip


def apply_page(
    store: CacheStore,
    upserts: Sequence[Upsert],
    deletes: Sequence[tuple[ChangeKind, str]],
    cursor: str,
    *,
    track: bool = False,
) -> None:
    """Apply one change-feed page and move the cursor, all in one transaction.

    `upserts` are (kind, record) pairs, the records as `desktop_app.contract.records` types
    them (`record_of` makes one from a model). Within the page, the last upsert of a record
    wins; upserts are applied before deletes, so a record created and deleted in the same
    page ends up deleted (ids are never reused). Upserting an order replaces its items (with
    options and usage locations), history, documents and recipients; documents already
    downloaded keep their local file while the backend's digest still matches it. Works the
    same during a bulk load. On any failure nothing is written and `CacheWriteError` is
    raised.

    `track` (a live page, not a first sync or a full resync: those are history, not news):
    in the same transaction, every order of the page is marked changed (`order_marks`) and
    each transition of a record already cached gives one notification (`_Tracker`).
    """
    latest: dict[ChangeKind, dict[str, AnyRecord]] = {kind: {} for kind in ChangeKind}
    for kind, record in upserts:
        latest[kind][record["id"]] = record
    orders = cast("list[OrderRecord]", list(latest[ChangeKind.ORDER].values()))
    quotes = cast("list[QuoteRecord]", list(latest[ChangeKind.QUOTE].values()))
    try:
        with store.write() as connection:
            tracker = _Tracker(connection, orders, quotes) if track else None
            if orders:
                _write_orders(connection, orders)
            for sql, rows in (
                (_SQL_CUSTOMER, [_customer_row(cast(PartyRecord, party))
                                 for party in latest[ChangeKind.CUSTOMER].values()]),
                (_SQL_CONTRACT, [_contract_row(cast(ContractRecord, contract))
                                 for contract in latest[ChangeKind.CONTRACT].values()]),
                (_SQL_CART, [_cart_row(cast(CartRecord, cart))
                             for cart in latest[ChangeKind.CART].values()]),
                (_SQL_QUOTE, [_quote_row(quote) for quote in quotes]),
            ):  # fmt: skip
                if rows:
                    connection.exec_driver_sql(sql, rows)
            if deletes:
                for kind, delete_by_id in _DELETE.items():
                    ids = [{"record_id": record_id} for deleted, record_id in deletes
                           if deleted == kind]
                    if ids:
                        connection.execute(delete_by_id, ids)
            if tracker is not None:
                tracker.record()
                gone = [record_id for kind, record_id in deletes if kind is ChangeKind.ORDER]
                if gone:  # a deleted order is no longer "changed"
                    connection.exec_driver_sql(_SQL_UNMARK, (_dumps(gone).decode(),))
            connection.execute(_SQL_CURSOR, [{"id": 1, "cursor": cursor}])
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not apply the change page: {describe(error)}") from error


def _write_state(store: CacheStore, statement: Insert, values: Values) -> None:
    """Upsert the one `sync_state` row (id 1) with `values` (the statement's columns)."""
    try:
        with store.write() as connection:
            connection.execute(statement, [{"id": 1, **values}])
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not record the sync state: {describe(error)}") from error


def reset_cursor(store: CacheStore, cursor: str | None = None) -> None:
    """Set the feed cursor outside a page (None: start from the beginning)."""
    _write_state(store, _SQL_CURSOR, {"cursor": cursor})


def record_sync_success(store: CacheStore, at: datetime) -> None:
    """A sync reached the end of the feed at `at`; clears the last error."""
    stamp = format_timestamp(at)
    _write_state(store, _SQL_SUCCESS,
                 {"last_success_at": stamp, "last_attempt_at": stamp, "last_error": None})


def record_sync_error(store: CacheStore, message: str, at: datetime) -> None:
    """A sync attempt at `at` failed with `message` (shown to the clerk; no secrets in it)."""
    _write_state(store, _SQL_FAILURE,
                 {"last_error": message, "last_attempt_at": format_timestamp(at)})


def save_catalog(
    store: CacheStore,
    *,
    statuses: Sequence[StatusOut] | None = None,
    business_transactions: Sequence[BusinessTransactionOut] | None = None,
    products: Sequence[ProductOut] | None = None,
    etags: Mapping[str, str | None] | None = None,
) -> None:
    """Replace each catalog list given (None leaves it alone) and store the ETags by name.

    An etag of None removes the stored one (the next fetch is unconditional).
    """
    try:
        with store.write() as connection:
            if statuses is not None:
                _replace(connection, "statuses", [{
                    "code": s.code.value, "position": i, "label_de": s.label_de,
                    "label_en": s.label_en, "explanation_de": s.explanation_de,
                    "explanation_en": s.explanation_en,
                } for i, s in enumerate(statuses)])  # fmt: skip
            if business_transactions is not None:
                _replace(connection, "business_transactions", [{
                    "code": t.code.value, "position": i, "label_de": t.label_de,
                    "label_en": t.label_en, "acts_on_contract": t.acts_on_contract,
                } for i, t in enumerate(business_transactions)])  # fmt: skip
            if products is not None:
                _replace(connection, "products", [{
                    "code": p.code, "position": i, "family": p.family.value,
                    "name_de": p.name_de, "name_en": p.name_en, "monthly_cents": p.monthly_cents,
                    "one_time_cents": p.one_time_cents,
                    "minimum_term_months": p.minimum_term_months, "orderable": p.orderable,
                    "options": "[" + ",".join(o.model_dump_json() for o in p.options) + "]",
                } for i, p in enumerate(products)])  # fmt: skip
            etags = etags or {}
            gone = [{"etag_name": name} for name, etag in etags.items() if etag is None]
            kept = [{"name": name, "etag": etag} for name, etag in etags.items()
                    if etag is not None]
            if gone:
                connection.execute(_DELETE_ETAG, gone)
            if kept:
                connection.execute(_SQL_ETAG, kept)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not save the catalog: {describe(error)}") from error


def _replace(connection: Connection, name: str, rows: list[Values]) -> None:
    """All of table `name`'s rows become `rows` (all with the same keys)."""
    connection.execute(delete(bare_table(name)))
    if rows:
        connection.execute(_insert(name, list(rows[0])), rows)


def mark_document_downloaded(
    store: CacheStore,
    document_id: str,
    local_path: Path | str,
    at: datetime,
    sha256: str | None = None,
) -> bool:
    """Record the verified local copy of a document; False if the document is not cached."""
    try:
        with store.write() as connection:
            result = connection.exec_driver_sql(
                "UPDATE order_documents SET local_path = ?, local_sha256 = ?, downloaded_at = ? "
                "WHERE id = ?",
                (str(local_path), sha256, format_timestamp(at), document_id),
            )
            return bool(result.rowcount)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not record the document: {describe(error)}") from error


def forget_document_download(store: CacheStore, document_id: str) -> None:
    """The local copy is gone or corrupt: the next open downloads it again."""
    try:
        with store.write() as connection:
            connection.exec_driver_sql(
                "UPDATE order_documents SET local_path = NULL, local_sha256 = NULL, "
                "downloaded_at = NULL WHERE id = ?",
                (document_id,),
            )
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not update the document: {describe(error)}") from error
