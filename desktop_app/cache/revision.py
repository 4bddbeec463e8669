"""The cache schema's newest revision, read without Alembic (importing it costs ~135 ms).

`HEAD_REVISION` is the head of cache/migrations (a test compares it with Alembic's); a new
migration bumps it. `current_revision` reads the cache's revision with plain sqlite3.
"""

import sqlite3
from pathlib import Path

__all__ = ["HEAD_REVISION", "current_revision", "is_at_head"]

HEAD_REVISION = "0007"


def current_revision(path: Path) -> str | None:
    """The revision recorded in the cache at `path`; None for a missing, new or foreign file
    (or one that cannot be read: the migration then says why)."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(path, timeout=5.0)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def is_at_head(path: Path) -> bool:
    return current_revision(path) == HEAD_REVISION
