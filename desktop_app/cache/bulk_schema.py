"""What a bulk load drops and rebuilds, and its flag: the part `store` and `bulk` share.

`CacheStore` finishes a load that was cut short when it opens a cache, and `bulk` starts and
finishes loads for the sync: both run the functions here, which know neither of them (they
take the store's `write` method), so the imports point one way: `bulk` -> `store` ->
`bulk_schema`. See `bulk` for why and how a bulk load works.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import Connection, Engine, Index, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateIndex

from desktop_app.cache.ddl_0005 import REBUILD_SEARCH, SEARCH_TRIGGERS
from desktop_app.cache.errors import CacheWriteError, describe
from desktop_app.cache.schema import Base, bare_table

__all__ = ["BULK_LOAD_TABLES", "WriteTransaction", "begin", "bulk_indexes", "bulk_loading",
           "finish", "loading"]

BULK_LOAD_TABLES = ("orders", "customers", "contracts", "carts", "quotes")
"""Tables whose secondary indexes are dropped for a bulk load. Not `order_documents`: the
writer replaces a page's documents by order id and a deleted order cascades to them, both
through its order_id index (unique constraints and primary keys always stay)."""

WriteTransaction = Callable[[], AbstractContextManager[Connection]]
"""`CacheStore.write`: one write transaction, committed on exit."""

_DIALECT = sqlite.dialect()
_SYNC_STATE = bare_table("sync_state")
_INSERT_STATE = sqlite.insert(_SYNC_STATE)
_SET_FLAG = _INSERT_STATE.on_conflict_do_update(
    index_elements=[_SYNC_STATE.c.id], set_={"bulk_loading": _INSERT_STATE.excluded.bulk_loading}
)
_READ_FLAG = select(_SYNC_STATE.c.bulk_loading).where(_SYNC_STATE.c.id == 1)


def bulk_indexes() -> list[Index]:
    """The secondary indexes a bulk load drops, from the schema's metadata."""
    tables = Base.metadata.tables
    return sorted(
        (index for name in BULK_LOAD_TABLES for index in tables[name].indexes),
        key=lambda index: str(index.name),
    )


def _create_index_sql(index: Index) -> str:
    return str(CreateIndex(index, if_not_exists=True).compile(dialect=_DIALECT))


def _set_flag(connection: Connection, value: bool) -> None:
    connection.execute(_SET_FLAG, [{"id": 1, "bulk_loading": value}])


def bulk_loading(connection: Connection) -> bool:
    """The flag as `connection` sees it."""
    return bool(connection.execute(_READ_FLAG).scalar())


def loading(engine: Engine) -> bool:
    """True between `begin` and `finish`."""
    with engine.connect() as connection:
        return bulk_loading(connection)


def begin(write: WriteTransaction) -> None:
    """Drop the secondary indexes and search triggers and set the flag (one transaction)."""
    try:
        with write() as connection:
            for name in SEARCH_TRIGGERS:
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            for index in bulk_indexes():
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
            _set_flag(connection, True)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not start the bulk load: {describe(error)}") from error


def finish(write: WriteTransaction) -> None:
    """Recreate indexes and search triggers, rebuild the search index, clear the flag (one
    transaction: cut short, it leaves the flag set)."""
    try:
        with write() as connection:
            for index in bulk_indexes():
                connection.exec_driver_sql(_create_index_sql(index))
            for name, statement in SEARCH_TRIGGERS.items():
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
                connection.exec_driver_sql(statement)
            for statement in REBUILD_SEARCH:
                connection.exec_driver_sql(statement)
            # Full statistics (about 0.2 s for 100,000 orders): with sampled ones
            # (analysis_limit) the planner picked the status index over created_by for the
            # "my orders in status X" list, three times slower.
            connection.exec_driver_sql("ANALYZE")
            _set_flag(connection, False)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not finish the bulk load: {describe(error)}") from error
