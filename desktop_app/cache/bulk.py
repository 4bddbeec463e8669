"""Bulk loading: filling an empty or fresh cache without maintaining indexes row by row.

SQLite keeping the orders' list indexes and the search index current page by page caps a
full sync near 10,000 orders/s; writing the rows bare and building each index once at the
end is about twice as fast. `begin_bulk_load` drops the secondary indexes of the large tables
and the search triggers and sets `sync_state.bulk_loading`; `apply_page` works unchanged
meanwhile; `finish_bulk_load` recreates the indexes from the schema's metadata (the same
definitions migration 0001 creates; a test compares the two), recreates the triggers from
the frozen DDL of revision 0005, rebuilds the search index, refreshes the planner's
statistics and clears the flag. While the flag is set the text search does not see the new
orders and sorts scan instead of using an index; a cache opened with the flag set was cut
mid-load and `CacheStore` finishes the load first.
"""

from desktop_app.cache import bulk_schema
from desktop_app.cache.bulk_schema import BULK_LOAD_TABLES, bulk_indexes, bulk_loading
from desktop_app.cache.store import CacheStore

__all__ = ["BULK_LOAD_TABLES", "begin_bulk_load", "bulk_indexes", "bulk_loading",
           "finish_bulk_load", "is_bulk_loading"]


def begin_bulk_load(store: CacheStore) -> None:
    """Drop the secondary indexes and search triggers and set the flag (one transaction).

    Meant for an empty or fresh cache; on a filled one it is correct but the finish rebuilds
    everything. Calling it again while loading changes nothing.
    """
    bulk_schema.begin(store.write)


def finish_bulk_load(store: CacheStore) -> None:
    """Recreate indexes and search triggers, rebuild the search index, clear the flag.

    One transaction: cut short, it leaves the flag set and is redone at the next open.
    Harmless when no bulk load is in progress (it then rebuilds the search index anyway).
    """
    bulk_schema.finish(store.write)


def is_bulk_loading(store: CacheStore) -> bool:
    """True between `begin_bulk_load` and `finish_bulk_load`."""
    return bulk_schema.loading(store.engine)
