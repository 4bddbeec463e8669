"""64-bit sequence, counters and ids; UTC time zone-aware timestamps; the customer search key.

On PostgreSQL the feed's seq, the counters' values and the generated ids (with their
sequences) become BIGINT, and every timestamp TIMESTAMP WITH TIME ZONE (the stored naive
values were UTC). SQLite's INTEGER is 64-bit already and its timestamps stay naive UTC text,
so there only the search key is added. parties.search_key is filled from the stored names by
the folding rule of this revision (frozen below, as desktop_app.server.search_key has it now).

Revision ID: 0002
Revises: 0001
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIGINT_COLUMNS = (("change_log", "seq"), ("counters", "value"), ("order_events", "id"),
                  ("email_outbox", "id"))  # fmt: skip
ID_SEQUENCES = ("order_events_id_seq", "email_outbox_id_seq")
TIMESTAMP_COLUMNS = {
    "tokens": ("expires_at", "revoked_at"),
    "parties": ("updated_at",),
    "contracts": ("updated_at",),
    "carts": ("created_at", "updated_at"),
    "quotes": ("created_at", "sent_at", "customer_decided_at", "provider_approved_at",
               "updated_at"),
    "orders": ("created_at", "due_processing_at", "due_completion_at", "updated_at"),
    "order_events": ("at",),
    "email_outbox": ("created_at",),
    "idempotency_keys": ("created_at",),
    "change_log": ("changed_at",),
}

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_DIGRAPHS = re.compile(r"([aou])e")


def _fold(text: str) -> str:
    return _DIGRAPHS.sub(r"\1", text.casefold().translate(_UMLAUTS))


def _search_key(company: str, customer_number: str, contact_name: str) -> str:
    return "\x1f".join(_fold(part) for part in (company, customer_number, contact_name))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column in BIGINT_COLUMNS:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT")
        for sequence in ID_SEQUENCES:
            op.execute(f"ALTER SEQUENCE {sequence} AS BIGINT")
        for table, columns in TIMESTAMP_COLUMNS.items():
            op.execute(f"ALTER TABLE {table} " + ", ".join(
                f"ALTER COLUMN {column} TYPE TIMESTAMP WITH TIME ZONE USING {column} AT TIME "
                "ZONE 'UTC'" for column in columns))
    # NOT NULL with a default: SQLite adds such a column without copying the table.
    op.add_column("parties", sa.Column("search_key", sa.Text(), nullable=False,
                                       server_default=""))
    _fill_search_keys()


def _fill_search_keys() -> None:
    parties = sa.table("parties", sa.column("id", sa.String()), sa.column("company", sa.String()),
                       sa.column("customer_number", sa.String()),
                       sa.column("contact_name", sa.String()),
                       sa.column("search_key", sa.Text()))
    bind = op.get_bind()
    rows = bind.execute(sa.select(parties.c.id, parties.c.company, parties.c.customer_number,
                                  parties.c.contact_name)).all()
    if rows:
        bind.execute(
            sa.update(parties).where(parties.c.id == sa.bindparam("party_id"))
            .values(search_key=sa.bindparam("key")),
            [{"party_id": row.id, "key": _search_key(row.company, row.customer_number,
                                                      row.contact_name)} for row in rows])


def downgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("search_key")
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in TIMESTAMP_COLUMNS.items():
            op.execute(f"ALTER TABLE {table} " + ", ".join(
                f"ALTER COLUMN {column} TYPE TIMESTAMP WITHOUT TIME ZONE USING {column} AT "
                "TIME ZONE 'UTC'" for column in columns))
        for sequence in ID_SEQUENCES:
            op.execute(f"ALTER SEQUENCE {sequence} AS INTEGER")
        for table, column in BIGINT_COLUMNS:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE INTEGER")
