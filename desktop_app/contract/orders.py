"""Orders, their documents and the order-receipt confirmation."""

from datetime import datetime

from desktop_app.contract.base import (
    Identifier,
    RequestModel,
    ResponseModel,
    Sha256Hex,
    ViolationOut,
)
from desktop_app.contract.carts import CartItemOut, Totals
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
    RecipientSource,
)


class OrderCreate(RequestModel):
    cart_id: Identifier
    quote_id: Identifier | None = None


class StatusEventOut(ResponseModel):
    status: OrderStatus
    at: datetime
    note: str | None = None


class DocumentOut(ResponseModel):
    id: str
    order_id: str
    kind: str  # "confirmation" or "product_sheet"
    title_de: str
    title_en: str
    filename: str
    media_type: str
    size: int | None = None
    sha256: Sha256Hex | None = None


class RecipientOut(ResponseModel):
    email: str
    sources: list[RecipientSource]


class OrderOut(ResponseModel):
    id: str
    order_number: str
    tenant_id: str
    tenant_name: str
    customer_id: str
    customer_name: str
    cart_id: str
    quote_id: str | None
    quote_number: str | None
    business_transaction: BusinessTransaction
    product_family: ProductFamily
    product_code: str
    product_name_de: str
    product_name_en: str
    status: OrderStatus
    clearing_note: str | None
    automation: AutomationDegree
    expected_completion_at: datetime
    created_at: datetime
    created_by: str
    created_by_name: str
    quote_created_by_name: str | None
    approver_email: str | None
    contract_id: str | None
    contract_number: str | None
    items: list[CartItemOut]
    totals: Totals
    history: list[StatusEventOut]
    documents: list[DocumentOut]
    recipients: list[RecipientOut]
    updated_at: datetime


class OrderConfirmation(ResponseModel):
    order: OrderOut
    documents: list[DocumentOut]
    recipients: list[RecipientOut]
    recipient_problems: list[ViolationOut]
