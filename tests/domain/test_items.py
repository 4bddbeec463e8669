"""Rules for cart items: products, quantities, options, usage locations, one transaction."""

import pytest
from desktop_app.domain import items as items_module
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE, Product, orderable_products
from desktop_app.domain.entities import SelectedOption
from desktop_app.domain.enums import BusinessTransaction, ProductFamily
from desktop_app.domain.items import (
    MAX_QUANTITY,
    check_item,
    check_items,
    check_quantity,
    check_single_transaction,
)

from tests.domain.factories import (
    assert_no,
    assert_violation,
    codes,
    make_address,
    make_item,
    make_location,
)


@pytest.mark.parametrize("product", [p.code for p in orderable_products()])
def test_every_orderable_product_with_a_location_is_valid(product: str) -> None:
    assert check_item(make_item(product), 0) == []


def test_full_voice_item_is_valid() -> None:
    item = make_item(
        "ipfonie-trunk-30",
        quantity=2,
        options=(
            SelectedOption("number-porting", quantity=2,
                           phone_numbers=("030 1234567", "+49 89 7654321")),
            SelectedOption("flat-de"),
            SelectedOption("minutes-1000", quantity=20),
            SelectedOption("encryption"),
        ),
        usage_locations=(make_location("030 1234567"),
                         make_location(address=make_address(postal_code="80331",
                                                            city="München"))),
    )
    assert check_item(item, 0) == []


# --- PRODUCT_UNKNOWN / FEE_NOT_ORDERABLE ------------------------------------------------------


def test_unknown_product() -> None:
    found = check_item(make_item("does-not-exist", quantity=0), 3)
    # Only the product is reported: nothing else can be judged without it.
    assert codes(found) == ["PRODUCT_UNKNOWN"]
    assert_violation(found, "PRODUCT_UNKNOWN", "items[3].product_code")
    assert "does-not-exist" in found[0].message_en


def test_fee_is_not_orderable() -> None:
    found = check_item(make_item(PRODUCT_CHANGE_FEE_CODE, usage_locations=()), 1)
    assert codes(found) == ["FEE_NOT_ORDERABLE"]
    assert_violation(found, "FEE_NOT_ORDERABLE", "items[1].product_code")


def test_known_product_is_neither_unknown_nor_fee() -> None:
    found = check_item(make_item("internet-dsl-100"), 0)
    assert_no(found, "PRODUCT_UNKNOWN")
    assert_no(found, "FEE_NOT_ORDERABLE")


# --- QUANTITY_OUT_OF_RANGE --------------------------------------------------------------------


@pytest.mark.parametrize("quantity", [0, -1, MAX_QUANTITY + 1])
def test_item_quantity_out_of_range(quantity: int) -> None:
    found = assert_violation(check_item(make_item(quantity=quantity), 0),
                             "QUANTITY_OUT_OF_RANGE", "items[0].quantity")
    assert found.params == {"low": "1", "high": str(MAX_QUANTITY), "value": str(quantity)}


@pytest.mark.parametrize("quantity", [1, MAX_QUANTITY])
def test_item_quantity_in_range(quantity: int) -> None:
    assert_no(check_item(make_item(quantity=quantity), 0), "QUANTITY_OUT_OF_RANGE")


def test_check_quantity_bounds() -> None:
    assert check_quantity(1, 5, "q") == []
    assert check_quantity(5, 5, "q") == []
    assert_violation(check_quantity(6, 5, "q"), "QUANTITY_OUT_OF_RANGE", "q")
    assert_violation(check_quantity(0, 5, "q"), "QUANTITY_OUT_OF_RANGE", "q")


def test_option_quantity_above_its_maximum() -> None:
    item = make_item(options=(SelectedOption("minutes-1000", quantity=21),))
    assert_violation(check_item(item, 0), "QUANTITY_OUT_OF_RANGE", "items[0].options[0].quantity")


def test_single_option_quantity_above_one() -> None:
    item = make_item(options=(SelectedOption("flat-de", quantity=2),))
    assert_violation(check_item(item, 0), "QUANTITY_OUT_OF_RANGE", "items[0].options[0].quantity")


def test_option_quantity_at_its_maximum() -> None:
    item = make_item(options=(SelectedOption("minutes-1000", quantity=20),))
    assert check_item(item, 0) == []


def test_too_many_usage_locations() -> None:
    item = make_item("internet-dsl-100", usage_locations=(make_location(), make_location()))
    assert_violation(check_item(item, 0), "QUANTITY_OUT_OF_RANGE", "items[0].usage_locations")


def test_voice_product_takes_fifty_usage_locations_but_not_more() -> None:
    assert check_item(make_item(usage_locations=[make_location()] * 50), 0) == []
    assert_violation(check_item(make_item(usage_locations=[make_location()] * 51), 0),
                     "QUANTITY_OUT_OF_RANGE", "items[0].usage_locations")


# --- OPTION_NOT_OFFERED / OPTION_DUPLICATE ----------------------------------------------------


def test_option_not_offered_for_product() -> None:
    item = make_item("internet-dsl-100", options=(SelectedOption("encryption"),))
    found = assert_violation(check_item(item, 2), "OPTION_NOT_OFFERED", "items[2].options[0].code")
    assert found.params["option"] == "encryption"


def test_unknown_option_not_offered() -> None:
    item = make_item(options=(SelectedOption("flat-de"), SelectedOption("free-beer")))
    assert_violation(check_item(item, 0), "OPTION_NOT_OFFERED", "items[0].options[1].code")


def test_usage_location_is_not_an_option() -> None:
    """Usage locations are captured as such, never as a plain option."""
    item = make_item(options=(SelectedOption("usage-location"),))
    assert_violation(check_item(item, 0), "OPTION_NOT_OFFERED", "items[0].options[0].code")


def test_offered_option_is_accepted() -> None:
    item = make_item("internet-dsl-100", options=(SelectedOption("static-ip-8"),))
    assert_no(check_item(item, 0), "OPTION_NOT_OFFERED")


def test_option_duplicate() -> None:
    item = make_item(options=(SelectedOption("flat-de"), SelectedOption("encryption"),
                              SelectedOption("flat-de")))
    found = assert_violation(check_item(item, 0), "OPTION_DUPLICATE", "items[0].options")
    assert found.params == {"option": "flat-de"}


def test_distinct_options_are_no_duplicate() -> None:
    item = make_item(options=(SelectedOption("flat-de"), SelectedOption("flat-mobile")))
    assert_no(check_item(item, 0), "OPTION_DUPLICATE")


# --- PORTING_NEEDS_NUMBERS / PHONE_NUMBER_INVALID ---------------------------------------------


def test_porting_needs_numbers() -> None:
    item = make_item(options=(SelectedOption("number-porting"),))
    assert_violation(check_item(item, 0), "PORTING_NEEDS_NUMBERS",
                     "items[0].options[0].phone_numbers")


def test_porting_with_numbers() -> None:
    item = make_item(options=(SelectedOption("number-porting", phone_numbers=("030 1234567",)),))
    assert_no(check_item(item, 0), "PORTING_NEEDS_NUMBERS")


def test_porting_number_invalid() -> None:
    item = make_item(options=(SelectedOption("number-porting",
                                             phone_numbers=("030 1234567", "12")),))
    found = assert_violation(check_item(item, 0), "PHONE_NUMBER_INVALID",
                             "items[0].options[0].phone_numbers[1]")
    assert found.params == {"number": "12"}


def test_usage_location_number_invalid() -> None:
    item = make_item(usage_locations=(make_location(), make_location("030 1234567", "+43 1 234")))
    assert_violation(check_item(item, 0), "PHONE_NUMBER_INVALID",
                     "items[0].usage_locations[1].phone_numbers[1]")


def test_valid_numbers_give_no_phone_violation() -> None:
    item = make_item(usage_locations=(make_location("030 1234567", "0049 40 1234567"),))
    assert_no(check_item(item, 0), "PHONE_NUMBER_INVALID")


# --- USAGE_LOCATION_REQUIRED / USAGE_LOCATION_NOT_OFFERED / PHONE_NUMBERS_NOT_ALLOWED ---------


@pytest.mark.parametrize("product", ["centraflex-10", "ipfonie-trunk-10", "internet-dsl-100"])
def test_usage_location_required(product: str) -> None:
    found = assert_violation(check_item(make_item(product, usage_locations=()), 4),
                             "USAGE_LOCATION_REQUIRED", "items[4].usage_locations")
    assert found.params["product"]


def test_usage_location_given() -> None:
    assert_no(check_item(make_item(), 0), "USAGE_LOCATION_REQUIRED")


_NO_LOCATIONS = Product("plain", ProductFamily.INTERNET, "Schlicht", "Plain", 100, 0, 12)


def test_usage_location_not_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """No catalog product lacks usage locations today; a stand-in product covers the rule."""
    monkeypatch.setattr(items_module, "product_by_code",
                        lambda code: _NO_LOCATIONS if code == "plain" else None)
    found = check_item(make_item("plain"), 0)
    assert_violation(found, "USAGE_LOCATION_NOT_OFFERED", "items[0].usage_locations")
    assert check_item(make_item("plain", usage_locations=()), 0) == []


def test_phone_numbers_not_allowed_for_internet() -> None:
    item = make_item("internet-ll-100", usage_locations=(make_location("030 1234567"),))
    assert_violation(check_item(item, 0), "PHONE_NUMBERS_NOT_ALLOWED",
                     "items[0].usage_locations[0].phone_numbers")


@pytest.mark.parametrize("product", ["centraflex-50", "ipfonie-trunk-30"])
def test_phone_numbers_allowed_for_voice(product: str) -> None:
    item = make_item(product, usage_locations=(make_location("030 1234567"),))
    assert_no(check_item(item, 0), "PHONE_NUMBERS_NOT_ALLOWED")


def test_usage_location_address_is_checked() -> None:
    item = make_item(usage_locations=(make_location(address=make_address(street="",
                                                                         postal_code="123")),))
    found = check_item(item, 0)
    assert_violation(found, "ADDRESS_INCOMPLETE", "items[0].usage_locations[0].address.street")
    assert_violation(found, "POSTAL_CODE_INVALID",
                     "items[0].usage_locations[0].address.postal_code")


# --- MIXED_TRANSACTIONS -----------------------------------------------------------------------


def test_mixed_transactions() -> None:
    cart_items = (make_item(), make_item(business_transaction=BusinessTransaction.REORDER))
    found = assert_violation(check_single_transaction(BusinessTransaction.NEW_ORDER, cart_items),
                             "MIXED_TRANSACTIONS", "items[1].business_transaction")
    assert found.params == {"other": "reorder"}


@pytest.mark.parametrize("claimed", [None, BusinessTransaction.USAGE_LOCATION])
def test_same_or_unset_transaction_is_not_mixed(claimed: BusinessTransaction | None) -> None:
    cart_items = (make_item(business_transaction=claimed),)
    assert check_single_transaction(BusinessTransaction.USAGE_LOCATION, cart_items) == []


def test_check_items_combines_transaction_and_item_rules() -> None:
    cart_items = (
        make_item(),
        make_item("nope", business_transaction=BusinessTransaction.PRODUCT_CHANGE),
        make_item(quantity=0),
    )
    found = check_items(BusinessTransaction.NEW_ORDER, cart_items)
    assert [(v.code, v.field) for v in found] == [
        ("MIXED_TRANSACTIONS", "items[1].business_transaction"),
        ("PRODUCT_UNKNOWN", "items[1].product_code"),
        ("QUANTITY_OUT_OF_RANGE", "items[2].quantity"),
    ]


def test_check_items_valid_cart() -> None:
    assert check_items(BusinessTransaction.NEW_ORDER, (make_item(), make_item("internet-dsl-250"))
                       ) == []
