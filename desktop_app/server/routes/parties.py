"""Customers, prospects and contracts."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from desktop_app.contract.parties import ContractOut, PartyOut, ProspectCreate
from desktop_app.domain.entities import Address
from desktop_app.domain.enums import PartyKind
from desktop_app.domain.validation import check_address, check_email
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.counters import party_number
from desktop_app.server.database import utcnow
from desktop_app.server.db import ContractRow, PartyRow, TenantRow
from desktop_app.server.problems import NotFound, RuleViolations
from desktop_app.server.render import contract_out, party_out
from desktop_app.server.search_key import LIKE_ESCAPE, like_pattern
from desktop_app.server.services import publish
from desktop_app.server.services.carts import new_id
from desktop_app.server.services.lookup import visible

router = APIRouter(tags=["customers"])

# OFFSET is a signed 64-bit number in SQLite and PostgreSQL; a larger one would fail there.
MAX_OFFSET = 2**63 - 1


@router.get("/customers")
def search_customers(context: Context, principal: CurrentPrincipal,
                     q: Annotated[str, Query(max_length=100)] = "",
                     limit: Annotated[int, Query(ge=1, le=200)] = 50,
                     offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> list[PartyOut]:
    """Customers and prospects whose company, customer number or contact name contains `q`,
    case- and umlaut-insensitive ("müller" finds "Mueller"); `%`, `_` and `\\` are plain
    text."""
    query = select(PartyRow).order_by(PartyRow.company, PartyRow.id).limit(limit).offset(offset)
    if principal.tenant_ids is not None:
        query = query.where(PartyRow.tenant_id.in_(principal.tenant_ids))
    pattern = like_pattern(q)
    if pattern is not None:
        query = query.where(PartyRow.search_key.like(pattern, escape=LIKE_ESCAPE))
    with context.database.read() as session:
        return [party_out(row) for row in session.scalars(query)]


@router.get("/customers/{customer_id}")
def get_customer(customer_id: str, context: Context, principal: CurrentPrincipal) -> PartyOut:
    with context.database.read() as session:
        return party_out(visible(session, principal, PartyRow, customer_id, "customer"))


@router.post("/customers", status_code=201)
def create_prospect(body: ProspectCreate, context: Context,
                    principal: CurrentPrincipal) -> PartyOut:
    tenant_id = body.tenant_id or principal.user.tenant_id
    address = Address(body.address.street, body.address.postal_code, body.address.city,
                      body.address.country)
    found = check_email(body.email, "email") + check_address(address, "address")
    if found:
        raise RuleViolations(found)
    now = utcnow()
    with context.database.write() as session:
        if session.get(TenantRow, tenant_id) is None or not principal.can_see(tenant_id):
            raise NotFound("tenant")
        row = PartyRow(id=new_id("party"), tenant_id=tenant_id, kind=PartyKind.PROSPECT,
                       customer_number=party_number(session, "IN"), company=body.company,
                       contact_name=body.contact_name, email=body.email,
                       street=address.street, postal_code=address.postal_code, city=address.city,
                       country=address.country, updated_at=now)
        session.add(row)
        session.flush()
        publish.party(session, row, now)
        return party_out(row)


@router.get("/customers/{customer_id}/contracts")
def customer_contracts(customer_id: str, context: Context,
                       principal: CurrentPrincipal) -> list[ContractOut]:
    with context.database.read() as session:
        visible(session, principal, PartyRow, customer_id, "customer")
        rows = session.scalars(select(ContractRow).where(ContractRow.customer_id == customer_id)
                               .order_by(ContractRow.contract_number))
        return [contract_out(row) for row in rows]


@router.get("/contracts/{contract_id}")
def get_contract(contract_id: str, context: Context, principal: CurrentPrincipal) -> ContractOut:
    with context.database.read() as session:
        return contract_out(visible(session, principal, ContractRow, contract_id, "contract"))
