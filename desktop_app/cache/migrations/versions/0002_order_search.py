"""Full-text search over orders: number, customer, contract number and product.

An external-content FTS5 table over `orders` (rowid = orders.row_id), kept current by the
standard insert/delete/update triggers, and filled from the orders already cached.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = (
    """
    CREATE VIRTUAL TABLE order_search USING fts5(
        order_number, customer_name, contract_number, product_name_de, product_name_en,
            product_code,
        content='orders', content_rowid='row_id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
        INSERT INTO order_search (rowid, order_number, customer_name, contract_number,
            product_name_de, product_name_en, product_code)
        VALUES (new.row_id, new.order_number, new.customer_name, new.contract_number,
            new.product_name_de, new.product_name_en, new.product_code);
    END
    """,
    """
    CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
        INSERT INTO order_search (order_search, rowid, order_number, customer_name,
            contract_number, product_name_de, product_name_en, product_code)
        VALUES ('delete', old.row_id, old.order_number, old.customer_name, old.contract_number,
            old.product_name_de, old.product_name_en, old.product_code);
    END
    """,
    """
    CREATE TRIGGER orders_search_update AFTER UPDATE OF
        row_id, order_number, customer_name, contract_number, product_name_de, product_name_en,
            product_code ON orders
    BEGIN
        INSERT INTO order_search (order_search, rowid, order_number, customer_name,
            contract_number, product_name_de, product_name_en, product_code)
        VALUES ('delete', old.row_id, old.order_number, old.customer_name, old.contract_number,
            old.product_name_de, old.product_name_en, old.product_code);
        INSERT INTO order_search (rowid, order_number, customer_name, contract_number,
            product_name_de, product_name_en, product_code)
        VALUES (new.row_id, new.order_number, new.customer_name, new.contract_number,
            new.product_name_de, new.product_name_en, new.product_code);
    END
    """,
    # Backfill from the orders cached before this revision.
    "INSERT INTO order_search (order_search) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER orders_search_update")
    op.execute("DROP TRIGGER orders_search_delete")
    op.execute("DROP TRIGGER orders_search_insert")
    op.execute("DROP TABLE order_search")
