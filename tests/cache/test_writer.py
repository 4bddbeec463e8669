"""apply_page: one transaction per page with its cursor; upserts replace children; tombstones."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.records import SyncState
from desktop_app.cache.store import CacheStore
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.meta import BusinessTransactionOut, StatusOut
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from sqlalchemy import text

from tests.cache import records


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"


@pytest.fixture
def store(cache_path: Path) -> Iterator[CacheStore]:
    yield from records.open_store(cache_path)

CHILD_TABLES = (
    "order_items", "order_item_options", "order_usage_locations", "order_status_events",
    "order_documents", "order_recipients",
)  # fmt: skip


def counts(store: CacheStore) -> dict[str, int]:
    with store.session() as session:
        return {
            table: int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
            for table in ("orders", "customers", "contracts", "carts", "quotes", *CHILD_TABLES)
        }


def cursor(store: CacheStore) -> str | None:
    with store.session() as session:
        return queries.sync_state(session).cursor


def test_page_with_every_kind_and_its_cursor(store: CacheStore) -> None:
    upserts: list[writer.Record] = [records.order(1), records.party(), records.contract(),
                                    records.cart(), records.quote()]  # fmt: skip
    writer.apply_page(store, upserts, [], "cursor-1")
    assert counts(store) == {
        "orders": 1, "customers": 1, "contracts": 1, "carts": 1, "quotes": 1,
        "order_items": 1, "order_item_options": 1, "order_usage_locations": 1,
        "order_status_events": 1, "order_documents": 1, "order_recipients": 2,
    }  # fmt: skip
    assert cursor(store) == "cursor-1"


def test_failure_in_the_middle_leaves_cache_and_cursor_untouched(store: CacheStore) -> None:
    writer.apply_page(store, [records.order(1), records.party()], [], "cursor-1")
    before = counts(store)
    # Two orders claiming the same document id violate its primary key half-way through.
    bad: list[writer.Record] = [
        records.order(2),
        records.order(3, document_ids=["shared.pdf"]),
        records.party("party-2"),
        records.order(4, document_ids=["shared.pdf"]),
    ]
    with pytest.raises(CacheWriteError, match="UNIQUE"):
        writer.apply_page(store, bad, [(ChangeKind.ORDER, "order-000001")], "cursor-2")
    assert counts(store) == before
    assert cursor(store) == "cursor-1"
    with store.session() as session:
        assert queries.order_ids(session, queries.OrderFilter(), queries.OrderSort()) == [
            "order-000001"
        ]
        assert queries.count_orders(session, queries.OrderFilter(text="AU-00000002")) == 0


def test_upsert_replaces_children(store: CacheStore) -> None:
    two_items = [records.item(options=3, locations=2), records.item("ipfonie-trunk-30")]
    writer.apply_page(store, [records.order(1, items=two_items)], [], "c1")
    assert counts(store)["order_item_options"] == 4
    changed = records.order(1, items=[records.item(options=0, locations=1)],
                            status=OrderStatus.COMPLETED, contract_number="VT-1")  # fmt: skip
    writer.apply_page(store, [changed], [], "c2")
    after = counts(store)
    assert after["orders"] == 1
    assert after["order_items"] == 1
    assert after["order_item_options"] == 0
    assert after["order_usage_locations"] == 1
    assert after["order_status_events"] == 3
    with store.session() as session:
        detail = queries.order_detail(session, "order-000001")
        assert detail is not None
        assert detail.status is OrderStatus.COMPLETED
        assert detail.contract_number == "VT-1"
        assert queries.count_orders(session, queries.OrderFilter(text="VT-1")) == 1


def test_last_upsert_of_a_record_in_a_page_wins(store: CacheStore) -> None:
    first = records.order(1, status=OrderStatus.RECEIVED)
    second = records.order(1, status=OrderStatus.IN_PROCESSING)
    writer.apply_page(store, [first, second], [], "c1")
    with store.session() as session:
        assert queries.status_counts(session, queries.OrderFilter())["in_processing"] == 1
        assert queries.count_orders(session, queries.OrderFilter()) == 1


def test_tombstones_delete_orders_with_children_and_other_kinds(store: CacheStore) -> None:
    writer.apply_page(
        store,
        [records.order(1), records.order(2), records.party(), records.contract(), records.cart(),
         records.quote()],
        [], "c1",
    )  # fmt: skip
    deletes = [
        (ChangeKind.ORDER, "order-000001"),
        (ChangeKind.CUSTOMER, "party-1"),
        (ChangeKind.CONTRACT, "contract-VT-10000001"),
        (ChangeKind.CART, "cart-1"),
        (ChangeKind.QUOTE, "quote-1"),
        (ChangeKind.ORDER, "never-cached"),
    ]
    writer.apply_page(store, [], deletes, "c2")
    after = counts(store)
    assert after["orders"] == 1
    assert all(after[table] == (2 if table == "order_recipients" else 1) for table in CHILD_TABLES
               if table not in ("order_item_options",))  # fmt: skip
    assert after["customers"] == after["contracts"] == after["carts"] == after["quotes"] == 0
    with store.session() as session:
        assert queries.order_detail(session, "order-000001") is None
        assert queries.count_orders(session, queries.OrderFilter(text="AU-00000001")) == 0
        assert queries.count_orders(session, queries.OrderFilter(text="AU-00000002")) == 1
    assert cursor(store) == "c2"


def test_downloaded_documents_survive_an_upsert_unless_the_digest_changes(
    store: CacheStore,
) -> None:
    at = datetime(2025, 5, 1, tzinfo=UTC)
    writer.apply_page(store, [records.order(1, document_sha256="aa")], [], "c1")
    assert writer.mark_document_downloaded(store, "order-000001.confirmation", "/x.pdf", at, "aa")
    assert not writer.mark_document_downloaded(store, "missing", "/y.pdf", at)
    again = records.order(1, document_sha256="aa", status=OrderStatus.IN_PROCESSING)
    writer.apply_page(store, [again], [], "c2")
    with store.session() as session:
        kept = queries.document(session, "order-000001.confirmation")
        assert kept is not None
        assert kept.local_path == "/x.pdf"
        assert kept.downloaded_at == at
        assert queries.documents_to_prefetch(session, 10) == []
    writer.apply_page(store, [records.order(1, document_sha256="bb")], [], "c3")
    with store.session() as session:
        fresh = queries.document(session, "order-000001.confirmation")
        assert fresh is not None
        assert fresh.local_path is None
        assert [d.id for d in queries.documents_to_prefetch(session, 10)] == [fresh.id]


def test_sync_success_and_error_bookkeeping(store: CacheStore) -> None:
    t1 = datetime(2025, 5, 1, 8, tzinfo=UTC)
    t2 = datetime(2025, 5, 1, 9, tzinfo=UTC)
    writer.record_sync_error(store, "Server nicht erreichbar", t1)
    with store.session() as session:
        state = queries.sync_state(session)
    assert (state.cursor, state.last_error, state.last_attempt_at) == (
        None, "Server nicht erreichbar", t1)  # fmt: skip
    writer.apply_page(store, [], [], "c9")
    writer.record_sync_success(store, t2)
    with store.session() as session:
        state = queries.sync_state(session)
    assert state == SyncState("c9", t2, None, t2)


def test_catalog_and_etags(store: CacheStore) -> None:
    statuses = [
        StatusOut(code=code, label_de=f"{code} de", label_en=f"{code} en",
                  explanation_de="Erklärung", explanation_en="Explanation")
        for code in OrderStatus
    ]  # fmt: skip
    transactions = [
        BusinessTransactionOut(code=BusinessTransaction.REORDER, label_de="Nachbestellung",
                               label_en="Reorder", acts_on_contract=True)
    ]  # fmt: skip
    writer.save_catalog(store, statuses=statuses, business_transactions=transactions,
                        etags={"statuses": '"s1"', "business_transactions": '"b1"'})  # fmt: skip
    writer.save_catalog(store, statuses=statuses[:1], etags={"business_transactions": None})
    with store.session() as session:
        assert [s.code for s in queries.statuses(session)] == [OrderStatus.RECEIVED]
        assert [t.label_de for t in queries.business_transactions(session)] == ["Nachbestellung"]
        assert queries.meta_etags(session) == {"statuses": '"s1"'}
        assert queries.products(session) == []
