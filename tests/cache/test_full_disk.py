"""Issue 18, item 3, in the cache: a bulk load cut by a full disk (a real tmpfs filled up)
leaves a cache that opens and reads, repairs once there is space, and never half-applies."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache import bulk_schema
from desktop_app.cache.errors import CacheError
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import begin_bulk_load, finish_bulk_load
from sqlalchemy import text

from tests.gui import orders
from tests.launch.tmpfs import fill, mounted_tmpfs

ORDERS = 2000


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", 24) as folder:
        yield folder


def count(store: CacheStore, sql: str) -> int:
    with store.session() as session:
        return int(session.execute(text(sql)).scalar() or 0)


def indexes(store: CacheStore) -> int:
    return count(store, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                        " AND name NOT LIKE 'sqlite_%'")


def loaded_then_full(path: Path) -> Path:
    """A bulk load whose index build meets a full disk; the filler's path."""
    store = CacheStore(path)
    begin_bulk_load(store)
    orders.fill(store, orders.generated(ORDERS))
    filler = fill(path.parent)
    with pytest.raises(CacheError) as raised:
        finish_bulk_load(store)
    assert "disk is full" in raised.value.message("en")
    store.dispose()
    return filler


def test_a_cache_cut_by_a_full_disk_opens_reads_and_repairs_later(disk: Path) -> None:
    path = disk / "cache.sqlite3"
    filler = loaded_then_full(path)
    store = CacheStore(path)  # raised while the disk was full before issue 18
    try:
        assert store.unrepaired is not None
        assert count(store, "SELECT count(*) FROM orders") == ORDERS  # readable offline
        before = indexes(store)
        with pytest.raises(CacheError):
            store.repair()  # still full: rolled back, nothing half-built
        assert indexes(store) == before and bulk_schema.loading(store.engine)
        filler.unlink()
        store.repair()
        assert store.unrepaired is None and not bulk_schema.loading(store.engine)
        assert indexes(store) > before
        assert count(store, "SELECT count(*) FROM orders") == ORDERS
        with store.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        store.dispose()


def test_a_write_that_meets_a_full_disk_is_not_half_applied(disk: Path) -> None:
    path = disk / "cache.sqlite3"
    store = CacheStore(path)
    try:
        orders.fill(store, orders.generated(200))
        filler = fill(disk)
        more = orders.generated(3000, seed=99, first=10_000)
        with pytest.raises(CacheError):
            orders.fill(store, more, page=3000)  # one page, one transaction
        assert count(store, "SELECT count(*) FROM orders") == 200
        filler.unlink()
        orders.fill(store, more, page=3000)
        assert count(store, "SELECT count(*) FROM orders") == 3200
    finally:
        store.dispose()


def test_another_repair_failure_still_raises(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a full disk opens unrepaired: any other failure is not hidden."""
    path = tmp_path / "cache.sqlite3"
    store = CacheStore(path)
    begin_bulk_load(store)
    store.dispose()

    def broken(_write: object) -> None:
        raise CacheError("could not finish the bulk load: something else")

    monkeypatch.setattr(bulk_schema, "finish", broken)
    with pytest.raises(CacheError):
        CacheStore(path)
    assert path.exists()
