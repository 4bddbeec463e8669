"""A cache with contracts of three customers (running, terminated, month-end starts), their
orders, the catalog and one open cart on a contract."""

from datetime import date, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, save_catalog
from desktop_app.contract.meta import ProductOut
from desktop_app.contract.parties import ContractOut
from desktop_app.domain.catalog import PRODUCTS
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ContractState,
    OrderStatus,
    ProductFamily,
)

from tests.cache import records
from tests.gui import orders

NAMES = {"party-1": "Müller Elektro GmbH", "party-2": "Abel & Söhne KG",
         "party-3": "Zimmermann Bau AG"}
# number -> (customer, product, state, start, months)
CONTRACTS: dict[str, tuple[str, str, ContractState, date, int]] = {
    "VT-10000001": ("party-1", "centraflex-10", ContractState.RUNNING, date(2025, 1, 31), 1),
    "VT-10000002": ("party-2", "ipfonie-trunk-30", ContractState.RUNNING, date(2024, 1, 31), 1),
    "VT-10000003": ("party-2", "internet-dsl-250", ContractState.TERMINATED, date(2023, 5, 15),
                    24),
    "VT-10000004": ("party-3", "internet-ll-100", ContractState.RUNNING, date(2020, 8, 31), 6),
    "VT-10000005": ("party-1", "centraflex-50", ContractState.RUNNING, date(2024, 3, 1), 12),
}
# order number -> contract number (None: an order without a contract)
ORDERS: dict[int, str | None] = {1: "VT-10000001", 2: "VT-10000001", 3: "VT-10000002",
                                 4: "VT-10000003", 5: None, 6: "VT-10000005"}
OPEN_CART_CONTRACT = "VT-10000005"  # has an open (non-reorder) cart


def contract_id(number: str) -> str:
    return f"contract-{number}"


def contracts() -> list[ContractOut]:
    made = []
    for number, (customer, product, state, start, months) in CONTRACTS.items():
        made.append(records.contract(number, customer).model_copy(update={
            "product_code": product, "state": state, "start_date": start,
            "minimum_term_months": months,
            # deliberately naive (start + 30 days per month): the view computes its own
            "minimum_term_end": start + timedelta(days=30 * months)}))
    return made


def products() -> list[ProductOut]:
    return [ProductOut(code=p.code, family=p.family, name_de=p.name_de, name_en=p.name_en,
                       monthly_cents=p.monthly_cents, one_time_cents=p.one_time_cents,
                       minimum_term_months=p.minimum_term_months,
                       orderable=p.family is not ProductFamily.FEE,
                       options=[]) for p in PRODUCTS]


def fill(store: CacheStore) -> None:
    save_catalog(store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS,
                 products=products())
    parties = [records.party(party_id, name) for party_id, name in NAMES.items()]
    made = []
    for number, contract in ORDERS.items():
        customer = CONTRACTS[contract][0] if contract else "party-3"
        made.append(records.order(number, customer_id=customer,
                                  customer_name=NAMES[customer], contract_number=contract,
                                  status=OrderStatus.COMPLETED,
                                  transaction=BusinessTransaction.REORDER if number == 2
                                  else BusinessTransaction.NEW_ORDER))
    cart = records.cart("cart-open", "party-1").model_copy(update={
        "state": CartState.OPEN, "quote_id": None,
        "business_transaction": BusinessTransaction.CONTRACT_EXTENSION,
        "contract_id": contract_id(OPEN_CART_CONTRACT)})
    apply_page(store, records.upserts([*parties, *contracts(), *made, cart]), [], "1")
