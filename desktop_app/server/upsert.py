"""INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL: rows created on first use."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop_app.server.db import Base, table_of


def insert_if_absent(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """Insert the row unless one with its primary key exists; True if this call inserted it.

    Race-free across processes: on PostgreSQL an INSERT that meets a concurrent, uncommitted
    insert of the same key waits for that transaction, then does nothing if it committed
    (or inserts if it rolled back) -- no unique violation either way. SQLite serialises all
    writers, so the conflict it sees is always a committed row.
    """
    table = table_of(model)
    keys = [column.name for column in table.primary_key.columns]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table).values(values).on_conflict_do_nothing(
            index_elements=keys)
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(values).on_conflict_do_nothing(
            index_elements=keys)
    else:  # the reference server supports these two (see database.Database)
        raise NotImplementedError(f"insert_if_absent: no ON CONFLICT for {dialect}")
    # RETURNING, not the row count: drivers report -1 for some statements (psycopg here).
    inserted = session.execute(statement.returning(table.primary_key.columns[0])).first()
    return inserted is not None
