"""The reference backend's own database schema (not the client's cache)."""

from datetime import UTC, date, datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from desktop_app.server.search_key import party_search_key

# 64-bit on PostgreSQL (seq, counters, generated ids); SQLite's INTEGER is 64-bit already, and
# only a column declared exactly INTEGER is its rowid, which autoincrement needs.
BigInt = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC: naive UTC in Python (as `utcnow()` makes it) and on SQLite,
    TIMESTAMP WITH TIME ZONE on PostgreSQL. An aware value is converted to UTC first."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(DateTime(timezone=dialect.name == "postgresql"))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        # Aware for PostgreSQL: a naive value would be read in the session's time zone.
        return value.replace(tzinfo=UTC) if dialect.name == "postgresql" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value


def _search_key_default(context: ExecutionContext) -> str:
    values = context.get_current_parameters()  # type: ignore[attr-defined]
    return party_search_key(values["company"], values["customer_number"],
                            values["contact_name"])


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON,
                                                     datetime: UtcDateTime}


class TenantRow(Base):
    __tablename__ = "tenants"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("tenants.id"))
    has_power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    is_provider: Mapped[bool] = mapped_column(Boolean, default=False)


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(32))
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    password_hash: Mapped[str] = mapped_column(String(300))


class TokenRow(Base):
    """Opaque bearer tokens, stored only as sha256 digests."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # access | refresh
    family_id: Mapped[str] = mapped_column(String(64), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PartyRow(Base):
    __tablename__ = "parties"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    customer_number: Mapped[str] = mapped_column(String(32), unique=True)
    company: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    street: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # What the customer search matches (search_key.party_search_key), folded in Python so
    # that SQLite and PostgreSQL find the same; filled on insert (ORM and Core) and update.
    search_key: Mapped[str] = mapped_column(Text, default=_search_key_default,
                                            server_default="")


class ContractRow(Base):
    __tablename__ = "contracts"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    contract_number: Mapped[str] = mapped_column(String(32), unique=True)
    product_code: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date] = mapped_column(Date)
    minimum_term_months: Mapped[int] = mapped_column(Integer)
    change_request: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CartRow(Base):
    __tablename__ = "carts"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    business_transaction: Mapped[str] = mapped_column(String(32))
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contracts.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    items: Mapped[list[Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quote_number: Mapped[str] = mapped_column(String(32), unique=True)
    cart_id: Mapped[str] = mapped_column(ForeignKey("carts.id"), unique=True)  # one per cart
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    state: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_to: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extra_recipient: Mapped[str | None] = mapped_column(String(254))
    approver_email: Mapped[str | None] = mapped_column(String(254))
    customer_decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    provider_approval_required: Mapped[bool] = mapped_column(Boolean)
    provider_approved_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    provider_approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OrderRow(Base):
    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_number: Mapped[str] = mapped_column(String(32), unique=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    cart_id: Mapped[str] = mapped_column(ForeignKey("carts.id"), unique=True)
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quotes.id"))
    business_transaction: Mapped[str] = mapped_column(String(32))
    product_code: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), index=True)
    clearing_note: Mapped[str | None] = mapped_column(Text)
    automation: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contracts.id"))
    contract_number: Mapped[str | None] = mapped_column(String(32))
    # When the simulator moves the order on (real time, the clock speed already applied).
    due_processing_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    due_completion_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    becomes_clearing_case: Mapped[bool] = mapped_column(Boolean, default=False)
    # Frozen at submission: an order is never edited afterwards.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OrderEventRow(Base):
    __tablename__ = "order_events"
    id: Mapped[int] = mapped_column(BigInt, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str | None] = mapped_column(Text)


class DocumentRow(Base):
    """Rendered lazily on first request, then kept so its sha256 never changes."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class OutboxRow(Base):
    """Every email the backend would send; no real mail leaves the reference server."""

    __tablename__ = "email_outbox"
    id: Mapped[int] = mapped_column(BigInt, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    subject: Mapped[str] = mapped_column(String(300))
    reference_id: Mapped[str] = mapped_column(String(64), index=True)
    recipients: Mapped[list[Any]] = mapped_column(JSON)  # [{email, sources: [...]}]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class IdempotencyRow(Base):
    __tablename__ = "idempotency_keys"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChangeRow(Base):
    """Compacted change log: the latest change per record, so `since=0` is a full snapshot."""

    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("kind", "entity_id"),
        Index("ix_change_log_tenant_seq", "tenant_id", "seq"),
        # A narrow copy of the key: counting what remains after a page reads this, not the
        # wide table rows (130 ms -> 5 ms per page at 100,000 orders).
        Index("ix_change_log_seq", "seq"),
    )
    seq: Mapped[int] = mapped_column(BigInt, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64))
    tenant_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))
    # The record as JSON text, served as is: pages are spliced, never decoded and re-encoded.
    data: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class CounterRow(Base):
    """Named counters: the feed sequence, the pruning horizon and business numbers.

    Incrementing a counter row locks it until commit, so sequence numbers commit in order.
    """

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInt)


@event.listens_for(PartyRow, "before_update")
def _refresh_search_key(_mapper: Mapper[PartyRow], _connection: Any, row: PartyRow) -> None:
    row.search_key = party_search_key(row.company, row.customer_number, row.contact_name)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class, for bulk executemany inserts."""
    return cast(Table, model.__table__)
