"""Rules for the quote lifecycle: create, send, withdraw, customer and provider decisions."""

from datetime import date

import pytest
from desktop_app.domain.enums import CartState, QuoteState, Role
from desktop_app.domain.quotes import (
    QUOTE_VALIDITY,
    check_cart_editable,
    check_customer_decision,
    check_provider_approval,
    check_quote_creation,
    check_quote_send,
    check_quote_withdrawal,
    provider_approval_required,
    quote_valid_until,
)

from tests.domain.factories import (
    TODAY,
    assert_no,
    assert_violation,
    codes,
    make_cart,
    make_party,
    make_prospect,
    make_quote,
    make_user,
)

PROVIDER = make_user(id="staff-1", role=Role.PROVIDER_STAFF, tenant_id="provider")
CLERK = make_user()


def test_quote_valid_for_thirty_days() -> None:
    assert QUOTE_VALIDITY.days == 30
    assert quote_valid_until(date(2024, 2, 10)) == date(2024, 3, 11)  # over a leap day
    assert quote_valid_until(date(2024, 12, 15)) == date(2025, 1, 14)


def test_provider_approval_required_only_for_prospects() -> None:
    assert provider_approval_required(make_prospect())
    assert not provider_approval_required(make_party())


# --- CART_NOT_OPEN ----------------------------------------------------------------------------


@pytest.mark.parametrize("state", [CartState.QUOTED, CartState.ORDERED])
def test_cart_not_editable_once_quoted_or_ordered(state: CartState) -> None:
    violation = assert_violation(check_cart_editable(make_cart(state=state)), "CART_NOT_OPEN",
                                 "cart")
    assert violation.params == {"state": state.value}


def test_open_cart_is_editable() -> None:
    assert check_cart_editable(make_cart()) == []


# --- check_quote_creation: QUOTE_EXISTS / CART_NOT_OPEN / CART_EMPTY --------------------------


def test_one_quote_per_cart() -> None:
    found = check_quote_creation(make_cart(state=CartState.QUOTED, items=()), "quote-1")
    assert codes(found) == ["QUOTE_EXISTS"]
    violation = assert_violation(found, "QUOTE_EXISTS", "cart")
    assert "quote-1" in violation.message_en


def test_quote_from_quoted_cart_without_known_quote() -> None:
    assert_violation(check_quote_creation(make_cart(state=CartState.QUOTED), None),
                     "CART_NOT_OPEN", "cart")


def test_quote_from_empty_cart() -> None:
    assert_violation(check_quote_creation(make_cart(items=()), None), "CART_EMPTY", "items")


def test_quote_from_ordered_empty_cart_reports_both() -> None:
    found = check_quote_creation(make_cart(state=CartState.ORDERED, items=()), None)
    assert codes(found) == ["CART_NOT_OPEN", "CART_EMPTY"]


def test_quote_creation_from_open_cart_with_items() -> None:
    found = check_quote_creation(make_cart(), None)
    assert found == []
    assert_no(found, "QUOTE_EXISTS")
    assert_no(found, "CART_EMPTY")


# --- check_quote_send -------------------------------------------------------------------------


@pytest.mark.parametrize("state", [QuoteState.OPEN, QuoteState.SENT])
def test_send_open_or_sent_quote(state: QuoteState) -> None:
    assert check_quote_send(make_quote(state=state), "a@b.de", None, TODAY) == []


def test_send_with_extra_recipient() -> None:
    assert check_quote_send(make_quote(), "a@b.de", "chef@kunde.example", TODAY) == []


@pytest.mark.parametrize("state", [QuoteState.APPROVED, QuoteState.REJECTED,
                                   QuoteState.WITHDRAWN, QuoteState.EXPIRED, QuoteState.ORDERED])
def test_send_in_wrong_state(state: QuoteState) -> None:
    found = check_quote_send(make_quote(state=state), "a@b.de", None, TODAY)
    assert codes(found) == ["QUOTE_STATE_INVALID"]  # an EXPIRED state is not reported twice
    violation = assert_violation(found, "QUOTE_STATE_INVALID", "quote.state")
    assert violation.params == {"state": state.value}


def test_send_expired_quote() -> None:
    quote = make_quote(valid_until=date(2024, 6, 14))
    violation = assert_violation(check_quote_send(quote, "a@b.de", None, TODAY), "QUOTE_EXPIRED",
                                 "quote.valid_until")
    assert violation.params == {"until": "14.06.2024"}
    assert "14.06.2024" in violation.message_de


def test_send_on_last_valid_day() -> None:
    quote = make_quote(valid_until=TODAY)
    assert_no(check_quote_send(quote, "a@b.de", None, TODAY), "QUOTE_EXPIRED")


@pytest.mark.parametrize("email", [None, "", "   "])
def test_send_without_master_data_email(email: str | None) -> None:
    found = check_quote_send(make_quote(), email, None, TODAY)
    assert codes(found) == ["MASTER_DATA_EMAIL_MISSING"]
    assert_violation(found, "MASTER_DATA_EMAIL_MISSING", "master_data_email")


def test_send_with_invalid_master_data_email() -> None:
    found = check_quote_send(make_quote(), "einkauf(at)kunde.de", None, TODAY)
    assert_violation(found, "EMAIL_INVALID", "master_data_email")
    assert_no(found, "MASTER_DATA_EMAIL_MISSING")


def test_send_with_invalid_extra_recipient() -> None:
    found = check_quote_send(make_quote(), "a@b.de", "chef@", TODAY)
    violation = assert_violation(found, "EMAIL_INVALID", "extra_recipient")
    assert violation.params == {"value": "chef@"}


@pytest.mark.parametrize("extra", [None, "", "  "])
def test_extra_recipient_is_optional(extra: str | None) -> None:
    assert check_quote_send(make_quote(), "a@b.de", extra, TODAY) == []


def test_send_reports_every_problem_at_once() -> None:
    quote = make_quote(state=QuoteState.APPROVED, valid_until=date(2024, 1, 1))
    found = check_quote_send(quote, None, "x", TODAY)
    assert [(v.code, v.field) for v in found] == [
        ("QUOTE_STATE_INVALID", "quote.state"),
        ("QUOTE_EXPIRED", "quote.valid_until"),
        ("MASTER_DATA_EMAIL_MISSING", "master_data_email"),
        ("EMAIL_INVALID", "extra_recipient"),
    ]


# --- check_quote_withdrawal -------------------------------------------------------------------


@pytest.mark.parametrize("state", [QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED])
def test_withdraw_allowed(state: QuoteState) -> None:
    assert check_quote_withdrawal(make_quote(state=state)) == []


@pytest.mark.parametrize("state", [QuoteState.REJECTED, QuoteState.WITHDRAWN,
                                   QuoteState.EXPIRED, QuoteState.ORDERED])
def test_withdraw_not_allowed(state: QuoteState) -> None:
    assert_violation(check_quote_withdrawal(make_quote(state=state)), "QUOTE_STATE_INVALID",
                     "quote.state")


# --- check_customer_decision ------------------------------------------------------------------


def test_customer_decides_on_sent_quote() -> None:
    assert check_customer_decision(make_quote(), "zustimmer@kunde.example", TODAY) == []


@pytest.mark.parametrize("state", [s for s in QuoteState if s is not QuoteState.SENT])
def test_customer_decision_needs_sent_quote(state: QuoteState) -> None:
    found = check_customer_decision(make_quote(state=state), "z@kunde.example", TODAY)
    assert codes(found) == ["QUOTE_STATE_INVALID"]


def test_customer_decision_on_expired_quote() -> None:
    quote = make_quote(valid_until=date(2024, 6, 1))
    assert_violation(check_customer_decision(quote, "z@kunde.example", TODAY), "QUOTE_EXPIRED",
                     "quote.valid_until")


@pytest.mark.parametrize("email", [None, " "])
def test_customer_decision_needs_approver_email(email: str | None) -> None:
    violation = assert_violation(check_customer_decision(make_quote(), email, TODAY),
                                 "FIELD_REQUIRED", "approver_email")
    assert violation.params == {"field": "approver_email"}


def test_customer_decision_with_invalid_approver_email() -> None:
    assert_violation(check_customer_decision(make_quote(), "zustimmer", TODAY), "EMAIL_INVALID",
                     "approver_email")


# --- check_provider_approval ------------------------------------------------------------------


@pytest.mark.parametrize("state", [QuoteState.SENT, QuoteState.APPROVED])
def test_provider_approves_prospect_quote(state: QuoteState) -> None:
    quote = make_quote(state=state, provider_approval_required=True)
    assert check_provider_approval(quote, PROVIDER, TODAY) == []


def test_provider_staff_only() -> None:
    quote = make_quote(provider_approval_required=True)
    found = check_provider_approval(quote, CLERK, TODAY)
    assert codes(found) == ["PROVIDER_STAFF_ONLY"]
    assert_violation(found, "PROVIDER_STAFF_ONLY", "user")


def test_provider_approval_not_required_for_customer_quote() -> None:
    found = check_provider_approval(make_quote(provider_approval_required=False), PROVIDER, TODAY)
    assert codes(found) == ["PROVIDER_APPROVAL_NOT_REQUIRED"]
    assert_violation(found, "PROVIDER_APPROVAL_NOT_REQUIRED", "quote")


@pytest.mark.parametrize("state", [QuoteState.OPEN, QuoteState.REJECTED, QuoteState.WITHDRAWN,
                                   QuoteState.EXPIRED, QuoteState.ORDERED])
def test_provider_approval_in_wrong_state(state: QuoteState) -> None:
    quote = make_quote(state=state, provider_approval_required=True)
    assert codes(check_provider_approval(quote, PROVIDER, TODAY)) == ["QUOTE_STATE_INVALID"]


def test_provider_approval_of_expired_quote() -> None:
    quote = make_quote(provider_approval_required=True, valid_until=date(2024, 6, 14))
    assert_violation(check_provider_approval(quote, PROVIDER, TODAY), "QUOTE_EXPIRED",
                     "quote.valid_until")
