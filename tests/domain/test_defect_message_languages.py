"""Issue 12, item 10: every rule message is in one language. The German one carried English
words and codes ("Straße/street", "quoted", "reorder", "approver_email"), the English one
German words ("PLZ/postal code", "Zustimmer", "Plätze")."""

import re

import pytest
from desktop_app.domain.entities import Address
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    QuoteState,
    RecipientSource,
)
from desktop_app.domain.items import check_item, check_single_transaction
from desktop_app.domain.quotes import check_cart_editable, check_quote_withdrawal
from desktop_app.domain.recipients import confirmation_recipients
from desktop_app.domain.transactions import check_products_fit
from desktop_app.domain.validation import check_address, check_email
from desktop_app.domain.violations import Violation

from tests.domain.factories import make_cart, make_context, make_contract, make_item, make_quote

# Words of the other language (or codes) that a message must not carry.
ENGLISH_IN_GERMAN = re.compile(
    r"\b(street|postal code|city|open|quoted|ordered|sent|approved|withdrawn|expired|reorder|"
    r"contract_extension|new_order|approver_email|extra_recipient|email|ipfonie|centraflex|"
    r"seats|channels|users)\b|_"
)
GERMAN_IN_ENGLISH = re.compile(
    r"Straße|PLZ|\bOrt\b|Zustimmer|Stammdaten|Ersteller|Bestätigend|Plätze|Kanäle|Nutzer\b|"
    r"Nachbestellung|Vertragsverlängerung|angenommen|versandt|bestellt|zurückgezogen|_"
)


def assert_pure(found: list[Violation]) -> None:
    assert found
    for violation in found:
        assert not ENGLISH_IN_GERMAN.search(violation.message_de), violation.message_de
        assert not GERMAN_IN_ENGLISH.search(violation.message_en), violation.message_en


def test_an_incomplete_address_names_its_parts_in_each_language() -> None:
    found = check_address(Address("", "", ""), "address")
    assert_pure(found)
    assert [v.message_de for v in found] == [
        "Die Adresse ist unvollständig: Straße fehlt.",
        "Die Adresse ist unvollständig: Postleitzahl fehlt.",
        "Die Adresse ist unvollständig: Ort fehlt.",
    ]
    assert found[1].message_en == "The address is incomplete: postal code is missing."


@pytest.mark.parametrize("field", ["approver_email", "extra_recipient", "email"])
def test_a_missing_email_names_the_field_in_words(field: str) -> None:
    assert_pure(check_email(None, field))


def test_states_are_words_not_codes() -> None:
    assert_pure(check_cart_editable(make_cart(state=CartState.QUOTED)))
    assert_pure(check_quote_withdrawal(make_quote(state=QuoteState.WITHDRAWN)))


def test_an_other_transaction_is_named() -> None:
    items = (make_item(business_transaction=BusinessTransaction.CONTRACT_EXTENSION),)
    found = check_single_transaction(BusinessTransaction.REORDER, items)
    assert_pure(found)
    assert "„Vertragsverlängerung“" in found[0].message_de
    assert "“Contract extension”" in found[0].message_en


def test_product_and_family_names_follow_the_language() -> None:
    context = make_context(BusinessTransaction.REORDER,
                           contract=make_contract(product_code="centraflex-10"))  # fmt: skip
    found = check_products_fit(context, (make_item("ipfonie-trunk-10"),))
    assert_pure(found)
    assert "Tengo Centraflex" in found[0].message_de


def test_a_product_without_usage_locations_is_named_in_english() -> None:
    found = check_item(make_item("centraflex-10", usage_locations=()), 0)
    assert_pure(found)


def test_a_missing_recipient_names_its_source_in_each_language() -> None:
    found = list(
        confirmation_recipients(
            [(RecipientSource.APPROVER, None), (RecipientSource.TENANT_MASTER_DATA, "")]
        ).problems
    )
    assert_pure(found)
    assert "“Approver”" in found[0].message_en and "„Zustimmer“" in found[0].message_de
