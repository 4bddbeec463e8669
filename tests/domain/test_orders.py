"""Rules for submitting an order: cart -> quote -> order, or without quote by power of attorney."""

from datetime import date

import pytest
from desktop_app.domain.enums import CartState, QuoteState
from desktop_app.domain.orders import check_order_submission

from tests.domain.factories import (
    TODAY,
    assert_no,
    assert_violation,
    codes,
    make_cart,
    make_party,
    make_prospect,
    make_quote,
    make_tenant,
)

CUSTOMER = make_party()
PROSPECT = make_prospect()
TENANT = make_tenant()
TENANT_WITH_POA = make_tenant(has_power_of_attorney=True)
QUOTED_CART = make_cart(state=CartState.QUOTED)
APPROVED = make_quote(state=QuoteState.APPROVED)


def test_order_from_approved_quote() -> None:
    assert check_order_submission(QUOTED_CART, APPROVED, CUSTOMER, TENANT, TODAY) == []


def test_prospect_order_from_provider_approved_quote() -> None:
    quote = make_quote(state=QuoteState.APPROVED, provider_approval_required=True,
                       provider_approved=True)
    assert check_order_submission(QUOTED_CART, quote, PROSPECT, TENANT, TODAY) == []


# --- CART_ALREADY_ORDERED ---------------------------------------------------------------------


def test_cart_already_ordered() -> None:
    found = check_order_submission(make_cart(state=CartState.ORDERED, items=()), None, CUSTOMER,
                                   TENANT, TODAY)
    assert codes(found) == ["CART_ALREADY_ORDERED"]
    assert_violation(found, "CART_ALREADY_ORDERED", "cart_id")


def test_quote_already_ordered() -> None:
    found = check_order_submission(QUOTED_CART, make_quote(state=QuoteState.ORDERED), CUSTOMER,
                                   TENANT, TODAY)
    assert codes(found) == ["CART_ALREADY_ORDERED"]


def test_not_yet_ordered() -> None:
    assert_no(check_order_submission(QUOTED_CART, APPROVED, CUSTOMER, TENANT, TODAY),
              "CART_ALREADY_ORDERED")


# --- CART_EMPTY -------------------------------------------------------------------------------


def test_order_of_empty_cart() -> None:
    cart = make_cart(state=CartState.QUOTED, items=())
    found = check_order_submission(cart, APPROVED, CUSTOMER, TENANT, TODAY)
    assert_violation(found, "CART_EMPTY", "items")


# --- ORDER_NEEDS_QUOTE ------------------------------------------------------------------------


def test_order_without_quote_needs_power_of_attorney() -> None:
    found = check_order_submission(make_cart(), None, CUSTOMER, TENANT, TODAY)
    assert codes(found) == ["ORDER_NEEDS_QUOTE"]
    assert_violation(found, "ORDER_NEEDS_QUOTE", "quote_id")


def test_power_of_attorney_skips_the_quote() -> None:
    assert check_order_submission(make_cart(), None, CUSTOMER, TENANT_WITH_POA, TODAY) == []


def test_prospect_always_needs_a_quote() -> None:
    found = check_order_submission(make_cart(), None, PROSPECT, TENANT_WITH_POA, TODAY)
    assert_violation(found, "ORDER_NEEDS_QUOTE", "quote_id")


def test_without_quote_empty_cart_reports_both() -> None:
    found = check_order_submission(make_cart(items=()), None, CUSTOMER, TENANT, TODAY)
    assert codes(found) == ["CART_EMPTY", "ORDER_NEEDS_QUOTE"]


# --- QUOTE_OF_OTHER_CART ----------------------------------------------------------------------


def test_quote_of_other_cart() -> None:
    quote = make_quote(id="quote-9", cart_id="cart-9", state=QuoteState.SENT,
                       valid_until=date(2024, 1, 1), provider_approval_required=True)
    found = check_order_submission(QUOTED_CART, quote, CUSTOMER, TENANT, TODAY)
    # Nothing more is judged about a quote that belongs to another cart.
    assert codes(found) == ["QUOTE_OF_OTHER_CART"]
    violation = assert_violation(found, "QUOTE_OF_OTHER_CART", "quote_id")
    assert violation.params == {"quote": "quote-9"}


def test_quote_of_this_cart() -> None:
    assert_no(check_order_submission(QUOTED_CART, APPROVED, CUSTOMER, TENANT, TODAY),
              "QUOTE_OF_OTHER_CART")


# --- QUOTE_EXPIRED ----------------------------------------------------------------------------


def test_order_from_expired_quote() -> None:
    quote = make_quote(state=QuoteState.APPROVED, valid_until=date(2024, 6, 14))
    found = check_order_submission(QUOTED_CART, quote, CUSTOMER, TENANT, TODAY)
    assert codes(found) == ["QUOTE_EXPIRED"]
    violation = assert_violation(found, "QUOTE_EXPIRED", "quote_id")
    assert violation.params == {"until": "14.06.2024"}


def test_order_from_quote_in_state_expired() -> None:
    quote = make_quote(state=QuoteState.EXPIRED, valid_until=date(2024, 7, 1))
    assert codes(check_order_submission(QUOTED_CART, quote, CUSTOMER, TENANT, TODAY)) == [
        "QUOTE_EXPIRED"]


def test_order_on_last_valid_day() -> None:
    quote = make_quote(state=QuoteState.APPROVED, valid_until=TODAY)
    assert check_order_submission(QUOTED_CART, quote, CUSTOMER, TENANT, TODAY) == []


# --- QUOTE_NOT_APPROVED -----------------------------------------------------------------------


@pytest.mark.parametrize("state", [QuoteState.OPEN, QuoteState.SENT, QuoteState.REJECTED,
                                   QuoteState.WITHDRAWN])
def test_order_from_unapproved_quote(state: QuoteState) -> None:
    found = check_order_submission(QUOTED_CART, make_quote(state=state), CUSTOMER, TENANT, TODAY)
    violation = assert_violation(found, "QUOTE_NOT_APPROVED", "quote_id")
    assert violation.params == {"state": state.value}


def test_power_of_attorney_does_not_excuse_an_unapproved_quote() -> None:
    found = check_order_submission(QUOTED_CART, make_quote(), CUSTOMER, TENANT_WITH_POA, TODAY)
    assert codes(found) == ["QUOTE_NOT_APPROVED"]


# --- PROVIDER_APPROVAL_MISSING ----------------------------------------------------------------


def test_prospect_quote_needs_provider_approval() -> None:
    quote = make_quote(state=QuoteState.APPROVED, provider_approval_required=True)
    found = check_order_submission(QUOTED_CART, quote, PROSPECT, TENANT, TODAY)
    assert codes(found) == ["PROVIDER_APPROVAL_MISSING"]
    assert_violation(found, "PROVIDER_APPROVAL_MISSING", "quote_id")


def test_unapproved_prospect_quote_reports_both_approvals() -> None:
    quote = make_quote(state=QuoteState.SENT, provider_approval_required=True)
    found = check_order_submission(QUOTED_CART, quote, PROSPECT, TENANT, TODAY)
    assert codes(found) == ["QUOTE_NOT_APPROVED", "PROVIDER_APPROVAL_MISSING"]


def test_customer_quote_needs_no_provider_approval() -> None:
    assert_no(check_order_submission(QUOTED_CART, APPROVED, CUSTOMER, TENANT, TODAY),
              "PROVIDER_APPROVAL_MISSING")
