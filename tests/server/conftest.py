"""Fixtures: one seeded live reference server per test session, and logged-in clients."""

from collections.abc import Iterator

import pytest

from tests.server.databases import database_copy, seeded_database
from tests.server.live_server import Api, LiveServer, start_server


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeded demo database, which no server runs on: servers get copies of it
    (`database_copy`). SQLite, or PostgreSQL with ORDERDESK_TEST_DATABASE_URL."""
    with seeded_database(tmp_path_factory.mktemp("demo")) as url:
        yield url


@pytest.fixture(scope="session")
def live_server(demo_database: str,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with database_copy(demo_database, tmp_path_factory.mktemp("live")) as url:
        server = start_server(url)
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
