"""Folded search (German spellings, clearing cases) and list sorts with meaningful ties.

The search index is rebuilt over one folded text per order (`desktop_app.cache.ddl_0005`):
"Doerschner" finds "Dörschner" and back, "Clearing" finds the clearing cases. The sort
indexes break ties by the newest order, then its number, instead of the random order id,
and the status sorts by `status_rank`, the workflow's order, instead of its code.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.cache import ddl_0002
from desktop_app.cache.ddl_0005 import (
    CREATE_CLEARING_INDEX,
    CREATE_SEARCH_TABLE,
    DROPPED_INDEXES,
    REBUILD_SEARCH,
    SEARCH_TABLE,
    SEARCH_TRIGGERS,
    SORT_INDEXES,
    STATUS_RANK_SQL,
)

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Revision 0004's sort indexes, for the downgrade.
_OLD_INDEXES = {
    "ix_orders_created_at": "created_at, id, status, business_transaction, product_family, "
                            "created_by",
    "ix_orders_customer_name": "customer_name, id",
    "ix_orders_business_transaction": "business_transaction, id",
    "ix_orders_product_family": "product_family, id",
    "ix_orders_product_name_de": "product_name_de, id",
    "ix_orders_product_name_en": "product_name_en, id",
    "ix_orders_status": "status, id",
    "ix_orders_contract_number": "contract_number, id",
    "ix_orders_updated_at": "updated_at, id",
}  # fmt: skip


def _drop_search(triggers: Sequence[str]) -> None:
    for name in reversed(triggers):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def upgrade() -> None:
    _drop_search(list(ddl_0002.SEARCH_TRIGGERS))
    op.execute(CREATE_SEARCH_TABLE)
    for statement in SEARCH_TRIGGERS.values():
        op.execute(statement)
    for statement in REBUILD_SEARCH:  # the key: SQL function of every cache connection
        op.execute(statement)
    op.execute(f"ALTER TABLE orders ADD COLUMN status_rank INTEGER "
               f"GENERATED ALWAYS AS ({STATUS_RANK_SQL}) VIRTUAL")  # fmt: skip
    for name in (*SORT_INDEXES, *DROPPED_INDEXES):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in SORT_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON orders ({columns})")
    op.execute("DROP INDEX IF EXISTS ix_orders_clearing")
    op.execute(CREATE_CLEARING_INDEX)


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_orders_clearing")
    for name in SORT_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("ALTER TABLE orders DROP COLUMN status_rank")
    for name, columns in _OLD_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON orders ({columns})")
    _drop_search(list(SEARCH_TRIGGERS))
    op.execute(ddl_0002.CREATE_SEARCH_TABLE)
    for statement in ddl_0002.SEARCH_TRIGGERS.values():
        op.execute(statement)
    op.execute(ddl_0002.REBUILD_SEARCH)
