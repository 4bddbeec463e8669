"""Catalog metadata: order statuses, business transactions and products (served with ETags)."""

from desktop_app.contract.base import ResponseModel
from desktop_app.domain.enums import BusinessTransaction, OptionKind, OrderStatus, ProductFamily


class StatusOut(ResponseModel):
    code: OrderStatus
    label_de: str
    label_en: str
    explanation_de: str
    explanation_en: str


class BusinessTransactionOut(ResponseModel):
    code: BusinessTransaction
    label_de: str
    label_en: str
    acts_on_contract: bool


class ProductOptionOut(ResponseModel):
    code: str
    kind: OptionKind
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    max_quantity: int


class ProductOut(ResponseModel):
    code: str
    family: ProductFamily
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    minimum_term_months: int
    orderable: bool
    options: list[ProductOptionOut]
