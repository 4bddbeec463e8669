"""Pending order submissions: the Idempotency-Key is stored before the request is sent.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_submissions",
        sa.Column("idempotency_key", sa.String(), nullable=False),
        sa.Column("cart_id", sa.String(), nullable=False),
        sa.Column("quote_id", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("order_id", sa.String(), nullable=True),
        sa.Column("order_number", sa.String(), nullable=True),
        sa.Column("finished_at", sa.String(length=27), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("idempotency_key"),
    )
    op.create_index(op.f("ix_pending_submissions_cart_id"), "pending_submissions", ["cart_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pending_submissions_cart_id"), table_name="pending_submissions")
    op.drop_table("pending_submissions")
