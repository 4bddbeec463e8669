"""Sync test support: a seeded live server per module, logged-in clients, feed wrappers that
fail on cue, and the comparison of a cached order with the server's."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore, OfflineError
from desktop_app.cache.detail import order_detail
from desktop_app.cache.queries import OrderFilter, OrderSort, order_ids
from desktop_app.cache.records import OrderDetail
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.orders import OrderOut
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import parse_page
from desktop_app.sync.prefetch import fetch

from tests.server.databases import seeded_database, unmanaged_seeded_database


def _start(url: str) -> EmbeddedServer:
    return EmbeddedServer.start(ServerSettings(database_url=url, simulator_interval=0))


def start_seeded_server(folder: Path) -> EmbeddedServer:
    """A server on a freshly seeded database (SQLite in `folder`, or PostgreSQL with the
    test switch: then dropped at the end of the test session); the caller stops it."""
    return _start(unmanaged_seeded_database(folder))


@contextmanager
def seeded_server(folder: Path) -> Iterator[EmbeddedServer]:
    """A server on a freshly seeded database, stopped and its database dropped after."""
    with seeded_database(folder) as url:
        server = _start(url)
        try:
            yield server
        finally:
            server.stop()


def login(server: EmbeddedServer, username: str = "max.nord") -> ApiClient:
    settings = ApiSettings(base_url=server.api, max_retries=1, backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login(username, DEMO_PASSWORD)
    return ApiClient(settings, auth)


@dataclass
class ScriptedFeed:
    """Passes pages through from the real client; `before_page[n]` runs before page n
    (0-based) and may raise or change the world; `rewrite[n]` may alter page n's bytes."""

    client: ApiClient
    before_page: dict[int, Callable[[], None]] = field(default_factory=dict)
    rewrite: dict[int, Callable[[bytes], bytes]] = field(default_factory=dict)
    calls: int = 0
    cursors: list[str | None] = field(default_factory=list)

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        index = self.calls
        self.calls += 1
        self.cursors.append(since)
        hook = self.before_page.get(index)
        if hook is not None:
            hook()
        raw = fetch(self.client, since, limit, wait)
        return self.rewrite[index](raw) if index in self.rewrite else raw


def drop_connection() -> None:
    raise OfflineError("127.0.0.1")


def server_orders(client: ApiClient) -> dict[str, OrderOut]:
    """The server's current orders for this user, read fresh from the start of the feed."""
    orders: dict[str, OrderOut] = {}
    cursor: str | None = None
    while True:
        page = parse_page(client.changes_raw(cursor, 1000))
        for kind, record in page.upserts:
            if kind is ChangeKind.ORDER:
                orders[record["id"]] = OrderOut.model_validate(record)
        cursor = page.next_cursor
        if not page.has_more:
            return orders


def cached_order_ids(cache: LiveCache) -> list[str]:
    with cache.store.session() as session:
        return sorted(order_ids(session, OrderFilter(), OrderSort()))


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def detail_as_order(detail: OrderDetail) -> OrderOut:
    """The cached order in the wire model, so it can be compared field by field."""
    data: dict[str, Any] = {
        name: getattr(detail, name) for name in (
            "id", "order_number", "tenant_id", "tenant_name", "customer_id", "customer_name",
            "cart_id", "quote_id", "quote_number", "business_transaction", "product_family",
            "product_code", "product_name_de", "product_name_en", "status", "clearing_note",
            "automation", "created_by", "created_by_name", "quote_created_by_name",
            "approver_email", "contract_id", "contract_number")}
    data |= {
        "created_at": _utc(detail.created_at), "updated_at": _utc(detail.updated_at),
        "expected_completion_at": _utc(detail.expected_completion_at),
        "totals": {"monthly_net_cents": detail.monthly_net_cents,
                   "monthly_gross_cents": detail.monthly_gross_cents,
                   "one_time_net_cents": detail.one_time_net_cents,
                   "one_time_gross_cents": detail.one_time_gross_cents},
        "items": [{
            "product_code": item.product_code, "product_name_de": item.product_name_de,
            "product_name_en": item.product_name_en, "family": item.family,
            "quantity": item.quantity, "monthly_net_cents": item.monthly_net_cents,
            "one_time_net_cents": item.one_time_net_cents, "automatic": item.automatic,
            "options": [{"code": o.code, "name_de": o.name_de, "name_en": o.name_en,
                         "quantity": o.quantity, "phone_numbers": list(o.phone_numbers),
                         "monthly_net_cents": o.monthly_net_cents,
                         "one_time_net_cents": o.one_time_net_cents} for o in item.options],
            "usage_locations": [{"address": {"street": u.street, "postal_code": u.postal_code,
                                             "city": u.city, "country": u.country},
                                 "phone_numbers": list(u.phone_numbers)}
                                for u in item.usage_locations]} for item in detail.items],
        "history": [{"status": e.status, "at": _utc(e.at), "note": e.note}
                    for e in detail.history],
        "documents": [{"id": d.id, "order_id": d.order_id, "kind": d.kind,
                       "title_de": d.title_de, "title_en": d.title_en, "filename": d.filename,
                       "media_type": d.media_type, "size": d.size, "sha256": d.sha256}
                      for d in detail.documents],
        "recipients": [{"email": r.email, "sources": list(r.sources)}
                       for r in detail.recipients],
    }
    return OrderOut.model_validate(data)


def assert_cache_equals_server(cache: LiveCache, client: ApiClient) -> int:
    """Order by order and field by field; returns how many orders were compared."""
    expected = server_orders(client)
    assert cached_order_ids(cache) == sorted(expected)
    with cache.store.session() as session:
        for order_id, order in expected.items():
            detail = order_detail(session, order_id)
            assert detail is not None, order_id
            assert detail_as_order(detail) == order, order_id
    return len(expected)
