"""Search, filters, sorts, counts and the detail tree."""

from datetime import UTC, date, datetime, timedelta

import pytest
from desktop_app.cache import queries, writer
from desktop_app.cache.queries import OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.records import OrderListRow
from desktop_app.cache.search import fts_query
from desktop_app.cache.store import CacheStore
from desktop_app.domain.business_time import business_time
from desktop_app.domain.enums import BusinessTransaction, OrderStatus, ProductFamily

from tests.cache import records

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def filled(store: CacheStore) -> CacheStore:
    orders = [
        records.order(1, customer_name="Schröder Bau AG", contract_number="VT-10000001",
                      status=OrderStatus.COMPLETED, created_at=T0),
        records.order(2, customer_name="müller elektro", product_code="ipfonie-trunk-30",
                      transaction=BusinessTransaction.REORDER, created_at=T0 + timedelta(days=1),
                      status=OrderStatus.IN_PROCESSING, created_by="u-2"),
        records.order(3, customer_name="Abel & Söhne KG", product_code="internet-dsl-250",
                      created_at=T0 + timedelta(days=2), contract_number="VT-10000003",
                      status=OrderStatus.COMPLETED),
        records.order(4, customer_name="Abel & Söhne KG", product_code="internet-dsl-250",
                      created_at=T0 + timedelta(days=2), created_by="u-2"),
    ]  # fmt: skip
    writer.apply_page(store, records.upserts(orders), [], "c1")
    return store


def ids(store: CacheStore, order_filter: OrderFilter, sort: OrderSort | None = None) -> list[str]:
    with store.session() as session:
        return queries.order_ids(session, order_filter, sort or OrderSort())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("AU-00000002", ["order-000002"]),
        ("00000003", ["order-000003"]),
        ("schroder", ["order-000001"]),
        ("Schrö", ["order-000001"]),
        ("MÜLLER", ["order-000002"]),
        ("VT-10000003", ["order-000003"]),
        ("VT-1000000", ["order-000003", "order-000001"]),
        ("sip trunk", ["order-000002"]),
        ("Kanäle", ["order-000002"]),
        ("ipfonie-trunk", ["order-000002"]),
        ("dsl abel", ["order-000004", "order-000003"]),
        ("Centraflex", ["order-000001"]),
        ("nothing-like-this", []),
    ],
)
def test_search_by_number_customer_contract_product_and_prefix(
    filled: CacheStore, typed: str, expected: list[str]
) -> None:
    assert ids(filled, OrderFilter(text=typed)) == expected


@pytest.mark.parametrize(
    "typed",
    ['"', '"unbalanced', "AND", "OR OR", "NOT x", "a NEAR b", "order_number:AU", "*", "^x",
     "(", ")", "a + b", "-", "\\", "'; DROP TABLE orders; --", "日本語", "😀", "\x00", "  "],
)  # fmt: skip
def test_any_input_is_safe(filled: CacheStore, typed: str) -> None:
    with filled.session() as session:
        queries.count_orders(session, OrderFilter(text=typed))
        queries.order_page(session, OrderFilter(text=typed), OrderSort(), 0, 10)
    assert ids(filled, OrderFilter()) != []


def test_fts_query_quotes_every_token() -> None:
    assert fts_query('Schröder "AU-0001" OR x*') == '"schroder"* AND "au 0001"* AND "or"* AND "x"*'
    assert fts_query("  *** ") == ""


def test_filters(filled: CacheStore) -> None:
    assert ids(filled, OrderFilter(statuses=frozenset({"completed"}))) == [
        "order-000003", "order-000001"]  # fmt: skip
    assert ids(filled, OrderFilter(transactions=frozenset({"reorder"}))) == ["order-000002"]
    assert ids(filled, OrderFilter(families=frozenset({ProductFamily.INTERNET}))) == [
        "order-000004", "order-000003"]  # fmt: skip
    assert ids(filled, OrderFilter(created_by="u-2")) == ["order-000004", "order-000002"]
    local = business_time(T0).date()  # filter days are Berlin's
    next_day = local + timedelta(days=1)
    assert ids(filled, OrderFilter(date_from=next_day, date_to=next_day)) == ["order-000002"]
    assert ids(filled, OrderFilter(date_to=local)) == ["order-000001"]
    assert ids(filled, OrderFilter(date_from=date(2030, 1, 1))) == []
    combined = OrderFilter(text="abel", statuses=frozenset({"received"}), created_by="u-2")
    assert ids(filled, combined) == ["order-000004"]


@pytest.mark.parametrize("column", list(OrderSortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_column_both_directions_with_date_tie_break(
    filled: CacheStore, column: OrderSortColumn, descending: bool
) -> None:
    with filled.session() as session:
        rows = queries.order_page(session, OrderFilter(), OrderSort(column, descending), 0, 100)
    workflow = list(OrderStatus)

    def key(row: OrderListRow) -> tuple[object, ...]:
        value = getattr(row, column.value)
        if column is OrderSortColumn.STATUS:
            return workflow.index(row.status), -row.created_at.timestamp(), row.order_number
        text = "" if value is None else str(value).lower()
        if column in (OrderSortColumn.ORDER_NUMBER, OrderSortColumn.CREATED_AT):
            return text, row.order_number
        # Ties: the newest order first, then the higher number (descending: reversed).
        number = "".join(chr(255 - ord(c)) for c in row.order_number)
        return text, -row.created_at.timestamp(), number

    assert rows == sorted(rows, key=key, reverse=descending)
    assert len(rows) == 4


def test_tie_break_on_id_and_paging(filled: CacheStore) -> None:
    sort = OrderSort(OrderSortColumn.CREATED_AT, descending=False)
    assert ids(filled, OrderFilter(), sort) == [
        "order-000001", "order-000002", "order-000003", "order-000004"]  # fmt: skip
    with filled.session() as session:
        page = queries.order_page(session, OrderFilter(), sort, 2, 1)
        assert [row.id for row in page] == ["order-000003"]
        by_id = queries.order_rows_by_ids(session, ["order-000004", "gone"])
        assert list(by_id) == ["order-000004"]
        row = by_id["order-000004"]
        assert row.status is OrderStatus.RECEIVED
        assert row.business_transaction is BusinessTransaction.NEW_ORDER
        assert row.product_family is ProductFamily.INTERNET
        assert row.created_at.tzinfo is not None


def test_counts(filled: CacheStore) -> None:
    with filled.session() as session:
        assert queries.count_orders(session, OrderFilter()) == 4
        assert queries.count_orders(session, OrderFilter(text="abel")) == 2
        assert queries.status_counts(session, OrderFilter()) == {
            "received": 1, "in_processing": 1, "completed": 2, "clearing": 1}  # fmt: skip
        # Facet counts ignore the filter's own status selection.
        assert queries.status_counts(
            session, OrderFilter(text="abel", statuses=frozenset({"received"}))
        ) == {"received": 1, "in_processing": 0, "completed": 1, "clearing": 0}


def test_order_detail_is_complete(store: CacheStore) -> None:
    order = records.order(7, items=[records.item(options=2, locations=2), records.item()],
                          status=OrderStatus.COMPLETED, contract_number="VT-10000001")  # fmt: skip
    related: list[writer.Model] = [records.party(), records.contract(), records.cart(),
                                   records.quote()]  # fmt: skip
    writer.apply_page(store, records.upserts([order, *related]), [], "c1")
    with store.session() as session:
        detail = queries.order_detail(session, order.id)
    assert detail is not None
    assert (detail.order_number, detail.customer_name, detail.tenant_name) == (
        order.order_number, order.customer_name, order.tenant_name)  # fmt: skip
    assert detail.created_at == order.created_at
    assert detail.expected_completion_at == order.expected_completion_at
    assert detail.approver_email == order.approver_email
    assert detail.quote_created_by_name == order.quote_created_by_name
    assert detail.monthly_gross_cents == order.totals.monthly_gross_cents
    assert len(detail.items) == 2
    first = detail.items[0]
    assert [o.code for o in first.options] == ["opt-0", "opt-1"]
    assert first.options[0].phone_numbers == ("+49401230",)
    assert [u.street for u in first.usage_locations] == ["Weg 0", "Weg 1"]
    assert first.usage_locations[0].phone_numbers == ("+4940999", "+4940998")
    assert [e.status for e in detail.history] == list(OrderStatus)
    assert detail.history[1].note == "Clearing"
    assert [d.id for d in detail.documents] == [f"{order.id}.confirmation"]
    assert [r.email for r in detail.recipients] == ["info@mueller.example",
                                                    "max@nordlicht.example"]  # fmt: skip
    assert len(detail.recipients[1].sources) == 2
    assert detail.customer is not None and detail.customer.email == "info@mueller.example"
    assert detail.customer.city == "Hamburg"
    assert detail.contract is not None and detail.contract.contract_number == "VT-10000001"
    assert detail.cart is not None and detail.cart.item_count == 1
    assert detail.cart.customer_name == "Müller Elektro GmbH"
    assert detail.quote is not None and detail.quote.approver_email == "freigabe@mueller.example"


def test_detail_without_related_records(store: CacheStore) -> None:
    writer.apply_page(store, records.upserts([records.order(1, quote_id=None)]), [], "c1")
    with store.session() as session:
        detail = queries.order_detail(session, "order-000001")
        assert queries.order_detail(session, "missing") is None
    assert detail is not None
    assert (detail.customer, detail.contract, detail.cart, detail.quote) == (None, None, None, None)


def test_customers_carts_and_quotes(store: CacheStore) -> None:
    models: list[writer.Model] = [records.party(), records.party("party-2", "Zeta 100% GmbH"),
                                  records.cart(), records.quote()]  # fmt: skip
    writer.apply_page(store, records.upserts(models), [], "c1")
    with store.session() as session:
        assert [c.id for c in queries.customers(session)] == ["party-1", "party-2"]
        assert [c.id for c in queries.customers(session, "100%")] == ["party-2"]
        assert [c.id for c in queries.customers(session, "elektro")] == ["party-1"]
        carts, quotes = queries.carts_and_quotes(session)
    assert [c.id for c in carts] == ["cart-1"]
    assert carts[0].product_names_de == ("Tengo Centraflex 10 Nutzer",)
    assert [q.quote_number for q in quotes] == ["AN-00000001"]
    assert quotes[0].sent_to == ("info@mueller.example",)
