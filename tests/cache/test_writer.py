"""apply_page: one transaction per page with its cursor; upserts replace an order's lists and
documents; tombstones."""

from datetime import UTC, datetime

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.records import (
    ItemDetail,
    OptionDetail,
    OrderDetail,
    RecipientDetail,
    StatusEventDetail,
    SyncState,
    UsageLocationDetail,
)
from desktop_app.cache.store import CacheStore
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.meta import BusinessTransactionOut, StatusOut
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from sqlalchemy import text

from tests.cache import records

TABLES = ("orders", "order_documents", "customers", "contracts", "carts", "quotes")


def counts(store: CacheStore) -> dict[str, int]:
    with store.session() as session:
        return {
            table: int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608
            for table in TABLES
        }


def detail(store: CacheStore, order_id: str) -> OrderDetail:
    with store.session() as session:
        found = queries.order_detail(session, order_id)
    assert found is not None
    return found


def cursor(store: CacheStore) -> str | None:
    with store.session() as session:
        return queries.sync_state(session).cursor


def test_page_with_every_kind_and_its_cursor(store: CacheStore) -> None:
    upserts: list[writer.Model] = [records.order(1), records.party(), records.contract(),
                                    records.cart(), records.quote()]  # fmt: skip
    writer.apply_page(store, records.upserts(upserts), [], "cursor-1")
    assert counts(store) == {
        "orders": 1, "order_documents": 1, "customers": 1, "contracts": 1, "carts": 1,
        "quotes": 1,
    }  # fmt: skip
    order = detail(store, "order-000001")
    assert [len(order.items), len(order.history), len(order.documents)] == [1, 1, 1]
    assert [(len(i.options), len(i.usage_locations)) for i in order.items] == [(1, 1)]
    assert [r.email for r in order.recipients] == ["info@mueller.example", "max@nordlicht.example"]
    assert cursor(store) == "cursor-1"


def test_failure_in_the_middle_leaves_cache_and_cursor_untouched(store: CacheStore) -> None:
    writer.apply_page(store, records.upserts([records.order(1), records.party()]), [], "cursor-1")
    before = counts(store)
    # Two orders claiming the same document id violate its primary key half-way through.
    bad: list[writer.Model] = [
        records.order(2),
        records.order(3, document_ids=["shared.pdf"]),
        records.party("party-2"),
        records.order(4, document_ids=["shared.pdf"]),
    ]
    with pytest.raises(CacheWriteError, match="UNIQUE"):
        writer.apply_page(
            store, records.upserts(bad), [(ChangeKind.ORDER, "order-000001")], "cursor-2"
        )
    assert counts(store) == before
    assert cursor(store) == "cursor-1"
    with store.session() as session:
        assert queries.order_ids(session, queries.OrderFilter(), queries.OrderSort()) == [
            "order-000001"
        ]
        assert queries.count_orders(session, queries.OrderFilter(text="AU-00000002")) == 0


def test_customers_contracts_carts_and_quotes_are_updated_in_place(store: CacheStore) -> None:
    first: list[writer.Model] = [records.party(), records.contract(), records.cart(),
                                  records.quote()]  # fmt: skip
    writer.apply_page(store, records.upserts(first), [], "c1")
    changed: list[writer.Model] = [
        records.party(company="Nordlicht Bau AG").model_copy(update={"email": None}),
        records.contract().model_copy(update={"minimum_term_months": 36}),
        records.cart().model_copy(update={"quote_id": None, "created_by": "u-2"}),
        records.quote().model_copy(update={"extra_recipient": "chef@mueller.example",
                                           "sent_at": None, "provider_approval_required": True}),
    ]  # fmt: skip
    writer.apply_page(store, records.upserts(changed), [], "c2")
    assert counts(store) == {
        "orders": 0, "order_documents": 0, "customers": 1, "contracts": 1, "carts": 1,
        "quotes": 1,
    }  # fmt: skip
    with store.session() as session:
        def row(sql: str) -> tuple[object, ...]:
            return tuple(session.execute(text(sql)).one())

        assert row("SELECT company, email, customer_number FROM customers") == (
            "Nordlicht Bau AG", None, "KD-100001")
        assert row("SELECT minimum_term_months, start_date FROM contracts") == (36, "2025-03-12")
        assert row("SELECT quote_id, created_by FROM carts") == (None, "u-2")
        assert row("SELECT extra_recipient, sent_at, provider_approval_required, valid_until "
                   "FROM quotes") == ("chef@mueller.example", None, 1, "2025-04-10")
    assert cursor(store) == "c2"


def test_upsert_replaces_children(store: CacheStore) -> None:
    two_items = [records.item(options=3, locations=2), records.item("ipfonie-trunk-30")]
    writer.apply_page(store, records.upserts([records.order(1, items=two_items)]), [], "c1")
    before = detail(store, "order-000001")
    assert [(len(i.options), len(i.usage_locations)) for i in before.items] == [(3, 2), (1, 1)]
    changed = records.order(1, items=[records.item(options=0, locations=1)],
                            status=OrderStatus.COMPLETED, contract_number="VT-1",
                            document_ids=["order-000001.new"])  # fmt: skip
    writer.apply_page(store, records.upserts([changed]), [], "c2")
    after = counts(store)
    assert after["orders"] == 1
    assert after["order_documents"] == 1
    order = detail(store, "order-000001")
    assert [(len(i.options), len(i.usage_locations)) for i in order.items] == [(0, 1)]
    assert [e.status for e in order.history] == [
        OrderStatus.RECEIVED, OrderStatus.IN_PROCESSING, OrderStatus.COMPLETED
    ]  # fmt: skip
    assert [d.id for d in order.documents] == ["order-000001.new"]
    assert order.status is OrderStatus.COMPLETED
    assert order.contract_number == "VT-1"
    with store.session() as session:
        assert queries.count_orders(session, queries.OrderFilter(text="VT-1")) == 1


def test_last_upsert_of_a_record_in_a_page_wins(store: CacheStore) -> None:
    first = records.order(1, status=OrderStatus.RECEIVED)
    second = records.order(1, status=OrderStatus.IN_PROCESSING)
    writer.apply_page(store, records.upserts([first, second]), [], "c1")
    with store.session() as session:
        assert queries.status_counts(session, queries.OrderFilter())["in_processing"] == 1
        assert queries.count_orders(session, queries.OrderFilter()) == 1


def test_tombstones_delete_orders_with_children_and_other_kinds(store: CacheStore) -> None:
    writer.apply_page(
        store,
        records.upserts([records.order(1), records.order(2), records.party(), records.contract(),
                         records.cart(), records.quote()]),
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
    assert after["orders"] == after["order_documents"] == 1
    assert detail(store, "order-000002").documents[0].order_id == "order-000002"
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
    first, second = "a" * 64, "b" * 64
    writer.apply_page(store, records.upserts([records.order(1, document_sha256=first)]), [], "c1")
    assert writer.mark_document_downloaded(store, "order-000001.confirmation", "/x.pdf", at, first)
    assert not writer.mark_document_downloaded(store, "missing", "/y.pdf", at)
    again = records.order(1, document_sha256=first, status=OrderStatus.IN_PROCESSING)
    writer.apply_page(store, records.upserts([again]), [], "c2")
    with store.session() as session:
        kept = queries.document(session, "order-000001.confirmation")
        assert kept is not None
        assert kept.local_path == "/x.pdf"
        assert kept.downloaded_at == at
        assert queries.documents_to_prefetch(session, 10) == []
    writer.apply_page(store, records.upserts([records.order(1, document_sha256=second)]), [], "c3")
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


def test_detail_lists_round_trip_field_by_field(store: CacheStore) -> None:
    order = records.order(3, items=[records.item(options=2, locations=2, quantity=3),
                                    records.item("internet-dsl-250", options=0, locations=0)],
                          status=OrderStatus.COMPLETED)  # fmt: skip
    writer.apply_page(store, records.upserts([order]), [], "c1")
    got = detail(store, order.id)
    assert got.items == tuple(
        ItemDetail(
            i.product_code, i.product_name_de, i.product_name_en, i.family, i.quantity,
            i.monthly_net_cents, i.one_time_net_cents, i.automatic,
            tuple(OptionDetail(o.code, o.name_de, o.name_en, o.quantity, tuple(o.phone_numbers),
                               o.monthly_net_cents, o.one_time_net_cents) for o in i.options),
            tuple(UsageLocationDetail(u.address.street, u.address.postal_code, u.address.city,
                                      u.address.country, tuple(u.phone_numbers))
                  for u in i.usage_locations),
        )
        for i in order.items
    )  # fmt: skip
    assert got.history == tuple(StatusEventDetail(e.status, e.at, e.note) for e in order.history)
    assert all(e.at.tzinfo is UTC for e in got.history)
    assert got.recipients == tuple(
        RecipientDetail(r.email, tuple(r.sources)) for r in order.recipients
    )


def test_search_follows_a_renamed_order_and_unchanged_text_keeps_matching(
    store: CacheStore,
) -> None:
    abel = records.order(1, customer_name="Abel Bau AG")
    writer.apply_page(store, records.upserts([abel]), [], "c1")
    again = records.order(1, customer_name="Abel Bau AG", status=OrderStatus.IN_PROCESSING)
    writer.apply_page(store, records.upserts([again]), [], "c2")
    with store.session() as session:
        assert queries.count_orders(session, queries.OrderFilter(text="abel")) == 1
    zander = records.order(1, customer_name="Zander Bau AG")
    writer.apply_page(store, records.upserts([zander]), [], "c3")
    with store.session() as session:
        assert queries.count_orders(session, queries.OrderFilter(text="abel")) == 0
        assert queries.count_orders(session, queries.OrderFilter(text="zander")) == 1
        assert queries.count_orders(session, queries.OrderFilter(text="AU-00000001")) == 1


def test_a_downloaded_document_the_backend_dropped_goes(store: CacheStore) -> None:
    at = datetime(2025, 5, 1, tzinfo=UTC)
    writer.apply_page(store, records.upserts([records.order(1, document_ids=["a", "b"])]), [], "c1")
    assert writer.mark_document_downloaded(store, "a", "/a.pdf", at)
    writer.apply_page(store, records.upserts([records.order(1, document_ids=["b"])]), [], "c2")
    with store.session() as session:
        assert queries.document(session, "a") is None
    assert [d.id for d in detail(store, "order-000001").documents] == ["b"]
