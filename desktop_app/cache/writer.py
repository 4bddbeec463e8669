"""Writing feed pages, sync bookkeeping, the catalog and downloaded documents into the cache.

`apply_page` is the hot path of a full sync: it turns the page's records into plain tuples
and writes them with executemany, all in ONE transaction together with the page's cursor.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.schema import format_timestamp
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartItemOut, CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.meta import BusinessTransactionOut, ProductOut, StatusOut
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut

Record = OrderOut | PartyOut | ContractOut | CartOut | QuoteOut
Row = tuple[Any, ...]

_CHUNK = 500  # ids per IN (...) list


def _insert(table: str, columns: Sequence[str], verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_ORDER_COLUMNS = (
    "id", "order_number", "created_at", "customer_id", "customer_name", "tenant_id",
    "tenant_name", "business_transaction", "product_family", "product_code",
    "product_name_de", "product_name_en", "status", "contract_id", "contract_number",
    "clearing_note", "created_by", "created_by_name", "quote_id", "quote_number", "cart_id",
    "automation", "expected_completion_at", "approver_email", "quote_created_by_name",
    "monthly_net_cents", "monthly_gross_cents", "one_time_net_cents", "one_time_gross_cents",
    "updated_at",
)  # fmt: skip
_SQL_ORDER = _insert("orders", _ORDER_COLUMNS)
_SQL_ITEM = _insert("order_items", (
    "order_id", "position", "product_code", "product_name_de", "product_name_en", "family",
    "quantity", "monthly_net_cents", "one_time_net_cents", "automatic",
))  # fmt: skip
_SQL_OPTION = _insert("order_item_options", (
    "order_id", "item_position", "position", "code", "name_de", "name_en", "quantity",
    "phone_numbers", "monthly_net_cents", "one_time_net_cents",
))  # fmt: skip
_SQL_LOCATION = _insert("order_usage_locations", (
    "order_id", "item_position", "position", "street", "postal_code", "city", "country",
    "phone_numbers",
))  # fmt: skip
_SQL_EVENT = _insert("order_status_events", ("order_id", "position", "status", "at", "note"))
_SQL_DOCUMENT = _insert("order_documents", (
    "id", "order_id", "position", "kind", "title_de", "title_en", "filename", "media_type",
    "size", "sha256", "local_path", "local_sha256", "downloaded_at",
))  # fmt: skip
_SQL_RECIPIENT = _insert("order_recipients", ("order_id", "position", "email", "sources"))
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


_SOURCES_JSON: dict[tuple[str, ...], str] = {}


def _sources_json(sources: Sequence[str]) -> str:
    """Recipient sources come in a handful of combinations: encode each once."""
    key = tuple(sources)
    text = _SOURCES_JSON.get(key)
    if text is None:
        text = _SOURCES_JSON[key] = json.dumps([str(source) for source in key])
    return text


def _optional_ts(value: datetime | None) -> str | None:
    return None if value is None else format_timestamp(value)


@dataclass
class _KeptDocument:
    local_path: str
    local_sha256: str | None
    downloaded_at: str | None


@dataclass
class _OrderRows:
    orders: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)
    options: list[Row] = field(default_factory=list)
    locations: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    documents: list[Row] = field(default_factory=list)
    recipients: list[Row] = field(default_factory=list)

    def add(self, order: OrderOut, kept: Mapping[str, _KeptDocument]) -> None:
        oid = order.id
        totals = order.totals
        self.orders.append((
            oid, order.order_number, ts(order.created_at), order.customer_id,
            order.customer_name, order.tenant_id, order.tenant_name,
            order.business_transaction.value, order.product_family.value, order.product_code,
            order.product_name_de, order.product_name_en, order.status.value, order.contract_id,
            order.contract_number, order.clearing_note, order.created_by, order.created_by_name,
            order.quote_id, order.quote_number, order.cart_id, order.automation.value,
            ts(order.expected_completion_at), order.approver_email, order.quote_created_by_name,
            totals.monthly_net_cents, totals.monthly_gross_cents, totals.one_time_net_cents,
            totals.one_time_gross_cents, ts(order.updated_at),
        ))  # fmt: skip
        for index, item in enumerate(order.items):
            self._add_item(oid, index, item)
        events = self.events
        for position, event in enumerate(order.history):
            events.append((oid, position, event.status.value, ts(event.at), event.note))
        for position, doc in enumerate(order.documents):
            keep = kept.get(doc.id)
            if keep is not None and doc.sha256 is not None and doc.sha256 != keep.local_sha256:
                keep = None  # the backend has a new version: download it again
            self.documents.append((
                doc.id, oid, position, doc.kind, doc.title_de, doc.title_en, doc.filename,
                doc.media_type, doc.size, doc.sha256,
                keep.local_path if keep else None,
                keep.local_sha256 if keep else None,
                keep.downloaded_at if keep else None,
            ))  # fmt: skip
        recipients = self.recipients
        for position, recipient in enumerate(order.recipients):
            recipients.append((oid, position, recipient.email, _sources_json(recipient.sources)))

    def _add_item(self, oid: str, index: int, item: CartItemOut) -> None:
        self.items.append((
            oid, index, item.product_code, item.product_name_de, item.product_name_en,
            item.family, item.quantity, item.monthly_net_cents, item.one_time_net_cents,
            item.automatic,
        ))  # fmt: skip
        for position, option in enumerate(item.options):
            self.options.append((
                oid, index, position, option.code, option.name_de, option.name_en,
                option.quantity, _json_list(option.phone_numbers), option.monthly_net_cents,
                option.one_time_net_cents,
            ))  # fmt: skip
        for position, location in enumerate(item.usage_locations):
            address = location.address
            self.locations.append((
                oid, index, position, address.street, address.postal_code, address.city,
                address.country, _json_list(location.phone_numbers),
            ))  # fmt: skip

    def write(self, connection: Connection) -> None:
        for sql, rows in (
            (_SQL_ORDER, self.orders),
            (_SQL_ITEM, self.items),
            (_SQL_OPTION, self.options),
            (_SQL_LOCATION, self.locations),
            (_SQL_EVENT, self.events),
            (_SQL_DOCUMENT, self.documents),
            (_SQL_RECIPIENT, self.recipients),
        ):
            if rows:
                connection.exec_driver_sql(sql, rows)


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _existing_orders(
    connection: Connection, ids: Sequence[str]
) -> tuple[list[str], dict[str, _KeptDocument]]:
    """Which of `ids` are cached already, and their downloaded documents."""
    existing: list[str] = []
    kept: dict[str, _KeptDocument] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        found = connection.exec_driver_sql(
            f"SELECT id FROM orders WHERE id IN ({marks})",  # noqa: S608 (marks are only ?)
            tuple(chunk),
        ).all()
        if not found:
            continue
        existing.extend(row[0] for row in found)
        for doc_id, path, digest, at in connection.exec_driver_sql(
            "SELECT id, local_path, local_sha256, downloaded_at FROM order_documents "  # noqa: S608
            f"WHERE local_path IS NOT NULL AND order_id IN ({marks})",
            tuple(chunk),
        ):
            kept[doc_id] = _KeptDocument(path, digest, at)
    return existing, kept


def _write_orders(connection: Connection, orders: Sequence[OrderOut]) -> None:
    existing, kept = _existing_orders(connection, [order.id for order in orders])
    if existing:
        # The children go with their order (ON DELETE CASCADE), the search index by trigger.
        connection.exec_driver_sql("DELETE FROM orders WHERE id = ?", [(i,) for i in existing])
    rows = _OrderRows()
    for order in orders:
        rows.add(order, kept)
    rows.write(connection)


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
    Upserting an order replaces its items, options, usage locations, history, documents and
    recipients; documents already downloaded keep their local file while the backend's digest
    still matches it. On any failure nothing is written and `CacheWriteError` is raised.
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
