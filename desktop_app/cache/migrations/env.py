"""Alembic environment for the cache: always run programmatically by desktop_app.cache.migrate.

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``; there
is no alembic.ini and no URL configuration.
"""

from alembic import context
from sqlalchemy.engine import Connection

from desktop_app.cache.schema import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run cache migrations through desktop_app.cache.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
