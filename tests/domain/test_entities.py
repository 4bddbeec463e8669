"""Entities: month arithmetic, minimum terms, quote expiry, enum properties."""

import dataclasses
from datetime import date

import pytest
from desktop_app.domain.entities import add_months
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    ContractState,
    ProductFamily,
    QuoteState,
)

from tests.domain.factories import make_contract, make_quote, make_tenant

# --- add_months -------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2024, 1, 15), 0, date(2024, 1, 15)),
    (date(2024, 1, 15), 1, date(2024, 2, 15)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),   # leap year: clamped to 29 Feb
    (date(2023, 1, 31), 1, date(2023, 2, 28)),   # common year: clamped to 28 Feb
    (date(2100, 1, 31), 1, date(2100, 2, 28)),   # 2100 is no leap year
    (date(2000, 1, 31), 1, date(2000, 2, 29)),   # 2000 is one
    (date(2024, 1, 30), 1, date(2024, 2, 29)),
    (date(2024, 1, 29), 1, date(2024, 2, 29)),
    (date(2023, 1, 29), 1, date(2023, 2, 28)),
    (date(2023, 1, 28), 1, date(2023, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 4, 30)),   # 31 -> 30-day month
    (date(2024, 8, 31), 1, date(2024, 9, 30)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day + one year
    (date(2024, 2, 29), 48, date(2028, 2, 29)),  # leap day + four years
    (date(2024, 2, 29), 1, date(2024, 3, 29)),
    (date(2024, 11, 30), 1, date(2024, 12, 30)),
    (date(2024, 12, 31), 1, date(2025, 1, 31)),  # year rollover
    (date(2024, 11, 15), 2, date(2025, 1, 15)),
    (date(2024, 1, 1), 12, date(2025, 1, 1)),
    (date(2024, 1, 1), 24, date(2026, 1, 1)),
    (date(2023, 6, 30), 36, date(2026, 6, 30)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),  # backwards, clamped
    (date(2024, 1, 15), -1, date(2023, 12, 15)),  # backwards over the year boundary
    (date(2024, 1, 15), -13, date(2022, 12, 15)),
])
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_months_every_day_of_a_leap_year_stays_in_the_target_month() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        for months in (1, 11, 12, 13, 25):
            result = add_months(day, months)
            expected_index = day.year * 12 + day.month - 1 + months
            assert result.year * 12 + result.month - 1 == expected_index
            assert result.day <= day.day
        day = date.fromordinal(day.toordinal() + 1)


# --- Contract.minimum_term_end / in_minimum_term ----------------------------------------------


def test_minimum_term_end() -> None:
    contract = make_contract(start_date=date(2023, 1, 31), minimum_term_months=13)
    assert contract.minimum_term_end == date(2024, 2, 29)


@pytest.mark.parametrize(("today", "inside"), [
    (date(2023, 12, 31), True),   # before the start counts as inside too
    (date(2024, 1, 1), True),     # first day
    (date(2024, 12, 31), True),   # last day of the term
    (date(2025, 1, 1), False),    # the term-end day is already outside
    (date(2025, 1, 2), False),
])
def test_in_minimum_term_boundaries(today: date, inside: bool) -> None:
    contract = make_contract(start_date=date(2024, 1, 1), minimum_term_months=12)
    assert contract.in_minimum_term(today) is inside


def test_in_minimum_term_clamped_end() -> None:
    contract = make_contract(start_date=date(2024, 1, 31), minimum_term_months=1)
    assert contract.in_minimum_term(date(2024, 2, 28))
    assert not contract.in_minimum_term(date(2024, 2, 29))


def test_zero_minimum_term_is_never_inside() -> None:
    contract = make_contract(start_date=date(2024, 1, 1), minimum_term_months=0)
    assert not contract.in_minimum_term(date(2024, 1, 1))


# --- Quote.is_expired -------------------------------------------------------------------------


@pytest.mark.parametrize(("today", "expired"), [
    (date(2024, 7, 14), False),
    (date(2024, 7, 15), False),  # valid through its last day
    (date(2024, 7, 16), True),
])
def test_quote_is_expired_by_date(today: date, expired: bool) -> None:
    quote = make_quote(valid_until=date(2024, 7, 15))
    assert quote.is_expired(today) is expired


def test_quote_in_state_expired_is_expired_before_its_date() -> None:
    quote = make_quote(state=QuoteState.EXPIRED, valid_until=date(2024, 7, 15))
    assert quote.is_expired(date(2024, 6, 1))


@pytest.mark.parametrize("state", [s for s in QuoteState if s is not QuoteState.EXPIRED])
def test_quote_other_states_are_not_expired_in_time(state: QuoteState) -> None:
    assert not make_quote(state=state, valid_until=date(2024, 7, 15)).is_expired(
        date(2024, 7, 15))


# --- immutability and enum properties ---------------------------------------------------------


def test_entities_are_immutable() -> None:
    contract = make_contract()
    with pytest.raises(dataclasses.FrozenInstanceError):
        contract.state = ContractState.TERMINATED  # type: ignore[misc]
    tenant = make_tenant()
    with pytest.raises(dataclasses.FrozenInstanceError):
        tenant.has_power_of_attorney = True  # type: ignore[misc]


def test_contract_defaults_to_no_change_request() -> None:
    assert make_contract().change_request is ChangeRequestState.NONE


@pytest.mark.parametrize(("family", "voice"), [
    (ProductFamily.INTERNET, False),
    (ProductFamily.IPFONIE, True),
    (ProductFamily.CENTRAFLEX, True),
    (ProductFamily.FEE, False),
])
def test_product_family_is_voice(family: ProductFamily, voice: bool) -> None:
    assert family.is_voice is voice


@pytest.mark.parametrize(("transaction", "acts", "change"), [
    (BusinessTransaction.NEW_ORDER, False, False),
    (BusinessTransaction.REORDER, True, False),
    (BusinessTransaction.CONTRACT_EXTENSION, True, False),
    (BusinessTransaction.PRODUCT_CHANGE, True, True),
    (BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER, True, True),
    (BusinessTransaction.USAGE_LOCATION, True, False),
])
def test_business_transaction_properties(transaction: BusinessTransaction, acts: bool,
                                         change: bool) -> None:
    assert transaction.acts_on_contract is acts
    assert transaction.is_product_change is change
