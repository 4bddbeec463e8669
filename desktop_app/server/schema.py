"""The server database's schema under Alembic (desktop_app/server/migrations), in code.

`migrate` brings a database to the newest revision, inside one transaction that first takes
the migration lock, so that several processes opening one database at once (uvicorn
workers, a second server, `--seed-only`) migrate it exactly once: the first does, the others
wait for its commit and then find nothing to do. On PostgreSQL the lock is a
transaction-scoped advisory lock (`pg_advisory_xact_lock`: released by the commit or
rollback, also when the process dies) and the DDL is transactional, so a failed upgrade
leaves the old schema; on SQLite it is the database's write lock (BEGIN IMMEDIATE).

A database made by `create_all` before there were migrations (the tables, no alembic_version)
is adopted: stamped with revision 0001, which is exactly that schema, then upgraded.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from desktop_app.server.engine import SQLITE_IMMEDIATE, make_engine

__all__ = ["HEAD", "current_revision", "head_revision", "migrate", "upgrade"]

SCRIPT_LOCATION = str(Path(__file__).with_name("migrations"))
HEAD = "head"
BASE_REVISION = "0001"  # the schema create_all made before migrations existed
# pg_advisory_xact_lock key of the migration; any constant no other code uses (b"ODmigr01").
MIGRATION_LOCK_KEY = 0x4F44_6D69_6772_3031
# A table every database made by create_all has.
_ADOPTION_MARKER = "counters"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError("the server migrations have no head")
    return head


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the database of `engine` to `revision` (default the newest), exactly once however
    many processes call this at the same time."""
    with engine.connect().execution_options(**{SQLITE_IMMEDIATE: True}) as connection:
        _take_migration_lock(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        config = alembic_config(connection)
        if current is None and inspect(connection).has_table(_ADOPTION_MARKER):
            command.stamp(config, BASE_REVISION)
        command.upgrade(config, revision)
        connection.commit()


def _take_migration_lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                           {"key": MIGRATION_LOCK_KEY})
    else:  # SQLite: BEGIN IMMEDIATE has taken the write lock; start the transaction now
        connection.execute(text("SELECT 1"))


def current_revision(engine: Engine) -> str | None:
    """The database's revision; None for an empty database or one made by create_all."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str, revision: str = HEAD) -> None:
    """Migrate the database at `url` and return (`orderdesk-server migrate`)."""
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        migrate(engine, revision)
    finally:
        engine.dispose()
