"""Rules for business transactions and the contracts they act on."""

from dataclasses import dataclass
from datetime import date

from desktop_app.domain import names
from desktop_app.domain.catalog import PRODUCT_CHANGE_FEE_CODE, product_by_code
from desktop_app.domain.entities import CartItem, Contract, Party
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    ContractEffect,
    ContractState,
    PartyKind,
    ProductFamily,
)
from desktop_app.domain.violations import Violation, violation


@dataclass(frozen=True)
class OpenCart:
    id: str
    business_transaction: BusinessTransaction


@dataclass(frozen=True)
class TransactionContext:
    """What the rules need to judge a cart's business transaction."""

    transaction: BusinessTransaction
    party: Party
    contract: Contract | None
    # The contract's other open (or quoted) carts, of any transaction.
    other_open_carts: tuple[OpenCart, ...]
    today: date


def blocking_carts(transaction: BusinessTransaction,
                   others: tuple[OpenCart, ...]) -> list[str]:
    """Which other open carts of the contract stand in this transaction's way.

    At most one open cart per contract, except for reorders: reorders may stand beside each
    other and beside other carts. A product change, though, needs no open cart at all, so it
    is blocked by a reorder cart too, and a reorder cart by an open product change.
    """
    if transaction.is_product_change:
        return [cart.id for cart in others]
    if transaction is BusinessTransaction.REORDER:
        return [cart.id for cart in others if cart.business_transaction.is_product_change]
    return [cart.id for cart in others
            if cart.business_transaction is not BusinessTransaction.REORDER]


def check_transaction(context: TransactionContext) -> list[Violation]:
    """Whether a cart for this transaction may exist (checked at creation and again later)."""
    transaction, contract = context.transaction, context.contract
    if not transaction.acts_on_contract:
        return [violation("CONTRACT_NOT_ALLOWED", "contract_id")] if contract else []
    if context.party.kind is PartyKind.PROSPECT:
        return [violation("PROSPECT_HAS_NO_CONTRACTS", "business_transaction")]
    if contract is None:
        return [violation("CONTRACT_REQUIRED", "contract_id")]
    if contract.customer_id != context.party.id:
        return [violation("CONTRACT_OF_OTHER_CUSTOMER", "contract_id",
                          contract=contract.contract_number)]
    found: list[Violation] = []
    if contract.state is ContractState.TERMINATED:
        found.append(violation("CONTRACT_TERMINATED", "contract_id",
                               contract=contract.contract_number))
    blocking = blocking_carts(transaction, context.other_open_carts)
    if blocking:
        found.append(violation("OPEN_CART_EXISTS", "contract_id",
                               contract=contract.contract_number, cart=blocking[0]))
    if transaction.is_product_change and needs_change_request(contract, context.today):
        found.append(violation("PRODUCT_CHANGE_REQUEST_REQUIRED", "contract_id",
                               contract=contract.contract_number,
                               until=contract.minimum_term_end.strftime("%d.%m.%Y")))
    return found


def needs_change_request(contract: Contract, today: date) -> bool:
    return (contract.in_minimum_term(today)
            and contract.change_request is not ChangeRequestState.APPROVED)


def check_products_fit(context: TransactionContext, items: tuple[CartItem, ...]) -> list[Violation]:
    """Whether the chosen products suit the transaction and the contract it acts on."""
    found: list[Violation] = []
    contract_product = product_by_code(context.contract.product_code) if context.contract else None
    for index, item in enumerate(items):
        product = product_by_code(item.product_code)
        if product is None or product.family is ProductFamily.FEE:
            continue  # reported by the item rules
        field = f"items[{index}].product_code"
        transaction = context.transaction
        if transaction is BusinessTransaction.USAGE_LOCATION and not product.family.is_voice:
            found.append(violation("VOICE_PRODUCT_REQUIRED", field))
        elif contract_product is None:
            continue
        elif transaction.is_product_change:
            if product.code == contract_product.code:
                found.append(violation("PRODUCT_CHANGE_SAME_PRODUCT", field,
                                       product=names.named(product.name_de, product.name_en)))
        elif transaction.acts_on_contract and product.family is not contract_product.family:
            found.append(violation("PRODUCT_FAMILY_MISMATCH", field,
                                   product=names.named(product.name_de, product.name_en),
                                   family=names.family(contract_product.family)))
    return found


def required_fee_items(transaction: BusinessTransaction, contract: Contract | None,
                       today: date) -> tuple[CartItem, ...]:
    """Items the backend adds by itself: the product-change fee inside the minimum term."""
    if transaction.is_product_change and contract is not None and contract.in_minimum_term(today):
        return (CartItem(product_code=PRODUCT_CHANGE_FEE_CODE, quantity=1),)
    return ()


def contract_effect(transaction: BusinessTransaction) -> ContractEffect:
    """A new order creates a contract; a product change renumbers it; the rest adjust it."""
    if transaction is BusinessTransaction.NEW_ORDER:
        return ContractEffect.NEW_CONTRACT
    if transaction.is_product_change:
        return ContractEffect.NEW_NUMBER_KEEP_COMPONENTS
    return ContractEffect.ADJUST_CONTRACT
