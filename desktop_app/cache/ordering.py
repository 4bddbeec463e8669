"""What the order wizard reads from the cache: a customer's contracts, the carts open on a
contract, and the product catalog with its options (small lookups, one customer at a time)."""

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.cache.detail import contract_info, customer_info
from desktop_app.cache.records import ContractInfo, CustomerInfo
from desktop_app.cache.schema import CartRow, ContractRow, CustomerRow, ProductRow
from desktop_app.domain.enums import BusinessTransaction, CartState, OptionKind, ProductFamily

__all__ = ["CatalogOption", "CatalogProduct", "catalog", "contracts_of", "customer",
           "open_carts_of_contract"]


@dataclass(frozen=True, slots=True)
class CatalogOption:
    code: str
    kind: OptionKind
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    max_quantity: int


@dataclass(frozen=True, slots=True)
class CatalogProduct:
    code: str
    family: ProductFamily
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    minimum_term_months: int
    orderable: bool
    options: tuple[CatalogOption, ...]


def customer(session: Session, customer_id: str) -> CustomerInfo | None:
    row = session.get(CustomerRow, customer_id)
    return customer_info(row) if row else None


def contracts_of(session: Session, customer_id: str) -> list[ContractInfo]:
    rows = session.scalars(select(ContractRow).where(ContractRow.customer_id == customer_id)
                           .order_by(ContractRow.contract_number))
    return [contract_info(row) for row in rows]


def open_carts_of_contract(session: Session, contract_id: str,
                           ) -> list[tuple[str, BusinessTransaction]]:
    """(cart id, transaction) of the contract's carts not yet ordered (open or quoted)."""
    rows = session.execute(select(CartRow.id, CartRow.business_transaction)
                           .where(CartRow.contract_id == contract_id)
                           .where(CartRow.state != CartState.ORDERED.value)
                           .order_by(CartRow.id))
    return [(cart_id, BusinessTransaction(transaction)) for cart_id, transaction in rows]


def _option(data: dict[str, object]) -> CatalogOption:
    return CatalogOption(str(data["code"]), OptionKind(str(data["kind"])), str(data["name_de"]),
                         str(data["name_en"]), int(str(data["monthly_cents"])),
                         int(str(data["one_time_cents"])), int(str(data["max_quantity"])))


def catalog(session: Session) -> list[CatalogProduct]:
    """The cached product catalog in the backend's order, options included."""
    return [
        CatalogProduct(r.code, ProductFamily(r.family), r.name_de, r.name_en, r.monthly_cents,
                       r.one_time_cents, r.minimum_term_months, r.orderable,
                       tuple(_option(o) for o in json.loads(r.options)))
        for r in session.scalars(select(ProductRow).order_by(ProductRow.position))
    ]
