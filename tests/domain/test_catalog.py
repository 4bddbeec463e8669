"""The product catalog: lookup, orderable products, options and gross prices."""

import pytest
from desktop_app.domain.catalog import (
    PRODUCT_CHANGE_FEE_CODE,
    PRODUCTS,
    gross_cents,
    orderable_products,
    product_by_code,
)
from desktop_app.domain.enums import OptionKind, ProductFamily


def test_product_codes_are_unique() -> None:
    codes = [product.code for product in PRODUCTS]
    assert len(codes) == len(set(codes))
    for product in PRODUCTS:
        option_codes = [option.code for option in product.options]
        assert len(option_codes) == len(set(option_codes))


def test_product_by_code() -> None:
    product = product_by_code("centraflex-10")
    assert product is not None
    assert product.family is ProductFamily.CENTRAFLEX
    assert product_by_code("nope") is None


def test_fee_is_in_the_catalog_but_not_orderable() -> None:
    fee = product_by_code(PRODUCT_CHANGE_FEE_CODE)
    assert fee is not None
    assert fee.family is ProductFamily.FEE
    assert fee not in orderable_products()
    assert all(p.family is not ProductFamily.FEE for p in orderable_products())
    assert len(orderable_products()) == len(PRODUCTS) - 1


@pytest.mark.parametrize("family", [ProductFamily.INTERNET, ProductFamily.IPFONIE,
                                    ProductFamily.CENTRAFLEX])
def test_every_digital_family_is_offered(family: ProductFamily) -> None:
    assert any(p.family is family for p in orderable_products())


def test_voice_products_offer_the_voice_options() -> None:
    for product in orderable_products():
        voice_kinds = (OptionKind.NUMBER_PORTING, OptionKind.VOICE_FLAT_RATE,
                       OptionKind.MINUTE_PACKAGE, OptionKind.VOICE_ENCRYPTION)
        assert product.offers(OptionKind.USAGE_LOCATION)
        for kind in voice_kinds:
            assert product.offers(kind) is product.family.is_voice


def test_option_lookup() -> None:
    product = product_by_code("ipfonie-trunk-10")
    assert product is not None
    option = product.option("minutes-1000")
    assert option is not None
    assert option.kind is OptionKind.MINUTE_PACKAGE
    assert option.max_quantity == 20
    assert product.option("static-ip-8") is None


@pytest.mark.parametrize(("net", "gross"), [
    (0, 0),
    (100, 119),
    (4990, 5938),   # 5938.1
    (1, 1),         # 1.19
    (3, 4),         # 3.57
    (50, 60),       # 59.5 rounds half up
    (150, 179),     # 178.5 rounds half up
    (14900, 17731),
])
def test_gross_cents(net: int, gross: int) -> None:
    assert gross_cents(net) == gross


def test_names_are_translated_where_they_differ() -> None:
    for product in PRODUCTS:
        assert product.name_de
        assert product.name_en
        for option in product.options:
            assert option.name_de
            assert option.name_en
