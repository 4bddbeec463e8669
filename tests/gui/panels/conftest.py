"""Shared by the panel tests: the German locale, a filled cache and its catalogs."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache import queries
from desktop_app.cache.store import CacheStore

from tests.gui.panels import support
from tests.gui.panels.support import Catalogs


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    with support.german_locale():
        yield


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    yield from support.open_filled(tmp_path / "cache.sqlite3")


@pytest.fixture
def catalogs(store: CacheStore) -> Catalogs:
    with store.session() as session:
        return queries.statuses(session), queries.business_transactions(session)
