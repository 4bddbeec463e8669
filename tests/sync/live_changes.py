"""Changes made on the live server while a client listens, and feeds that record or strip
the long-poll."""

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop_app.api import ApiClient
from desktop_app.cache.schema import OrderRow as CachedOrder
from desktop_app.domain.enums import OrderStatus
from desktop_app.server.database import utcnow
from desktop_app.server.db import OrderRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.services import publish
from desktop_app.sync.changes import current_cursor
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import parse_page
from desktop_app.sync.prefetch import fetch
from sqlalchemy import select

from tests.sync.support import server_orders


def tenant_of(client: ApiClient) -> str:
    return client.me().tenant.id


def touch_orders(server: EmbeddedServer, tenant_id: str, count: int = 1,
                 offset: int = 0) -> dict[str, datetime]:
    """`count` orders of the tenant change (received → in processing, or a new updated_at)
    in one commit; their ids with the new updated_at."""
    now = utcnow()
    touched: dict[str, datetime] = {}
    with server.context.database.write() as session:
        rows = session.scalars(select(OrderRow).where(OrderRow.tenant_id == tenant_id)
                               .order_by(OrderRow.id).offset(offset).limit(count))
        for row in rows:
            if row.status == OrderStatus.RECEIVED:
                row.status = OrderStatus.IN_PROCESSING
            row.updated_at = now
            publish.order(session, row, now)
            touched[row.id] = now
    return touched


@dataclass
class RecordingFeed:
    """Passes calls to the client; records each call's (since, wait) and each answer's seqs.
    `strip_wait`: behave like a backend without long-poll (the wait never reaches it)."""

    client: ApiClient
    strip_wait: bool = False
    calls: list[tuple[str | None, float]] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)
    in_flight: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        with self._lock:
            self.calls.append((since, wait))
        self.in_flight.set()
        raw = fetch(self.client, since, limit, 0 if self.strip_wait else wait)
        with self._lock:
            self.seqs.extend(change["seq"] for change in json.loads(raw)["changes"])
        return raw

    @property
    def waits(self) -> list[float]:
        with self._lock:
            return [wait for _since, wait in self.calls]


def caught_up(client: ApiClient, cache: LiveCache) -> bool:
    """Nothing past the cache's cursor on the server."""
    cursor = current_cursor(cache.store)
    return cursor is not None and not parse_page(client.changes_raw(cursor, 1)).count


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def cached_versions(cache: LiveCache) -> dict[str, datetime]:
    """Every cached order's updated_at (aware UTC)."""
    with cache.store.session() as session:
        return {order_id: _utc(updated) for order_id, updated in session.execute(
            select(CachedOrder.id, CachedOrder.updated_at))}


def server_versions(client: ApiClient) -> dict[str, datetime]:
    """Every order's updated_at in the server's feed for this client (aware UTC)."""
    return {order_id: _utc(order.updated_at)
            for order_id, order in server_orders(client).items()}
