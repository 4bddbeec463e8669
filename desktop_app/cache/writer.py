"""Writing feed pages, sync bookkeeping, the catalog and downloaded documents into the cache.

`apply_page` is the hot path of a full sync: it turns the page's records (the TypedDicts of
`desktop_app.contract.records`, as the sync validates them) into plain tuples and writes them
with executemany, all in ONE transaction together with the page's cursor. An empty cache is
best filled between `begin_bulk_load` and `finish_bulk_load` (see `bulk`).
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.cache.bulk import begin_bulk_load, finish_bulk_load, is_bulk_loading
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.schema import format_timestamp
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


def _insert(table: str, columns: Sequence[str], verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _upsert(table: str, columns: Sequence[str], key: str) -> str:
    # An upsert keeps the row (and its rowid, which the search index refers to): no delete
    # and re-insert of the row, its index entries and its search tokens on a change.
    return _insert(table, columns) + f" ON CONFLICT ({key}) DO UPDATE SET " + ", ".join(
        f"{column} = excluded.{column}" for column in columns if column != key
    )


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
    *_TOTALS,
)  # fmt: skip
DETAIL_COLUMNS = ("order_id", "items_json", "history_json", "recipients_json")
_SQL_ORDER = _upsert("orders", ORDER_COLUMNS, "id")
_SQL_DETAIL = _upsert("order_details", DETAIL_COLUMNS, "order_id")
_DOCUMENT_COLUMNS = (
    "id", "order_id", "position", "kind", "title_de", "title_en", "filename", "media_type",
    "size", "sha256", "local_path", "local_sha256", "downloaded_at",
)  # fmt: skip
_SQL_DOCUMENT = _insert("order_documents", _DOCUMENT_COLUMNS)
# The page's orders' documents go (and come back from the page); the downloaded ones are
# returned so that their local copy can be kept. One statement for the whole page.
_SQL_DROP_DOCUMENTS = (
    "DELETE FROM order_documents WHERE order_id IN (SELECT value FROM json_each(?)) "
    "RETURNING id, local_path, local_sha256, downloaded_at"
)
_SQL_CUSTOMER = _insert("customers", (
    "id", "tenant_id", "kind", "customer_number", "company", "contact_name", "email", "street",
    "postal_code", "city", "country", "updated_at",
), "INSERT OR REPLACE")  # fmt: skip
_SQL_CONTRACT = _insert("contracts", (
    "id", "tenant_id", "customer_id", "contract_number", "product_code", "state", "start_date",
    "minimum_term_months", "minimum_term_end", "change_request", "updated_at",
), "INSERT OR REPLACE")  # fmt: skip
_SQL_CART = _insert("carts", (
    "id", "tenant_id", "customer_id", "business_transaction", "contract_id", "state", "items",
    "monthly_net_cents", "monthly_gross_cents", "one_time_net_cents", "one_time_gross_cents",
    "quote_id", "created_by", "created_at", "updated_at",
), "INSERT OR REPLACE")  # fmt: skip
_SQL_QUOTE = _insert("quotes", (
    "id", "quote_number", "cart_id", "tenant_id", "customer_id", "state", "created_by",
    "created_by_name", "created_at", "valid_until", "sent_at", "sent_to", "extra_recipient",
    "approver_email", "customer_decided_at", "provider_approval_required",
    "provider_approved_by", "provider_approved_at", "monthly_net_cents", "monthly_gross_cents",
    "one_time_net_cents", "one_time_gross_cents", "updated_at",
), "INSERT OR REPLACE")  # fmt: skip
_SQL_CURSOR = (
    "INSERT INTO sync_state (id, cursor) VALUES (1, ?) "
    "ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor"
)
_DELETE_TABLE = {
    ChangeKind.ORDER: "orders",
    ChangeKind.CUSTOMER: "customers",
    ChangeKind.CONTRACT: "contracts",
    ChangeKind.CART: "carts",
    ChangeKind.QUOTE: "quotes",
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
        _ts(order["updated_at"]), *_totals(order["totals"]),
    )  # fmt: skip


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


def _describe(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)


def apply_page(
    store: CacheStore,
    upserts: Sequence[Upsert],
    deletes: Sequence[tuple[ChangeKind, str]],
    cursor: str,
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
    """
    latest: dict[ChangeKind, dict[str, AnyRecord]] = {kind: {} for kind in ChangeKind}
    for kind, record in upserts:
        latest[kind][record["id"]] = record
    orders = cast("list[OrderRecord]", list(latest[ChangeKind.ORDER].values()))
    try:
        with store.write() as connection:
            if orders:
                _write_orders(connection, orders)
            for sql, rows in (
                (_SQL_CUSTOMER, [_customer_row(cast(PartyRecord, party))
                                 for party in latest[ChangeKind.CUSTOMER].values()]),
                (_SQL_CONTRACT, [_contract_row(cast(ContractRecord, contract))
                                 for contract in latest[ChangeKind.CONTRACT].values()]),
                (_SQL_CART, [_cart_row(cast(CartRecord, cart))
                             for cart in latest[ChangeKind.CART].values()]),
                (_SQL_QUOTE, [_quote_row(cast(QuoteRecord, quote))
                              for quote in latest[ChangeKind.QUOTE].values()]),
            ):  # fmt: skip
                if rows:
                    connection.exec_driver_sql(sql, rows)
            if deletes:
                for kind, table in _DELETE_TABLE.items():
                    ids = [(record_id,) for deleted, record_id in deletes if deleted == kind]
                    if ids:
                        connection.exec_driver_sql(f"DELETE FROM {table} WHERE id = ?", ids)  # noqa: S608
            connection.exec_driver_sql(_SQL_CURSOR, (cursor,))
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not apply the change page: {_describe(error)}") from error


def _write_state(store: CacheStore, assignments: str, values: tuple[Any, ...]) -> None:
    try:
        with store.write() as connection:
            connection.exec_driver_sql(
                "INSERT INTO sync_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING"
            )
            connection.exec_driver_sql(
                f"UPDATE sync_state SET {assignments} WHERE id = 1",  # noqa: S608
                values,
            )
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not record the sync state: {_describe(error)}") from error


def reset_cursor(store: CacheStore, cursor: str | None = None) -> None:
    """Set the feed cursor outside a page (None: start from the beginning)."""
    _write_state(store, "cursor = ?", (cursor,))


def record_sync_success(store: CacheStore, at: datetime) -> None:
    """A sync reached the end of the feed at `at`; clears the last error."""
    stamp = format_timestamp(at)
    _write_state(
        store, "last_success_at = ?, last_attempt_at = ?, last_error = NULL", (stamp, stamp)
    )


def record_sync_error(store: CacheStore, message: str, at: datetime) -> None:
    """A sync attempt at `at` failed with `message` (shown to the clerk; no secrets in it)."""
    _write_state(store, "last_error = ?, last_attempt_at = ?", (message, format_timestamp(at)))


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
                connection.exec_driver_sql("DELETE FROM statuses")
                _executemany(connection, _insert("statuses", (
                    "code", "position", "label_de", "label_en", "explanation_de",
                    "explanation_en",
                )), [
                    (s.code.value, i, s.label_de, s.label_en, s.explanation_de, s.explanation_en)
                    for i, s in enumerate(statuses)
                ])  # fmt: skip
            if business_transactions is not None:
                connection.exec_driver_sql("DELETE FROM business_transactions")
                _executemany(connection, _insert("business_transactions", (
                    "code", "position", "label_de", "label_en", "acts_on_contract",
                )), [
                    (t.code.value, i, t.label_de, t.label_en, t.acts_on_contract)
                    for i, t in enumerate(business_transactions)
                ])  # fmt: skip
            if products is not None:
                connection.exec_driver_sql("DELETE FROM products")
                _executemany(connection, _insert("products", (
                    "code", "position", "family", "name_de", "name_en", "monthly_cents",
                    "one_time_cents", "minimum_term_months", "orderable", "options",
                )), [
                    (p.code, i, p.family.value, p.name_de, p.name_en, p.monthly_cents,
                     p.one_time_cents, p.minimum_term_months, p.orderable,
                     "[" + ",".join(option.model_dump_json() for option in p.options) + "]")
                    for i, p in enumerate(products)
                ])  # fmt: skip
            for name, etag in (etags or {}).items():
                if etag is None:
                    connection.exec_driver_sql("DELETE FROM meta_etags WHERE name = ?", (name,))
                else:
                    connection.exec_driver_sql(
                        "INSERT INTO meta_etags (name, etag) VALUES (?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET etag = excluded.etag",
                        (name, etag),
                    )
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not save the catalog: {_describe(error)}") from error


def _executemany(connection: Connection, sql: str, rows: list[Row]) -> None:
    if rows:
        connection.exec_driver_sql(sql, rows)


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
        raise CacheWriteError(f"could not record the document: {_describe(error)}") from error


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
        raise CacheWriteError(f"could not update the document: {_describe(error)}") from error
