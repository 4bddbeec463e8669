"""Server databases for tests: a SQLite file, or a throwaway PostgreSQL database when
ORDERDESK_TEST_DATABASE_URL is set (tests/postgres.py). Every test server gets one of these,
so the whole server and sync suites run on either database unchanged."""

import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.server.database import Database
from desktop_app.server.seed import seed_demo
from sqlalchemy import make_url

from tests.postgres import admin_url, create_database, drop_database, fresh_database

SQLITE_NAME = "server.sqlite3"

_leftovers: list[str] = []  # PostgreSQL databases dropped only at the session's end
_leftovers_lock = threading.Lock()


@contextmanager
def server_database(folder: Path, name: str = SQLITE_NAME) -> Iterator[str]:
    """An empty database's URL (the server migrates it when it opens it), dropped after."""
    with fresh_database(str(folder / name)) as url:
        yield url


def seed(url: str) -> str:
    """Seeds the demo data set into the database at `url`; returns the URL."""
    database = Database(url)
    try:
        seed_demo(database)
    finally:
        database.dispose()
    return url


@contextmanager
def seeded_database(folder: Path, name: str = SQLITE_NAME) -> Iterator[str]:
    """A freshly seeded database, dropped after. On PostgreSQL a copy of one seeded template
    per test session (a copy takes ~0.05 s, seeding ~3 s)."""
    admin = admin_url()
    if admin is None:
        with server_database(folder, name) as url:
            yield seed(url)
        return
    url = _copy_postgres(admin, _seeded_template(admin))
    try:
        yield url
    finally:
        drop_database(admin, url)


_template: list[str] = []  # the session's seeded PostgreSQL template, made on first use
_template_lock = threading.Lock()


def _seeded_template(admin: str) -> str:
    with _template_lock:
        if not _template:
            url = create_database(admin, "orderdesk_template")
            with _leftovers_lock:
                _leftovers.append(url)
            _template.append(seed(url))
        return _template[0]


@contextmanager
def database_copy(source: str, folder: Path, name: str = SQLITE_NAME) -> Iterator[str]:
    """A copy of the database at `source`, which no one may be connected to (PostgreSQL
    copies it as a template)."""
    admin = admin_url()
    if admin is None:
        copy = folder / name
        shutil.copy(Path(make_url(source).database or ""), copy)
        yield f"sqlite:///{copy}"
        return
    url = _copy_postgres(admin, source)
    try:
        yield url
    finally:
        drop_database(admin, url)


def _copy_postgres(admin: str, source: str) -> str:
    import psycopg  # only when the switch is set

    template = make_url(source).database
    name = f"orderdesk_copy_{secrets.token_hex(6)}"
    admin_dsn = make_url(admin).set(drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        # Names: ours (prefix and hex digits), as tests/postgres.py makes them.
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def unmanaged_seeded_database(folder: Path) -> str:
    """A seeded database for callers that cannot drop it themselves (the caller's server
    stops whenever it likes): a PostgreSQL one is dropped at the end of the test session
    (`drop_leftovers`)."""
    admin = admin_url()
    if admin is None:
        return seed(f"sqlite:///{folder / SQLITE_NAME}")
    url = _copy_postgres(admin, _seeded_template(admin))
    with _leftovers_lock:
        _leftovers.append(url)
    return url


def drop_leftovers() -> None:
    admin = admin_url()
    with _template_lock, _leftovers_lock:
        urls, _leftovers[:], _template[:] = list(_leftovers), [], []
    for url in urls:
        if admin is not None:
            drop_database(admin, url)
