"""Alembic migrations of a cache file, configured in code (no alembic.ini at runtime)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from desktop_app.cache.engine import make_engine

SCRIPT_LOCATION = str(Path(__file__).with_name("migrations"))
HEAD = "head"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def _migration_engine(path: Path) -> Engine:
    # Foreign keys off while migrating: a batch migration recreates tables, and a DROP TABLE
    # with foreign keys on would cascade into the child tables.
    return make_engine(path, foreign_keys=False)


def upgrade(path: Path, revision: str = HEAD) -> None:
    """Bring the cache at `path` (created if missing) to `revision`, by default the newest."""
    engine = _migration_engine(path)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()


def stamp(path: Path, revision: str) -> None:
    """Record `revision` as the cache's state without running anything."""
    engine = _migration_engine(path)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.stamp(config, revision)
            connection.commit()
    finally:
        engine.dispose()


def current_revision(path: Path) -> str | None:
    """The cache's revision, None for a new or foreign file."""
    engine = _migration_engine(path)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError("the cache migrations have no head")
    return head
