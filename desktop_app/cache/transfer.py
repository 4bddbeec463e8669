"""Carrying what the change feed does not bring from one cache file to another."""

from sqlalchemy import delete, insert, select

from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.schema import bare_table
from desktop_app.cache.store import CacheStore

# Catalog metadata comes by ETag, not through the feed: a cache rebuilt from the feed alone
# would lose its status labels and product names until the next catalog fetch.
CATALOG_TABLES = ("statuses", "business_transactions", "products", "meta_etags")
# Local state no backend has: order submissions in flight (their Idempotency-Keys), the
# orders marked changed since the clerk last opened them and the clerk's notifications.
LOCAL_TABLES = ("pending_submissions", "order_marks", "notifications")


def copy_catalog(source: CacheStore, target: CacheStore) -> None:
    """Replace the target's catalog and local tables with the source's (same revision)."""
    tables = {name: bare_table(name) for name in CATALOG_TABLES + LOCAL_TABLES}
    with source.write() as reading:  # a write lock keeps the copy consistent across tables
        rows = {name: [dict(row) for row in reading.execute(select(bare)).mappings()]
                for name, bare in tables.items()}
    try:
        with target.write() as writing:
            for name, bare in tables.items():
                writing.execute(delete(bare))
                if rows[name]:
                    writing.execute(insert(bare), rows[name])
    except Exception as error:
        raise CacheWriteError(f"could not carry the catalog over: {error}") from error
