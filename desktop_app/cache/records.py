"""What the cache queries return: frozen dataclasses, no SQL or ORM objects leak upwards."""

from dataclasses import dataclass
from datetime import date, datetime

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


@dataclass(frozen=True, slots=True)
class OrderListRow:
    """One line of the order overview."""

    id: str
    order_number: str
    created_at: datetime
    customer_name: str
    business_transaction: BusinessTransaction
    product_name_de: str
    product_name_en: str
    product_family: ProductFamily
    status: OrderStatus
    contract_number: str | None
    updated_at: datetime
    created_by: str
    clearing: bool = False  # a clearing case: the order needs a manual correction
    changed: bool = False  # changed through a live sync since the clerk last opened it


@dataclass(frozen=True, slots=True)
class OptionDetail:
    code: str
    name_de: str
    name_en: str
    quantity: int
    phone_numbers: tuple[str, ...]
    monthly_net_cents: int
    one_time_net_cents: int


@dataclass(frozen=True, slots=True)
class UsageLocationDetail:
    street: str
    postal_code: str
    city: str
    country: str
    phone_numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ItemDetail:
    product_code: str
    product_name_de: str
    product_name_en: str
    family: str
    quantity: int
    monthly_net_cents: int
    one_time_net_cents: int
    automatic: bool
    options: tuple[OptionDetail, ...]
    usage_locations: tuple[UsageLocationDetail, ...]


@dataclass(frozen=True, slots=True)
class StatusEventDetail:
    status: OrderStatus
    at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    order_id: str
    kind: str
    title_de: str
    title_en: str
    filename: str
    media_type: str
    size: int | None
    sha256: str | None
    local_path: str | None
    local_sha256: str | None
    downloaded_at: datetime | None


@dataclass(frozen=True, slots=True)
class RecipientDetail:
    email: str
    sources: tuple[RecipientSource, ...]


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    id: str
    tenant_id: str
    kind: PartyKind
    customer_number: str
    company: str
    contact_name: str
    email: str | None
    street: str
    postal_code: str
    city: str
    country: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ContractInfo:
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


@dataclass(frozen=True, slots=True)
class CartSummary:
    id: str
    tenant_id: str
    customer_id: str
    customer_name: str | None  # None while the customer is not cached
    business_transaction: BusinessTransaction
    contract_id: str | None
    state: CartState
    item_count: int
    product_names_de: tuple[str, ...]
    product_names_en: tuple[str, ...]
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int
    quote_id: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class QuoteSummary:
    id: str
    quote_number: str
    cart_id: str
    tenant_id: str
    customer_id: str
    customer_name: str | None
    state: QuoteState
    created_by: str
    created_by_name: str
    created_at: datetime
    valid_until: date
    sent_at: datetime | None
    sent_to: tuple[str, ...]
    extra_recipient: str | None
    approver_email: str | None
    customer_decided_at: datetime | None
    provider_approval_required: bool
    provider_approved_by: str | None
    provider_approved_at: datetime | None
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class OrderDetail:
    """Everything the detail and status panels show about one order."""

    id: str
    order_number: str
    created_at: datetime
    customer_id: str
    customer_name: str
    tenant_id: str
    tenant_name: str
    business_transaction: BusinessTransaction
    product_family: ProductFamily
    product_code: str
    product_name_de: str
    product_name_en: str
    status: OrderStatus
    contract_id: str | None
    contract_number: str | None
    clearing_note: str | None
    created_by: str
    created_by_name: str
    quote_id: str | None
    quote_number: str | None
    cart_id: str
    automation: AutomationDegree
    expected_completion_at: datetime
    approver_email: str | None
    quote_created_by_name: str | None
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int
    updated_at: datetime
    items: tuple[ItemDetail, ...]
    history: tuple[StatusEventDetail, ...]  # oldest first
    documents: tuple[DocumentInfo, ...]
    recipients: tuple[RecipientDetail, ...]
    customer: CustomerInfo | None  # None while not cached
    contract: ContractInfo | None
    cart: CartSummary | None
    quote: QuoteSummary | None


@dataclass(frozen=True, slots=True)
class StatusInfo:
    code: OrderStatus
    label_de: str
    label_en: str
    explanation_de: str
    explanation_en: str


@dataclass(frozen=True, slots=True)
class BusinessTransactionInfo:
    code: BusinessTransaction
    label_de: str
    label_en: str
    acts_on_contract: bool


@dataclass(frozen=True, slots=True)
class ProductInfo:
    code: str
    family: ProductFamily
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    minimum_term_months: int
    orderable: bool


@dataclass(frozen=True, slots=True)
class SyncState:
    cursor: str | None
    last_success_at: datetime | None
    last_error: str | None
    last_attempt_at: datetime | None
