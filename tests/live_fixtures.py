"""Fixtures of every test that crosses HTTP, in one place (a plugin of tests/conftest.py): one
seeded reference server per test module on 127.0.0.1, a client logged in to it, an empty
cache, and a check that no thread outlives a test. A module that needs another shape (the
wizard's synced cache) overrides one by name."""

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QThreadPool

from tests.server.databases import drop_leftovers
from tests.sync.support import login, seeded_server


@pytest.fixture(scope="session", autouse=True)
def _drop_leftover_server_databases() -> Iterator[None]:
    """Server databases of servers their tests stop themselves (start_seeded_server): with
    the PostgreSQL switch set, dropped once the session ends."""
    yield
    drop_leftovers()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """A seeded server per module: SQLite, or PostgreSQL with ORDERDESK_TEST_DATABASE_URL."""
    with seeded_server(tmp_path_factory.mktemp("server")) as running:
        yield running


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


def python_threads() -> set[threading.Thread]:
    """Live threads Python started (Qt pool threads appear as daemon dummies: left out)."""
    return {
        thread for thread in threading.enumerate() if not isinstance(thread, threading._DummyThread)
    }


# Threads of the module's server that live until it stops: AnyIO keeps its request workers
# idle in its pool; on PostgreSQL the feed wake-up's sender starts with the first commit and
# its listener reconnects in a new thread.
SERVER_THREADS = frozenset({"AnyIO worker thread", "feed-wakeup-sender", "feed-wakeup-listener"})


def new_threads(before: set[threading.Thread]) -> set[str]:
    """Threads started since `before`, except the module server's own (SERVER_THREADS)."""
    return {thread.name for thread in python_threads() - before
            if thread.name not in SERVER_THREADS}


@pytest.fixture
def no_thread_left() -> Iterator[None]:
    before = python_threads()
    yield
    deadline = time.monotonic() + 30
    while new_threads(before) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = new_threads(before)
    assert not left, left
    assert QThreadPool.globalInstance().activeThreadCount() == 0
