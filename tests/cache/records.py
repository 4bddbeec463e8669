"""Factories for wire models (OrderOut, PartyOut, ...) the cache tests feed to the writer
(through `upserts`, as the records the sync validates into)."""

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import Model, Upsert, record_of
from desktop_app.contract.carts import (
    CartItemOut,
    CartOut,
    QuoteOut,
    SelectedOptionOut,
    Totals,
    UsageLocationOut,
)
from desktop_app.contract.orders import DocumentOut, OrderOut, RecipientOut, StatusEventOut
from desktop_app.contract.parties import AddressOut, ContractOut, PartyOut
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

BASE_TIME = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

PRODUCTS: dict[str, tuple[ProductFamily, str, str]] = {
    "centraflex-10": (ProductFamily.CENTRAFLEX, "Tengo Centraflex 10 Nutzer",
                      "Tengo Centraflex 10 users"),
    "ipfonie-trunk-30": (ProductFamily.IPFONIE, "IPfonie SIP-Trunk 30 Kanäle",
                         "IPfonie SIP trunk 30 channels"),
    "internet-dsl-250": (ProductFamily.INTERNET, "Internet DSL 250 Mbit/s",
                         "Internet DSL 250 Mbit/s"),
}  # fmt: skip

TOTALS = Totals(
    monthly_net_cents=10000, monthly_gross_cents=11900, one_time_net_cents=5000,
    one_time_gross_cents=5950,
)  # fmt: skip


def address(street: str = "Hauptstraße 1") -> AddressOut:
    return AddressOut(street=street, postal_code="20095", city="Hamburg", country="DE")


def item(product_code: str = "centraflex-10", *, options: int = 1, locations: int = 1,
         quantity: int = 1) -> CartItemOut:  # fmt: skip
    family, name_de, name_en = PRODUCTS[product_code]
    return CartItemOut(
        product_code=product_code,
        product_name_de=name_de,
        product_name_en=name_en,
        family=family.value,
        quantity=quantity,
        options=[
            SelectedOptionOut(
                code=f"opt-{n}", name_de=f"Option {n}", name_en=f"Option {n} en", quantity=n + 1,
                phone_numbers=[f"+4940123{n}"] if n % 2 == 0 else [], monthly_net_cents=100 * n,
                one_time_net_cents=0,
            )
            for n in range(options)
        ],
        usage_locations=[
            UsageLocationOut(address=address(f"Weg {n}"), phone_numbers=["+4940999", "+4940998"])
            for n in range(locations)
        ],
        monthly_net_cents=9900,
        one_time_net_cents=4900,
    )


def order(
    number: int = 1,
    *,
    order_id: str | None = None,
    customer_name: str = "Müller Elektro GmbH",
    customer_id: str = "party-1",
    product_code: str = "centraflex-10",
    status: OrderStatus = OrderStatus.RECEIVED,
    transaction: BusinessTransaction = BusinessTransaction.NEW_ORDER,
    contract_number: str | None = None,
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
    created_by: str = "u-1",
    items: list[CartItemOut] | None = None,
    document_ids: list[str] | None = None,
    document_sha256: str | None = None,
    cart_id: str = "cart-1",
    quote_id: str | None = "quote-1",
) -> OrderOut:
    oid = order_id or f"order-{number:06d}"
    created = created_at or BASE_TIME + timedelta(hours=number)
    family, name_de, name_en = PRODUCTS[product_code]
    history = [StatusEventOut(status=OrderStatus.RECEIVED, at=created)]
    if status is not OrderStatus.RECEIVED:
        history.append(
            StatusEventOut(
                status=OrderStatus.IN_PROCESSING, at=created + timedelta(hours=1), note="Clearing"
            )
        )
    if status is OrderStatus.COMPLETED:
        history.append(StatusEventOut(status=OrderStatus.COMPLETED, at=created + timedelta(days=1)))
    docs = document_ids if document_ids is not None else [f"{oid}.confirmation"]
    return OrderOut(
        id=oid,
        order_number=f"AU-{number:08d}",
        tenant_id="t-nord",
        tenant_name="Nordlicht GmbH",
        customer_id=customer_id,
        customer_name=customer_name,
        cart_id=cart_id,
        quote_id=quote_id,
        quote_number="AN-00000001" if quote_id else None,
        business_transaction=transaction,
        product_family=family,
        product_code=product_code,
        product_name_de=name_de,
        product_name_en=name_en,
        status=status,
        clearing_note="Nutzungsort wird geprüft" if status is OrderStatus.IN_PROCESSING else None,
        automation=AutomationDegree.PARTIAL,
        expected_completion_at=created + timedelta(days=2),
        created_at=created,
        created_by=created_by,
        created_by_name="Max Nordmann",
        quote_created_by_name="Max Nordmann" if quote_id else None,
        approver_email="freigabe@mueller.example" if quote_id else None,
        contract_id=f"contract-{contract_number}" if contract_number else None,
        contract_number=contract_number,
        items=items if items is not None else [item(product_code)],
        totals=TOTALS,
        history=history,
        documents=[
            DocumentOut(
                id=doc_id, order_id=oid, kind="confirmation",
                title_de="Auftragseingangsbestätigung",
                title_en="Order-receipt confirmation", filename=f"AEB-{number}.pdf",
                media_type="application/pdf", size=1234, sha256=document_sha256,
            )
            for doc_id in docs
        ],
        recipients=[
            RecipientOut(email="info@mueller.example",
                         sources=[RecipientSource.CUSTOMER_MASTER_DATA]),
            RecipientOut(email="max@nordlicht.example",
                         sources=[RecipientSource.CONFIRMING_USER, RecipientSource.QUOTE_CREATOR]),
        ],
        updated_at=updated_at or created + timedelta(minutes=5),
    )


def party(party_id: str = "party-1", company: str = "Müller Elektro GmbH") -> PartyOut:
    return PartyOut(
        id=party_id, tenant_id="t-nord", kind=PartyKind.CUSTOMER, customer_number="KD-100001",
        company=company, contact_name="Jana Müller", email="info@mueller.example",
        address=address(), updated_at=BASE_TIME,
    )  # fmt: skip


def contract(number: str = "VT-10000001", customer_id: str = "party-1") -> ContractOut:
    return ContractOut(
        id=f"contract-{number}", tenant_id="t-nord", customer_id=customer_id,
        contract_number=number, product_code="centraflex-10", state=ContractState.RUNNING,
        start_date=date(2025, 3, 12), minimum_term_months=24, minimum_term_end=date(2027, 3, 12),
        change_request=ChangeRequestState.NONE, updated_at=BASE_TIME,
    )  # fmt: skip


def cart(cart_id: str = "cart-1", customer_id: str = "party-1") -> CartOut:
    return CartOut(
        id=cart_id, tenant_id="t-nord", customer_id=customer_id,
        business_transaction=BusinessTransaction.NEW_ORDER, contract_id=None,
        state=CartState.ORDERED, items=[item()], totals=TOTALS, quote_id="quote-1",
        created_by="u-1", created_at=BASE_TIME, updated_at=BASE_TIME,
    )  # fmt: skip


def quote(quote_id: str = "quote-1", cart_id: str = "cart-1", *,
          state: QuoteState = QuoteState.ORDERED, created_by: str = "u-1",
          quote_number: str = "AN-00000001", customer_id: str = "party-1",
          updated_at: datetime = BASE_TIME) -> QuoteOut:  # fmt: skip
    return QuoteOut(
        id=quote_id, quote_number=quote_number, cart_id=cart_id, tenant_id="t-nord",
        customer_id=customer_id, state=state, created_by=created_by,
        created_by_name="Max Nordmann", created_at=BASE_TIME, valid_until=date(2025, 4, 10),
        sent_at=BASE_TIME, sent_to=["info@mueller.example"], extra_recipient=None,
        approver_email="freigabe@mueller.example", customer_decided_at=BASE_TIME,
        provider_approval_required=False, provider_approved_by=None, provider_approved_at=None,
        totals=TOTALS, updated_at=updated_at,
    )  # fmt: skip


def upserts(models: Sequence[Model]) -> list[Upsert]:
    """The models as the (kind, record) pairs `apply_page` takes."""
    return [record_of(model) for model in models]


def open_store(path: Path) -> Iterator[CacheStore]:
    """For the `store` fixtures (tests/cache/conftest.py, and modules that fill it)."""
    store = CacheStore(path)
    yield store
    store.dispose()
