"""queries.order_export_rows: the export's one ordered scan gives exactly the list's rows (the
filter, the sort, the values) in chunks."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.queries import CLEARING, OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import BusinessTransaction, OrderStatus

from tests.cache import records

T0 = datetime(2025, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
FIELDS = ["order_number", "created_at", "customer_name", "business_transaction",
          "product_name_de", "product_name_en", "status_shown", "contract_number", "updated_at"]


@pytest.fixture
def filled(store: CacheStore) -> CacheStore:
    statuses = list(OrderStatus)
    orders = [records.order(
        n, customer_name=["Schröder Bau AG", "müller elektro", "Abel & Söhne KG"][n % 3],
        status=statuses[n % len(statuses)], transaction=list(BusinessTransaction)[n % 3],
        contract_number=f"VT-{10000000 + n}" if n % 4 else None,
        created_at=T0 + timedelta(hours=n // 2)) for n in range(1, 41)]  # ties on the date
    writer.apply_page(store, records.upserts(orders), [], "c1")
    return store


def scan(store: CacheStore, order_filter: OrderFilter, sort: OrderSort,
         fields: list[str], chunk: int = 7) -> list[list[tuple[Any, ...]]]:
    with store.session() as session:
        return list(queries.order_export_rows(session, order_filter, sort, fields, chunk))


@pytest.mark.parametrize("column", list(OrderSortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_rows_in_the_list_order_with_its_values(filled: CacheStore, column: OrderSortColumn,
                                                descending: bool) -> None:
    sort = OrderSort(column, descending)
    order_filter = OrderFilter(text="Söhne") if column is OrderSortColumn.STATUS else OrderFilter()
    chunks = scan(filled, order_filter, sort, FIELDS)
    assert all(len(part) == 7 for part in chunks[:-1]) and 0 < len(chunks[-1]) <= 7
    rows = [row for part in chunks for row in part]
    with filled.session() as session:
        listed = queries.order_page(session, order_filter, sort, 0, 1000)
    assert len(rows) == len(listed) > 0
    for row, line in zip(rows, listed, strict=True):
        assert row == (line.order_number, line.created_at, line.customer_name,
                       line.business_transaction.value, line.product_name_de,
                       line.product_name_en, CLEARING if line.clearing else line.status.value,
                       line.contract_number, line.updated_at)
    assert any(row[6] == CLEARING for row in rows) or column is OrderSortColumn.STATUS
    assert all(row[1].tzinfo is not None and row[1].microsecond == 123456 for row in rows)


def test_the_fields_come_in_the_order_asked(filled: CacheStore) -> None:
    rows = scan(filled, OrderFilter(statuses=frozenset({"completed"})), OrderSort(),
                ["updated_at", "status", "order_number"], chunk=1000)
    assert len(rows) == 1 and rows[0]
    assert {row[1] for row in rows[0]} == {"completed"}
    assert all(isinstance(row[0], datetime) and row[2].startswith("AU-") for row in rows[0])


def test_no_match_and_unknown_fields(filled: CacheStore) -> None:
    assert scan(filled, OrderFilter(text="nothing-like-this"), OrderSort(), FIELDS) == []
    with pytest.raises(ValueError, match="clearing_note"):
        scan(filled, OrderFilter(), OrderSort(), ["order_number", "clearing_note"])


def test_closing_early_ends_the_scan(filled: CacheStore) -> None:
    with filled.session() as session:
        chunks = queries.order_export_rows(session, OrderFilter(), OrderSort(), FIELDS, 5)
        assert len(next(chunks)) == 5
        chunks.close()
        assert queries.count_orders(session, OrderFilter()) == 40  # the session goes on
