"""The contracts overview (Vertragsübersicht): every cached contract with its customer, its
product's names and the orders that created or changed it, and one contract's orders.

The cache holds the contracts of the account's customers (the backend feeds exactly those),
so the overview reads them all at once: ~30,000 contracts in one query with the order counts
grouped beside them (bench/contracts_bench.py). The end of the minimum term is computed from
the start date and the term (`add_months`: 31 Jan + 1 month is the last day of February),
the same rule the order wizard applies.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.cache.schema import ContractRow, CustomerRow, OrderRow, ProductRow
from desktop_app.domain.entities import add_months
from desktop_app.domain.enums import (
    BusinessTransaction,
    ChangeRequestState,
    ContractState,
    OrderStatus,
    PartyKind,
)

__all__ = ["ContractListRow", "ContractOrderRow", "contract_orders", "contract_rows"]


@dataclass(frozen=True, slots=True)
class ContractListRow:
    """One line of the contracts overview."""

    id: str
    tenant_id: str
    contract_number: str
    customer_id: str
    customer_name: str | None  # None while the customer is not cached
    customer_number: str | None
    customer_kind: PartyKind | None
    product_code: str
    product_name_de: str | None  # None while the catalog is not cached
    product_name_en: str | None
    product_family: str | None
    state: ContractState
    start_date: date
    minimum_term_months: int
    minimum_term_end: date
    change_request: ChangeRequestState
    order_count: int
    order_numbers: tuple[str, ...]  # ascending
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ContractOrderRow:
    """An order that created or changed a contract (its `contract_id`)."""

    id: str
    order_number: str
    created_at: datetime
    business_transaction: BusinessTransaction
    status: OrderStatus
    product_name_de: str
    product_name_en: str


def minimum_term_end(start: date, months: int) -> date:
    """The day the minimum term ends: the start day `months` later, clamped to month end."""
    return add_months(start, months)


def contract_rows(session: Session) -> list[ContractListRow]:
    """All cached contracts by contract number, each with its customer, product and orders."""
    orders = (select(OrderRow.contract_id.label("contract_id"),
                     func.count().label("count"),
                     func.group_concat(OrderRow.order_number, "\n").label("numbers"))
              .where(OrderRow.contract_id.is_not(None))
              .group_by(OrderRow.contract_id).subquery())
    statement = (
        select(ContractRow.id, ContractRow.tenant_id, ContractRow.contract_number,
               ContractRow.customer_id, CustomerRow.company, CustomerRow.customer_number,
               CustomerRow.kind, ContractRow.product_code, ProductRow.name_de, ProductRow.name_en,
               ProductRow.family, ContractRow.state, ContractRow.start_date,
               ContractRow.minimum_term_months, ContractRow.change_request,
               orders.c.count, orders.c.numbers, ContractRow.updated_at)
        .outerjoin(CustomerRow, CustomerRow.id == ContractRow.customer_id)
        .outerjoin(ProductRow, ProductRow.code == ContractRow.product_code)
        .outerjoin(orders, orders.c.contract_id == ContractRow.id)
        .order_by(ContractRow.contract_number, ContractRow.id)
    )
    rows: list[ContractListRow] = []
    for (contract_id, tenant_id, number, customer_id, company, customer_number, kind, code,
         name_de, name_en, family, state, start, months, change_request, count, numbers,
         updated_at) in session.execute(statement):
        rows.append(ContractListRow(
            contract_id, tenant_id, number, customer_id, company, customer_number,
            PartyKind(kind) if kind else None, code, name_de, name_en, family,
            ContractState(state), start, months, minimum_term_end(start, months),
            ChangeRequestState(change_request), count or 0,
            tuple(sorted(numbers.split("\n"))) if numbers else (), updated_at,
        ))  # fmt: skip
    return rows


def contract_orders(session: Session, contract_id: str) -> list[ContractOrderRow]:
    """The orders that created or changed the contract, oldest first."""
    statement = (select(OrderRow.id, OrderRow.order_number, OrderRow.created_at,
                        OrderRow.business_transaction, OrderRow.status,
                        OrderRow.product_name_de, OrderRow.product_name_en)
                 .where(OrderRow.contract_id == contract_id)
                 .order_by(OrderRow.created_at, OrderRow.order_number))
    return [ContractOrderRow(order_id, number, created, BusinessTransaction(transaction),
                             OrderStatus(status), name_de, name_en)
            for order_id, number, created, transaction, status, name_de, name_en
            in session.execute(statement)]
