"""Carrying what the change feed does not bring from one cache file to another."""

from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.store import CacheStore

# Catalog metadata comes by ETag, not through the feed: a cache rebuilt from the feed alone
# would lose its status labels and product names until the next catalog fetch.
CATALOG_TABLES = ("statuses", "business_transactions", "products", "meta_etags")
# Local state no backend has: order submissions in flight (their Idempotency-Keys).
LOCAL_TABLES = ("pending_submissions",)


def copy_catalog(source: CacheStore, target: CacheStore) -> None:
    """Replace the target's catalog and local tables with the source's (same revision)."""
    with source.write() as reading:  # a write lock keeps the copy consistent across tables
        tables = {name: reading.exec_driver_sql(f"SELECT * FROM {name}").fetchall()  # noqa: S608
                  for name in CATALOG_TABLES + LOCAL_TABLES}
    try:
        with target.write() as writing:
            for name, rows in tables.items():
                writing.exec_driver_sql(f"DELETE FROM {name}")  # noqa: S608
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    writing.exec_driver_sql(f"INSERT INTO {name} VALUES ({marks})",  # noqa: S608
                                            [tuple(row) for row in rows])
    except Exception as error:
        raise CacheWriteError(f"could not carry the catalog over: {error}") from error
