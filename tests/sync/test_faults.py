"""Sync under faults: server restart, token expiry, bad pages, 410 and the full resync."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore, OfflineError
from desktop_app.cache.queries import OrderFilter, count_orders, sync_state
from desktop_app.contract.carts import CartCreate
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.server import feed as server_feed
from desktop_app.server.database import utcnow
from desktop_app.server.db import TokenRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.server.settings import ServerSettings
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import InvalidPageError
from sqlalchemy import update

from tests.sync.support import (
    ScriptedFeed,
    assert_cache_equals_server,
    cached_order_ids,
    start_seeded_server,
)


def _orders(cache: LiveCache) -> int:
    with cache.store.session() as session:
        return count_orders(session, OrderFilter())


def _cursor(cache: LiveCache) -> str | None:
    with cache.store.session() as session:
        return sync_state(session).cursor


def test_server_restarted_mid_sync(tmp_path: Path) -> None:
    server = start_seeded_server(tmp_path)
    url, port = server.context.settings.database_url, int(server.base_url.rsplit(":", 1)[1])
    settings = ApiSettings(base_url=server.api, max_retries=0)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    client = ApiClient(settings, auth)
    cache = LiveCache(tmp_path / "cache.sqlite3")
    try:
        feed = ScriptedFeed(client, before_page={2: server.stop})
        with pytest.raises(OfflineError):  # a real refused connection, not a stand-in
            ChangeSync(feed, cache, page_size=200).run()
        stopped_at = _cursor(cache)
        assert stopped_at is not None
        server = EmbeddedServer.start(ServerSettings(database_url=url, simulator_interval=0),
                                      port=port)
        resumed = ScriptedFeed(client)
        ChangeSync(resumed, cache, page_size=200).run()
        assert resumed.cursors[0] == stopped_at
        assert_cache_equals_server(cache, client)
    finally:
        cache.close()
        client.close()
        server.stop()


def test_token_expiry_in_the_middle_of_a_sync(server: EmbeddedServer, client: ApiClient,
                                               cache: LiveCache) -> None:
    def expire_access_tokens() -> None:
        with server.context.database.write() as session:
            session.execute(update(TokenRow).where(TokenRow.kind == "access")
                            .values(expires_at=utcnow() - timedelta(seconds=1)))

    feed = ScriptedFeed(client, before_page={2: expire_access_tokens})
    ChangeSync(feed, cache, page_size=200).run()  # refreshes once and carries on
    assert_cache_equals_server(cache, client)


def test_a_malformed_page_is_not_applied(client: ApiClient, cache: LiveCache) -> None:
    feed = ScriptedFeed(client, rewrite={2: lambda raw: raw[: len(raw) // 2]})
    with pytest.raises(InvalidPageError) as caught:
        ChangeSync(feed, cache, page_size=200).run()
    assert "JSON" in caught.value.message("de")
    assert _cursor(cache) == feed.cursors[2]  # still after page 1
    with cache.store.session() as session:
        assert sync_state(session).last_error == caught.value.message("de")


class BreaksFirstOrderPage:
    """Passes pages through until one holds an order; breaks one field of that order."""

    def __init__(self, client: ApiClient) -> None:
        self.client = client
        self.cursor_of_broken_page: str | None = None
        self.broken_ids: list[str] = []

    def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
        raw = self.client.changes_raw(since, limit)
        page = json.loads(raw)
        orders = [change for change in page["changes"] if change["kind"] == "order"]
        if self.broken_ids or not orders:
            return raw
        orders[0]["data"]["items"][0]["quantity"] = "viele"
        self.cursor_of_broken_page = since
        self.broken_ids = [change["id"] for change in orders]
        return json.dumps(page).encode()


def test_a_record_violating_the_contract_rejects_its_page(
        client: ApiClient, cache: LiveCache) -> None:
    feed = BreaksFirstOrderPage(client)
    with pytest.raises(InvalidPageError) as caught:
        ChangeSync(feed, cache, page_size=300).run()
    message = caught.value.message("en")
    assert f"Order {feed.broken_ids[0]}" in message and "items[0].quantity" in message
    assert _cursor(cache) == feed.cursor_of_broken_page  # the cursor did not move
    assert not set(feed.broken_ids) & set(cached_order_ids(cache))  # none of the page


def test_410_triggers_a_full_resync_into_a_new_file(server: EmbeddedServer, client: ApiClient,
                                                    cache: LiveCache) -> None:
    ChangeSync(client, cache).run()
    customer = client.customers(limit=1)[0]
    cart = client.create_cart(CartCreate(customer_id=customer.id,
                                         business_transaction=BusinessTransaction.NEW_ORDER))
    client.delete_cart(cart.id)
    with server.context.database.write() as session:
        server_feed.prune_tombstones(session, timedelta(0), utcnow() + timedelta(seconds=1))
    old_count = _orders(cache)
    readable_during_resync: list[int] = []
    feed = ScriptedFeed(client, before_page={2: lambda: readable_during_resync.append(
        _orders(cache))})
    result = ChangeSync(feed, cache, page_size=300).run()
    assert result.full_resync
    assert readable_during_resync == [old_count]  # the old cache served readers meanwhile
    assert not cache.fresh_path().exists()
    assert_cache_equals_server(cache, client)
