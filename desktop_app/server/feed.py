"""The change feed: record changes and read consistent pages of them.

The log is compacted (one row per record, its latest change), so reading from the start gives
a full snapshot. Sequence numbers come from a counter row that each writer locks until commit,
so they become visible in order: a reader never sees seq N before every seq < N.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop_app.contract.changes import Change, ChangeKind, ChangePage
from desktop_app.server.counters import current_value, next_values, set_at_least
from desktop_app.server.database import FEED_EPOCH, FEED_HORIZON, FEED_SEQ
from desktop_app.server.db import ChangeRow, table_of


class CursorGone(Exception):
    """The cursor is older than the retained window, or from another feed: resync fully."""


class CursorInvalid(ValueError):
    """The cursor is not one this server hands out."""


def record(session: Session, kind: ChangeKind, entity_id: str, tenant_id: str,
           data: dict[str, Any] | None, now: datetime) -> int:
    """Record an upsert (data) or a deletion (None) in the caller's transaction."""
    seq = next_values(session, FEED_SEQ)
    _replace(session, [(seq, kind, entity_id, tenant_id, data)], now)
    return seq


def record_many(session: Session, changes: list[tuple[ChangeKind, str, str, dict[str, Any]]],
                now: datetime) -> None:
    """Bulk upserts for seeding: one counter bump for the whole batch."""
    if not changes:
        return
    last = next_values(session, FEED_SEQ, len(changes))
    first = last - len(changes) + 1
    _replace(session, [(first + offset, kind, entity_id, tenant_id, data)
                       for offset, (kind, entity_id, tenant_id, data) in enumerate(changes)], now)


def _replace(session: Session,
             rows: Iterable[tuple[int, ChangeKind, str, str, dict[str, Any] | None]],
             now: datetime) -> None:
    values = [
        {"seq": seq, "kind": kind.value, "entity_id": entity_id, "tenant_id": tenant_id,
         "op": "upsert" if data is not None else "delete", "data": data, "changed_at": now}
        for seq, kind, entity_id, tenant_id, data in rows
    ]
    if len(values) == 1:
        only = values[0]
        session.execute(delete(ChangeRow).where(ChangeRow.kind == only["kind"],
                                                ChangeRow.entity_id == only["entity_id"]))
    # Core, not ORM bulk: one executemany instead of a statement per row.
    session.connection().execute(insert(table_of(ChangeRow)), values)


def format_cursor(epoch: int, seq: int) -> str:
    return f"{epoch}.{seq}"


def parse_cursor(cursor: str | None) -> tuple[int, int] | None:
    """None means "from the start"; raises CursorInvalid for anything malformed."""
    if cursor is None or cursor in ("", "0"):
        return None
    epoch_text, _, seq_text = cursor.partition(".")
    # ASCII digits only: str.isdigit() also accepts "²" or "١", which int() refuses or reads.
    if not (epoch_text.isascii() and seq_text.isascii() and epoch_text.isdigit()
            and seq_text.isdigit()) or len(cursor) > 40:
        raise CursorInvalid(cursor)
    return int(epoch_text), int(seq_text)


def read_page(session: Session, cursor: str | None, limit: int,
              tenant_ids: frozenset[str] | None) -> ChangePage:
    """One page after `cursor`, for the given tenants (None: all tenants)."""
    epoch = current_value(session, FEED_EPOCH)
    # Read the committed high-water mark first and bound the page by it: every seq up to it
    # is committed, so the page has no gaps even while writers are busy.
    last_seq = current_value(session, FEED_SEQ)
    horizon = current_value(session, FEED_HORIZON)
    parsed = parse_cursor(cursor)
    since = 0
    if parsed is not None:
        cursor_epoch, since = parsed
        if cursor_epoch != epoch or since < horizon or since > last_seq:
            raise CursorGone(cursor)
    query = (select(ChangeRow).where(ChangeRow.seq > since, ChangeRow.seq <= last_seq)
             .order_by(ChangeRow.seq).limit(limit + 1))
    if tenant_ids is not None:
        query = query.where(ChangeRow.tenant_id.in_(tenant_ids))
    rows = list(session.scalars(query))
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_seq = rows[-1].seq if has_more else last_seq
    changes = [Change(seq=row.seq, kind=ChangeKind(row.kind), op="upsert" if row.op == "upsert"
                      else "delete", id=row.entity_id, data=row.data) for row in rows]
    return ChangePage(changes=changes, next_cursor=format_cursor(epoch, next_seq),
                      has_more=has_more)


def prune_tombstones(session: Session, older_than: timedelta, now: datetime) -> int:
    """Forget deletions older than the retention window; older cursors then get 410 Gone."""
    cutoff = now - older_than
    newest_pruned = session.scalar(
        select(ChangeRow.seq).where(ChangeRow.op == "delete", ChangeRow.changed_at <= cutoff)
        .order_by(ChangeRow.seq.desc()).limit(1))
    if newest_pruned is None:
        return 0
    result = session.execute(delete(ChangeRow).where(ChangeRow.op == "delete",
                                                     ChangeRow.seq <= newest_pruned))
    set_at_least(session, FEED_HORIZON, newest_pruned)
    return int(result.rowcount)  # type: ignore[attr-defined]
