"""Issue 12, items 11, 12 and 14 at the cache: German spellings in the search, clearing cases
found and filtered, and sorts with a meaningful tie-break and the workflow's status order."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from desktop_app.cache import migrate, queries, writer
from desktop_app.cache.queries import CLEARING, OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import OrderStatus

from tests.cache import old_cache, records

T0 = datetime(2025, 5, 1, 9, tzinfo=UTC)


def _ids(store: CacheStore, order_filter: OrderFilter, sort: OrderSort | None = None) -> list[str]:
    with store.session() as session:
        return queries.order_ids(session, order_filter, sort or OrderSort())


@pytest.fixture
def spelled(store: CacheStore) -> CacheStore:
    orders = [
        records.order(1, customer_name="Dörschner GmbH", created_at=T0),
        records.order(2, customer_name="Doerschner KG", created_at=T0 + timedelta(hours=1)),
        records.order(3, customer_name="Straße & Bau AG", created_at=T0 + timedelta(hours=2)),
        records.order(4, customer_name="Strasse Nord KG", created_at=T0 + timedelta(hours=3)),
        records.order(5, customer_name="Mueller Technik", created_at=T0 + timedelta(hours=4)),
        records.order(6, customer_name="Abel Söhne", created_at=T0 + timedelta(hours=5)),
    ]
    writer.apply_page(store, records.upserts(orders), [], "c1")
    return store


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Doerschner", ["order-000002", "order-000001"]),
        ("Dörschner", ["order-000002", "order-000001"]),
        ("dorschner", ["order-000002", "order-000001"]),
        ("DOERSCH", ["order-000002", "order-000001"]),
        ("Strasse", ["order-000004", "order-000003"]),
        ("Straße", ["order-000004", "order-000003"]),
        ("Müller", ["order-000005"]),
        ("Soehne", ["order-000006"]),
    ],
)
def test_german_spellings_match_both_ways(
    spelled: CacheStore, typed: str, expected: list[str]
) -> None:
    assert _ids(spelled, OrderFilter(text=typed)) == expected


def test_an_existing_cache_is_migrated_to_the_folded_search(cache_path: Path) -> None:
    migrate.upgrade(cache_path, "0004")
    old = CacheStore(cache_path, migrate=False)
    old_cache.apply_old_page(old, records.upserts([records.order(1, customer_name="Dörschner")]),
                             "c1")  # fmt: skip
    old.dispose()
    with CacheStore(cache_path) as store:
        assert migrate.current_revision(cache_path) == migrate.head_revision()
        assert _ids(store, OrderFilter(text="Doerschner")) == ["order-000001"]
        writer.apply_page(store, records.upserts([records.order(2, customer_name="Mueller")]),
                          [], "c2")  # fmt: skip
        assert _ids(store, OrderFilter(text="Müller")) == ["order-000002"]


@pytest.fixture
def clearing(store: CacheStore) -> CacheStore:
    # records.order gives an order in processing a clearing note.
    orders = [
        records.order(1, status=OrderStatus.IN_PROCESSING, created_at=T0),
        records.order(2, status=OrderStatus.COMPLETED, created_at=T0 + timedelta(hours=1)),
        records.order(3, status=OrderStatus.RECEIVED, created_at=T0 + timedelta(hours=2)),
        records.order(4, status=OrderStatus.IN_PROCESSING, created_at=T0 + timedelta(hours=3)),
    ]
    writer.apply_page(store, records.upserts(orders), [], "c1")
    return store


@pytest.mark.parametrize("typed", ["Clearing", "clearing-fall", "Clearingfall", "clearing case"])
def test_searching_clearing_finds_the_clearing_cases(clearing: CacheStore, typed: str) -> None:
    assert _ids(clearing, OrderFilter(text=typed)) == ["order-000004", "order-000001"]


def test_clearing_cases_are_marked_filtered_and_counted(clearing: CacheStore) -> None:
    assert _ids(clearing, OrderFilter(clearing=True)) == ["order-000004", "order-000001"]
    with clearing.session() as session:
        rows = queries.order_rows_by_ids(session, ["order-000001", "order-000002"])
        counts = queries.status_counts(session, OrderFilter(clearing=True))
    assert rows["order-000001"].clearing and not rows["order-000002"].clearing
    assert counts[CLEARING] == 2 and counts["received"] == 1
    # Completed: the backend clears the note, and the order is no clearing case any more.
    done = records.order(1, status=OrderStatus.COMPLETED, created_at=T0)
    writer.apply_page(clearing, records.upserts([done]), [], "c2")
    assert _ids(clearing, OrderFilter(text="clearing")) == ["order-000004"]
    assert _ids(clearing, OrderFilter(clearing=True)) == ["order-000004"]


@pytest.fixture
def customers(store: CacheStore) -> CacheStore:
    # Random-looking ids, so that a tie-break on the id would mix the dates.
    orders = [
        records.order(1, order_id="ord-c3", customer_name="Kusch KG", created_at=T0,
                      status=OrderStatus.COMPLETED),
        records.order(2, order_id="ord-b1", customer_name="Kusch KG",
                      created_at=T0 + timedelta(days=2), status=OrderStatus.RECEIVED),
        records.order(3, order_id="ord-a9", customer_name="Kusch KG",
                      created_at=T0 + timedelta(days=1), status=OrderStatus.IN_PROCESSING),
        records.order(4, order_id="ord-z0", customer_name="Abel AG",
                      created_at=T0 + timedelta(days=3), status=OrderStatus.COMPLETED),
    ]  # fmt: skip
    writer.apply_page(store, records.upserts(orders), [], "c1")
    return store


def test_one_customers_orders_are_listed_newest_first(customers: CacheStore) -> None:
    ascending = OrderSort(OrderSortColumn.CUSTOMER_NAME, descending=False)
    assert _ids(customers, OrderFilter(), ascending) == ["ord-z0", "ord-b1", "ord-a9", "ord-c3"]
    # Descending is the same list reversed (one index serves both directions).
    descending = OrderSort(OrderSortColumn.CUSTOMER_NAME, descending=True)
    assert _ids(customers, OrderFilter(), descending) == ["ord-c3", "ord-a9", "ord-b1", "ord-z0"]


def test_status_sorts_in_workflow_order(customers: CacheStore) -> None:
    ascending = OrderSort(OrderSortColumn.STATUS, descending=False)
    # received -> in processing -> completed; completed ones newest first.
    assert _ids(customers, OrderFilter(), ascending) == ["ord-b1", "ord-a9", "ord-z0", "ord-c3"]
    with customers.session() as session:
        page = queries.order_page(session, OrderFilter(), ascending, 0, 10)
    assert [row.status for row in page] == [
        OrderStatus.RECEIVED, OrderStatus.IN_PROCESSING, OrderStatus.COMPLETED,
        OrderStatus.COMPLETED]  # fmt: skip


def test_the_first_rows_and_the_whole_list_agree(customers: CacheStore) -> None:
    for column in OrderSortColumn:
        for descending in (False, True):
            sort = OrderSort(column, descending)
            with customers.session() as session:
                whole = queries.order_ids(session, OrderFilter(), sort)
                first = queries.order_ids(session, OrderFilter(), sort, limit=2)
                page = [r.id for r in queries.order_page(session, OrderFilter(), sort, 0, 10)]
            assert first == whole[:2] and page == whole, (column, descending)


def _index_columns(store: CacheStore) -> dict[str, str]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' "
            "AND sql IS NOT NULL"
        ).all()
    return {name: sql[sql.index("(") + 1 : sql.rindex(")")].replace(" ", "") for name, sql in rows}


def test_a_bulk_load_recreates_the_sort_indexes_as_the_migration_made_them(
    store: CacheStore,
) -> None:
    migrated = _index_columns(store)
    assert "created_atDESC,order_numberDESC,id" in migrated["ix_orders_customer_name"]
    writer.begin_bulk_load(store)
    writer.apply_page(store, records.upserts([records.order(1, customer_name="Dörschner")]), [],
                      "c1")  # fmt: skip
    writer.finish_bulk_load(store)
    assert _index_columns(store) == migrated
    assert _ids(store, OrderFilter(text="doerschner")) == ["order-000001"]
