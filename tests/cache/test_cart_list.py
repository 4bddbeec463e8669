"""The carts-and-quotes list query: what it lists, its joins and the tenant scope."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache.cart_list import open_carts_and_quotes
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import BusinessTransaction, QuoteState

from tests.cache import records
from tests.gui.carts import seed


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    for opened in records.open_store(tmp_path / "cache.sqlite3"):
        seed.fill(opened)
        yield opened


def test_lists_open_carts_and_unordered_quotes_only(store: CacheStore) -> None:
    with store.session() as session:
        rows = open_carts_and_quotes(session, frozenset({seed.TENANT}))
    assert sorted(row.cart_id for row in rows) == sorted(seed.QUOTES)
    by_cart = {row.cart_id: row for row in rows}
    for cart_id, (state, valid, customer) in seed.QUOTES.items():
        row = by_cart[cart_id]
        assert row.quote_state is state
        assert row.is_quote is (state is not None)
        assert row.valid_until == (valid if state is not None else None)
        assert row.customer_name == seed.NAMES[customer]


def test_joins_contract_products_and_totals(store: CacheStore) -> None:
    with store.session() as session:
        by_cart = {row.cart_id: row for row in open_carts_and_quotes(session)}
    reorder = by_cart["cart-open-2"]
    assert reorder.business_transaction is BusinessTransaction.REORDER
    assert reorder.contract_number == "VT-10000001"
    assert reorder.product_names_en == ("IPfonie SIP trunk 30 channels",)
    assert reorder.monthly_net_cents == 2000 and reorder.one_time_gross_cents == 595 * 8
    sent = by_cart["cart-q-sent"]
    assert sent.quote_number == "AN-00000004" and sent.contract_number is None
    assert sent.created_at > records.BASE_TIME  # the quote's creation, not the cart's


def test_tenant_scope(store: CacheStore) -> None:
    with store.session() as session:
        everything = {row.cart_id for row in open_carts_and_quotes(session)}
        other = {row.cart_id for row in open_carts_and_quotes(session, frozenset({"t-sued"}))}
        nobody = open_carts_and_quotes(session, frozenset({"t-unknown"}))
    assert "cart-other-tenant" in everything and "cart-ordered" not in everything
    assert other == {"cart-other-tenant"}
    assert nobody == []


def test_a_cart_whose_quote_was_ordered_is_not_listed(store: CacheStore) -> None:
    with store.session() as session:
        rows = open_carts_and_quotes(session)
    assert rows and "cart-ordered" not in {row.cart_id for row in rows}
    assert all(row.quote_state is not QuoteState.ORDERED for row in rows)
