"""Fixtures: one seeded reference server per test module, a client, an empty cache."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache

from tests.sync.support import login, start_seeded_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    running = start_seeded_server(tmp_path_factory.mktemp("server"))
    yield running
    running.stop()


@pytest.fixture
def client(server: EmbeddedServer) -> Iterator[ApiClient]:
    api = login(server)
    yield api
    api.close()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    yield live
    live.close()
