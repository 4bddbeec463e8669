"""Alembic environment of the server's database: always run by desktop_app.server.schema.

The caller passes an open SQLAlchemy connection, already inside the transaction that holds
the migration lock, in ``config.attributes["connection"]``; there is no alembic.ini and no
URL configuration. The whole upgrade commits (or rolls back) with that transaction.
"""

from alembic import context
from sqlalchemy.engine import Connection

from desktop_app.server.db import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run server migrations through desktop_app.server.schema")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite changes most column definitions only by copying the table.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
