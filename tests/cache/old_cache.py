"""Writing into a cache of an older revision, as the app of that revision did."""

from collections.abc import Sequence

from desktop_app.cache import writer
from desktop_app.cache.store import CacheStore


def apply_old_page(store: CacheStore, upserts: Sequence[writer.Upsert], cursor: str) -> None:
    """`writer.apply_page` into a cache from before revision 0007, which had no
    `orders.completed_at`: the column is there only while the page is written (today's
    writer fills it), so the cache is left as an older app's writer left it."""
    with store.write() as connection:
        connection.exec_driver_sql("ALTER TABLE orders ADD COLUMN completed_at VARCHAR(27)")
    writer.apply_page(store, upserts, [], cursor)
    with store.write() as connection:
        connection.exec_driver_sql("ALTER TABLE orders DROP COLUMN completed_at")
