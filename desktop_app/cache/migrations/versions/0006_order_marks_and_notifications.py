"""Local state of the live order status: orders changed since last opened, notifications.

`order_marks`: one row per order that changed through a live feed page since the clerk last
opened it. `notifications`: the events the clerk is told about (order completed, clearing
case, quote approved / rejected / expired). Neither comes from the backend: a full resync
carries both over (`transfer.LOCAL_TABLES`).

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "order_marks",
        sa.Column("order_id", sa.String(), nullable=False),
        sa.Column("changed_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("order_id"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("entity_kind", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("customer_name", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=True),
        sa.Column("quote_created_by", sa.String(), nullable=True),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("cart_id", sa.String(), nullable=True),
        sa.Column("occurred_at", sa.String(length=27), nullable=False),
        sa.Column("read", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_notifications_unread", "notifications", ["id"], unique=False,
                    sqlite_where=sa.text("read = 0"))


def downgrade() -> None:
    op.drop_index("ix_notifications_unread", table_name="notifications")
    op.drop_table("notifications")
    op.drop_table("order_marks")
