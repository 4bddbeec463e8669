"""Field-level checks: email addresses, German phone numbers, addresses and postal codes."""

import pytest
from desktop_app.domain.validation import (
    MAX_EMAIL_LENGTH,
    check_address,
    check_email,
    check_phone_number,
    is_valid_email,
    normalize_phone_number,
)

from tests.domain.factories import assert_no, assert_violation, make_address

# --- is_valid_email ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "a@b.de",
    "max.mustermann@kunde.example",
    "Max.Mustermann@Kunde.DE",
    "first+tag@sub.domain.example.com",
    "o'brien@example.ie",
    "info@my-company.de",
    "x_y-z@example.museum",
    "12345@example.de",
])
def test_is_valid_email_accepts(value: str) -> None:
    assert is_valid_email(value)


@pytest.mark.parametrize("value", [
    "",
    " ",
    "plainaddress",
    "@example.de",
    "user@",
    "user@example",             # no top-level domain
    "user@example.d",           # one-letter top-level domain
    "user@example.123",         # numeric top-level domain
    "user@@example.de",
    "us er@example.de",
    "user@exa mple.de",
    "user..name@example.de",    # consecutive dots
    "user@example..de",
    "user@.example.de",
    "user@example.de.",
    "Max Muster <max@example.de>",
    "müller@example.de",        # non-ASCII local part
    "user@exämple.de",
    " user@example.de",         # surrounding whitespace is the caller's job to strip
    "user@example.de ",
    "user@example.de\n",        # a trailing newline must not pass (header injection)
    "user@example.de\nBcc: x@evil.example",
    "a@b.de,c@d.de",
    "a@b.de;c@d.de",
])
def test_is_valid_email_rejects(value: str) -> None:
    assert not is_valid_email(value)


def test_is_valid_email_length_limit() -> None:
    domain = "@example.de"
    at_limit = "a" * (MAX_EMAIL_LENGTH - len(domain)) + domain
    assert len(at_limit) == MAX_EMAIL_LENGTH
    assert is_valid_email(at_limit)
    assert not is_valid_email("a" + at_limit)


# --- check_email ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   "])
def test_check_email_missing_is_field_required(value: str | None) -> None:
    found = assert_violation(check_email(value, "approver_email"), "FIELD_REQUIRED",
                             "approver_email")
    assert found.message_en == "The approver's email address is required."  # no field code
    assert found.message_de == "Die E-Mail-Adresse des Zustimmers ist ein Pflichtfeld."


def test_check_email_invalid() -> None:
    found = assert_violation(check_email("not-an-address", "extra_recipient"), "EMAIL_INVALID",
                             "extra_recipient")
    assert found.params == {"value": "not-an-address"}
    assert "not-an-address" in found.message_de


@pytest.mark.parametrize("value", ["a@b.de", "  a@b.de  "])
def test_check_email_valid_gives_nothing(value: str) -> None:
    assert check_email(value, "email") == []


# --- normalize_phone_number -------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("+49 30 1234567", "+49301234567"),
    ("+49301234567", "+49301234567"),
    ("0049 30 1234567", "+49301234567"),
    ("0049301234567", "+49301234567"),
    ("030 1234567", "+49301234567"),
    ("030/1234567", "+49301234567"),
    ("030-123 45 67", "+49301234567"),
    ("(030) 1234567", "+49301234567"),
    ("  030 1234567  ", "+49301234567"),
    ("0171 2345678", "+491712345678"),
    ("+49 89 1234", "+49891234"),              # shortest: six national digits
    ("0 1234 5678 9012 3", "+491234567890123"),  # longest: thirteen national digits
])
def test_normalize_phone_number_valid(value: str, expected: str) -> None:
    assert normalize_phone_number(value) == expected


@pytest.mark.parametrize("value", [
    "",
    "   ",
    "abc",
    "030 123456a",
    "030 1234567 ext. 12",
    "+43 1 2345678",       # Austria: not a German number
    "0043 1 2345678",
    "+1 212 555 0100",
    "30 1234567",          # no trunk or country prefix
    "+49 030 1234567",     # trunk zero after the country code
    "0049 030 1234567",
    "00301234567",         # international prefix, not Germany
    "030 12",              # too short
    "+49 89 12",
    "0 1234 5678 9012 34",  # too long
    "030+1234567",
    "++49 30 1234567",
    "+",
    "0",
    "()",
    "030.1234567",
])
def test_normalize_phone_number_invalid(value: str) -> None:
    assert normalize_phone_number(value) is None


def test_check_phone_number_invalid() -> None:
    found = assert_violation(check_phone_number("12", "phone"), "PHONE_NUMBER_INVALID", "phone")
    assert found.params == {"number": "12"}


def test_check_phone_number_valid() -> None:
    assert check_phone_number("030 1234567", "phone") == []


# --- check_address ----------------------------------------------------------------------------


def test_check_address_complete_gives_nothing() -> None:
    assert check_address(make_address(), "address") == []


@pytest.mark.parametrize("name", ["street", "postal_code", "city"])
@pytest.mark.parametrize("blank", ["", "   "])
def test_check_address_incomplete(name: str, blank: str) -> None:
    values = {"street": "Hauptstraße 1", "postal_code": "10115", "city": "Berlin", name: blank}
    found = check_address(make_address(**values), "location.address")
    assert_violation(found, "ADDRESS_INCOMPLETE", f"location.address.{name}")
    assert_no(found, "POSTAL_CODE_INVALID")


def test_check_address_all_missing_reports_each_field() -> None:
    found = check_address(make_address(street="", postal_code="", city=""), "a")
    assert [(v.code, v.field) for v in found] == [
        ("ADDRESS_INCOMPLETE", "a.street"),
        ("ADDRESS_INCOMPLETE", "a.postal_code"),
        ("ADDRESS_INCOMPLETE", "a.city"),
    ]


@pytest.mark.parametrize("postal_code", ["1011", "101150", "1O115", "10 115", "D-10115", "abcde"])
def test_check_address_postal_code_invalid(postal_code: str) -> None:
    found = assert_violation(check_address(make_address(postal_code=postal_code), "address"),
                             "POSTAL_CODE_INVALID", "address.postal_code")
    assert found.params == {"value": postal_code}


@pytest.mark.parametrize("postal_code", ["10115", "01067", "99998", " 80331 "])
def test_check_address_postal_code_valid(postal_code: str) -> None:
    assert_no(check_address(make_address(postal_code=postal_code), "address"),
              "POSTAL_CODE_INVALID")


@pytest.mark.parametrize(("country", "postal_code"), [("AT", "1010"), ("NL", "1012 AB")])
def test_check_address_foreign_postal_codes_are_not_checked(country: str,
                                                            postal_code: str) -> None:
    address = make_address(postal_code=postal_code, city="Wien", country=country)
    assert check_address(address, "address") == []
