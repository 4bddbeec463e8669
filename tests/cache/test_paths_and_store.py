"""One file per account; the store's SQLite settings; threads."""

import threading
from pathlib import Path

from desktop_app.cache import paths
from desktop_app.cache.store import CacheStore
from sqlalchemy import text


def test_one_file_per_url_tenant_and_user(tmp_path: Path) -> None:
    a = paths.cache_file("https://orders.example/api", "t-nord", "max.nord", root=tmp_path)
    assert a == paths.cache_file("https://orders.example/api/", "t-nord", "max.nord", tmp_path)
    others = {
        paths.cache_file("https://orders.example/api", "t-nord", "lena.hh", root=tmp_path),
        paths.cache_file("https://orders.example/api", "t-sued", "max.nord", root=tmp_path),
        paths.cache_file("https://other.example/api", "t-nord", "max.nord", root=tmp_path),
    }
    assert a not in others
    assert len(others) == 3
    assert a.parent == tmp_path
    assert a.suffix == ".sqlite3"
    assert "max-nord" in a.name


def test_default_root_is_the_platform_user_data_dir() -> None:
    path = paths.cache_file("http://127.0.0.1:8000", "t", "u")
    assert path.parent.name == "caches"
    assert "OrderDesk" in str(path)


def test_documents_dir_belongs_to_its_cache(tmp_path: Path) -> None:
    cache = paths.cache_file("http://127.0.0.1:8000", "t", "u", root=tmp_path)
    assert paths.documents_dir(cache).parent == tmp_path
    assert paths.documents_dir(cache) != paths.documents_dir(cache.with_name("other.sqlite3"))


def test_wal_foreign_keys_synchronous_busy_timeout(store: CacheStore) -> None:
    with store.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert int(session.execute(text("PRAGMA busy_timeout")).scalar() or 0) >= 1000


def test_sessions_work_from_other_threads(store: CacheStore) -> None:
    results: list[object] = []

    def read() -> None:
        with store.session() as session:
            results.append(session.execute(text("SELECT count(*) FROM orders")).scalar())

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0, 0, 0, 0]


def test_reopening_keeps_data(cache_path: Path) -> None:
    with CacheStore(cache_path) as first, first.write() as connection:
        connection.exec_driver_sql("INSERT INTO meta_etags (name, etag) VALUES ('x', 'y')")
    with CacheStore(cache_path) as second, second.session() as session:
        assert session.execute(text("SELECT etag FROM meta_etags")).scalar() == "y"


def test_readers_get_a_small_page_cache_writers_a_large_one_while_writing(
    store: CacheStore,
) -> None:
    from desktop_app.cache.engine import READ_CACHE_KIB, WRITE_CACHE_KIB

    def cache_size(connection: object) -> int:
        return int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())  # type: ignore[attr-defined]

    with store.session() as session:
        assert cache_size(session.connection()) == -READ_CACHE_KIB
    with store.write() as connection:
        assert cache_size(connection) == -WRITE_CACHE_KIB
    for _ in range(3):  # whichever pooled connection comes next: small again
        with store.session() as session:
            assert cache_size(session.connection()) == -READ_CACHE_KIB
