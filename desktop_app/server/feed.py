"""The change feed: record changes and read consistent pages of them.

The log is compacted (one row per record, its latest change), so reading from the start gives
a full snapshot. Sequence numbers come from a counter row that each writer locks until commit,
so they become visible in order: a reader never sees seq N before every seq < N.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from desktop_app.contract.changes import Change, ChangeKind, ChangePage
from desktop_app.server.counters import current_value, next_values, set_at_least
from desktop_app.server.database import (
    FEED_EPOCH,
    FEED_HORIZON,
    FEED_LAST_SEQ,
    FEED_PRUNED,
    FEED_SEQ,
    FEED_TENANTS,
    json_text,
)
from desktop_app.server.db import ChangeRow, table_of


class CursorGone(Exception):
    """The cursor is older than the retained window, or from another feed: resync fully."""


class CursorInvalid(ValueError):
    """The cursor is not one this server hands out."""


def record(session: Session, kind: ChangeKind, entity_id: str, tenant_id: str,
           data: dict[str, Any] | None, now: datetime) -> int:
    """Record an upsert (data) or a deletion (None) in the caller's transaction."""
    seq = next_values(session, FEED_SEQ)
    session.execute(delete(ChangeRow).where(ChangeRow.kind == kind.value,
                                            ChangeRow.entity_id == entity_id))
    _insert(session, [(seq, kind, entity_id, tenant_id, data)], now)
    return seq


def record_many(session: Session, changes: list[tuple[ChangeKind, str, str, dict[str, Any]]],
                now: datetime) -> None:
    """Bulk upserts of records new to the feed (seeding): one counter bump for the batch."""
    if not changes:
        return
    last = next_values(session, FEED_SEQ, len(changes))
    first = last - len(changes) + 1
    _insert(session, [(first + offset, kind, entity_id, tenant_id, data)
                      for offset, (kind, entity_id, tenant_id, data) in enumerate(changes)], now)


def _insert(session: Session,
            rows: Iterable[tuple[int, ChangeKind, str, str, dict[str, Any] | None]],
            now: datetime) -> None:
    rows_list = list(rows)
    values = [
        {"seq": seq, "kind": kind.value, "entity_id": entity_id, "tenant_id": tenant_id,
         "op": "upsert" if data is not None else "delete",
         "data": json_text(data) if data is not None else None,
         "changed_at": now}
        for seq, kind, entity_id, tenant_id, data in rows_list
    ]
    # Database.write() notifies these tenants' long-polls once the transaction committed.
    session.info.setdefault(FEED_TENANTS, set()).update(value["tenant_id"] for value in values)
    newest = max(seq for seq, *_ in rows_list)
    session.info[FEED_LAST_SEQ] = max(session.info.get(FEED_LAST_SEQ, 0), newest)
    # Core, not ORM bulk: one executemany instead of a statement per row.
    session.connection().execute(insert(table_of(ChangeRow)), values)


def format_cursor(epoch: int, seq: int, horizon: int = 0) -> str:
    """`horizon`: the pruning horizon the reader's replay is already consistent with."""
    return f"{epoch}.{seq}" if horizon == 0 else f"{epoch}.{seq}.{horizon}"


def parse_cursor(cursor: str | None) -> tuple[int, int, int] | None:
    """(epoch, seq, horizon); None means "from the start"; CursorInvalid if malformed."""
    if cursor is None or cursor in ("", "0"):
        return None
    parts = cursor.split(".")
    # ASCII digits only: str.isdigit() also accepts "²" or "١", which int() refuses or reads.
    if len(parts) not in (2, 3) or len(cursor) > 40 or not all(
            part.isascii() and part.isdigit() for part in parts):
        raise CursorInvalid(cursor)
    return int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 0


@dataclass(frozen=True)
class RawPage:
    """A page as stored: (seq, kind, op, id, data JSON text or None) rows."""

    rows: list[tuple[int, str, str, str, str | None]]
    next_cursor: str
    has_more: bool
    remaining: int = 0

    def to_json(self) -> bytes:
        """The ChangePage wire format, spliced from the stored JSON texts."""
        parts = [
            f'{{"seq":{seq},"kind":"{kind}","op":"{op}","id":{json.dumps(entity_id)},'
            f'"data":{data if data is not None else "null"}}}'
            for seq, kind, op, entity_id, data in self.rows]
        return (f'{{"changes":[{",".join(parts)}],"next_cursor":"{self.next_cursor}",'
                f'"has_more":{"true" if self.has_more else "false"},'
                f'"remaining":{self.remaining}}}').encode()

    def to_model(self) -> ChangePage:
        changes = [Change(seq=seq, kind=ChangeKind(kind), op="delete" if op == "delete"
                          else "upsert", id=entity_id,
                          data=json.loads(data) if data is not None else None)
                   for seq, kind, op, entity_id, data in self.rows]
        return ChangePage(changes=changes, next_cursor=self.next_cursor, has_more=self.has_more,
                          remaining=self.remaining)


def read_raw_page(session: Session, cursor: str | None, limit: int,
                  tenant_ids: frozenset[str] | None) -> RawPage:
    """One page after `cursor`, for the given tenants (None: all tenants)."""
    epoch = current_value(session, FEED_EPOCH)
    # Read the committed high-water mark first and bound the page by it: every seq up to it
    # is committed, so the page has no gaps even while writers are busy.
    last_seq = current_value(session, FEED_SEQ)
    horizon = current_value(session, FEED_HORIZON)
    parsed = parse_cursor(cursor)
    since = 0
    if parsed is not None:
        cursor_epoch, since, known_horizon = parsed
        # Tombstones pruned up to `known_horizon` were gone before this reader (re)started
        # from the beginning, so it cannot miss them; any pruned since then it may have missed.
        if (cursor_epoch != epoch or since > last_seq or known_horizon > horizon
                or horizon > max(since, known_horizon)):
            raise CursorGone(cursor)
    query = (select(ChangeRow.seq, ChangeRow.kind, ChangeRow.op, ChangeRow.entity_id,
                    ChangeRow.data)
             .where(ChangeRow.seq > since, ChangeRow.seq <= last_seq)
             .order_by(ChangeRow.seq).limit(limit + 1))
    if tenant_ids is not None:
        query = query.where(ChangeRow.tenant_id.in_(tenant_ids))
    rows: list[tuple[int, str, str, str, str | None]] = [
        (row.seq, row.kind, row.op, row.entity_id, row.data) for row in session.execute(query)]
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_seq = rows[-1][0] if has_more else last_seq
    remaining = _count_after(session, next_seq, last_seq, tenant_ids) if has_more else 0
    return RawPage(rows=rows, next_cursor=format_cursor(epoch, next_seq, horizon),
                   has_more=has_more, remaining=remaining)


def _count_after(session: Session, after: int, last_seq: int,
                 tenant_ids: frozenset[str] | None) -> int:
    """How many changes follow a page, so that clients can show real progress."""
    query = select(func.count()).select_from(ChangeRow).where(ChangeRow.seq > after,
                                                              ChangeRow.seq <= last_seq)
    if tenant_ids is not None:
        query = query.where(ChangeRow.tenant_id.in_(tenant_ids))
    return session.scalar(query) or 0


def read_marks(session: Session) -> tuple[int, int, int, dict[str, int]]:
    """(epoch, horizon, newest committed seq, newest seq per tenant) from one snapshot."""
    epoch = current_value(session, FEED_EPOCH)
    last_seq = current_value(session, FEED_SEQ)
    horizon = current_value(session, FEED_HORIZON)
    query = (select(ChangeRow.tenant_id, func.max(ChangeRow.seq))
             .where(ChangeRow.seq <= last_seq).group_by(ChangeRow.tenant_id))
    by_tenant = {tenant_id: int(seq) for tenant_id, seq in session.execute(query)}
    return epoch, horizon, last_seq, by_tenant


def read_page(session: Session, cursor: str | None, limit: int,
              tenant_ids: frozenset[str] | None) -> ChangePage:
    return read_raw_page(session, cursor, limit, tenant_ids).to_model()


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
    session.info[FEED_PRUNED] = True  # Database.write(): the in-memory feed marks are stale
    return int(result.rowcount)  # type: ignore[attr-defined]
