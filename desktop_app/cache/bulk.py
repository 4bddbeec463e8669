"""Bulk loading: filling an empty or fresh cache without maintaining indexes row by row.

SQLite keeping the orders' list indexes and the search index current page by page caps a
full sync near 10,000 orders/s; writing the rows bare and building each index once at the
end is about twice as fast. `begin_bulk_load` drops the secondary indexes of the large tables
and the search triggers and sets `sync_state.bulk_loading`; `apply_page` works unchanged
meanwhile; `finish_bulk_load` recreates the indexes from the schema's metadata (the same
definitions migration 0001 creates; a test compares the two), recreates the triggers from
the frozen DDL of revision 0002, rebuilds the search index, refreshes the planner's
statistics and clears the flag. While the flag is set the text search does not see the new
orders and sorts scan instead of using an index; a cache opened with the flag set was cut
mid-load and `CacheStore` finishes the load first.
"""

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Index
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateIndex

from desktop_app.cache.ddl_0002 import REBUILD_SEARCH, SEARCH_TRIGGERS
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.schema import Base

if TYPE_CHECKING:
    from desktop_app.cache.store import CacheStore

BULK_LOAD_TABLES = ("orders", "customers", "contracts", "carts", "quotes")
"""Tables whose secondary indexes are dropped for a bulk load. Not `order_documents`: the
writer replaces a page's documents by order id and a deleted order cascades to them, both
through its order_id index (unique constraints and primary keys always stay)."""

_DIALECT = sqlite.dialect()


def bulk_indexes() -> list[Index]:
    """The secondary indexes a bulk load drops, from the schema's metadata."""
    tables = Base.metadata.tables
    return sorted(
        (index for name in BULK_LOAD_TABLES for index in tables[name].indexes),
        key=lambda index: str(index.name),
    )


def _create_index_sql(index: Index) -> str:
    return str(CreateIndex(index, if_not_exists=True).compile(dialect=_DIALECT))


def _set_flag(connection: Connection, value: bool) -> None:
    connection.exec_driver_sql(
        "INSERT INTO sync_state (id, bulk_loading) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET bulk_loading = excluded.bulk_loading",
        (value,),
    )


def _describe(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)


def begin_bulk_load(store: "CacheStore") -> None:
    """Drop the secondary indexes and search triggers and set the flag (one transaction).

    Meant for an empty or fresh cache; on a filled one it is correct but the finish rebuilds
    everything. Calling it again while loading changes nothing.
    """
    try:
        with store.write() as connection:
            for name in SEARCH_TRIGGERS:
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            for index in bulk_indexes():
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
            _set_flag(connection, True)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not start the bulk load: {_describe(error)}") from error


def finish_bulk_load(store: "CacheStore") -> None:
    """Recreate indexes and search triggers, rebuild the search index, clear the flag.

    One transaction: cut short, it leaves the flag set and is redone at the next open.
    Harmless when no bulk load is in progress (it then rebuilds the search index anyway).
    """
    try:
        with store.write() as connection:
            for index in bulk_indexes():
                connection.exec_driver_sql(_create_index_sql(index))
            for name, statement in SEARCH_TRIGGERS.items():
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql(REBUILD_SEARCH)
            # Full statistics (about 0.2 s for 100,000 orders): with sampled ones
            # (analysis_limit) the planner picked the status index over created_by for the
            # "my orders in status X" list, three times slower.
            connection.exec_driver_sql("ANALYZE")
            _set_flag(connection, False)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not finish the bulk load: {_describe(error)}") from error


def bulk_loading(connection: Connection) -> bool:
    row = connection.exec_driver_sql("SELECT bulk_loading FROM sync_state WHERE id = 1").first()
    return bool(row[0]) if row is not None else False


def is_bulk_loading(store: "CacheStore") -> bool:
    """True between `begin_bulk_load` and `finish_bulk_load`."""
    with store.engine.connect() as connection:
        return bulk_loading(connection)
