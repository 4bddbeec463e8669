"""A full resync (the feed answered 410) rebuilds the cache in a new file and swaps it in:
the clerk's notifications, their read state and the changed-marks come along. Against the
live reference server."""

from datetime import timedelta

from desktop_app.api import ApiClient
from desktop_app.cache import notifications, queries, writer
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.contract.carts import CartCreate
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from desktop_app.domain.notifications import Audience, NotificationKind
from desktop_app.server import feed as server_feed
from desktop_app.server.database import utcnow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache


def _expire_cursor(server: EmbeddedServer, client: ApiClient) -> None:
    """Delete a cart and prune its tombstone: every older cursor now gets 410."""
    customer = client.customers(limit=1)[0]
    cart = client.create_cart(CartCreate(customer_id=customer.id,
                                         business_transaction=BusinessTransaction.NEW_ORDER))
    client.delete_cart(cart.id)
    with server.context.database.write() as session:
        server_feed.prune_tombstones(session, timedelta(0), utcnow() + timedelta(seconds=1))


def test_marks_and_notifications_survive_a_full_resync(
        server: EmbeddedServer, client: ApiClient, cache: LiveCache) -> None:
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    with cache.store.session() as session:
        rows = queries.order_page(session, OrderFilter(), OrderSort(), 0, 200)
        first, second, third = [row.id for row in rows if not row.clearing][:3]
        cursor = queries.sync_state(session).cursor
    assert cursor is not None
    # A live page in which two cached orders become clearing cases (the backend's records,
    # changed here: what the feed would bring).
    page = [writer.record_of(client.order(order_id).model_copy(
                update={"status": OrderStatus.IN_PROCESSING, "clearing_note": "Bitte prüfen"}))
            for order_id in (first, second)]  # fmt: skip
    writer.apply_page(cache.store, page, [], cursor, track=True)
    with cache.store.session() as session:
        news = notifications.notifications_after(session, 0, Audience.TENANT, None)
    assert [(n.kind, n.entity_id) for n in news] == [
        (NotificationKind.ORDER_CLEARING, first), (NotificationKind.ORDER_CLEARING, second)]
    notifications.mark_seen(cache.store, first)
    notifications.mark_read(cache.store, [news[0].id])
    with cache.store.session() as session:
        before = notifications.list_notifications(session, Audience.TENANT, None)
        assert notifications.changed_order_ids(session, [first, second, third]) == {second}
    assert [n.read for n in before] == [False, True]

    _expire_cursor(server, client)
    result = ChangeSync(client, cache).run()
    assert result.full_resync

    with cache.store.session() as session:
        assert notifications.list_notifications(session, Audience.TENANT, None) == before
        assert notifications.changed_order_ids(session, [first, second, third]) == {second}
        assert queries.count_orders(session, OrderFilter(changed_only=True)) == 1
        # The resync itself is history: it notified and marked nothing new.
        assert notifications.changed_count(session) == 1
