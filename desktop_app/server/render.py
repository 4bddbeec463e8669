"""Database rows to wire models (contract) and to domain entities (for the rules)."""

from datetime import UTC, datetime
from typing import Any

from desktop_app.contract.carts import (
    CartItemIn,
    CartItemOut,
    CartOut,
    QuoteOut,
    SelectedOptionOut,
    Totals,
    UsageLocationOut,
)
from desktop_app.contract.parties import AddressOut, ContractOut, PartyOut
from desktop_app.domain.catalog import gross_cents, product_by_code
from desktop_app.domain.entities import (
    Address,
    Cart,
    CartItem,
    Contract,
    Party,
    Quote,
    SelectedOption,
    UsageLocation,
)
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
    PartyKind,
    QuoteState,
)
from desktop_app.server.db import CartRow, ContractRow, PartyRow, QuoteRow


def aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def party_address(row: PartyRow) -> Address:
    return Address(street=row.street, postal_code=row.postal_code, city=row.city,
                   country=row.country)


def party_domain(row: PartyRow) -> Party:
    return Party(id=row.id, tenant_id=row.tenant_id, kind=PartyKind(row.kind), company=row.company,
                 contact_name=row.contact_name, email=row.email, address=party_address(row))


def party_out(row: PartyRow) -> PartyOut:
    return PartyOut(id=row.id, tenant_id=row.tenant_id, kind=PartyKind(row.kind),
                    customer_number=row.customer_number, company=row.company,
                    contact_name=row.contact_name, email=row.email,
                    address=AddressOut(street=row.street, postal_code=row.postal_code,
                                       city=row.city, country=row.country),
                    updated_at=aware(row.updated_at))


def contract_domain(row: ContractRow) -> Contract:
    return Contract(id=row.id, tenant_id=row.tenant_id, customer_id=row.customer_id,
                    contract_number=row.contract_number, product_code=row.product_code,
                    state=ContractState(row.state), start_date=row.start_date,
                    minimum_term_months=row.minimum_term_months,
                    change_request=ChangeRequestState(row.change_request))


def contract_out(row: ContractRow) -> ContractOut:
    domain = contract_domain(row)
    return ContractOut(id=row.id, tenant_id=row.tenant_id, customer_id=row.customer_id,
                       contract_number=row.contract_number, product_code=row.product_code,
                       state=domain.state, start_date=row.start_date,
                       minimum_term_months=row.minimum_term_months,
                       minimum_term_end=domain.minimum_term_end,
                       change_request=domain.change_request, updated_at=aware(row.updated_at))


def item_domain(stored: dict[str, Any]) -> CartItem:
    item = CartItemIn.model_validate({k: v for k, v in stored.items() if k != "automatic"})
    return CartItem(
        product_code=item.product_code, quantity=item.quantity,
        options=tuple(SelectedOption(o.code, o.quantity, tuple(o.phone_numbers))
                      for o in item.options),
        usage_locations=tuple(
            UsageLocation(Address(u.address.street, u.address.postal_code, u.address.city,
                                  u.address.country), tuple(u.phone_numbers))
            for u in item.usage_locations),
        business_transaction=item.business_transaction)


def item_out(stored: dict[str, Any]) -> CartItemOut:
    item = item_domain(stored)
    product = product_by_code(item.product_code)
    if product is None:  # only stored after validation, so this is a broken database
        raise ValueError(f"unknown product {item.product_code!r} in a stored cart")
    options: list[SelectedOptionOut] = []
    monthly = product.monthly_cents * item.quantity
    one_time = product.one_time_cents * item.quantity
    for selected in item.options:
        offered = product.option(selected.code)
        if offered is None:
            raise ValueError(f"unknown option {selected.code!r} in a stored cart")
        options.append(SelectedOptionOut(
            code=offered.code, name_de=offered.name_de, name_en=offered.name_en,
            quantity=selected.quantity, phone_numbers=list(selected.phone_numbers),
            monthly_net_cents=offered.monthly_cents * selected.quantity,
            one_time_net_cents=offered.one_time_cents * selected.quantity))
        monthly += offered.monthly_cents * selected.quantity
        one_time += offered.one_time_cents * selected.quantity
    location_option = product.option("usage-location")
    if location_option is not None:
        monthly += location_option.monthly_cents * len(item.usage_locations)
        one_time += location_option.one_time_cents * len(item.usage_locations)
    return CartItemOut(
        product_code=product.code, product_name_de=product.name_de,
        product_name_en=product.name_en, family=product.family.value, quantity=item.quantity,
        options=options,
        usage_locations=[UsageLocationOut(
            address=AddressOut(street=u.address.street, postal_code=u.address.postal_code,
                               city=u.address.city, country=u.address.country),
            phone_numbers=list(u.phone_numbers)) for u in item.usage_locations],
        monthly_net_cents=monthly, one_time_net_cents=one_time,
        automatic=bool(stored.get("automatic", False)))


def totals(items: list[CartItemOut]) -> Totals:
    monthly = sum(item.monthly_net_cents for item in items)
    one_time = sum(item.one_time_net_cents for item in items)
    return Totals(monthly_net_cents=monthly, monthly_gross_cents=gross_cents(monthly),
                  one_time_net_cents=one_time, one_time_gross_cents=gross_cents(one_time))


def cart_domain(row: CartRow) -> Cart:
    return Cart(id=row.id, tenant_id=row.tenant_id, customer_id=row.customer_id,
                business_transaction=BusinessTransaction(row.business_transaction),
                contract_id=row.contract_id, state=CartState(row.state), created_by=row.created_by,
                items=tuple(item_domain(stored) for stored in row.items))


def cart_out(row: CartRow, quote_id: str | None) -> CartOut:
    items = [item_out(stored) for stored in row.items]
    return CartOut(id=row.id, tenant_id=row.tenant_id, customer_id=row.customer_id,
                   business_transaction=BusinessTransaction(row.business_transaction),
                   contract_id=row.contract_id, state=CartState(row.state), items=items,
                   totals=totals(items), quote_id=quote_id, created_by=row.created_by,
                   created_at=aware(row.created_at), updated_at=aware(row.updated_at))


def quote_domain(row: QuoteRow) -> Quote:
    return Quote(id=row.id, cart_id=row.cart_id, state=QuoteState(row.state),
                 created_by=row.created_by, created_at=row.created_at, valid_until=row.valid_until,
                 provider_approval_required=row.provider_approval_required,
                 provider_approved=row.provider_approved_at is not None,
                 approver_email=row.approver_email, extra_recipient=row.extra_recipient)


def quote_out(row: QuoteRow, creator_name: str, cart_totals: Totals) -> QuoteOut:
    def maybe(moment: datetime | None) -> datetime | None:
        return aware(moment) if moment else None

    return QuoteOut(id=row.id, quote_number=row.quote_number, cart_id=row.cart_id,
                    tenant_id=row.tenant_id, customer_id=row.customer_id,
                    state=QuoteState(row.state), created_by=row.created_by,
                    created_by_name=creator_name, created_at=aware(row.created_at),
                    valid_until=row.valid_until, sent_at=maybe(row.sent_at),
                    sent_to=list(row.sent_to or []), extra_recipient=row.extra_recipient,
                    approver_email=row.approver_email,
                    customer_decided_at=maybe(row.customer_decided_at),
                    provider_approval_required=row.provider_approval_required,
                    provider_approved_by=row.provider_approved_by,
                    provider_approved_at=maybe(row.provider_approved_at), totals=cart_totals,
                    updated_at=aware(row.updated_at))
