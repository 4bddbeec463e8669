"""The change feed's records as TypedDicts: the same wire format as the models, for bulk use.

Validating 100,000 orders into model instances costs about three times as much as validating
them into plain dicts; the sync applies whole pages, so it validates into these. A test
checks that each TypedDict accepts and rejects exactly what its model does, field by field.
"""

from datetime import date, datetime
from typing import Literal

from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from desktop_app.contract.base import Sha256Hex
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
    OrderStatus,
    PartyKind,
    ProductFamily,
    QuoteState,
    RecipientSource,
)


class AddressRecord(TypedDict):
    street: str
    postal_code: str
    city: str
    country: str


class SelectedOptionRecord(TypedDict):
    code: str
    name_de: str
    name_en: str
    quantity: int
    phone_numbers: list[str]
    monthly_net_cents: int
    one_time_net_cents: int


class UsageLocationRecord(TypedDict):
    address: AddressRecord
    phone_numbers: list[str]


class CartItemRecord(TypedDict):
    product_code: str
    product_name_de: str
    product_name_en: str
    family: str
    quantity: int
    options: list[SelectedOptionRecord]
    usage_locations: list[UsageLocationRecord]
    monthly_net_cents: int
    one_time_net_cents: int
    automatic: bool


class TotalsRecord(TypedDict):
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int


class StatusEventRecord(TypedDict):
    status: OrderStatus
    at: datetime
    note: str | None


class DocumentRecord(TypedDict):
    id: str
    order_id: str
    kind: str
    title_de: str
    title_en: str
    filename: str
    media_type: str
    size: int | None
    sha256: Sha256Hex | None


class RecipientRecord(TypedDict):
    email: str
    sources: list[RecipientSource]


class OrderRecord(TypedDict):
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
    items: list[CartItemRecord]
    totals: TotalsRecord
    history: list[StatusEventRecord]
    documents: list[DocumentRecord]
    recipients: list[RecipientRecord]
    updated_at: datetime


class PartyRecord(TypedDict):
    id: str
    tenant_id: str
    kind: PartyKind
    customer_number: str
    company: str
    contact_name: str
    email: str | None
    address: AddressRecord
    updated_at: datetime


class ContractRecord(TypedDict):
    id: str
    tenant_id: str
    customer_id: str
    contract_number: str
    product_code: str
    state: ContractState
    start_date: date
    minimum_term_months: int
    minimum_term_end: date
    change_request: ChangeRequestState
    updated_at: datetime


class CartRecord(TypedDict):
    id: str
    tenant_id: str
    customer_id: str
    business_transaction: BusinessTransaction
    contract_id: str | None
    state: CartState
    items: list[CartItemRecord]
    totals: TotalsRecord
    quote_id: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class QuoteRecord(TypedDict):
    id: str
    quote_number: str
    cart_id: str
    tenant_id: str
    customer_id: str
    state: QuoteState
    created_by: str
    created_by_name: str
    created_at: datetime
    valid_until: date
    sent_at: datetime | None
    sent_to: list[str]
    extra_recipient: str | None
    approver_email: str | None
    customer_decided_at: datetime | None
    provider_approval_required: bool
    provider_approved_by: str | None
    provider_approved_at: datetime | None
    totals: TotalsRecord
    updated_at: datetime


class _Change(TypedDict):
    seq: int
    op: Literal["upsert", "delete"]
    id: str


class OrderChangeRecord(_Change):
    kind: Literal["order"]
    data: OrderRecord | None


class CustomerChangeRecord(_Change):
    kind: Literal["customer"]
    data: PartyRecord | None


class ContractChangeRecord(_Change):
    kind: Literal["contract"]
    data: ContractRecord | None


class CartChangeRecord(_Change):
    kind: Literal["cart"]
    data: CartRecord | None


class QuoteChangeRecord(_Change):
    kind: Literal["quote"]
    data: QuoteRecord | None


AnyRecord = OrderRecord | PartyRecord | ContractRecord | CartRecord | QuoteRecord
ChangeRecord = (OrderChangeRecord | CustomerChangeRecord | ContractChangeRecord
                | CartChangeRecord | QuoteChangeRecord)
