"""Is a cache file whole? A cheap check on open, a thorough one in the background, and what
happens to a damaged file: moved aside (kept for support), the clerk's own rows salvaged from
it into a new, empty cache that the sync then fills from the backend.

Why two checks: `PRAGMA quick_check` reads every page (~210 ms for 100,000 orders, a quarter
of the app's cold start), so opening only looks at what a damaged header, a truncated file or
a damaged schema breaks, plus the small tables nothing else can rebuild (a few ms); the full
check runs after the window is shown.

Only SQLite's "corrupt" and "not a database" count as damage: a locked file, a full disk or
an I/O error is not a reason to set the cache aside.
"""

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from desktop_app.cache.page_salvage import scan_pending_submissions
from desktop_app.cache.schema import bare_table
from desktop_app.cache.store import CacheStore
from desktop_app.cache.transfer import LOCAL_TABLES

__all__ = ["SIDE_FILES", "Recovery", "Salvage", "damage_marker", "deep_check", "is_damage",
           "mark_damaged", "move_aside", "quick_check", "recover", "salvage"]

log = logging.getLogger(__name__)

HEADER_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDE_FILES = ("-wal", "-shm", "-journal")
_CORRUPT, _NOT_A_DATABASE = 11, 26  # SQLite's primary result codes
# Small tables read whole on open: what the clerk made (no backend has it) and what the
# sync starts from. Each is checked with SQLite's per-table quick check (about a millisecond).
CHECKED_ON_OPEN = ("alembic_version", "sync_state", *LOCAL_TABLES, "meta_etags")
_MIN_PAGE, _MAX_PAGE = 512, 65_536


def is_damage(error: BaseException) -> bool:
    """True when `error`, or one it was raised from (SQLAlchemy's wrapping, a CacheError),
    is SQLite saying the file is damaged."""
    seen: BaseException | None = error
    while seen is not None:
        original = getattr(seen, "orig", seen)
        if isinstance(original, sqlite3.DatabaseError):
            code = getattr(original, "sqlite_errorcode", None)
            if code is not None:
                return code & 0xFF in (_CORRUPT, _NOT_A_DATABASE)
            words = str(original).lower()
            return "malformed" in words or "not a database" in words
        seen = seen.__cause__ or seen.__context__
    return False


def _header_problem(path: Path) -> str | None:
    """What the first 100 bytes and the file's length say (no SQLite involved)."""
    size = path.stat().st_size
    with path.open("rb") as file:
        header = file.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(HEADER_MAGIC):
        return "the file does not start with an SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    if page_size < _MIN_PAGE or page_size > _MAX_PAGE or page_size & (page_size - 1):
        return f"the header names an impossible page size ({page_size})"
    if header[18] not in (1, 2) or header[19] not in (1, 2) or header[21:24] != b"\x40\x20\x20":
        return "the header's format bytes are damaged"
    if _has_wal(path):
        # A checkpoint cut short (e.g. by a full disk) leaves the file shorter than its
        # header says, while the WAL still holds every page: SQLite reads it whole.
        return None
    if size % page_size:
        return f"the file length ({size} bytes) is not a whole number of pages"
    pages = int.from_bytes(header[28:32], "big")
    counter, valid_for = header[24:28], header[92:96]
    if counter == valid_for and pages * page_size > size:
        return f"the file is truncated ({size} bytes of {pages * page_size})"
    return None


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def _connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, timeout=5.0)
    connection.execute("PRAGMA trusted_schema = OFF")  # a damaged schema runs no triggers
    return connection


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema_problem(connection: sqlite3.Connection) -> str | None:
    tables = {str(name): str(sql or "").upper() for name, sql in connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")}
    for name in CHECKED_ON_OPEN:
        if name in tables:
            result = connection.execute(f"PRAGMA quick_check({_quoted(name)})").fetchall()
            if result != [("ok",)]:
                return f"table {name}: {result[0][0]}"
    for name, sql in tables.items():  # the first and last leaf of every table: root, edges
        if name in CHECKED_ON_OPEN:
            continue
        # Names from the file's own schema, quoted: no input of anyone's.
        connection.execute(f"SELECT 1 FROM {_quoted(name)} LIMIT 1").fetchall()  # noqa: S608
        if "WITHOUT ROWID" not in sql:
            connection.execute(f"SELECT max(rowid) FROM {_quoted(name)}").fetchall()  # noqa: S608
    return None


def damage_marker(path: Path) -> Path:
    """Left beside a cache that a check found damaged while it was open: it is set aside at
    the next start (an open file cannot be moved on Windows, and the window reads it)."""
    return path.with_name(path.name + ".damaged")


def mark_damaged(path: Path, reason: str) -> None:
    try:
        damage_marker(path).write_text(reason + "\n", encoding="utf-8")
    except OSError as error:  # e.g. a full disk: the next start's checks look again
        log.warning("could not mark the cache %s as damaged: %s", path, error)


def _marked(path: Path) -> str | None:
    marker = damage_marker(path)
    try:
        return marker.read_text(encoding="utf-8").strip() or "marked as damaged"
    except FileNotFoundError:
        return None


def quick_check(path: Path) -> str | None:
    """Why the cache at `path` is damaged (English, for the log), or None. A missing or empty
    file is not damaged (it is a new cache); neither is one SQLite cannot open for other
    reasons (locked, unreadable): opening it then says what is wrong."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            damage_marker(path).unlink(missing_ok=True)
            return None
        marked = _marked(path)
        if marked is not None:
            return marked
        problem = _header_problem(path)
        if problem is not None:
            return problem
        connection = _connect_read_only(path)
    except OSError as error:
        log.warning("could not check the cache %s: %s", path, error)
        return None
    except sqlite3.Error as error:
        return str(error) if is_damage(error) else None
    try:
        return _schema_problem(connection)
    except sqlite3.Error as error:
        if is_damage(error):
            return str(error)
        log.warning("could not check the cache %s: %s", path, error)
        return None
    finally:
        connection.close()


def deep_check(path: Path) -> str | None:
    """SQLite's quick check of the whole file (every page: run it off the GUI thread)."""
    try:
        connection = _connect_read_only(path)
    except sqlite3.Error as error:
        return str(error) if is_damage(error) else None
    try:
        result = connection.execute("PRAGMA quick_check(1)").fetchall()
        return None if result == [("ok",)] else str(result[0][0])
    except sqlite3.Error as error:
        if is_damage(error):
            return str(error)
        log.warning("could not check the cache %s: %s", path, error)
        return None
    finally:
        connection.close()


def _aside_path(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.damaged-{stamp}-{number}{path.suffix}")
    return candidate


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the cache and its side files (kept together, so SQLite still pairs them);
    returns the new name of the cache file. The file must not be open (Windows)."""
    aside = _aside_path(path, now)
    path.replace(aside)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    damage_marker(path).unlink(missing_ok=True)
    return aside


@dataclass
class Salvage:
    """The rows read from a damaged cache, per table, and what could not be read."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # table -> why (English)
    from_pages: int = 0  # submissions found only by scanning the file's pages

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


def _read_rows(connection: sqlite3.Connection, table: str,
               orderings: Iterable[str]) -> tuple[list[dict[str, Any]], str | None]:
    """Every row readable by a scan in any of `orderings` (a damaged page ends one scan; an
    index scan may still reach rows beyond it); duplicates removed by rowid."""
    found: dict[int, dict[str, Any]] = {}
    problem: str | None = None
    for order in orderings:
        query = f"SELECT rowid AS _rowid, * FROM {_quoted(table)} {order}"  # noqa: S608 (ours)
        cursor = connection.execute(query)
        names = [column[0] for column in cursor.description]
        try:
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                found.setdefault(int(row.pop("_rowid")), row)
        except sqlite3.Error as error:
            problem = str(error)
            continue
        return list(found.values()), None
    return list(found.values()), problem


def salvage(aside: Path) -> Salvage:
    """The clerk-made rows (LOCAL_TABLES) that can still be read from a damaged cache; when
    SQLite cannot read all submissions, the file's pages are scanned for them too."""
    result = Salvage()
    try:
        connection = _connect_read_only(aside, immutable=True)  # no -shm needed, no writes
    except sqlite3.Error as error:
        result.unreadable = {name: str(error) for name in LOCAL_TABLES}
        connection = None
    if connection is not None:
        try:
            for table in LOCAL_TABLES:
                try:
                    rows, problem = _read_rows(connection, table,
                                               ("ORDER BY rowid", "ORDER BY rowid DESC"))
                except sqlite3.Error as error:  # the table itself is gone or unreadable
                    rows, problem = [], str(error)
                result.rows[table] = rows
                if problem is not None:
                    result.unreadable[table] = problem
        finally:
            connection.close()
    if "pending_submissions" in result.unreadable:
        _add_scanned_submissions(aside, result)
    return result


def _add_scanned_submissions(aside: Path, result: Salvage) -> None:
    read = result.rows.setdefault("pending_submissions", [])
    known = {row.get("idempotency_key") for row in read}
    try:
        scanned = scan_pending_submissions(aside)
    except OSError as error:
        log.warning("could not scan %s for submissions: %s", aside, error)
        return
    extra = [row for row in scanned if row["idempotency_key"] not in known]
    read.extend(extra)
    result.from_pages = len(extra)
    log.info("%d submissions found by scanning the pages of %s", len(extra), aside)


def _restore(path: Path, rescued: Salvage) -> None:
    """A new cache at `path` (migrated to the newest schema) holding the salvaged rows."""
    with CacheStore(path) as store, store.write() as connection:
        for table, rows in rescued.rows.items():
            bare = bare_table(table)
            columns = set(bare.columns.keys())
            kept = [{key: value for key, value in row.items() if key in columns}
                    for row in rows]
            if kept:
                connection.execute(insert(bare).prefix_with("OR IGNORE"), kept)


@dataclass(frozen=True)
class Recovery:
    """What became of a damaged cache: where it was moved and what was carried over."""

    reason: str  # English, for the log
    aside: Path
    salvage: Salvage


def recover(path: Path, reason: str, now: datetime) -> Recovery:
    """Move the damaged cache at `path` aside, salvage its clerk-made rows and start a new
    cache at `path` with them (the sync then fills it from the backend). OSError or a
    CacheError when the folder cannot be written (the damaged file is then where it was, or
    already aside)."""
    aside = move_aside(path, now)
    log.warning("the cache %s is damaged (%s): moved aside to %s", path, reason, aside)
    rescued = salvage(aside)
    for table, problem in rescued.unreadable.items():
        log.warning("salvaging %s from %s: %s (%d rows read)", table, aside, problem,
                    rescued.count(table))
    _restore(path, rescued)
    log.info("new cache %s with %s salvaged", path,
             ", ".join(f"{rescued.count(table)} {table}" for table in LOCAL_TABLES))
    return Recovery(reason, aside, rescued)
