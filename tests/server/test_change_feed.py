"""The change feed: complete, ordered, resumable under concurrent writes, and honest about 410."""

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.contract.base import ResponseModel
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.contract.changes import MAX_PAGE_SIZE, ChangePage
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut
from desktop_app.server.counters import current_value
from desktop_app.server.database import FEED_EPOCH, FEED_HORIZON, FEED_SEQ, utcnow
from desktop_app.server.db import CartRow, OrderRow, PartyRow
from desktop_app.server.feed import format_cursor, prune_tombstones
from sqlalchemy import select

from tests.server.databases import seeded_database
from tests.server.live_server import Api, LiveServer, start_server

Key = tuple[str, str]
State = dict[Key, dict[str, Any]]

MODELS: dict[str, type[ResponseModel]] = {
    "order": OrderOut, "customer": PartyOut, "contract": ContractOut, "cart": CartOut,
    "quote": QuoteOut,
}
LOCATION = {"address": {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"},
            "phone_numbers": []}


def _item(quantity: int = 1) -> dict[str, Any]:
    return {"product_code": "internet-dsl-100", "quantity": quantity,
            "usage_locations": [LOCATION]}


# --- helpers -----------------------------------------------------------------------------


def _get_page(api: Api, since: str | None, limit: int = 200) -> ChangePage:
    params: dict[str, str | int] = {"limit": limit}
    if since is not None:
        params["since"] = since
    response = api.get("/changes", params=params)
    assert response.status_code == 200, response.text
    return ChangePage.model_validate(response.json())


def _seq_of(cursor: str) -> int:
    return int(cursor.split(".")[1])


def _apply(state: State, page: ChangePage) -> None:
    for change in page.changes:
        key = (change.kind.value, change.id)
        if change.op == "delete":
            assert change.data is None
            state.pop(key, None)
        else:
            assert change.data is not None
            state[key] = change.data


class Reader:
    """A client's sync loop: pages from a cursor and replays upserts and deletes."""

    def __init__(self, api: Api, limit: int = 200) -> None:
        self.api, self.limit = api, limit
        self.cursor: str | None = None
        self.state: State = {}
        self.seen: Counter[Key] = Counter()
        self.last_seq = 0
        self.pages = 0

    def step(self) -> bool:
        """Reads one page; returns has_more."""
        page = _get_page(self.api, self.cursor, self.limit)
        assert len(page.changes) <= self.limit
        if page.has_more:
            assert len(page.changes) == self.limit
        for change in page.changes:
            assert change.seq > self.last_seq, "sequence must strictly increase"
            self.last_seq = change.seq
            self.seen[(change.kind.value, change.id)] += 1
        assert _seq_of(page.next_cursor) >= self.last_seq
        _apply(self.state, page)
        self.cursor = page.next_cursor
        self.pages += 1
        return page.has_more

    def catch_up(self) -> None:
        while self.step():
            pass


def _snapshot(api: Api) -> State:
    reader = Reader(api, limit=MAX_PAGE_SIZE)
    reader.catch_up()
    return reader.state


def _head_cursor(server: LiveServer) -> str:
    with server.context.database.read() as session:
        return format_cursor(current_value(session, FEED_EPOCH), current_value(session, FEED_SEQ))


def _assert_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["status"] == status


def _new_prospect(api: Api, name: str = "Feed Test GmbH") -> str:
    response = api.post("/customers", json={
        "company": name, "contact_name": "Erika Muster", "email": "erika@feed-test.example",
        "address": {"street": "Hafenstraße 1", "postal_code": "20457", "city": "Hamburg"}})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _new_cart(api: Api, customer_id: str) -> str:
    response = api.post("/carts", json={"customer_id": customer_id,
                                        "business_transaction": "new_order",
                                        "items": [_item()]})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _set_quantity(api: Api, cart_id: str, quantity: int) -> None:
    response = api.put(f"/carts/{cart_id}/items", json={"items": [_item(quantity)]})
    assert response.status_code == 200, response.text


def _delete(api: Api, cart_id: str) -> None:
    response = api.delete(f"/carts/{cart_id}")
    assert response.status_code == 204, response.text


# --- a full read -------------------------------------------------------------------------


def test_full_feed_is_ordered_complete_and_valid(provider: Api, live_server: LiveServer) -> None:
    reader = Reader(provider, limit=200)
    reader.catch_up()
    assert reader.pages > 10
    # Without writes in between, every record comes exactly once.
    duplicates = [key for key, count in reader.seen.items() if count > 1]
    assert duplicates == []

    with live_server.context.database.read() as session:
        order_ids = set(session.scalars(select(OrderRow.id)))
        party_ids = set(session.scalars(select(PartyRow.id)))
        cart_ids = set(session.scalars(select(CartRow.id)))
    assert len(order_ids) >= 2000
    kinds = Counter(kind for kind, _ in reader.state)
    assert {entity_id for kind, entity_id in reader.state if kind == "order"} == order_ids
    assert {entity_id for kind, entity_id in reader.state if kind == "customer"} == party_ids
    assert {entity_id for kind, entity_id in reader.state if kind == "cart"} == cart_ids
    assert kinds["contract"] > 0 and kinds["quote"] > 0

    for (kind, entity_id), data in reader.state.items():
        record = MODELS[kind].model_validate(data)
        assert getattr(record, "id") == entity_id  # noqa: B009 - every model has an id


def test_since_zero_and_empty_mean_from_the_start(provider: Api) -> None:
    first = _get_page(provider, None, 50)
    for since in ("0", ""):
        assert _get_page(provider, since, 50) == first


def test_reading_at_the_head_returns_an_empty_page(provider: Api,
                                                   live_server: LiveServer) -> None:
    head = _head_cursor(live_server)
    page = _get_page(provider, head)
    assert page.changes == []
    assert page.has_more is False
    assert page.next_cursor == head


# --- consistency under writes --------------------------------------------------------------


def test_writes_between_pages_are_neither_skipped_nor_doubled(
        provider: Api, clerk: Api) -> None:
    customer = _new_prospect(clerk, "Feed Interleaved GmbH")
    carts = [_new_cart(clerk, customer) for _ in range(4)]
    writes: Counter[Key] = Counter({("cart", cart): 1 for cart in carts})
    writes[("customer", customer)] = 1
    deleted: set[str] = set()
    hits = Counter[str]()
    reader = Reader(provider, limit=200)

    def write(round_number: int) -> None:
        alive = [cart for cart in carts if cart not in deleted]
        seen = [cart for cart in alive if ("cart", cart) in reader.state]
        action = round_number % 3
        if action == 0 or len(alive) < 2:
            cart = _new_cart(clerk, customer)
            carts.append(cart)
            writes[("cart", cart)] += 1
            return
        target = (seen or alive)[round_number % len(seen or alive)]
        what = "update" if action == 1 else "delete"
        hits[("seen-" if target in seen else "unseen-") + what] += 1
        writes[("cart", target)] += 1
        if action == 1:
            _set_quantity(clerk, target, 1 + round_number % 5)
        else:
            _delete(clerk, target)
            deleted.add(target)

    rounds = 0
    while True:
        has_more = reader.step()
        write(rounds)
        rounds += 1
        # Keep syncing after reaching the head until records already read got changed, too.
        if not has_more and rounds > 6 and hits["seen-update"] and hits["seen-delete"]:
            break
        assert rounds < 200
    reader.catch_up()
    assert hits["unseen-update"] + hits["unseen-delete"] > 0

    # Nothing doubled: a record comes again only after it was written again.
    for key, count in reader.seen.items():
        assert count <= max(1, writes[key]), key
    # Nothing skipped: the replayed state is exactly a fresh full read.
    assert reader.state == _snapshot(provider)
    for cart in carts:
        assert (("cart", cart) in reader.state) is (cart not in deleted)
    assert deleted


def test_a_concurrent_writer_does_not_break_the_replay(provider: Api,
                                                      live_server: LiveServer) -> None:
    writer_api = Api(live_server, "max.nord")
    customer = _new_prospect(writer_api, "Feed Concurrent GmbH")
    stop = threading.Event()
    done: list[int] = [0]
    errors: list[BaseException] = []

    def writer() -> None:
        mine: list[str] = []
        try:
            while not stop.is_set():
                count = done[0]
                if count % 4 == 3 and mine:
                    _delete(writer_api, mine.pop(0))
                elif count % 4 == 2 and mine:
                    _set_quantity(writer_api, mine[-1], 1 + count % 7)
                else:
                    mine.append(_new_cart(writer_api, customer))
                done[0] = count + 1
        except BaseException as error:  # reported by the test thread
            errors.append(error)

    thread = threading.Thread(target=writer, name="feed-writer", daemon=True)
    reader = Reader(provider, limit=200)
    thread.start()
    try:
        reader.catch_up()
        rounds = 0
        while done[0] < 30 and not errors and rounds < 500:
            reader.step()
            rounds += 1
    finally:
        stop.set()
        thread.join(timeout=30)
        writer_api.close()
    assert not thread.is_alive()
    assert not errors, errors
    assert done[0] >= 30
    reader.catch_up()
    assert reader.state == _snapshot(provider)


# --- limits and cursors ------------------------------------------------------------------


def test_limit_above_the_maximum_is_capped(provider: Api) -> None:
    for limit in (MAX_PAGE_SIZE + 1, 50_000, 10**30):
        page = _get_page(provider, None, limit)
        assert len(page.changes) == MAX_PAGE_SIZE
        assert page.has_more is True


@pytest.mark.parametrize("limit", ["0", "-1", "-1000", "abc", "1.5", ""])
def test_bad_limit_is_422(provider: Api, limit: str) -> None:
    _assert_problem(provider.get("/changes", params={"limit": limit}), 422)


@pytest.mark.parametrize("cursor", [
    "garbage", "1", "1.", ".5", "1.2.3.4", "1..3", "1.2.", "-1.5", "1.-5", "1.5x", " 1.5",
    "1.5 ", "0x1.2", "1,5", "1.²", "١.٢", "1e3.4",
])
def test_malformed_cursor_is_400(provider: Api, cursor: str) -> None:
    _assert_problem(provider.get("/changes", params={"since": cursor}), 400)


def test_overlong_cursor_is_refused(provider: Api) -> None:
    response = provider.get("/changes", params={"since": "1." + "9" * 60})
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)


def test_cursor_from_another_epoch_or_beyond_the_end_is_410(
        provider: Api, live_server: LiveServer) -> None:
    epoch, seq = (int(part) for part in _head_cursor(live_server).split("."))
    for cursor in (format_cursor(epoch + 1, seq), format_cursor(epoch + 1, 0),
                   format_cursor(epoch, seq + 1), format_cursor(epoch, seq + 10**9)):
        response = provider.get("/changes", params={"since": cursor})
        _assert_problem(response, 410)
        assert "resync" in response.json()["detail"]
    assert _get_page(provider, format_cursor(epoch, seq)).changes == []


# --- tombstones --------------------------------------------------------------------------


def test_deleting_a_cart_leaves_tombstones_for_cart_and_quote(
        clerk: Api, other_clerk: Api, live_server: LiveServer) -> None:
    customer = _new_prospect(clerk, "Feed Tombstone GmbH")
    cart = _new_cart(clerk, customer)
    quote_response = clerk.post(f"/carts/{cart}/quote")
    assert quote_response.status_code == 201, quote_response.text
    quote = quote_response.json()["id"]
    before = _head_cursor(live_server)
    _delete(clerk, cart)

    page = _get_page(clerk, before)
    tombstones = {(change.kind.value, change.id): change for change in page.changes}
    assert set(tombstones) == {("cart", cart), ("quote", quote)}
    for change in tombstones.values():
        assert change.op == "delete"
        assert change.data is None
    assert _get_page(other_clerk, before).changes == []
    assert clerk.get(f"/carts/{cart}").status_code == 404
    assert clerk.get(f"/quotes/{quote}").status_code == 404
    _assert_problem(clerk.delete(f"/carts/{cart}"), 404)
    # A full read carries the tombstone too (the record is absent after replay).
    snapshot = _snapshot(clerk)
    assert ("cart", cart) not in snapshot and ("quote", quote) not in snapshot


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[LiveServer]:
    with seeded_database(tmp_path) as url:
        server = start_server(url)
        yield server
        server.stop()


def test_pruned_tombstones_make_old_cursors_410(fresh_server: LiveServer) -> None:
    api = Api(fresh_server, "max.nord")
    try:
        customer = _new_prospect(api, "Feed Prune GmbH")
        cart = _new_cart(api, customer)
        before_delete = _get_page(api, _head_cursor(fresh_server)).next_cursor
        _delete(api, cart)
        after_delete = _get_page(api, before_delete).next_cursor
        assert _seq_of(after_delete) > _seq_of(before_delete)

        with fresh_server.context.database.write() as session:
            pruned = prune_tombstones(session, timedelta(0), utcnow())
            horizon = current_value(session, FEED_HORIZON)
        assert pruned >= 1
        assert _seq_of(before_delete) < horizon <= _seq_of(after_delete)

        response = api.get("/changes", params={"since": before_delete})
        _assert_problem(response, 410)
        # A full resync works, across many pages whose cursors lie below the horizon, and
        # no longer mentions the pruned cart.
        resync = Reader(api, limit=200)
        resync.catch_up()
        assert resync.pages > 3
        assert ("cart", cart) not in resync.state
        assert ("customer", customer) in resync.state
        assert resync.state == _snapshot(api)
        # Cursors at or beyond the horizon are still good.
        assert _get_page(api, after_delete).changes == []
        epoch = after_delete.split(".")[0]
        assert _get_page(api, f"{epoch}.{horizon}").changes == []
        newer = _new_cart(api, customer)
        page = _get_page(api, after_delete)
        assert [(change.kind.value, change.id) for change in page.changes] == [("cart", newer)]
    finally:
        api.close()


def test_a_resync_in_progress_gets_410_when_a_tombstone_it_needs_is_pruned(
        fresh_server: LiveServer) -> None:
    api = Api(fresh_server, "max.nord")
    try:
        customer = _new_prospect(api, "Feed Prune Twice GmbH")
        first, second = _new_cart(api, customer), _new_cart(api, customer)
        _delete(api, first)
        with fresh_server.context.database.write() as session:
            assert prune_tombstones(session, timedelta(0), utcnow()) == 1

        # A reader starts over after that prune and is half-way through.
        reader = Reader(api, limit=100)
        assert reader.step() is True
        _delete(api, second)  # a tombstone ahead of the reader...
        assert reader.step() is True  # (still fine before it is pruned)
        with fresh_server.context.database.write() as session:
            assert prune_tombstones(session, timedelta(0), utcnow()) == 1
        # ...is gone before the reader reached it: it would keep `second` forever.
        _assert_problem(api.get("/changes", params={"since": reader.cursor}), 410)
        restarted = Reader(api, limit=100)
        restarted.catch_up()
        assert ("cart", second) not in restarted.state
        assert ("cart", first) not in restarted.state
        assert restarted.state == _snapshot(api)
    finally:
        api.close()
