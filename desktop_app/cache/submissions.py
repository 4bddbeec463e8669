"""Order submissions in flight: the Idempotency-Key is stored BEFORE the request is sent.

`record` writes (or keeps) the key for a cart; `finish` notes the order the backend
confirmed; `in_flight` lists what a crash, timeout or dropped connection left unfinished, so
that the next start resends them with the same key (the backend then answers with the order
it already created, never a second one).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert

from desktop_app.cache.schema import PendingSubmissionRow
from desktop_app.cache.store import CacheStore

__all__ = ["PendingSubmission", "abandon", "finish", "in_flight", "note_error", "record",
           "submission"]

_ERROR_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PendingSubmission:
    idempotency_key: str
    cart_id: str
    quote_id: str | None
    created_at: datetime
    order_id: str | None
    order_number: str | None
    finished_at: datetime | None
    last_error: str | None

    @property
    def in_flight(self) -> bool:
        return self.order_id is None and self.finished_at is None


def _record(row: PendingSubmissionRow) -> PendingSubmission:
    return PendingSubmission(row.idempotency_key, row.cart_id, row.quote_id, row.created_at,
                             row.order_id, row.order_number, row.finished_at, row.last_error)


def record(store: CacheStore, key: str, cart_id: str, quote_id: str | None,
           now: datetime) -> None:
    """Store the key (committed when this returns); an existing row for the key is kept."""
    statement = insert(PendingSubmissionRow).values(
        idempotency_key=key, cart_id=cart_id, quote_id=quote_id, created_at=now,
    ).on_conflict_do_nothing(index_elements=["idempotency_key"])
    with store.write() as connection:
        connection.execute(statement)


def finish(store: CacheStore, key: str, order_id: str, order_number: str,
           now: datetime) -> None:
    with store.write() as connection:
        connection.execute(update(PendingSubmissionRow)
                           .where(PendingSubmissionRow.idempotency_key == key)
                           .values(order_id=order_id, order_number=order_number,
                                   finished_at=now, last_error=None))


def note_error(store: CacheStore, key: str, message: str) -> None:
    """Why the last attempt failed (a clerk-readable message, never a secret)."""
    with store.write() as connection:
        connection.execute(update(PendingSubmissionRow)
                           .where(PendingSubmissionRow.idempotency_key == key)
                           .values(last_error=message[:_ERROR_LIMIT]))


def abandon(store: CacheStore, key: str, message: str, now: datetime) -> None:
    """The backend refused the submission (nothing was created): no longer in flight."""
    with store.write() as connection:
        connection.execute(update(PendingSubmissionRow)
                           .where(PendingSubmissionRow.idempotency_key == key)
                           .values(finished_at=now, last_error=message[:_ERROR_LIMIT]))


def submission(store: CacheStore, key: str) -> PendingSubmission | None:
    with store.session() as session:
        row = session.get(PendingSubmissionRow, key)
        return _record(row) if row else None


def in_flight(store: CacheStore) -> list[PendingSubmission]:
    """Submissions sent (or about to be) without a confirmed order, oldest first."""
    with store.session() as session:
        rows = session.scalars(select(PendingSubmissionRow)
                               .where(PendingSubmissionRow.order_id.is_(None))
                               .where(PendingSubmissionRow.finished_at.is_(None))
                               .order_by(PendingSubmissionRow.created_at))
        return [_record(row) for row in rows]
