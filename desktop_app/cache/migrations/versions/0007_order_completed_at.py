"""The orders' completion time as an indexed column.

`orders.completed_at`: the time of a completed order's 'completed' status event (NULL for
the others), filled here from the cached histories (`order_details.history_json`) and by the
writer from then on. The completion-day filter and the dashboard read it on its partial
index instead of parsing every completed order's history (`desktop_app.cache.ddl_0007`).

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.cache.ddl_0007 import COMPLETED_INDEX, COMPLETED_INDEX_COLUMNS, completion_of

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHUNK = 5000


def upgrade() -> None:
    op.execute("ALTER TABLE orders ADD COLUMN completed_at VARCHAR(27)")
    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        "SELECT o.id, d.history_json FROM orders AS o JOIN order_details AS d"
        " ON d.order_id = o.id WHERE o.status = 'completed'").fetchall()
    found = [(at, order_id) for order_id, history_json in rows
             if (at := completion_of(history_json)) is not None]
    for start in range(0, len(found), _CHUNK):
        connection.exec_driver_sql("UPDATE orders SET completed_at = ? WHERE id = ?",
                                   found[start:start + _CHUNK])
    columns = ", ".join(COMPLETED_INDEX_COLUMNS)
    op.execute(f"CREATE INDEX IF NOT EXISTS {COMPLETED_INDEX} ON orders ({columns})"
               " WHERE completed_at IS NOT NULL")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {COMPLETED_INDEX}")
    op.execute("ALTER TABLE orders DROP COLUMN completed_at")
