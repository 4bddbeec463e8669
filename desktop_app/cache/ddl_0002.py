"""FROZEN DDL of migration revision 0002 (the order search): do not edit.

Migration 0002 runs these statements, and bulk loading (`desktop_app.cache.bulk`) drops and
recreates the same triggers and rebuilds the same index, so both always agree. A later change
of the search belongs in a new migration with its own frozen DDL module, never here: editing
this text would silently change what revision 0002 means for caches already created.

An external-content FTS5 table over `orders` (rowid = orders.row_id), kept current by the
standard insert/delete/update triggers. The update trigger fires only when a searched column
really changes (the writer upserts every column of a changed order; most changes touch the
status, not the searched text), and `columnsize=0` drops the per-row token counts that only
ranking would need (the views sort by list columns, never by rank).
"""

SEARCH_TABLE = "order_search"

CREATE_SEARCH_TABLE = """
    CREATE VIRTUAL TABLE order_search USING fts5(
        order_number, customer_name, contract_number, product_name_de, product_name_en,
            product_code,
        content='orders', content_rowid='row_id', columnsize=0,
        tokenize='unicode61 remove_diacritics 2'
    )
"""

# name -> CREATE TRIGGER statement, in creation order.
SEARCH_TRIGGERS: dict[str, str] = {
    "orders_search_insert": """
    CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
        INSERT INTO order_search (rowid, order_number, customer_name, contract_number,
            product_name_de, product_name_en, product_code)
        VALUES (new.row_id, new.order_number, new.customer_name, new.contract_number,
            new.product_name_de, new.product_name_en, new.product_code);
    END
    """,
    "orders_search_delete": """
    CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
        INSERT INTO order_search (order_search, rowid, order_number, customer_name,
            contract_number, product_name_de, product_name_en, product_code)
        VALUES ('delete', old.row_id, old.order_number, old.customer_name, old.contract_number,
            old.product_name_de, old.product_name_en, old.product_code);
    END
    """,
    "orders_search_update": """
    CREATE TRIGGER orders_search_update AFTER UPDATE OF
        row_id, order_number, customer_name, contract_number, product_name_de, product_name_en,
            product_code ON orders
    WHEN old.row_id IS NOT new.row_id
        OR old.order_number IS NOT new.order_number
        OR old.customer_name IS NOT new.customer_name COLLATE BINARY
        OR old.contract_number IS NOT new.contract_number
        OR old.product_name_de IS NOT new.product_name_de COLLATE BINARY
        OR old.product_name_en IS NOT new.product_name_en COLLATE BINARY
        OR old.product_code IS NOT new.product_code
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
}

# Fill the index from the orders table (its external content) from scratch.
REBUILD_SEARCH = "INSERT INTO order_search (order_search) VALUES ('rebuild')"
