"""Which business transactions a new cart for a contract may have, and why not.

The domain's rules (desktop_app/domain/transactions.py) judge each transaction that acts on
a contract against the cached contract, its open carts and today's date: terminated, an open
cart in the way (reorders excepted), a product change inside the minimum term without an
approved request. A usage-location order needs a voice product (IPfonie, Tengo Centraflex).
The backend checks the same again when the wizard creates the cart.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop_app.cache.contracts import ContractListRow
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.entities import Address, Contract, Party
from desktop_app.domain.enums import BusinessTransaction, ProductFamily
from desktop_app.domain.transactions import OpenCart, TransactionContext, check_transaction
from desktop_app.domain.violations import Language

__all__ = ["CONTRACT_TRANSACTIONS", "Fit", "fits"]

CONTRACT_TRANSACTIONS = tuple(t for t in BusinessTransaction if t.acts_on_contract)


@dataclass(frozen=True, slots=True)
class Fit:
    transaction: BusinessTransaction
    allowed: bool
    reason: str  # why not ("" when allowed)


def _family(row: ContractListRow) -> ProductFamily | None:
    if row.product_family:
        try:
            return ProductFamily(row.product_family)
        except ValueError:
            return None
    known = product_by_code(row.product_code)
    return known.family if known else None


def fits(row: ContractListRow, open_carts: Sequence[tuple[str, BusinessTransaction]],
         today: date, language: Language) -> list[Fit]:
    """One verdict per transaction that acts on a contract, in the enum's order."""
    if row.customer_kind is None:
        reason = QCoreApplication.translate(
            "Contracts", "The customer is not in the local cache yet: synchronize (F5).")
        return [Fit(t, False, reason) for t in CONTRACT_TRANSACTIONS]
    party = Party(row.customer_id, row.tenant_id, row.customer_kind, row.customer_name or "",
                  "", None, Address("", "", "", ""))
    contract = Contract(row.id, row.tenant_id, row.customer_id, row.contract_number,
                        row.product_code, row.state, row.start_date, row.minimum_term_months,
                        row.change_request)
    others = tuple(OpenCart(cart_id, kind) for cart_id, kind in open_carts)
    family = _family(row)
    found: list[Fit] = []
    for transaction in CONTRACT_TRANSACTIONS:
        problems = check_transaction(TransactionContext(transaction, party, contract, others,
                                                        today))
        if problems:
            found.append(Fit(transaction, False, problems[0].message(language)))
        elif (transaction is BusinessTransaction.USAGE_LOCATION
              and (family is None or not family.is_voice)):
            found.append(Fit(transaction, False, QCoreApplication.translate(
                "Contracts", "Usage locations are ordered for voice products (IPfonie SIP "
                "trunks, Tengo Centraflex).")))
        else:
            found.append(Fit(transaction, True, ""))
    return found
