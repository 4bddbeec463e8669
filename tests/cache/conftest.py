"""Fixtures of the cache tests: a cache file's path and an empty store on it (a module that
needs a filled store, like test_cart_list, defines its own `store`)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore

from tests.cache import records


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"


@pytest.fixture
def store(cache_path: Path) -> Iterator[CacheStore]:
    yield from records.open_store(cache_path)
