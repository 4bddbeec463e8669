"""The cache's tables as SQLAlchemy 2.x typed models.

Rows are written by `writer` with plain executemany (no ORM objects on the hot path) and read
by `queries` with Core selects; the models are the single description of the schema that
the migrations create (tests compare the two).

Timestamps are stored as fixed-width UTC text (``2025-08-14T23:43:55.000000Z``) so that text
order is time order and indexes sort them; lists inside a row (an order's items, history
and recipients in `order_details`, cart items, quote recipients) are JSON text in the wire
format.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    TableClause,
    Text,
    TypeDecorator,
    column,
    desc,
    table,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.cache.ddl_0005 import STATUS_RANK_SQL
from desktop_app.cache.ddl_0007 import COMPLETED_INDEX, COMPLETED_INDEX_COLUMNS

NOCASE = "NOCASE"


def format_timestamp(value: datetime) -> str:
    """UTC, fixed width, sortable as text; naive values are taken as UTC."""
    text = value.isoformat(timespec="microseconds")
    if text.endswith("+00:00"):  # the common case (the wire's "Z"): one call, no arithmetic
        return text[:-6] + "Z"
    offset = value.utcoffset()
    if offset:
        value = value - offset
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class UtcTimestamp(TypeDecorator[datetime]):
    """An aware datetime stored as `format_timestamp` text."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else format_timestamp(value)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        return None if value is None else parse_timestamp(str(value))


class Base(DeclarativeBase):
    pass


def text_nocase() -> String:
    """Names clerks sort by: ASCII case-insensitive (indexes use the same collation)."""
    return String(collation=NOCASE)


def _sort_index(name: str, *extra: str) -> Index:
    """The sort index of a list column, as revision 0005 creates it (`ddl_0005`)."""
    return Index(f"ix_orders_{name}", name, desc(column("created_at")),
                 desc(column("order_number")), "id", *extra)


class OrderRow(Base):
    __tablename__ = "orders"
    # An integer alias of the rowid: the FTS5 index refers to it (text ids cannot).
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    order_number: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    customer_id: Mapped[str] = mapped_column(String)
    customer_name: Mapped[str] = mapped_column(text_nocase())
    tenant_id: Mapped[str] = mapped_column(String)
    tenant_name: Mapped[str] = mapped_column(String)
    business_transaction: Mapped[str] = mapped_column(String)
    product_family: Mapped[str] = mapped_column(String)
    product_code: Mapped[str] = mapped_column(String)
    product_name_de: Mapped[str] = mapped_column(text_nocase())
    product_name_en: Mapped[str] = mapped_column(text_nocase())
    status: Mapped[str] = mapped_column(String)
    contract_id: Mapped[str | None] = mapped_column(String)
    contract_number: Mapped[str | None] = mapped_column(String)
    clearing_note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String)
    created_by_name: Mapped[str] = mapped_column(String)
    quote_id: Mapped[str | None] = mapped_column(String)
    quote_number: Mapped[str | None] = mapped_column(String)
    cart_id: Mapped[str] = mapped_column(String)
    automation: Mapped[str] = mapped_column(String)
    expected_completion_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    approver_email: Mapped[str | None] = mapped_column(String)
    quote_created_by_name: Mapped[str | None] = mapped_column(String)
    monthly_net_cents: Mapped[int] = mapped_column(Integer)
    monthly_gross_cents: Mapped[int] = mapped_column(Integer)
    one_time_net_cents: Mapped[int] = mapped_column(Integer)
    one_time_gross_cents: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    # The status's place in the workflow (received -> in processing -> completed): the
    # status column sorts by it. Computed by SQLite, never written.
    status_rank: Mapped[int] = mapped_column(Integer, Computed(STATUS_RANK_SQL, persisted=False))
    # The time of the order's 'completed' status event while it is completed, else NULL
    # (revision 0007): the completion-day filter and the dashboard read it on its index
    # instead of parsing every completed order's history.
    completed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # The detail panel's lists are in `order_details`: list pages, searches and sorts read
    # only these compact rows.

    __table_args__ = (
        # Every sortable list column, then the newest order first and its number (the
        # tie-break the list sorts by; descending reverses all three) and the id (covering).
        Index("ix_orders_order_number", "order_number", "id"),
        # Covers the filter columns: the default list (newest first) reads only the index.
        Index("ix_orders_created_at", "created_at", "order_number", "id", "status",
              "business_transaction", "product_family", "created_by"),
        *(_sort_index(name) for name in ("customer_name", "business_transaction",
                                         "product_family", "product_name_de",
                                         "product_name_en", "contract_number", "updated_at")),
        _sort_index("status_rank", "status"),
        # The clearing cases (a few percent): their filter and count read only these.
        Index("ix_orders_clearing", "status", "created_at",
              sqlite_where=text("clearing_note IS NOT NULL")),
        # The "my orders" filter. Nothing else: every index costs each written order an
        # insert.
        Index("ix_orders_created_by", "created_by", "created_at"),
        # The completed orders by completion time (revision 0007), covering what the
        # dashboard's completed tile and processing times read.
        Index(COMPLETED_INDEX, *COMPLETED_INDEX_COLUMNS,
              sqlite_where=text("completed_at IS NOT NULL")),
    )


def _order_fk() -> ForeignKey:
    return ForeignKey("orders.id", ondelete="CASCADE")


class OrderDetailRow(Base):
    """One per order: the detail panel's lists in wire format (JSON lists of CartItemOut,
    StatusEventOut and RecipientOut), read only for one order at a time, so no child tables
    to write per item. Apart from `orders` so that list queries touch small rows."""

    __tablename__ = "order_details"
    order_id: Mapped[str] = mapped_column(_order_fk(), primary_key=True)
    items_json: Mapped[str] = mapped_column(Text)
    history_json: Mapped[str] = mapped_column(Text)
    recipients_json: Mapped[str] = mapped_column(Text)


class OrderDocumentRow(Base):
    __tablename__ = "order_documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    order_id: Mapped[str] = mapped_column(_order_fk(), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    title_de: Mapped[str] = mapped_column(String)
    title_en: Mapped[str] = mapped_column(String)
    filename: Mapped[str] = mapped_column(String)
    media_type: Mapped[str] = mapped_column(String)
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    # Filled by `mark_document_downloaded`; kept across upserts of the order while the
    # backend's digest still matches the downloaded file's.
    local_path: Mapped[str | None] = mapped_column(Text)
    local_sha256: Mapped[str | None] = mapped_column(String(64))
    downloaded_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)


class CustomerRow(Base):
    """Customers and prospects (PartyOut, address flattened)."""

    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    customer_number: Mapped[str] = mapped_column(String, index=True)
    company: Mapped[str] = mapped_column(text_nocase(), index=True)
    contact_name: Mapped[str] = mapped_column(String)
    email: Mapped[str | None] = mapped_column(String)
    street: Mapped[str] = mapped_column(String)
    postal_code: Mapped[str] = mapped_column(String)
    city: Mapped[str] = mapped_column(String)
    country: Mapped[str] = mapped_column(String)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class ContractRow(Base):
    __tablename__ = "contracts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    contract_number: Mapped[str] = mapped_column(String, index=True)
    product_code: Mapped[str] = mapped_column(String)
    state: Mapped[str] = mapped_column(String)
    start_date: Mapped[date] = mapped_column(Date)
    minimum_term_months: Mapped[int] = mapped_column(Integer)
    minimum_term_end: Mapped[date] = mapped_column(Date)
    change_request: Mapped[str] = mapped_column(String)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class CartRow(Base):
    __tablename__ = "carts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    business_transaction: Mapped[str] = mapped_column(String)
    contract_id: Mapped[str | None] = mapped_column(String)
    state: Mapped[str] = mapped_column(String)
    items: Mapped[str] = mapped_column(Text)  # JSON list of CartItemOut
    monthly_net_cents: Mapped[int] = mapped_column(Integer)
    monthly_gross_cents: Mapped[int] = mapped_column(Integer)
    one_time_net_cents: Mapped[int] = mapped_column(Integer)
    one_time_gross_cents: Mapped[int] = mapped_column(Integer)
    quote_id: Mapped[str | None] = mapped_column(String)
    created_by: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp, index=True)


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    quote_number: Mapped[str] = mapped_column(String, index=True)
    cart_id: Mapped[str] = mapped_column(String, index=True)
    tenant_id: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    state: Mapped[str] = mapped_column(String)
    created_by: Mapped[str] = mapped_column(String)
    created_by_name: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    valid_until: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    sent_to: Mapped[str] = mapped_column(Text)  # JSON list of emails
    extra_recipient: Mapped[str | None] = mapped_column(String)
    approver_email: Mapped[str | None] = mapped_column(String)
    customer_decided_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    provider_approval_required: Mapped[bool] = mapped_column(Boolean)
    provider_approved_by: Mapped[str | None] = mapped_column(String)
    provider_approved_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    monthly_net_cents: Mapped[int] = mapped_column(Integer)
    monthly_gross_cents: Mapped[int] = mapped_column(Integer)
    one_time_net_cents: Mapped[int] = mapped_column(Integer)
    one_time_gross_cents: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp, index=True)


class StatusRow(Base):
    __tablename__ = "statuses"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    label_de: Mapped[str] = mapped_column(String)
    label_en: Mapped[str] = mapped_column(String)
    explanation_de: Mapped[str] = mapped_column(Text)
    explanation_en: Mapped[str] = mapped_column(Text)


class BusinessTransactionRow(Base):
    __tablename__ = "business_transactions"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    label_de: Mapped[str] = mapped_column(String)
    label_en: Mapped[str] = mapped_column(String)
    acts_on_contract: Mapped[bool] = mapped_column(Boolean)


class ProductRow(Base):
    __tablename__ = "products"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    family: Mapped[str] = mapped_column(String)
    name_de: Mapped[str] = mapped_column(String)
    name_en: Mapped[str] = mapped_column(String)
    monthly_cents: Mapped[int] = mapped_column(Integer)
    one_time_cents: Mapped[int] = mapped_column(Integer)
    minimum_term_months: Mapped[int] = mapped_column(Integer)
    orderable: Mapped[bool] = mapped_column(Boolean)
    options: Mapped[str] = mapped_column(Text)  # JSON list of ProductOptionOut


class MetaEtagRow(Base):
    __tablename__ = "meta_etags"
    name: Mapped[str] = mapped_column(String, primary_key=True)
    etag: Mapped[str] = mapped_column(String)


class SyncStateRow(Base):
    """Exactly one row (id 1): where the change feed stands and how the last sync went."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # Set between `begin_bulk_load` and `finish_bulk_load` (secondary indexes and search
    # triggers dropped); a cache opened with it set was cut mid-load and is repaired.
    bulk_loading: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))

    __table_args__ = (CheckConstraint("id = 1", name="ck_sync_state_single_row"),)


class PendingSubmissionRow(Base):
    """An order submission, written before the request is sent (revision 0004).

    The Idempotency-Key is created once per wizard; with it stored here first, a crash, a
    timeout or a dropped connection is finished later by resending the same key, which the
    backend answers with the order it already created instead of a second one.
    """

    __tablename__ = "pending_submissions"
    idempotency_key: Mapped[str] = mapped_column(String, primary_key=True)
    cart_id: Mapped[str] = mapped_column(String, index=True)
    quote_id: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    # None while in flight; the order's id and number once the backend confirmed it.
    order_id: Mapped[str | None] = mapped_column(String)
    order_number: Mapped[str | None] = mapped_column(String)
    finished_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    last_error: Mapped[str | None] = mapped_column(Text)


class OrderMarkRow(Base):
    """An order that changed through a live feed page since the clerk last opened it
    (revision 0006). Local state: no backend has it; a full resync carries it over."""

    __tablename__ = "order_marks"
    order_id: Mapped[str] = mapped_column(String, primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class NotificationRow(Base):
    """An event the clerk is told about (revision 0006): an order completed or became a
    clearing case, a quote was approved, rejected or expired. Written by `writer.apply_page`
    with tracking on, in the page's transaction; read by `notifications`. Local state, like
    `order_marks`.

    AUTOINCREMENT: ids are never reused, so "the notifications after id N" stays right
    whatever was deleted before.
    """

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String)  # NotificationKind
    entity_kind: Mapped[str] = mapped_column(String)  # "order" | "quote"
    entity_id: Mapped[str] = mapped_column(String)
    number: Mapped[str] = mapped_column(String)  # the order's or the quote's number
    customer_name: Mapped[str] = mapped_column(String)
    detail: Mapped[str | None] = mapped_column(Text)  # contract number / clearing note
    created_by: Mapped[str | None] = mapped_column(String)  # order's submitter, quote's author
    quote_created_by: Mapped[str | None] = mapped_column(String)
    tenant_id: Mapped[str] = mapped_column(String)
    cart_id: Mapped[str | None] = mapped_column(String)  # a quote's cart
    occurred_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    read: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))

    __table_args__ = (
        # The unread ones (the status bar's count, read after every live page): the count
        # reads only these entries, however many read notifications have piled up.
        Index("ix_notifications_unread", "id", sqlite_where=text("read = 0")),
        {"sqlite_autoincrement": True},
    )


def bare_table(name: str, columns: Sequence[str] | None = None) -> TableClause:
    """Table `name` with its columns by name only, without the models' Python-side types:
    for Core statements that bind values already in their stored form (the writer formats
    timestamps, dates and JSON itself) or copy them as stored.

    `columns`: only these, in this order (each one of the table's; KeyError otherwise).
    """
    known = Base.metadata.tables[name].columns
    names = [c.name for c in known] if columns is None else [known[c].name for c in columns]
    return table(name, *(column(c) for c in names))
