"""Issue 18, items 1 and 2: a damaged cache file is found, set aside and replaced by a new
cache that keeps what the clerk made (submissions in flight, change marks, notifications).

The faults are injected into a real cache file: its header overwritten, the file truncated
(at a page boundary and inside a page), its schema page or pages in the middle overwritten.
"""

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.cache import health, submissions
from desktop_app.cache.revision import HEAD_REVISION, current_revision
from desktop_app.cache.schema import OrderMarkRow, OrderRow
from desktop_app.cache.store import CacheStore, is_disk_full
from sqlalchemy import func, insert, select
from sqlalchemy.exc import OperationalError

from tests.gui import orders

NOW = datetime(2025, 3, 11, 9, 30, tzinfo=UTC)
KEYS = ("6f1c2a4e-0b7d-4c1e-9a55-3b2f8d7e1a01", "0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b")
ORDERS = 1500


def page_size(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed cache with orders, a submission in flight, a finished one and a mark."""
    path = tmp_path_factory.mktemp("healthy") / "cache.sqlite3"
    store = CacheStore(path)
    orders.fill(store, orders.generated(ORDERS))
    submissions.record(store, KEYS[0], "cart-1", "quote-1", NOW)
    submissions.record(store, KEYS[1], "cart-2", None, NOW)
    submissions.finish(store, KEYS[1], "order-2", "A-2", NOW)
    with store.write() as connection:
        connection.execute(insert(OrderMarkRow), [{"order_id": "o-1", "changed_at": NOW}])
    store.dispose()
    assert not path.with_name(path.name + "-wal").exists()  # all in the main file
    return path


@pytest.fixture
def cache(healthy: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cache.sqlite3"
    shutil.copy(healthy, copy)
    return copy


def overwrite(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(os.urandom(length))


def damage_header(path: Path) -> None:
    overwrite(path, 0, 100)


def truncate_at_page(path: Path) -> None:
    size = page_size(path)
    os.truncate(path, (path.stat().st_size // size // 2) * size)


def truncate_inside_page(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2 + 123)


def damage_schema(path: Path) -> None:
    overwrite(path, 100, page_size(path) - 100)  # the rest of page 1: sqlite_master


def damage_middle_pages(path: Path) -> None:
    size = page_size(path)
    pages = path.stat().st_size // size
    overwrite(path, (pages // 2) * size, 6 * size)


def test_a_healthy_cache_passes_both_checks(cache: Path) -> None:
    assert health.quick_check(cache) is None
    assert health.deep_check(cache) is None


def test_a_missing_or_empty_file_is_a_new_cache(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert health.quick_check(missing) is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert health.quick_check(empty) is None


@pytest.mark.parametrize("damage", [damage_header, truncate_at_page, truncate_inside_page,
                                    damage_schema])
def test_the_quick_check_finds_what_breaks_opening(cache: Path, damage: object) -> None:
    assert callable(damage)
    damage(cache)
    reason = health.quick_check(cache)
    assert reason, "not found"
    assert health.deep_check(cache) is not None


def test_the_full_check_finds_damaged_pages_in_the_middle(cache: Path) -> None:
    damage_middle_pages(cache)
    assert health.deep_check(cache) is not None


def test_without_the_check_opening_the_damaged_cache_fails(cache: Path) -> None:
    """What the check guards against (the issue's traceback at start)."""
    damage_header(cache)
    with pytest.raises((sqlite3.DatabaseError, OperationalError, Exception)) as raised:
        CacheStore(cache).dispose()
    assert health.is_damage(raised.value)


def in_flight_keys(store: CacheStore) -> list[str]:
    return [pending.idempotency_key for pending in submissions.in_flight(store)]


@pytest.mark.parametrize("damage", [truncate_at_page, truncate_inside_page,
                                    damage_middle_pages])
def test_recovery_sets_the_file_aside_and_keeps_the_clerks_rows(cache: Path,
                                                                 damage: object) -> None:
    assert callable(damage)
    damage(cache)
    damaged_bytes = cache.read_bytes()
    recovery = health.recover(cache, "test", NOW.replace(tzinfo=None))
    assert recovery.aside.parent == cache.parent
    assert recovery.aside.name.startswith("cache.damaged-20250311-093000")
    assert recovery.aside.read_bytes() == damaged_bytes  # kept as it was, for support
    assert current_revision(cache) == HEAD_REVISION
    assert health.quick_check(cache) is None and health.deep_check(cache) is None
    with CacheStore(cache) as store:
        assert in_flight_keys(store) == [KEYS[0]]
        finished = submissions.submission(store, KEYS[1])
        assert finished is not None and finished.order_id == "order-2"
        with store.session() as session:
            marks = session.scalar(select(func.count()).select_from(OrderMarkRow))
            assert session.scalar(select(func.count()).select_from(
                OrderRow)) == 0  # the sync rebuilds the orders
    # The change marks come back while SQLite can read the schema (a truncation cuts it:
    # a bulk load rewrites it at the end of the file); submissions come back either way.
    assert marks == (1 if damage is damage_middle_pages else 0)


def test_with_the_header_gone_the_submissions_are_found_in_the_pages(cache: Path) -> None:
    damage_header(cache)
    recovery = health.recover(cache, "test", NOW.replace(tzinfo=None))
    assert "pending_submissions" in recovery.salvage.unreadable  # SQLite read nothing
    assert recovery.salvage.from_pages == 2
    with CacheStore(cache) as store:
        assert in_flight_keys(store) == [KEYS[0]]
        finished = submissions.submission(store, KEYS[1])
        assert finished is not None and finished.order_id == "order-2"


def test_nothing_found_when_the_submission_pages_are_gone_too(cache: Path) -> None:
    overwrite(cache, 0, cache.stat().st_size)
    recovery = health.recover(cache, "test", NOW.replace(tzinfo=None))
    assert recovery.salvage.count("pending_submissions") == 0
    assert "pending_submissions" in recovery.salvage.unreadable  # the notice says: check
    with CacheStore(cache) as store:
        assert in_flight_keys(store) == []


def test_side_files_move_aside_with_the_cache(cache: Path) -> None:
    wal = cache.with_name(cache.name + "-wal")
    wal.write_bytes(b"w" * 10)
    aside = health.move_aside(cache, NOW.replace(tzinfo=None))
    assert not cache.exists() and not wal.exists()
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"w" * 10
    shutil.copy(aside, cache)
    again = health.move_aside(cache, NOW.replace(tzinfo=None))
    assert again != aside  # the same second: a second name, nothing overwritten


def test_a_marked_cache_fails_the_quick_check_until_set_aside(cache: Path) -> None:
    health.mark_damaged(cache, "found by the full check")
    assert health.quick_check(cache) == "found by the full check"
    health.recover(cache, "found by the full check", NOW.replace(tzinfo=None))
    assert not health.damage_marker(cache).exists()
    assert health.quick_check(cache) is None


def test_only_corruption_counts_as_damage(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "plain.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as missing:
        connection.execute("SELECT * FROM nowhere")
    connection.close()
    assert not health.is_damage(missing.value)
    assert not health.is_damage(OSError("disk"))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"x" * 4096)
    with pytest.raises(sqlite3.DatabaseError) as not_a_database:
        sqlite3.connect(garbage).execute("SELECT * FROM sqlite_master").fetchall()
    assert health.is_damage(not_a_database.value)


def test_disk_full_is_recognised_through_the_chain() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    try:
        try:
            raise full
        except sqlite3.OperationalError as error:
            raise RuntimeError("could not finish the bulk load") from error
    except RuntimeError as wrapped:
        assert is_disk_full(wrapped)
    assert is_disk_full(OSError(28, "No space left on device"))
    assert not is_disk_full(RuntimeError("something else"))


def test_a_file_shorter_than_its_header_beside_a_wal_is_not_damage(cache: Path) -> None:
    """A checkpoint that a full disk cut short: the WAL still holds the pages (SQLite reads
    it whole), so the length check must not set a healthy cache aside."""
    truncate_at_page(cache)
    cache.with_name(cache.name + "-wal").write_bytes(b"\0" * 32)
    assert "truncated" not in (health.quick_check(cache) or "")
