"""Bulk loading: indexes and search triggers dropped while loading and rebuilt at the end;
a load cut short is finished when the cache is opened again; record_of round trip."""

import ast
import importlib.util
from pathlib import Path

import pytest
from desktop_app.cache import bulk, queries, writer
from desktop_app.cache.ddl_0002 import SEARCH_TRIGGERS
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.queries import OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut
from desktop_app.domain.enums import OrderStatus
from sqlalchemy import text

from tests.cache import records


def schema_objects(store: CacheStore) -> tuple[set[str], set[str]]:
    """Names of the explicit indexes and of the triggers."""
    with store.session() as session:
        rows = session.execute(text(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND name NOT LIKE 'sqlite_autoindex%'"
        )).all()  # fmt: skip
    return {n for t, n in rows if t == "index"}, {n for t, n in rows if t == "trigger"}


EXPECTED_INDEXES = {str(index.name) for index in bulk.bulk_indexes()}


def test_bulk_indexes_come_from_the_schema() -> None:
    assert {"ix_orders_created_at", "ix_orders_customer_name", "ix_orders_created_by",
            "ix_quotes_updated_at", "ix_customers_company"} <= EXPECTED_INDEXES  # fmt: skip
    assert "ix_order_documents_order_id" not in EXPECTED_INDEXES  # the writer needs it


def _cache_imports(module: str) -> set[str]:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    names = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    names |= {f"{node.module}.{alias.name}" for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module == "desktop_app.cache"
              for alias in node.names}  # fmt: skip
    return {name for name in names if name.startswith("desktop_app.cache.")}


def test_imports_point_one_way() -> None:
    """bulk -> store -> bulk_schema, with no import back (not even a deferred one)."""
    assert {"desktop_app.cache.store", "desktop_app.cache.bulk_schema"} <= _cache_imports(
        "desktop_app.cache.bulk")
    assert "desktop_app.cache.bulk_schema" in _cache_imports("desktop_app.cache.store")
    for module in ("desktop_app.cache.store", "desktop_app.cache.bulk_schema"):
        assert not {"desktop_app.cache.bulk", "desktop_app.cache.writer"} & _cache_imports(module)
    assert "desktop_app.cache.store" not in _cache_imports("desktop_app.cache.bulk_schema")


def test_bulk_load_round_trip(store: CacheStore) -> None:
    indexes, triggers = schema_objects(store)
    assert indexes >= EXPECTED_INDEXES
    assert triggers == set(SEARCH_TRIGGERS)
    assert not writer.is_bulk_loading(store)

    writer.begin_bulk_load(store)
    writer.begin_bulk_load(store)  # again: no harm
    assert writer.is_bulk_loading(store)
    indexes, triggers = schema_objects(store)
    assert not indexes & EXPECTED_INDEXES
    assert "ix_order_documents_order_id" in indexes
    assert triggers == set()

    names = ["Schröder Bau AG", "Abel & Söhne KG", "Müller Elektro GmbH"]
    for page in range(3):
        models = [records.order(page * 10 + n, customer_name=names[n % 3],
                                status=OrderStatus.COMPLETED if n % 2 else OrderStatus.RECEIVED)
                  for n in range(1, 11)]  # fmt: skip
        writer.apply_page(store, records.upserts(models), [], f"c{page}")
    # A page with an order again (documents replaced), a tombstone and the other kinds.
    again = records.order(5, customer_name="Zander Bau AG", document_ids=["again.pdf"])
    writer.apply_page(
        store,
        records.upserts([again, records.party(), records.contract(), records.cart(),
                         records.quote()]),
        [(ChangeKind.ORDER, "order-000006")], "c3",
    )  # fmt: skip
    writer.finish_bulk_load(store)

    assert not writer.is_bulk_loading(store)
    indexes, triggers = schema_objects(store)
    assert indexes >= EXPECTED_INDEXES
    assert triggers == set(SEARCH_TRIGGERS)
    with store.session() as session:
        assert queries.sync_state(session).cursor == "c3"
        assert queries.count_orders(session, OrderFilter()) == 29
        assert queries.count_orders(session, OrderFilter(text="schroder")) == 8  # one deleted
        assert queries.order_ids(session, OrderFilter(text="zander"), OrderSort()) == [
            "order-000005"]  # fmt: skip
        assert queries.count_orders(session, OrderFilter(text="AU-00000006")) == 0
        assert queries.status_counts(session, OrderFilter())["completed"] == 14  # 5 now received
        for column in OrderSortColumn:
            rows = queries.order_page(session, OrderFilter(), OrderSort(column, False), 0, 100)
            assert len(rows) == 29
        by_customer = queries.order_page(
            session, OrderFilter(), OrderSort(OrderSortColumn.CUSTOMER_NAME, False), 0, 1
        )
        assert by_customer[0].customer_name == "Abel & Söhne KG"
        detail = queries.order_detail(session, "order-000005")
        assert detail is not None
        assert [d.id for d in detail.documents] == ["again.pdf"]
        assert detail.customer is not None and detail.quote is not None
        plan = " ".join(str(row[-1]) for row in session.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM orders ORDER BY created_at, id LIMIT 5")
        ))  # fmt: skip
        assert "ix_orders_created_at" in plan
        assert session.execute(text("SELECT count(*) FROM sqlite_stat1")).scalar_one() > 0
    # Back in normal mode the triggers keep the search current again.
    writer.apply_page(store, records.upserts([records.order(99, customer_name="Ypsilon AG")]),
                      [], "c4")  # fmt: skip
    with store.session() as session:
        assert queries.count_orders(session, OrderFilter(text="ypsilon")) == 1


def test_a_load_cut_short_is_finished_when_the_cache_opens(cache_path: Path) -> None:
    first = CacheStore(cache_path)
    writer.begin_bulk_load(first)
    writer.apply_page(first, records.upserts([records.order(1, customer_name="Krause KG")]),
                      [], "c1")  # fmt: skip
    first.dispose()  # the process dies here: no finish_bulk_load
    with CacheStore(cache_path) as second:
        assert not writer.is_bulk_loading(second)
        indexes, triggers = schema_objects(second)
        assert indexes >= EXPECTED_INDEXES
        assert triggers == set(SEARCH_TRIGGERS)
        with second.session() as session:
            assert queries.count_orders(session, OrderFilter(text="krause")) == 1
            assert queries.sync_state(session).cursor == "c1"


def test_a_failed_page_in_bulk_mode_leaves_cache_and_cursor(store: CacheStore) -> None:
    writer.begin_bulk_load(store)
    writer.apply_page(store, records.upserts([records.order(1)]), [], "c1")
    bad = [records.order(2, document_ids=["x"]), records.order(3, document_ids=["x"])]
    with pytest.raises(CacheWriteError):
        writer.apply_page(store, records.upserts(bad), [], "c2")
    writer.finish_bulk_load(store)
    with store.session() as session:
        assert queries.order_ids(session, OrderFilter(), OrderSort()) == ["order-000001"]
        assert queries.sync_state(session).cursor == "c1"


def test_record_of_round_trip(store: CacheStore) -> None:
    models: list[writer.Model] = [
        records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-10000001"),
        records.party(), records.contract(), records.cart(), records.quote(),
    ]  # fmt: skip
    upserts = records.upserts(models)
    assert [kind for kind, _ in upserts] == [ChangeKind.ORDER, ChangeKind.CUSTOMER,
                                             ChangeKind.CONTRACT, ChangeKind.CART,
                                             ChangeKind.QUOTE]  # fmt: skip
    for model, (_, record) in zip(models, upserts, strict=True):
        assert type(model).model_validate(record) == model
    writer.apply_page(store, upserts, [], "c1")
    order = models[0]
    assert isinstance(order, OrderOut)
    with store.session() as session:
        detail = queries.order_detail(session, order.id)
    assert detail is not None
    # Everything the record carried comes back: the JSON lists (history times as "Z"), the
    # enums as their values, the totals, the related records.
    assert [(e.status, e.at, e.note) for e in detail.history] == [
        (e.status, e.at, e.note) for e in order.history]  # fmt: skip
    assert [(r.email, r.sources) for r in detail.recipients] == [
        (r.email, tuple(r.sources)) for r in order.recipients]  # fmt: skip
    assert [i.product_code for i in detail.items] == [i.product_code for i in order.items]
    assert detail.items[0].options[0].phone_numbers == tuple(
        order.items[0].options[0].phone_numbers)
    assert (detail.status, detail.automation, detail.updated_at) == (
        order.status, order.automation, order.updated_at)  # fmt: skip
    assert detail.monthly_gross_cents == order.totals.monthly_gross_cents
    assert isinstance(models[1], PartyOut) and detail.customer is not None
    assert detail.customer.kind is models[1].kind
    assert isinstance(models[2], ContractOut) and detail.contract is not None
    assert detail.contract.start_date == models[2].start_date
    assert isinstance(models[3], CartOut) and detail.cart is not None
    assert detail.cart.state is models[3].state
    assert isinstance(models[4], QuoteOut) and detail.quote is not None
    assert detail.quote.sent_at == models[4].sent_at
    with store.session() as session:
        history = session.execute(text(
            "SELECT history_json FROM order_details WHERE order_id = 'order-000001'"
        )).scalar_one()  # fmt: skip
    assert '"status":"received","at":"2025-03-10T13:00:00Z"' in history
