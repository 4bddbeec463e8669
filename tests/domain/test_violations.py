"""The violation catalog, and a guard that every code is exercised by some test."""

import re
from pathlib import Path

import pytest
from desktop_app.domain.violations import MESSAGES, Violation, violation

_TESTS = Path(__file__).parent


def test_every_code_is_exercised_by_a_test() -> None:
    """Each code must be asserted on in at least one domain test (beyond this file)."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in _TESTS.glob("test_*.py")
                        if path.name != Path(__file__).name)
    missing = [code for code in MESSAGES if f'"{code}"' not in sources]
    assert missing == []


def test_every_code_used_by_the_domain_is_in_the_catalog() -> None:
    domain = Path(violation.__code__.co_filename).parent
    used: set[str] = set()
    for path in domain.glob("*.py"):
        used |= set(re.findall(r'violation\(\s*"([A-Z_]+)"', path.read_text(encoding="utf-8")))
    assert used
    assert used <= set(MESSAGES)
    # Every catalog entry is produced somewhere: no dead messages.
    assert set(MESSAGES) == used


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_is_translated(code: str) -> None:
    german, english = MESSAGES[code]
    assert german.strip()
    assert english.strip()
    assert german != english
    # Both languages use the same template fields.
    assert set(re.findall(r"{(\w+)}", german)) == set(re.findall(r"{(\w+)}", english))


def test_violation_fills_both_templates() -> None:
    found = violation("QUOTE_EXISTS", "cart", quote="Q-7")
    assert found == Violation("QUOTE_EXISTS", "Zu diesem Warenkorb gibt es bereits ein Angebot "
                              "(Q-7).", "This cart already has a quote (Q-7).", "cart")
    assert found.params == {"quote": "Q-7"}
    assert found.message() == found.message_de
    assert found.message("de") == found.message_de
    assert found.message("en") == found.message_en


def test_params_are_stringified() -> None:
    found = violation("QUANTITY_OUT_OF_RANGE", "q", low=1, high=5, value=9)
    assert found.params == {"low": "1", "high": "5", "value": "9"}
    assert "9" in found.message_en


def test_template_may_use_a_field_placeholder() -> None:
    """FIELD_REQUIRED has a `{field}` placeholder besides the violation's own field."""
    found = violation("FIELD_REQUIRED", "approver_email", field="Zustimmer")
    assert found.field == "approver_email"
    assert found.message_de == "Zustimmer ist ein Pflichtfeld."
    assert found.message_en == "Zustimmer is required."


def test_field_defaults_to_none() -> None:
    assert violation("CART_EMPTY").field is None


def test_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        violation("NO_SUCH_CODE")


def test_missing_template_parameter_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        violation("QUOTE_EXISTS", "cart")
