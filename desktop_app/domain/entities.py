"""Domain entities as immutable value objects; ids are strings chosen by the backend."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
    PartyKind,
    QuoteState,
    Role,
)


@dataclass(frozen=True)
class Tenant:
    """Mandant or Submandant (parent_id set): the sales partner or the provider itself."""

    id: str
    name: str
    email: str | None
    parent_id: str | None = None
    has_power_of_attorney: bool = False
    is_provider: bool = False


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    email: str | None
    role: Role
    tenant_id: str


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    country: str = "DE"


@dataclass(frozen=True)
class Party:
    """Customer (Bestandskunde) or prospect (Interessent) with its master data."""

    id: str
    tenant_id: str
    kind: PartyKind
    company: str
    contact_name: str
    email: str | None
    address: Address


@dataclass(frozen=True)
class Contract:
    id: str
    tenant_id: str
    customer_id: str
    contract_number: str
    product_code: str
    state: ContractState
    start_date: date
    minimum_term_months: int
    change_request: ChangeRequestState = ChangeRequestState.NONE

    @property
    def minimum_term_end(self) -> date:
        return add_months(self.start_date, self.minimum_term_months)

    def in_minimum_term(self, today: date) -> bool:
        return today < self.minimum_term_end


@dataclass(frozen=True)
class UsageLocation:
    address: Address
    phone_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class SelectedOption:
    code: str
    quantity: int = 1
    phone_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CartItem:
    product_code: str
    quantity: int = 1
    options: tuple[SelectedOption, ...] = ()
    usage_locations: tuple[UsageLocation, ...] = ()
    # Set only when a client tries to put another transaction into the cart.
    business_transaction: BusinessTransaction | None = None


@dataclass(frozen=True)
class Cart:
    id: str
    tenant_id: str
    customer_id: str
    business_transaction: BusinessTransaction
    contract_id: str | None
    state: CartState
    created_by: str
    items: tuple[CartItem, ...] = ()


@dataclass(frozen=True)
class Quote:
    id: str
    cart_id: str
    state: QuoteState
    created_by: str
    created_at: datetime
    valid_until: date
    provider_approval_required: bool
    provider_approved: bool = False
    approver_email: str | None = None
    extra_recipient: str | None = None

    def is_expired(self, today: date) -> bool:
        return self.state is QuoteState.EXPIRED or today > self.valid_until


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(start.day, 28))
