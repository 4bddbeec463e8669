"""Field-level checks shared by the rules: email addresses, phone numbers, addresses."""

import re

from desktop_app.domain import names
from desktop_app.domain.entities import Address
from desktop_app.domain.violations import Violation, violation

# Pragmatic, not RFC 5322: what a mail server of a German B2B customer accepts in practice.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_PHONE_CHARS = re.compile(r"^\+?[0-9 /()-]+$")
_POSTAL_CODE = re.compile(r"^[0-9]{5}$")
MAX_EMAIL_LENGTH = 254


def is_valid_email(value: str) -> bool:
    if len(value) > MAX_EMAIL_LENGTH or ".." in value:
        return False
    # fullmatch: `$` alone would also accept a trailing newline (header injection).
    return bool(_EMAIL.fullmatch(value))


def check_email(value: str | None, field: str) -> list[Violation]:
    if value is None or not value.strip():
        return [violation("FIELD_REQUIRED", field, field=names.field_name(field))]
    if not is_valid_email(value.strip()):
        return [violation("EMAIL_INVALID", field, value=value)]
    return []


def normalize_phone_number(value: str) -> str | None:
    """+49 E.164 form of a German number ('030 1234567' -> '+49301234567'), or None if invalid."""
    if not _PHONE_CHARS.match(value.strip()):
        return None
    digits = re.sub(r"[^0-9+]", "", value)
    if digits.startswith("+49"):
        national = digits[3:]
    elif digits.startswith("0049"):
        national = digits[4:]
    elif digits.startswith("0") and not digits.startswith("00"):
        national = digits[1:]
    else:
        return None
    if "+" in national or national.startswith("0") or not 6 <= len(national) <= 13:
        return None
    return "+49" + national


def check_phone_number(value: str, field: str) -> list[Violation]:
    if normalize_phone_number(value) is None:
        return [violation("PHONE_NUMBER_INVALID", field, number=value)]
    return []


def check_address(address: Address, field: str) -> list[Violation]:
    found: list[Violation] = []
    for name in ("street", "postal_code", "city"):
        if not getattr(address, name).strip():
            found.append(violation("ADDRESS_INCOMPLETE", f"{field}.{name}",
                                   missing=names.address_part(name)))
    postal_code = address.postal_code.strip()
    if postal_code and address.country == "DE" and not _POSTAL_CODE.match(postal_code):
        found.append(violation("POSTAL_CODE_INVALID", f"{field}.postal_code", value=postal_code))
    return found
