"""The carts-and-quotes model on a seeded cache: content, states, sorting, filtering."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from desktop_app.cache.cart_list import CartQuoteListRow, open_carts_and_quotes
from desktop_app.cache.store import CacheStore
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common.formatting import locale_for
from desktop_app.gui.ordering.carts.columns import CartColumn
from desktop_app.gui.ordering.carts.model import CART_ID_ROLE, STATE_ROLE, CartQuoteTableModel
from PySide6.QtCore import QPersistentModelIndex, Qt

from tests.cache import records
from tests.gui import orders
from tests.gui.carts import seed

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
LABELS = {t.code.value: t.label_de for t in orders.TRANSACTIONS}


@pytest.fixture
def rows(tmp_path: Path) -> Iterator[list[CartQuoteListRow]]:
    for store in records.open_store(tmp_path / "cache.sqlite3"):
        seed.fill(store)
        yield _read(store)


def _read(store: CacheStore) -> list[CartQuoteListRow]:
    with store.session() as session:
        return open_carts_and_quotes(session, frozenset({seed.TENANT}))


@pytest.fixture
def model(qapp: object, qtmodeltester: "ModelTester",
          rows: list[CartQuoteListRow]) -> CartQuoteTableModel:
    made = CartQuoteTableModel(LABELS, locale=locale_for("de"))
    qtmodeltester.check(made)  # type: ignore[no-untyped-call]  # stays attached
    made.set_rows(rows, seed.TODAY)
    return made


def cart_ids(model: CartQuoteTableModel) -> list[str]:
    return [model.index(row, 0).data(CART_ID_ROLE) for row in range(model.rowCount())]


def cell(model: CartQuoteTableModel, cart_id: str, column: CartColumn,
         role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = model.row_of(cart_id)
    assert row is not None, cart_id
    return model.index(row, column).data(role)


def test_lists_every_open_cart_and_quote_with_its_state(model: CartQuoteTableModel) -> None:
    assert sorted(cart_ids(model)) == sorted(seed.QUOTES)
    for cart_id, state in seed.SHOWN_STATES.items():
        assert cell(model, cart_id, CartColumn.STATE, STATE_ROLE) == state, cart_id
    # a sent quote past its validity date shows as expired, before the backend says so
    assert cell(model, "cart-q-sent-old", CartColumn.STATE) == "Expired"
    assert cell(model, "cart-q-withdrawn", CartColumn.STATE) == "Withdrawn"
    assert cell(model, "cart-open-1", CartColumn.KIND) == "Cart"
    assert cell(model, "cart-q-sent", CartColumn.KIND) == "Quote"


def test_cells_are_formatted_in_the_ui_locale(model: CartQuoteTableModel) -> None:
    assert cell(model, "cart-open-2", CartColumn.CUSTOMER) == "Abel & Söhne KG"
    assert cell(model, "cart-open-2", CartColumn.BUSINESS_TRANSACTION) == "GV reorder"
    assert cell(model, "cart-open-2", CartColumn.CONTRACT) == "VT-10000001"
    assert cell(model, "cart-open-2", CartColumn.MONTHLY) == "20,00\xa0€"
    assert cell(model, "cart-open-2", CartColumn.MONTHLY, Qt.ItemDataRole.ToolTipRole) \
        == "Gross: 23,80\xa0€"
    assert cell(model, "cart-q-sent", CartColumn.NUMBER) == "AN-00000004"
    assert cell(model, "cart-q-sent", CartColumn.VALID_UNTIL) == "10.04.2025"
    assert cell(model, "cart-open-1", CartColumn.VALID_UNTIL) == ""
    assert cell(model, "cart-q-open", CartColumn.PRODUCTS) == "Tengo Centraflex 10 Nutzer +1"
    assert cell(model, "cart-q-sent", CartColumn.STATE, Qt.ItemDataRole.ToolTipRole) \
        == "The quote waits for the customer's approval."
    assert cell(model, "cart-q-sent", CartColumn.MONTHLY, Qt.ItemDataRole.EditRole) == 4000


def test_expiry_follows_today(model: CartQuoteTableModel,
                              rows: list[CartQuoteListRow]) -> None:
    model.set_rows(rows, date(2025, 3, 1))  # before every validity date
    assert cell(model, "cart-q-sent-old", CartColumn.STATE, STATE_ROLE) == QuoteState.SENT
    model.set_rows(rows, date(2025, 5, 1))  # after every validity date
    for cart_id in ("cart-q-open", "cart-q-sent", "cart-q-approved"):
        assert cell(model, cart_id, CartColumn.STATE, STATE_ROLE) == QuoteState.EXPIRED
    assert cell(model, "cart-q-rejected", CartColumn.STATE, STATE_ROLE) == QuoteState.REJECTED
    assert cell(model, "cart-open-1", CartColumn.STATE, STATE_ROLE) == QuoteState.OPEN


@pytest.mark.parametrize("column", list(CartColumn))
def test_every_column_sorts_both_ways_by_its_raw_value(model: CartQuoteTableModel,
                                                       column: CartColumn) -> None:
    for order in (ASC, DESC):
        model.sort(column, order)
        values = [model.index(row, column).data(Qt.ItemDataRole.EditRole)
                  for row in range(model.rowCount())]
        present = [value for value in values if value is not None]
        assert present == sorted(present, reverse=order == DESC)
        if order == ASC and None in values:  # empty cells (carts' numbers) come last
            assert values[len(present):] == [None] * (len(values) - len(present))
        assert sorted(cart_ids(model)) == sorted(seed.QUOTES)


def test_sort_orders_states_by_lifecycle_and_keeps_the_selection(
        model: CartQuoteTableModel) -> None:
    held = QPersistentModelIndex(model.index(model.row_of("cart-q-approved") or 0, 2))
    model.sort(CartColumn.STATE, ASC)
    states = [model.state(row) for row in range(model.rowCount())]
    assert states[0] is QuoteState.OPEN and states[-1] is QuoteState.EXPIRED
    assert held.data(CART_ID_ROLE) == "cart-q-approved"
    model.sort(CartColumn.CUSTOMER, DESC)
    assert held.data(CART_ID_ROLE) == "cart-q-approved"
    assert cell(model, cart_ids(model)[0], CartColumn.CUSTOMER) == "Zimmermann Bau AG"


def test_state_filter(model: CartQuoteTableModel) -> None:
    model.set_filter(QuoteState.EXPIRED, "")
    assert sorted(cart_ids(model)) == ["cart-q-expired", "cart-q-sent-old"]
    model.set_filter(QuoteState.OPEN, "")
    assert sorted(cart_ids(model)) == ["cart-open-1", "cart-open-2", "cart-q-open"]
    model.set_filter(QuoteState.ORDERED, "")
    assert cart_ids(model) == []
    model.set_filter(None, "")
    assert model.rowCount() == model.total_count == len(seed.QUOTES)


@pytest.mark.parametrize(("typed", "expected"), [
    ("an-00000004", ["cart-q-sent"]),
    ("SÖHNE", ["cart-open-2", "cart-q-sent", "cart-q-withdrawn"]),
    ("vt-1000", ["cart-open-2"]),
    ("gv reorder", ["cart-open-2"]),  # the business transaction's label
    ("sip-trunk", ["cart-open-2"]),  # a product name in the UI language
    ("  zimmermann ", ["cart-q-approved", "cart-q-expired"]),
    ("nothing like this", []),
])  # fmt: skip
def test_text_filter(model: CartQuoteTableModel, typed: str, expected: list[str]) -> None:
    model.set_filter(None, typed)
    assert sorted(cart_ids(model)) == expected


def test_filters_combine_and_rows_refresh_under_them(model: CartQuoteTableModel,
                                                     rows: list[CartQuoteListRow]) -> None:
    model.set_filter(QuoteState.SENT, "abel")
    assert cart_ids(model) == ["cart-q-sent"]
    model.set_rows([row for row in rows if row.cart_id != "cart-q-sent"], seed.TODAY)
    assert cart_ids(model) == [] and model.total_count == len(seed.QUOTES) - 1


def test_english_labels_and_products(qapp: object, rows: list[CartQuoteListRow]) -> None:
    english = CartQuoteTableModel({t.code.value: t.label_en for t in orders.TRANSACTIONS},
                                  locale=locale_for("en"), english=True)
    english.set_rows(rows, seed.TODAY)
    assert cell(english, "cart-open-2", CartColumn.PRODUCTS) == "IPfonie SIP trunk 30 channels"
    assert cell(english, "cart-open-2", CartColumn.BUSINESS_TRANSACTION) == "BT reorder"
    assert cell(english, "cart-open-2", CartColumn.MONTHLY) == "€20.00"
    english.set_filter(None, "channels")
    assert cart_ids(english) == ["cart-open-2"]
