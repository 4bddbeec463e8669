"""Rules for business transactions and the contracts they act on."""

from datetime import date

import pytest
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE
from desktop_app.domain.entities import CartItem, Party
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    ContractEffect,
    ContractState,
)
from desktop_app.domain.transactions import (
    OpenCart,
    check_products_fit,
    check_transaction,
    contract_effect,
    needs_change_request,
    required_fee_items,
)

from tests.domain.factories import (
    TODAY,
    assert_no,
    assert_violation,
    codes,
    make_context,
    make_contract,
    make_item,
    make_party,
    make_prospect,
)

ON_CONTRACT = [t for t in BusinessTransaction if t.acts_on_contract]
NOT_REORDER = [t for t in ON_CONTRACT if t is not BusinessTransaction.REORDER]

# A contract that started 2024-01-01 with 24 months runs its minimum term until 2026-01-01.
IN_TERM = make_contract(start_date=date(2024, 1, 1), minimum_term_months=24)


# --- CONTRACT_NOT_ALLOWED ---------------------------------------------------------------------


def test_new_order_refers_to_no_contract() -> None:
    found = check_transaction(make_context(BusinessTransaction.NEW_ORDER,
                                           contract=make_contract()))
    assert codes(found) == ["CONTRACT_NOT_ALLOWED"]
    assert_violation(found, "CONTRACT_NOT_ALLOWED", "contract_id")


@pytest.mark.parametrize("party", [make_party(), make_prospect()])
def test_new_order_without_contract_is_fine(party: Party) -> None:
    assert check_transaction(make_context(BusinessTransaction.NEW_ORDER, party=party)) == []


def test_new_order_ignores_open_carts() -> None:
    """The one-open-cart rule is per contract; a new order has none."""
    context = make_context(BusinessTransaction.NEW_ORDER, other_open_cart_ids=("cart-9",))
    assert check_transaction(context) == []


# --- PROSPECT_HAS_NO_CONTRACTS ----------------------------------------------------------------


@pytest.mark.parametrize("transaction", ON_CONTRACT)
def test_prospect_can_only_place_new_orders(transaction: BusinessTransaction) -> None:
    found = check_transaction(make_context(transaction, party=make_prospect(),
                                           contract=make_contract(customer_id="prospect-1")))
    assert codes(found) == ["PROSPECT_HAS_NO_CONTRACTS"]
    assert_violation(found, "PROSPECT_HAS_NO_CONTRACTS", "business_transaction")


# --- CONTRACT_REQUIRED ------------------------------------------------------------------------


@pytest.mark.parametrize("transaction", ON_CONTRACT)
def test_contract_required(transaction: BusinessTransaction) -> None:
    found = check_transaction(make_context(transaction))
    assert codes(found) == ["CONTRACT_REQUIRED"]
    assert_violation(found, "CONTRACT_REQUIRED", "contract_id")


@pytest.mark.parametrize("transaction", ON_CONTRACT)
def test_running_contract_of_the_customer_is_fine(transaction: BusinessTransaction) -> None:
    assert check_transaction(make_context(transaction, contract=make_contract())) == []


# --- CONTRACT_OF_OTHER_CUSTOMER ---------------------------------------------------------------


def test_contract_of_other_customer() -> None:
    contract = make_contract(customer_id="party-2", contract_number="V-2000",
                             state=ContractState.TERMINATED)
    found = check_transaction(make_context(contract=contract, other_open_cart_ids=("c",)))
    # Nothing more is judged about somebody else's contract.
    assert codes(found) == ["CONTRACT_OF_OTHER_CUSTOMER"]
    violation = assert_violation(found, "CONTRACT_OF_OTHER_CUSTOMER", "contract_id")
    assert "V-2000" in violation.message_de
    assert "V-2000" in violation.message_en


def test_contract_of_the_customer_is_not_foreign() -> None:
    assert_no(check_transaction(make_context(contract=make_contract())),
              "CONTRACT_OF_OTHER_CUSTOMER")


# --- CONTRACT_TERMINATED ----------------------------------------------------------------------


@pytest.mark.parametrize("transaction", ON_CONTRACT)
def test_contract_terminated(transaction: BusinessTransaction) -> None:
    contract = make_contract(state=ContractState.TERMINATED)
    violation = assert_violation(check_transaction(make_context(transaction, contract=contract)),
                                 "CONTRACT_TERMINATED", "contract_id")
    assert violation.params == {"contract": "V-1000"}


def test_running_contract_is_not_terminated() -> None:
    assert_no(check_transaction(make_context(BusinessTransaction.PRODUCT_CHANGE,
                                             contract=make_contract())), "CONTRACT_TERMINATED")


# --- OPEN_CART_EXISTS -------------------------------------------------------------------------


@pytest.mark.parametrize("transaction", NOT_REORDER)
def test_open_cart_exists(transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(),
                           other_open_cart_ids=("cart-7", "cart-8"))
    violation = assert_violation(check_transaction(context), "OPEN_CART_EXISTS", "contract_id")
    assert violation.params == {"contract": "V-1000", "cart": "cart-7"}


def test_reorders_may_share_a_contract_with_open_carts() -> None:
    context = make_context(BusinessTransaction.REORDER, contract=make_contract(),
                           other_open_cart_ids=("cart-7", "cart-8"))
    assert check_transaction(context) == []


@pytest.mark.parametrize("transaction", NOT_REORDER)
def test_no_other_open_cart(transaction: BusinessTransaction) -> None:
    assert_no(check_transaction(make_context(transaction, contract=make_contract())),
              "OPEN_CART_EXISTS")


def test_terminated_contract_with_open_cart_reports_both() -> None:
    context = make_context(BusinessTransaction.PRODUCT_CHANGE,
                           contract=make_contract(state=ContractState.TERMINATED),
                           other_open_cart_ids=("cart-7",))
    assert codes(check_transaction(context)) == ["CONTRACT_TERMINATED", "OPEN_CART_EXISTS"]


# --- PRODUCT_CHANGE_REQUEST_REQUIRED ----------------------------------------------------------


@pytest.mark.parametrize("transaction", [BusinessTransaction.PRODUCT_CHANGE,
                                         BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER])
@pytest.mark.parametrize("request_state", [ChangeRequestState.NONE, ChangeRequestState.PENDING,
                                           ChangeRequestState.REJECTED])
def test_product_change_in_minimum_term_needs_approved_request(
        transaction: BusinessTransaction, request_state: ChangeRequestState) -> None:
    contract = make_contract(start_date=date(2024, 1, 1), minimum_term_months=24,
                             change_request=request_state)
    violation = assert_violation(check_transaction(make_context(transaction, contract=contract)),
                                 "PRODUCT_CHANGE_REQUEST_REQUIRED", "contract_id")
    assert violation.params == {"contract": "V-1000", "until": "01.01.2026"}


def test_product_change_in_minimum_term_with_approved_request() -> None:
    contract = make_contract(start_date=date(2024, 1, 1), minimum_term_months=24,
                             change_request=ChangeRequestState.APPROVED)
    assert check_transaction(make_context(BusinessTransaction.PRODUCT_CHANGE,
                                          contract=contract)) == []


@pytest.mark.parametrize(("today", "needed"), [
    (date(2025, 12, 31), True),   # last day of the minimum term
    (date(2026, 1, 1), False),    # the term has ended
])
def test_product_change_request_boundary(today: date, needed: bool) -> None:
    context = make_context(BusinessTransaction.PRODUCT_CHANGE, contract=IN_TERM, today=today)
    assert ("PRODUCT_CHANGE_REQUEST_REQUIRED" in codes(check_transaction(context))) is needed
    assert needs_change_request(IN_TERM, today) is needed


@pytest.mark.parametrize("transaction", [t for t in ON_CONTRACT if not t.is_product_change])
def test_other_transactions_need_no_change_request(transaction: BusinessTransaction) -> None:
    assert_no(check_transaction(make_context(transaction, contract=IN_TERM)),
              "PRODUCT_CHANGE_REQUEST_REQUIRED")


# --- check_products_fit: VOICE_PRODUCT_REQUIRED -----------------------------------------------


def test_usage_location_order_needs_voice_product() -> None:
    context = make_context(BusinessTransaction.USAGE_LOCATION,
                           contract=make_contract(product_code="internet-dsl-100"))
    found = check_products_fit(context, (make_item("internet-dsl-100"),))
    assert codes(found) == ["VOICE_PRODUCT_REQUIRED"]
    assert_violation(found, "VOICE_PRODUCT_REQUIRED", "items[0].product_code")


def test_usage_location_order_needs_voice_product_even_without_contract() -> None:
    context = make_context(BusinessTransaction.USAGE_LOCATION)
    assert_violation(check_products_fit(context, (make_item("internet-dsl-250"),)),
                     "VOICE_PRODUCT_REQUIRED", "items[0].product_code")


@pytest.mark.parametrize("product", ["centraflex-10", "centraflex-50"])
def test_usage_location_order_for_voice_product(product: str) -> None:
    context = make_context(BusinessTransaction.USAGE_LOCATION, contract=make_contract())
    assert check_products_fit(context, (make_item(product),)) == []


# --- check_products_fit: PRODUCT_CHANGE_SAME_PRODUCT ------------------------------------------


@pytest.mark.parametrize("transaction", [BusinessTransaction.PRODUCT_CHANGE,
                                         BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER])
def test_product_change_to_same_product(transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(product_code="centraflex-10"))
    found = check_products_fit(context, (make_item("centraflex-50"), make_item("centraflex-10")))
    violation = assert_violation(found, "PRODUCT_CHANGE_SAME_PRODUCT", "items[1].product_code")
    assert violation.params == {"product": "Tengo Centraflex 10 Plätze"}


def test_product_change_to_another_product() -> None:
    context = make_context(BusinessTransaction.PRODUCT_CHANGE,
                           contract=make_contract(product_code="centraflex-10"))
    assert check_products_fit(context, (make_item("centraflex-50"),)) == []


# --- check_products_fit: PRODUCT_FAMILY_MISMATCH ----------------------------------------------


@pytest.mark.parametrize("transaction", [BusinessTransaction.REORDER,
                                         BusinessTransaction.CONTRACT_EXTENSION,
                                         BusinessTransaction.USAGE_LOCATION])
def test_product_family_mismatch(transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(product_code="centraflex-10"))
    violation = assert_violation(check_products_fit(context, (make_item("ipfonie-trunk-10"),)),
                                 "PRODUCT_FAMILY_MISMATCH", "items[0].product_code")
    assert violation.params["family"] == "centraflex"


@pytest.mark.parametrize("transaction", [BusinessTransaction.REORDER,
                                         BusinessTransaction.CONTRACT_EXTENSION])
def test_same_family_fits(transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(product_code="internet-dsl-100"))
    found = check_products_fit(context, (make_item("internet-dsl-250"),
                                         make_item("internet-dsl-100")))
    assert found == []


def test_new_order_has_no_contract_product_to_fit() -> None:
    context = make_context(BusinessTransaction.NEW_ORDER)
    assert check_products_fit(context, (make_item("internet-ll-1000"),
                                        make_item("ipfonie-trunk-10"))) == []


def test_unknown_products_and_fees_are_left_to_the_item_rules() -> None:
    context = make_context(BusinessTransaction.USAGE_LOCATION, contract=make_contract())
    found = check_products_fit(context, (CartItem("nope"), CartItem(PRODUCT_CHANGE_FEE_CODE)))
    assert found == []


def test_contract_with_unknown_product_skips_the_fit_rules() -> None:
    context = make_context(BusinessTransaction.REORDER,
                           contract=make_contract(product_code="retired-product"))
    assert check_products_fit(context, (make_item("internet-dsl-100"),)) == []


# --- required_fee_items -----------------------------------------------------------------------


@pytest.mark.parametrize("request_state", list(ChangeRequestState))
def test_product_change_fee_inside_minimum_term(request_state: ChangeRequestState) -> None:
    contract = make_contract(start_date=date(2024, 1, 1), minimum_term_months=24,
                             change_request=request_state)
    fees = required_fee_items(BusinessTransaction.PRODUCT_CHANGE, contract, TODAY)
    assert fees == (CartItem(product_code=PRODUCT_CHANGE_FEE_CODE, quantity=1),)


def test_no_fee_after_minimum_term() -> None:
    assert required_fee_items(BusinessTransaction.PRODUCT_CHANGE, make_contract(), TODAY) == ()


def test_no_fee_without_contract() -> None:
    assert required_fee_items(BusinessTransaction.PRODUCT_CHANGE, None, TODAY) == ()


@pytest.mark.parametrize("transaction", [t for t in BusinessTransaction
                                         if not t.is_product_change])
def test_no_fee_for_other_transactions(transaction: BusinessTransaction) -> None:
    assert required_fee_items(transaction, IN_TERM, TODAY) == ()


# --- contract_effect --------------------------------------------------------------------------


@pytest.mark.parametrize(("transaction", "effect"), [
    (BusinessTransaction.NEW_ORDER, ContractEffect.NEW_CONTRACT),
    (BusinessTransaction.REORDER, ContractEffect.ADJUST_CONTRACT),
    (BusinessTransaction.CONTRACT_EXTENSION, ContractEffect.ADJUST_CONTRACT),
    (BusinessTransaction.USAGE_LOCATION, ContractEffect.ADJUST_CONTRACT),
    (BusinessTransaction.PRODUCT_CHANGE, ContractEffect.NEW_NUMBER_KEEP_COMPONENTS),
    (BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER, ContractEffect.NEW_NUMBER_KEEP_COMPONENTS),
])
def test_contract_effect(transaction: BusinessTransaction, effect: ContractEffect) -> None:
    assert contract_effect(transaction) is effect


# --- which open carts block which (one open cart per contract, reorders exempt, but a
# product change needs the contract to itself) --------------------------------------------

REORDER_CART = OpenCart("cart-r", BusinessTransaction.REORDER)
CHANGE_CART = OpenCart("cart-p", BusinessTransaction.PRODUCT_CHANGE)


@pytest.mark.parametrize("transaction", [BusinessTransaction.PRODUCT_CHANGE,
                                         BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER])
def test_a_product_change_is_blocked_even_by_a_reorder_cart(
        transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(start_date=date(2020, 1, 1)),
                           other_open_carts=(REORDER_CART,))
    violation = assert_violation(check_transaction(context), "OPEN_CART_EXISTS", "contract_id")
    assert violation.params["cart"] == "cart-r"


def test_a_reorder_is_blocked_by_an_open_product_change() -> None:
    context = make_context(BusinessTransaction.REORDER, contract=make_contract(),
                           other_open_carts=(CHANGE_CART,))
    assert_violation(check_transaction(context), "OPEN_CART_EXISTS", "contract_id")


@pytest.mark.parametrize("transaction", [BusinessTransaction.CONTRACT_EXTENSION,
                                         BusinessTransaction.USAGE_LOCATION])
def test_a_reorder_cart_blocks_no_other_transaction(transaction: BusinessTransaction) -> None:
    context = make_context(transaction, contract=make_contract(),
                           other_open_carts=(REORDER_CART,))
    assert_no(check_transaction(context), "OPEN_CART_EXISTS")
