"""FROZEN DDL of migration revision 0005 (folded search, sort keys): do not edit.

Migration 0005 runs these statements, and bulk loading (`desktop_app.cache.bulk`) drops and
recreates the same triggers and refills the same index, so both always agree. A later change
belongs in a new migration with its own frozen DDL module (see `ddl_0002`).

The search: a contentless FTS5 table (rowid = orders.row_id) over one text per order, its
`search_key` (`desktop_app.cache.search`): number, customer, contract number, product names
and code, and the words "clearing case" while the order is one, all folded so that German
spellings match (ä/ae, ö/oe, ü/ue, ß/ss). The triggers compute the key with the SQL function
every cache connection registers (`engine.make_engine`); a contentless table forgets what it
indexed, so deleting an entry passes the key computed from the old row again. The update
trigger fires only when a column of the key really changes (most changes touch the status).

The sort: `STATUS_RANK_SQL` is the processing workflow (received -> in processing ->
completed, the domain's `OrderStatus` order) as the virtual column `orders.status_rank`.
"""

SEARCH_TABLE = "order_search"

CREATE_SEARCH_TABLE = """
    CREATE VIRTUAL TABLE order_search USING fts5(
        search_key, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2'
    )
"""

# name -> CREATE TRIGGER statement, in creation order (the names of revision 0002's).
SEARCH_TRIGGERS: dict[str, str] = {
    "orders_search_insert": """
    CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
        INSERT INTO order_search (rowid, search_key) VALUES (new.row_id, orderdesk_search_key(
            new.order_number, new.customer_name, new.contract_number, new.product_name_de,
            new.product_name_en, new.product_code, new.clearing_note));
    END
    """,
    "orders_search_delete": """
    CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
        INSERT INTO order_search (order_search, rowid, search_key)
        VALUES ('delete', old.row_id, orderdesk_search_key(
            old.order_number, old.customer_name, old.contract_number, old.product_name_de,
            old.product_name_en, old.product_code, old.clearing_note));
    END
    """,
    "orders_search_update": """
    CREATE TRIGGER orders_search_update AFTER UPDATE OF
        row_id, order_number, customer_name, contract_number, product_name_de, product_name_en,
            product_code, clearing_note ON orders
    WHEN old.row_id IS NOT new.row_id
        OR old.order_number IS NOT new.order_number
        OR old.customer_name IS NOT new.customer_name COLLATE BINARY
        OR old.contract_number IS NOT new.contract_number
        OR old.product_name_de IS NOT new.product_name_de COLLATE BINARY
        OR old.product_name_en IS NOT new.product_name_en COLLATE BINARY
        OR old.product_code IS NOT new.product_code
        OR (old.clearing_note IS NULL) IS NOT (new.clearing_note IS NULL)
    BEGIN
        INSERT INTO order_search (order_search, rowid, search_key)
        VALUES ('delete', old.row_id, orderdesk_search_key(
            old.order_number, old.customer_name, old.contract_number, old.product_name_de,
            old.product_name_en, old.product_code, old.clearing_note));
        INSERT INTO order_search (rowid, search_key) VALUES (new.row_id, orderdesk_search_key(
            new.order_number, new.customer_name, new.contract_number, new.product_name_de,
            new.product_name_en, new.product_code, new.clearing_note));
    END
    """,
}

# Fill the index from the orders table from scratch (a contentless table has no 'rebuild').
REBUILD_SEARCH: tuple[str, ...] = (
    "INSERT INTO order_search (order_search) VALUES ('delete-all')",
    """INSERT INTO order_search (rowid, search_key)
       SELECT row_id, orderdesk_search_key(order_number, customer_name, contract_number,
           product_name_de, product_name_en, product_code, clearing_note) FROM orders""",
)

STATUS_RANK_SQL = (
    "CASE status WHEN 'received' THEN 0 WHEN 'in_processing' THEN 1 "
    "WHEN 'completed' THEN 2 ELSE 3 END"
)

# The list sorts: a column, then the newest order first, then the order number; the
# descending list is the same reversed, so one index serves both. `id` keeps them covering.
_TIES = "created_at DESC, order_number DESC, id"
SORT_INDEXES: dict[str, str] = {
    "ix_orders_created_at": "created_at, order_number, id, status, business_transaction, "
                            "product_family, created_by",
    "ix_orders_customer_name": f"customer_name, {_TIES}",
    "ix_orders_business_transaction": f"business_transaction, {_TIES}",
    "ix_orders_product_family": f"product_family, {_TIES}",
    "ix_orders_product_name_de": f"product_name_de, {_TIES}",
    "ix_orders_product_name_en": f"product_name_en, {_TIES}",
    "ix_orders_status_rank": f"status_rank, {_TIES}, status",
    "ix_orders_contract_number": f"contract_number, {_TIES}",
    "ix_orders_updated_at": f"updated_at, {_TIES}",
}  # fmt: skip
# The clearing cases (a few percent of the orders): their filter and count read only these.
CREATE_CLEARING_INDEX = (
    "CREATE INDEX ix_orders_clearing ON orders (status, created_at) WHERE clearing_note IS NOT NULL"
)
# Replaced by ix_orders_status_rank (the status filter reads ix_orders_created_at).
DROPPED_INDEXES = ("ix_orders_status",)
