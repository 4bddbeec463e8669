"""Carts (Warenkorb) and quotes (Angebot)."""

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from desktop_app.contract.base import (
    EmailText,
    Identifier,
    RequestModel,
    ResponseModel,
    ViolationOut,
)
from desktop_app.contract.parties import AddressIn, AddressOut
from desktop_app.domain.enums import BusinessTransaction, CartState, QuoteState

PhoneText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)]


def _whole_number(value: object) -> object:
    """3.0 is 3: JSON (and JSON Schema's "integer") does not tell them apart. "3", 1.5 and
    true stay refused by the strict int."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


# Quantities are range-checked by the domain rules (a 422 with the rule's code); this bound
# only keeps absurd numbers away from the database.
Quantity = Annotated[int, Field(strict=True, ge=-(10**9), le=10**9),
                     BeforeValidator(_whole_number)]


class SelectedOptionIn(RequestModel):
    code: Identifier
    quantity: Quantity = 1
    phone_numbers: list[PhoneText] = Field(default_factory=list, max_length=100)


class UsageLocationIn(RequestModel):
    address: AddressIn
    phone_numbers: list[PhoneText] = Field(default_factory=list, max_length=100)


class CartItemIn(RequestModel):
    product_code: Identifier
    quantity: Quantity = 1
    options: list[SelectedOptionIn] = Field(default_factory=list, max_length=20)
    usage_locations: list[UsageLocationIn] = Field(default_factory=list, max_length=60)
    business_transaction: BusinessTransaction | None = None


class CartCreate(RequestModel):
    customer_id: Identifier
    business_transaction: BusinessTransaction
    contract_id: Identifier | None = None
    items: list[CartItemIn] = Field(default_factory=list, max_length=50)


class CartItemsUpdate(RequestModel):
    items: list[CartItemIn] = Field(max_length=50)


class SelectedOptionOut(ResponseModel):
    code: str
    name_de: str
    name_en: str
    quantity: int
    phone_numbers: list[str]
    monthly_net_cents: int
    one_time_net_cents: int


class UsageLocationOut(ResponseModel):
    address: AddressOut
    phone_numbers: list[str]


class CartItemOut(ResponseModel):
    product_code: str
    product_name_de: str
    product_name_en: str
    family: str
    quantity: int
    options: list[SelectedOptionOut]
    usage_locations: list[UsageLocationOut]
    # The item's whole price: product times quantity, its options and usage-location fees.
    monthly_net_cents: int
    one_time_net_cents: int
    # Added by the backend (the product-change fee), not by the clerk.
    automatic: bool = False


class Totals(ResponseModel):
    monthly_net_cents: int
    monthly_gross_cents: int
    one_time_net_cents: int
    one_time_gross_cents: int


class CartOut(ResponseModel):
    id: str
    tenant_id: str
    customer_id: str
    business_transaction: BusinessTransaction
    contract_id: str | None
    state: CartState
    items: list[CartItemOut]
    totals: Totals
    quote_id: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class ValidationResult(ResponseModel):
    valid: bool
    violations: list[ViolationOut]


class QuoteSend(RequestModel):
    extra_recipient: EmailText | None = None


class CustomerDecision(RequestModel):
    approver_email: EmailText
    approve: bool = True


class QuoteOut(ResponseModel):
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
    totals: Totals
    updated_at: datetime
