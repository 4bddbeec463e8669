"""Rules for the items of a cart: products, quantities, options and usage locations."""

from collections import Counter
from collections.abc import Iterable

from desktop_app.domain import names
from desktop_app.domain.catalog import Product, product_by_code
from desktop_app.domain.entities import CartItem, UsageLocation
from desktop_app.domain.enums import BusinessTransaction, OptionKind, ProductFamily
from desktop_app.domain.validation import check_address, check_phone_number
from desktop_app.domain.violations import Violation, violation

MIN_QUANTITY = 1
MAX_QUANTITY = 999


def check_quantity(value: int, high: int, field: str) -> list[Violation]:
    if not MIN_QUANTITY <= value <= high:
        return [violation("QUANTITY_OUT_OF_RANGE", field, low=MIN_QUANTITY, high=high,
                          value=value)]
    return []


def check_item(item: CartItem, index: int) -> list[Violation]:
    """Every violation of one cart item; `index` names the item in the field paths."""
    field = f"items[{index}]"
    product = product_by_code(item.product_code)
    if product is None:
        return [violation("PRODUCT_UNKNOWN", f"{field}.product_code", product=item.product_code)]
    if product.family is ProductFamily.FEE:
        return [violation("FEE_NOT_ORDERABLE", f"{field}.product_code",
                          product=names.named(product.name_de, product.name_en))]
    found = check_quantity(item.quantity, MAX_QUANTITY, f"{field}.quantity")
    found += _check_options(item, product, field)
    found += _check_usage_locations(item.usage_locations, product, field)
    return found


def _check_options(item: CartItem, product: Product, field: str) -> list[Violation]:
    found: list[Violation] = []
    counts = Counter(option.code for option in item.options)
    for code, count in counts.items():
        if count > 1:
            found.append(violation("OPTION_DUPLICATE", f"{field}.options", option=code))
    for position, selected in enumerate(item.options):
        option_field = f"{field}.options[{position}]"
        offered = product.option(selected.code)
        if offered is None or offered.kind is OptionKind.USAGE_LOCATION:
            found.append(violation("OPTION_NOT_OFFERED", f"{option_field}.code",
                                   option=selected.code,
                                   product=names.named(product.name_de, product.name_en)))
            continue
        found += check_quantity(selected.quantity, offered.max_quantity, f"{option_field}.quantity")
        if offered.kind is OptionKind.NUMBER_PORTING and not selected.phone_numbers:
            found.append(violation("PORTING_NEEDS_NUMBERS", f"{option_field}.phone_numbers"))
        for number_index, number in enumerate(selected.phone_numbers):
            found += check_phone_number(number, f"{option_field}.phone_numbers[{number_index}]")
    return found


def _check_usage_locations(locations: tuple[UsageLocation, ...], product: Product,
                           field: str) -> list[Violation]:
    offered = product.option("usage-location")
    if offered is None:
        if locations:
            return [violation("USAGE_LOCATION_NOT_OFFERED", f"{field}.usage_locations",
                              product=names.named(product.name_de, product.name_en))]
        return []
    if not locations:
        return [violation("USAGE_LOCATION_REQUIRED", f"{field}.usage_locations",
                          product=names.named(product.name_de, product.name_en))]
    found = check_quantity(len(locations), offered.max_quantity, f"{field}.usage_locations")
    for position, location in enumerate(locations):
        location_field = f"{field}.usage_locations[{position}]"
        found += check_address(location.address, f"{location_field}.address")
        if location.phone_numbers and not product.family.is_voice:
            found.append(violation("PHONE_NUMBERS_NOT_ALLOWED", f"{location_field}.phone_numbers",
                                   product=names.named(product.name_de, product.name_en)))
        for number_index, number in enumerate(location.phone_numbers):
            found += check_phone_number(number, f"{location_field}.phone_numbers[{number_index}]")
    return found


def check_single_transaction(cart_transaction: BusinessTransaction,
                             items: tuple[CartItem, ...]) -> list[Violation]:
    """One cart holds one business transaction; an item claiming another one is refused."""
    return [
        violation("MIXED_TRANSACTIONS", f"items[{index}].business_transaction",
                  other=names.transaction(item.business_transaction))
        for index, item in enumerate(items)
        if item.business_transaction not in (None, cart_transaction)
    ]


def check_items(cart_transaction: BusinessTransaction,
                items: tuple[CartItem, ...]) -> list[Violation]:
    found = check_single_transaction(cart_transaction, items)
    for index, item in enumerate(items):
        found += check_item(item, index)
    return found


def own_cents(line_cents: int, option_cents: Iterable[int]) -> int:
    """The product's own share of an item's amount: an item's amounts include its options
    (and its usage locations' prices), which are shown on rows of their own. The panel and
    both documents show an item this way: product alone, each option, then the totals."""
    return line_cents - sum(option_cents)
