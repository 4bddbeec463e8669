"""The contracts overview's queries: all contracts with customer, product and orders; one
contract's orders; the end of the minimum term at month ends."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from desktop_app.cache.contracts import contract_orders, contract_rows, minimum_term_end
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import BusinessTransaction, ContractState, PartyKind

from tests.cache import records
from tests.gui.contracts import seed


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    for opened in records.open_store(tmp_path / "cache.sqlite3"):
        seed.fill(opened)
        yield opened


def test_lists_every_contract_with_customer_product_and_orders(store: CacheStore) -> None:
    with store.session() as session:
        rows = contract_rows(session)
    assert [row.contract_number for row in rows] == sorted(seed.CONTRACTS)
    by_number = {row.contract_number: row for row in rows}
    first = by_number["VT-10000001"]
    assert first.customer_name == "Müller Elektro GmbH" and first.customer_id == "party-1"
    assert first.customer_kind is PartyKind.CUSTOMER
    assert first.product_name_de == "Tengo Centraflex 10 Plätze"
    assert (first.product_name_en or "").startswith("Tengo Centraflex 10")
    assert first.order_count == 2
    assert first.order_numbers == ("AU-00000001", "AU-00000002")
    assert by_number["VT-10000003"].state is ContractState.TERMINATED
    assert by_number["VT-10000004"].order_count == 0
    assert by_number["VT-10000004"].order_numbers == ()


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
    (date(2020, 8, 31), 6, date(2021, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 4, 30)),
    (date(2024, 12, 31), 2, date(2025, 2, 28)),
    (date(2023, 5, 15), 24, date(2025, 5, 15)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 3, 1), 0, date(2024, 3, 1)),
])
def test_minimum_term_end_at_month_ends(start: date, months: int, end: date) -> None:
    assert minimum_term_end(start, months) == end


def test_rows_compute_the_minimum_term_end_not_the_stored_one(store: CacheStore) -> None:
    with store.session() as session:
        by_number = {row.contract_number: row for row in contract_rows(session)}
    assert by_number["VT-10000001"].minimum_term_end == date(2025, 2, 28)
    assert by_number["VT-10000002"].minimum_term_end == date(2024, 2, 29)
    assert by_number["VT-10000004"].minimum_term_end == date(2021, 2, 28)


def test_contract_orders_oldest_first(store: CacheStore) -> None:
    with store.session() as session:
        found = contract_orders(session, seed.contract_id("VT-10000001"))
        none = contract_orders(session, seed.contract_id("VT-10000004"))
        unknown = contract_orders(session, "contract-nope")
    assert [row.order_number for row in found] == ["AU-00000001", "AU-00000002"]
    assert found[1].business_transaction is BusinessTransaction.REORDER
    assert none == [] and unknown == []


def test_an_empty_cache_lists_nothing(tmp_path: Path) -> None:
    for empty in records.open_store(tmp_path / "empty.sqlite3"):
        with empty.session() as session:
            assert contract_rows(session) == []


def test_a_contract_whose_customer_and_product_are_not_cached(store: CacheStore) -> None:
    from desktop_app.cache.writer import apply_page

    orphan = records.contract("VT-20000001", "party-unknown").model_copy(
        update={"product_code": "retired-product"})
    apply_page(store, records.upserts([orphan]), [], "2")
    with store.session() as session:
        row = next(r for r in contract_rows(session) if r.contract_number == "VT-20000001")
    assert row.customer_name is None and row.customer_kind is None
    assert row.product_name_de is None and row.order_count == 0
