"""Writing feed pages, sync bookkeeping, the catalog and downloaded documents into the cache.

`apply_page` is the hot path of a full sync: it turns the page's records into plain tuples
and writes them with executemany, all in ONE transaction together with the page's cursor.
"""

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.schema import format_timestamp
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartItemOut, CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.meta import BusinessTransactionOut, ProductOut, StatusOut
from desktop_app.contract.orders import OrderOut, RecipientOut, StatusEventOut
from desktop_app.contract.parties import ContractOut, PartyOut

Record = OrderOut | PartyOut | ContractOut | CartOut | QuoteOut
Row = tuple[Any, ...]


def _insert(table: str, columns: Sequence[str], verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


ORDER_COLUMNS = (
    "id", "order_number", "created_at", "customer_id", "customer_name", "tenant_id",
    "tenant_name", "business_transaction", "product_family", "product_code",
    "product_name_de", "product_name_en", "status", "contract_id", "contract_number",
    "clearing_note", "created_by", "created_by_name", "quote_id", "quote_number", "cart_id",
    "automation", "expected_completion_at", "approver_email", "quote_created_by_name",
    "monthly_net_cents", "monthly_gross_cents", "one_time_net_cents", "one_time_gross_cents",
    "updated_at", "items_json", "history_json", "recipients_json",
)  # fmt: skip
# An upsert keeps the row (and its row_id, which the search index refers to): no delete and
# re-insert of the row, its index entries and its search tokens when a known order changes.
_SQL_ORDER = _insert("orders", ORDER_COLUMNS) + " ON CONFLICT (id) DO UPDATE SET " + ", ".join(
    f"{column} = excluded.{column}" for column in ORDER_COLUMNS[1:]
)
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
ts = format_timestamp


def _json_list(values: Sequence[str]) -> str:
    return json.dumps(values, ensure_ascii=False) if values else _EMPTY_LIST


def _optional_ts(value: datetime | None) -> str | None:
    return None if value is None else format_timestamp(value)


_dump_items = TypeAdapter(list[CartItemOut]).dump_json
_dump_history = TypeAdapter(list[StatusEventOut]).dump_json
_dump_recipients = TypeAdapter(list[RecipientOut]).dump_json


def order_row(order: OrderOut) -> Row:
    """The `orders` row of an order, in `ORDER_COLUMNS` order (public for the benchmarks).

    Items, history and recipients are stored as their wire JSON (pydantic's serializer; one
    TypeAdapter call per list measured fastest, ahead of model_dump_json per element).
    """
    totals = order.totals
    history = order.history
    recipients = order.recipients
    # The enums are StrEnums: sqlite3 binds them as their text value, no `.value` lookups.
    return (
        order.id, order.order_number, ts(order.created_at), order.customer_id,
        order.customer_name, order.tenant_id, order.tenant_name,
        order.business_transaction, order.product_family, order.product_code,
        order.product_name_de, order.product_name_en, order.status, order.contract_id,
        order.contract_number, order.clearing_note, order.created_by, order.created_by_name,
        order.quote_id, order.quote_number, order.cart_id, order.automation,
        ts(order.expected_completion_at), order.approver_email, order.quote_created_by_name,
        totals.monthly_net_cents, totals.monthly_gross_cents, totals.one_time_net_cents,
        totals.one_time_gross_cents, ts(order.updated_at),
        _dump_items(order.items).decode(),
        _dump_history(history).decode() if history else _EMPTY_LIST,
        _dump_recipients(recipients).decode() if recipients else _EMPTY_LIST,
    )  # fmt: skip


_Local = tuple[str | None, str | None, str | None]  # local_path, local_sha256, downloaded_at
_NOT_KEPT: _Local = (None, None, None)


def _write_orders(connection: Connection, orders: Sequence[OrderOut]) -> None:
    """Upsert the orders; replace their documents, keeping a downloaded document's local
    copy while the backend's digest still matches it (or the backend gives none)."""
    connection.exec_driver_sql(_SQL_ORDER, [order_row(order) for order in orders])
    ids = json.dumps([order.id for order in orders])
    kept: dict[str, _Local] = {
        doc_id: (path, digest, at)
        for doc_id, path, digest, at in connection.exec_driver_sql(_SQL_DROP_DOCUMENTS, (ids,))
        if path is not None
    }
    documents: list[Row] = []
    add = documents.append
    for order in orders:
        oid = order.id
        for position, doc in enumerate(order.documents):
            local = _NOT_KEPT
            if kept:
                keep = kept.get(doc.id)
                if keep is not None and (doc.sha256 is None or doc.sha256 == keep[1]):
                    local = keep
            add((
                doc.id, oid, position, doc.kind, doc.title_de, doc.title_en, doc.filename,
                doc.media_type, doc.size, doc.sha256, *local,
            ))  # fmt: skip
    if documents:
        connection.exec_driver_sql(_SQL_DOCUMENT, documents)


def _customer_row(party: PartyOut) -> Row:
    address = party.address
    return (
        party.id, party.tenant_id, party.kind.value, party.customer_number, party.company,
        party.contact_name, party.email, address.street, address.postal_code, address.city,
        address.country, ts(party.updated_at),
    )  # fmt: skip


def _contract_row(contract: ContractOut) -> Row:
    return (
        contract.id, contract.tenant_id, contract.customer_id, contract.contract_number,
        contract.product_code, contract.state.value, contract.start_date.isoformat(),
        contract.minimum_term_months, contract.minimum_term_end.isoformat(),
        contract.change_request.value, ts(contract.updated_at),
    )  # fmt: skip


def _cart_row(cart: CartOut) -> Row:
    items = "[" + ",".join(item.model_dump_json() for item in cart.items) + "]"
    totals = cart.totals
    return (
        cart.id, cart.tenant_id, cart.customer_id, cart.business_transaction.value,
        cart.contract_id, cart.state.value, items, totals.monthly_net_cents,
        totals.monthly_gross_cents, totals.one_time_net_cents, totals.one_time_gross_cents,
        cart.quote_id, cart.created_by, ts(cart.created_at), ts(cart.updated_at),
    )  # fmt: skip


def _quote_row(quote: QuoteOut) -> Row:
    totals = quote.totals
    return (
        quote.id, quote.quote_number, quote.cart_id, quote.tenant_id, quote.customer_id,
        quote.state.value, quote.created_by, quote.created_by_name, ts(quote.created_at),
        quote.valid_until.isoformat(), _optional_ts(quote.sent_at), _json_list(quote.sent_to),
        quote.extra_recipient, quote.approver_email, _optional_ts(quote.customer_decided_at),
        quote.provider_approval_required, quote.provider_approved_by,
        _optional_ts(quote.provider_approved_at), totals.monthly_net_cents,
        totals.monthly_gross_cents, totals.one_time_net_cents, totals.one_time_gross_cents,
        ts(quote.updated_at),
    )  # fmt: skip


def _describe(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)


def apply_page(
    store: CacheStore,
    upserts: Sequence[Record],
    deletes: Sequence[tuple[ChangeKind, str]],
    cursor: str,
) -> None:
    """Apply one change-feed page and move the cursor, all in one transaction.

    Within the page, the last upsert of a record wins; upserts are applied before deletes, so
    a record created and deleted in the same page ends up deleted (ids are never reused).
    Upserting an order replaces its items (with options and usage locations), history,
    documents and recipients; documents already downloaded keep their local file while the
    backend's digest still matches it. On any failure nothing is written and
    `CacheWriteError` is raised.
    """
    orders: dict[str, OrderOut] = {}
    customers: dict[str, PartyOut] = {}
    contracts: dict[str, ContractOut] = {}
    carts: dict[str, CartOut] = {}
    quotes: dict[str, QuoteOut] = {}
    for record in upserts:
        if isinstance(record, OrderOut):
            orders[record.id] = record
        elif isinstance(record, PartyOut):
            customers[record.id] = record
        elif isinstance(record, ContractOut):
            contracts[record.id] = record
        elif isinstance(record, CartOut):
            carts[record.id] = record
        else:
            quotes[record.id] = record
    try:
        with store.write() as connection:
            if orders:
                _write_orders(connection, list(orders.values()))
            for sql, rows in (
                (_SQL_CUSTOMER, [_customer_row(party) for party in customers.values()]),
                (_SQL_CONTRACT, [_contract_row(contract) for contract in contracts.values()]),
                (_SQL_CART, [_cart_row(cart) for cart in carts.values()]),
                (_SQL_QUOTE, [_quote_row(quote) for quote in quotes.values()]),
            ):
                if rows:
                    connection.exec_driver_sql(sql, rows)
            for kind, table in _DELETE_TABLE.items():
                ids = [(record_id,) for deleted_kind, record_id in deletes if deleted_kind == kind]
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
