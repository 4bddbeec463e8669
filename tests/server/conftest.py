"""Fixtures: one seeded live reference server per test session, and logged-in clients."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.server.database import Database
from desktop_app.server.seed import seed_demo

from tests.server.live_server import Api, LiveServer, start_server


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("demo") / "server.sqlite3"
    url = f"sqlite:///{path}"
    database = Database(url)
    seed_demo(database)
    database.dispose()
    return url


@pytest.fixture(scope="session")
def live_server(demo_database: str) -> Iterator[LiveServer]:
    server = start_server(demo_database)
    yield server
    server.stop()


@pytest.fixture
def clerk(live_server: LiveServer) -> Iterator[Api]:
    """max.nord: partner clerk of Nordlicht (with power of attorney and a sub-tenant)."""
    api = Api(live_server, "max.nord")
    yield api
    api.close()


@pytest.fixture
def other_clerk(live_server: LiveServer) -> Iterator[Api]:
    """paul.sued: partner clerk of Südwest (no power of attorney)."""
    api = Api(live_server, "paul.sued")
    yield api
    api.close()


@pytest.fixture
def provider(live_server: LiveServer) -> Iterator[Api]:
    api = Api(live_server, "anna.berger")
    yield api
    api.close()


@pytest.fixture
def anonymous(live_server: LiveServer) -> Iterator[Api]:
    api = Api(live_server)
    yield api
    api.close()
