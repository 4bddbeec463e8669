"""Alembic migrations of the reference backend's database (run by desktop_app.server.schema)."""
