"""Full-text search over orders: number, customer, contract number and product.

An external-content FTS5 table over `orders` with its triggers, filled from the orders
already cached. The statements live in `desktop_app.cache.ddl_0002` (frozen: bulk loading
drops and recreates the same triggers), described there.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.cache.ddl_0002 import (
    CREATE_SEARCH_TABLE,
    REBUILD_SEARCH,
    SEARCH_TABLE,
    SEARCH_TRIGGERS,
)

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(CREATE_SEARCH_TABLE)
    for statement in SEARCH_TRIGGERS.values():
        op.execute(statement)
    # Backfill from the orders cached before this revision.
    op.execute(REBUILD_SEARCH)


def downgrade() -> None:
    for name in reversed(SEARCH_TRIGGERS):
        op.execute(f"DROP TRIGGER {name}")
    op.execute(f"DROP TABLE {SEARCH_TABLE}")
