"""Small builders for domain entities with sensible defaults, and shared assertions.

Every date is fixed: the tests never depend on the day they run.
"""

from collections.abc import Iterable
from datetime import date, datetime

from desktop_app.domain.entities import (
    Address,
    Cart,
    CartItem,
    Contract,
    Party,
    Quote,
    SelectedOption,
    Tenant,
    UsageLocation,
    User,
)
from desktop_app.domain.enums import (
    BusinessTransaction,
    CartState,
    ChangeRequestState,
    ContractState,
    PartyKind,
    QuoteState,
    Role,
)
from desktop_app.domain.transactions import OpenCart, TransactionContext
from desktop_app.domain.violations import Violation

TODAY = date(2024, 6, 15)
NOW = datetime(2024, 6, 15, 10, 30)

CUSTOMER_ID = "party-1"
TENANT_ID = "tenant-1"


def make_address(street: str = "Hauptstraße 1", postal_code: str = "10115",
                 city: str = "Berlin", country: str = "DE") -> Address:
    return Address(street=street, postal_code=postal_code, city=city, country=country)


def make_tenant(*, id: str = TENANT_ID, name: str = "Partner GmbH",
                email: str | None = "auftrag@partner.example",
                parent_id: str | None = None, has_power_of_attorney: bool = False,
                is_provider: bool = False) -> Tenant:
    return Tenant(id=id, name=name, email=email, parent_id=parent_id,
                  has_power_of_attorney=has_power_of_attorney, is_provider=is_provider)


def make_user(*, id: str = "user-1", username: str = "clerk",
              display_name: str = "Clara Clerk", email: str | None = "clara@partner.example",
              role: Role = Role.PARTNER_CLERK, tenant_id: str = TENANT_ID) -> User:
    return User(id=id, username=username, display_name=display_name, email=email, role=role,
                tenant_id=tenant_id)


def make_party(*, id: str = CUSTOMER_ID, kind: PartyKind = PartyKind.CUSTOMER,
               email: str | None = "einkauf@kunde.example", tenant_id: str = TENANT_ID,
               company: str = "Kunde AG", contact_name: str = "Karl Kunde",
               address: Address | None = None) -> Party:
    return Party(id=id, tenant_id=tenant_id, kind=kind, company=company,
                 contact_name=contact_name, email=email, address=address or make_address())


def make_prospect(*, id: str = "prospect-1",
                  email: str | None = "info@interessent.example") -> Party:
    return make_party(id=id, kind=PartyKind.PROSPECT, email=email, company="Interessent GmbH")


def make_contract(*, id: str = "contract-1", customer_id: str = CUSTOMER_ID,
                  contract_number: str = "V-1000", product_code: str = "centraflex-10",
                  state: ContractState = ContractState.RUNNING,
                  start_date: date = date(2022, 1, 1), minimum_term_months: int = 12,
                  change_request: ChangeRequestState = ChangeRequestState.NONE,
                  tenant_id: str = TENANT_ID) -> Contract:
    return Contract(id=id, tenant_id=tenant_id, customer_id=customer_id,
                    contract_number=contract_number, product_code=product_code, state=state,
                    start_date=start_date, minimum_term_months=minimum_term_months,
                    change_request=change_request)


def make_location(*phone_numbers: str, address: Address | None = None) -> UsageLocation:
    return UsageLocation(address=address or make_address(), phone_numbers=phone_numbers)


def make_item(product_code: str = "centraflex-10", *, quantity: int = 1,
              options: Iterable[SelectedOption] = (),
              usage_locations: Iterable[UsageLocation] | None = None,
              business_transaction: BusinessTransaction | None = None) -> CartItem:
    """A valid item by default: every catalog product needs one usage location."""
    locations = (make_location(),) if usage_locations is None else tuple(usage_locations)
    return CartItem(product_code=product_code, quantity=quantity, options=tuple(options),
                    usage_locations=locations, business_transaction=business_transaction)


def make_cart(*, id: str = "cart-1", customer_id: str = CUSTOMER_ID,
              business_transaction: BusinessTransaction = BusinessTransaction.NEW_ORDER,
              contract_id: str | None = None, state: CartState = CartState.OPEN,
              created_by: str = "user-1", items: Iterable[CartItem] | None = None,
              tenant_id: str = TENANT_ID) -> Cart:
    return Cart(id=id, tenant_id=tenant_id, customer_id=customer_id,
                business_transaction=business_transaction, contract_id=contract_id,
                state=state, created_by=created_by,
                items=(make_item(),) if items is None else tuple(items))


def make_quote(*, id: str = "quote-1", cart_id: str = "cart-1",
               state: QuoteState = QuoteState.SENT, created_by: str = "user-1",
               created_at: datetime = NOW, valid_until: date = date(2024, 7, 15),
               provider_approval_required: bool = False, provider_approved: bool = False,
               approver_email: str | None = None,
               extra_recipient: str | None = None) -> Quote:
    return Quote(id=id, cart_id=cart_id, state=state, created_by=created_by,
                 created_at=created_at, valid_until=valid_until,
                 provider_approval_required=provider_approval_required,
                 provider_approved=provider_approved, approver_email=approver_email,
                 extra_recipient=extra_recipient)


def make_context(transaction: BusinessTransaction = BusinessTransaction.REORDER, *,
                 party: Party | None = None, contract: Contract | None = None,
                 other_open_cart_ids: tuple[str, ...] = (),
                 other_open_carts: tuple[OpenCart, ...] = (),
                 today: date = TODAY) -> TransactionContext:
    """`other_open_cart_ids` are open contract-extension carts (the common blocking case)."""
    others = other_open_carts + tuple(OpenCart(cart_id, BusinessTransaction.CONTRACT_EXTENSION)
                                      for cart_id in other_open_cart_ids)
    return TransactionContext(transaction=transaction, party=party or make_party(),
                              contract=contract, other_open_carts=others, today=today)


def codes(violations: Iterable[Violation]) -> list[str]:
    return [found.code for found in violations]


def assert_well_formed(found: Violation) -> None:
    """Both messages are present, differ (really translated) and have no unfilled fields."""
    assert found.message_de.strip()
    assert found.message_en.strip()
    assert found.message_de != found.message_en
    for text in (found.message_de, found.message_en):
        assert "{" not in text
        assert "}" not in text


def only(violations: Iterable[Violation], code: str) -> Violation:
    """The single violation with `code`, checked for well-formed messages."""
    violations = list(violations)
    matching = [found for found in violations if found.code == code]
    assert len(matching) == 1, f"expected exactly one {code}, got {codes(violations)}"
    assert_well_formed(matching[0])
    return matching[0]


def assert_violation(violations: Iterable[Violation], code: str, field: str | None) -> Violation:
    """Exactly one violation with `code`, on `field`, with two well-formed messages."""
    violations = list(violations)
    found = only(violations, code)
    assert found.field == field
    return found


def assert_no(violations: Iterable[Violation], code: str) -> None:
    assert code not in codes(violations)
