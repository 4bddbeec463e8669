"""Customers, prospects and contracts."""

from datetime import date, datetime
from typing import Annotated

from pydantic import StringConstraints

from desktop_app.contract.base import EmailText, RequestModel, ResponseModel, ShortText
from desktop_app.domain.enums import ChangeRequestState, ContractState, PartyKind


class AddressIn(RequestModel):
    street: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
    postal_code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=10)]
    city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = "DE"


class AddressOut(ResponseModel):
    street: str
    postal_code: str
    city: str
    country: str


class ProspectCreate(RequestModel):
    # Defaults to the clerk's own tenant; may name a sub-tenant the clerk can see.
    tenant_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    company: ShortText
    contact_name: ShortText
    email: EmailText
    address: AddressIn


class PartyOut(ResponseModel):
    id: str
    tenant_id: str
    kind: PartyKind
    customer_number: str
    company: str
    contact_name: str
    email: str | None
    address: AddressOut
    updated_at: datetime


class ContractOut(ResponseModel):
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
