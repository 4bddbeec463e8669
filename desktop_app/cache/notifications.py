"""The clerk's notifications and the orders marked changed since they last opened them.

Both are written by `writer.apply_page(..., track=True)` in the transaction of the live feed
page that brought the change (see there for which transitions count); this module reads
them for the views and records what the clerk has read or seen. Reads take a Session from
`CacheStore.session()`, writes the store (one write transaction each, `CacheWriteError` on
failure, as the writer's).

Audience (a setting, `desktop_app.domain.notifications.Audience`): MINE lists the
notifications of orders the user submitted and of quotes (or orders from quotes) the user
created; TENANT every notification of the cache (one cache per backend, tenant and user:
everything in it is the user's tenant's); NONE nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, or_, select, true, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app.cache.errors import CacheWriteError, describe
from desktop_app.cache.schema import NotificationRow, OrderMarkRow, OrderRow
from desktop_app.cache.store import CacheStore
from desktop_app.domain.notifications import Audience, NotificationKind

__all__ = [
    "DEFAULT_LIMIT",
    "Notification",
    "changed_count",
    "changed_order_ids",
    "last_notification_id",
    "list_notifications",
    "mark_read",
    "mark_seen",
    "notifications_after",
    "unread_count",
]

DEFAULT_LIMIT = 200
_ID_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Notification:
    id: int
    kind: NotificationKind
    entity_kind: str  # "order" | "quote"
    entity_id: str
    number: str  # the order's or the quote's number
    customer_name: str
    detail: str | None  # the contract number (completed) or the clearing note
    created_by: str | None  # the order's submitter or the quote's author
    quote_created_by: str | None  # the author of the quote (the order's, or the quote itself)
    tenant_id: str
    cart_id: str | None  # a quote's cart (to open it in the carts-and-quotes window)
    occurred_at: datetime  # aware, UTC
    read: bool


_COLUMNS = (
    NotificationRow.id, NotificationRow.kind, NotificationRow.entity_kind,
    NotificationRow.entity_id, NotificationRow.number, NotificationRow.customer_name,
    NotificationRow.detail, NotificationRow.created_by, NotificationRow.quote_created_by,
    NotificationRow.tenant_id, NotificationRow.cart_id, NotificationRow.occurred_at,
    NotificationRow.read,
)  # fmt: skip


def _notification(row: Sequence[Any]) -> Notification:
    return Notification(
        int(row[0]), NotificationKind(row[1]), row[2], row[3], row[4], row[5], row[6],
        row[7], row[8], row[9], row[10], row[11], bool(row[12]),
    )  # fmt: skip


def _audience(audience: Audience, user_id: str | None) -> ColumnElement[bool]:
    """The WHERE condition of `audience` (false for NONE, and for MINE without a user)."""
    if audience is Audience.TENANT:
        return true()
    if audience is Audience.MINE and user_id is not None:
        return or_(NotificationRow.created_by == user_id,
                   NotificationRow.quote_created_by == user_id)
    return false()


def _select(audience: Audience, user_id: str | None) -> Select[*tuple[Any, ...]]:
    statement: Select[*tuple[Any, ...]] = select(*_COLUMNS)
    return statement.where(_audience(audience, user_id))


def list_notifications(
    session: Session, audience: Audience, user_id: str | None, limit: int = DEFAULT_LIMIT
) -> list[Notification]:
    """The audience's notifications, newest first, at most `limit`."""
    if audience is Audience.NONE or limit <= 0:
        return []
    statement = _select(audience, user_id).order_by(NotificationRow.id.desc()).limit(limit)
    return [_notification(row) for row in session.execute(statement)]


def unread_count(session: Session, audience: Audience, user_id: str | None) -> int:
    """How many of the audience's notifications are unread (the status bar's count)."""
    if audience is Audience.NONE:
        return 0
    statement = select(func.count()).select_from(NotificationRow).where(
        NotificationRow.read == false(), _audience(audience, user_id))
    return int(session.execute(statement).scalar_one())


def notifications_after(
    session: Session, after_id: int, audience: Audience, user_id: str | None
) -> list[Notification]:
    """The audience's notifications with an id above `after_id`, oldest first (in the order
    they happened: for desktop messages after a live page). Read or not."""
    if audience is Audience.NONE:
        return []
    statement = _select(audience, user_id).where(NotificationRow.id > after_id)
    return [_notification(row) for row in session.execute(statement.order_by(NotificationRow.id))]


def last_notification_id(session: Session) -> int:
    """The newest notification's id, 0 without any (where `notifications_after` starts when
    the app opens: what happened before is in the list, not news)."""
    return int(session.execute(select(func.coalesce(func.max(NotificationRow.id), 0)))
               .scalar_one())


def mark_read(store: CacheStore, ids: Sequence[int] | None = None) -> None:
    """Mark these notifications read (None: all of them). Unknown ids are ignored."""
    base = update(NotificationRow).where(NotificationRow.read == false()).values(read=True)
    try:
        with store.write() as connection:
            if ids is None:
                connection.execute(base)
                return
            wanted = sorted(set(ids))
            for start in range(0, len(wanted), _ID_CHUNK):
                chunk = wanted[start : start + _ID_CHUNK]
                connection.execute(base.where(NotificationRow.id.in_(chunk)))
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not mark notifications read: {describe(error)}") from error


def mark_seen(store: CacheStore, order_id: str) -> bool:
    """The clerk opened the order: it is no longer marked changed. True if it was."""
    try:
        with store.write() as connection:
            result = connection.exec_driver_sql(
                "DELETE FROM order_marks WHERE order_id = ?", (order_id,))
            return bool(result.rowcount)
    except SQLAlchemyError as error:
        raise CacheWriteError(f"could not mark the order seen: {describe(error)}") from error


def changed_order_ids(session: Session, order_ids: Sequence[str]) -> set[str]:
    """Which of these orders are marked changed."""
    found: set[str] = set()
    for start in range(0, len(order_ids), _ID_CHUNK):
        chunk = list(order_ids[start : start + _ID_CHUNK])
        statement = select(OrderMarkRow.order_id).where(OrderMarkRow.order_id.in_(chunk))
        found.update(session.execute(statement).scalars())
    return found


def changed_count(session: Session) -> int:
    """How many cached orders are marked changed (a mark of an order no longer cached, e.g.
    carried over by a full resync that dropped the order, does not count)."""
    # From the marks to the orders (each looked up by id): a join let SQLite scan the
    # orders instead, 3 ms over 100,000 orders even without a mark.
    statement = select(func.count()).select_from(OrderRow).where(
        OrderRow.id.in_(select(OrderMarkRow.order_id)))
    return int(session.execute(statement).scalar_one())
