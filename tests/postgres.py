"""Throwaway PostgreSQL databases for tests: one switch, ORDERDESK_TEST_DATABASE_URL.

Unset, the server and sync tests run on SQLite files. Set to a PostgreSQL URL whose user may
create databases (CI: `.ci/start_postgres.sh` prints one), every test server gets a fresh
database of its own in that cluster, dropped again at the end.
"""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import make_url

if TYPE_CHECKING:  # psycopg is optional for the SQLite runs
    import psycopg

TEST_DATABASE_ENV = "ORDERDESK_TEST_DATABASE_URL"


def admin_url() -> str | None:
    """The PostgreSQL URL the switch names; None when the tests run on SQLite."""
    url = os.environ.get(TEST_DATABASE_ENV, "").strip()
    return url or None


def require_postgres() -> str:
    """The admin URL, or skip the calling test: it is about several processes on one server
    database, which SQLite does not offer (CI runs it with the switch set)."""
    url = admin_url()
    if url is None:
        pytest.skip(f"needs PostgreSQL: set {TEST_DATABASE_ENV}")
    return url


def _connect(url: str) -> "psycopg.Connection[tuple[object, ...]]":
    import psycopg  # only when the switch is set

    parsed = make_url(url).set(drivername="postgresql")
    return psycopg.connect(parsed.render_as_string(hide_password=False), autocommit=True)


def create_database(admin: str, prefix: str = "orderdesk_test") -> str:
    """A new, empty database in the admin URL's cluster; its SQLAlchemy URL."""
    name = f"{prefix}_{secrets.token_hex(6)}"
    with _connect(admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')  # name: our prefix and hex digits
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_database(admin: str, url: str) -> None:
    name = make_url(url).database
    with _connect(admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_database(sqlite_path: str) -> Iterator[str]:
    """A database URL for one test server: PostgreSQL when the switch is set, else the given
    SQLite file."""
    admin = admin_url()
    if admin is None:
        yield f"sqlite:///{sqlite_path}"
        return
    url = create_database(admin)
    try:
        yield url
    finally:
        drop_database(admin, url)

