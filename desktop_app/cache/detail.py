"""Queries for one order with everything around it, carts, quotes and documents."""

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.cache.records import (
    CartSummary,
    ContractInfo,
    CustomerInfo,
    DocumentInfo,
    ItemDetail,
    OptionDetail,
    OrderDetail,
    QuoteSummary,
    RecipientDetail,
    StatusEventDetail,
    UsageLocationDetail,
)
from desktop_app.cache.schema import (
    CartRow,
    ContractRow,
    CustomerRow,
    OrderDetailRow,
    OrderDocumentRow,
    OrderRow,
    QuoteRow,
)
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


def _strings(text: str) -> tuple[str, ...]:
    return tuple(str(value) for value in json.loads(text))


def customer_info(row: CustomerRow) -> CustomerInfo:
    return CustomerInfo(
        row.id, row.tenant_id, PartyKind(row.kind), row.customer_number, row.company,
        row.contact_name, row.email, row.street, row.postal_code, row.city, row.country,
        row.updated_at,
    )  # fmt: skip


def contract_info(row: ContractRow) -> ContractInfo:
    return ContractInfo(
        row.id, row.tenant_id, row.customer_id, row.contract_number, row.product_code,
        ContractState(row.state), row.start_date, row.minimum_term_months,
        row.minimum_term_end, ChangeRequestState(row.change_request), row.updated_at,
    )  # fmt: skip


def document_info(row: OrderDocumentRow) -> DocumentInfo:
    return DocumentInfo(
        row.id, row.order_id, row.kind, row.title_de, row.title_en, row.filename,
        row.media_type, row.size, row.sha256, row.local_path, row.local_sha256,
        row.downloaded_at,
    )  # fmt: skip


def _cart_summary(row: CartRow, customer_name: str | None) -> CartSummary:
    items: list[dict[str, Any]] = json.loads(row.items)
    return CartSummary(
        row.id, row.tenant_id, row.customer_id, customer_name,
        BusinessTransaction(row.business_transaction), row.contract_id, CartState(row.state),
        len(items), tuple(str(item.get("product_name_de", "")) for item in items),
        tuple(str(item.get("product_name_en", "")) for item in items), row.monthly_net_cents,
        row.monthly_gross_cents, row.one_time_net_cents, row.one_time_gross_cents,
        row.quote_id, row.created_by, row.created_at, row.updated_at,
    )  # fmt: skip


def _quote_summary(row: QuoteRow, customer_name: str | None) -> QuoteSummary:
    return QuoteSummary(
        row.id, row.quote_number, row.cart_id, row.tenant_id, row.customer_id, customer_name,
        QuoteState(row.state), row.created_by, row.created_by_name, row.created_at,
        row.valid_until, row.sent_at, _strings(row.sent_to), row.extra_recipient,
        row.approver_email, row.customer_decided_at, row.provider_approval_required,
        row.provider_approved_by, row.provider_approved_at, row.monthly_net_cents,
        row.monthly_gross_cents, row.one_time_net_cents, row.one_time_gross_cents,
        row.updated_at,
    )  # fmt: skip


def cart_summaries(
    session: Session, ids: Sequence[str] | None = None, limit: int | None = None
) -> list[CartSummary]:
    """Carts, newest change first (all, or those with the given ids)."""
    statement = (
        select(CartRow, CustomerRow.company)
        .outerjoin(CustomerRow, CustomerRow.id == CartRow.customer_id)
        .order_by(CartRow.updated_at.desc(), CartRow.id)
        .limit(limit)
    )
    if ids is not None:
        statement = statement.where(CartRow.id.in_(list(ids)))
    return [_cart_summary(cart, company) for cart, company in session.execute(statement)]


def quote_summaries(
    session: Session, ids: Sequence[str] | None = None, limit: int | None = None
) -> list[QuoteSummary]:
    """Quotes, newest change first (all, or those with the given ids)."""
    statement = (
        select(QuoteRow, CustomerRow.company)
        .outerjoin(CustomerRow, CustomerRow.id == QuoteRow.customer_id)
        .order_by(QuoteRow.updated_at.desc(), QuoteRow.id)
        .limit(limit)
    )
    if ids is not None:
        statement = statement.where(QuoteRow.id.in_(list(ids)))
    return [_quote_summary(quote, company) for quote, company in session.execute(statement)]


def carts_and_quotes(
    session: Session, limit: int | None = None
) -> tuple[list[CartSummary], list[QuoteSummary]]:
    """All cached carts and quotes (newest change first), for the cart/quote views."""
    return cart_summaries(session, limit=limit), quote_summaries(session, limit=limit)


def _phone_numbers(values: list[Any]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def _items(items_json: str) -> tuple[ItemDetail, ...]:
    """The order's items from their wire JSON (CartItemOut), in the order's item order."""
    items = []
    for i in json.loads(items_json):
        options = tuple(
            OptionDetail(
                o["code"],
                o["name_de"],
                o["name_en"],
                o["quantity"],
                _phone_numbers(o["phone_numbers"]),
                o["monthly_net_cents"],
                o["one_time_net_cents"],
            )
            for o in i["options"]
        )
        locations = tuple(
            UsageLocationDetail(
                u["address"]["street"],
                u["address"]["postal_code"],
                u["address"]["city"],
                u["address"]["country"],
                _phone_numbers(u["phone_numbers"]),
            )
            for u in i["usage_locations"]
        )
        items.append(ItemDetail(
            i["product_code"], i["product_name_de"], i["product_name_en"], i["family"],
            i["quantity"], i["monthly_net_cents"], i["one_time_net_cents"],
            bool(i.get("automatic", False)), options, locations,
        ))  # fmt: skip
    return tuple(items)


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _history(history_json: str) -> tuple[StatusEventDetail, ...]:
    """Status events (StatusEventOut JSON), oldest first; equal times keep the feed's order."""
    events = [
        StatusEventDetail(OrderStatus(e["status"]), _aware(e["at"]), e.get("note"))
        for e in json.loads(history_json)
    ]
    events.sort(key=lambda event: event.at)
    return tuple(events)


def _recipients(recipients_json: str) -> tuple[RecipientDetail, ...]:
    return tuple(
        RecipientDetail(r["email"], tuple(RecipientSource(s) for s in r["sources"]))
        for r in json.loads(recipients_json)
    )


_NO_LISTS = ("[]", "[]", "[]")


def order_detail(session: Session, order_id: str) -> OrderDetail | None:
    """One order with items, history (oldest first), documents, recipients and, where they
    are cached, its customer, contract, cart and quote; None if the order is not cached."""
    o = session.scalars(select(OrderRow).where(OrderRow.id == order_id)).one_or_none()
    if o is None:
        return None
    lists = session.get(OrderDetailRow, order_id)
    items_json, history_json, recipients_json = (
        (lists.items_json, lists.history_json, lists.recipients_json) if lists else _NO_LISTS
    )
    documents = tuple(
        document_info(d)
        for d in session.scalars(
            select(OrderDocumentRow)
            .where(OrderDocumentRow.order_id == order_id)
            .order_by(OrderDocumentRow.position)
        )
    )
    customer = session.get(CustomerRow, o.customer_id)
    contract = session.get(ContractRow, o.contract_id) if o.contract_id else None
    carts = cart_summaries(session, [o.cart_id])
    quotes = quote_summaries(session, [o.quote_id]) if o.quote_id else []
    return OrderDetail(
        o.id, o.order_number, o.created_at, o.customer_id, o.customer_name, o.tenant_id,
        o.tenant_name, BusinessTransaction(o.business_transaction),
        ProductFamily(o.product_family), o.product_code, o.product_name_de, o.product_name_en,
        OrderStatus(o.status), o.contract_id, o.contract_number, o.clearing_note,
        o.created_by, o.created_by_name, o.quote_id, o.quote_number, o.cart_id,
        AutomationDegree(o.automation), o.expected_completion_at, o.approver_email,
        o.quote_created_by_name, o.monthly_net_cents, o.monthly_gross_cents,
        o.one_time_net_cents, o.one_time_gross_cents, o.updated_at,
        _items(items_json), _history(history_json), documents, _recipients(recipients_json),
        customer_info(customer) if customer else None,
        contract_info(contract) if contract else None,
        carts[0] if carts else None,
        quotes[0] if quotes else None,
    )  # fmt: skip


def document(session: Session, document_id: str) -> DocumentInfo | None:
    row = session.get(OrderDocumentRow, document_id)
    return document_info(row) if row else None


def documents_to_prefetch(session: Session, recent_orders: int) -> list[DocumentInfo]:
    """Documents of the `recent_orders` newest orders that have no local copy yet."""
    recent = select(OrderRow.id).order_by(OrderRow.created_at.desc()).limit(recent_orders)
    statement = (
        select(OrderDocumentRow)
        .where(OrderDocumentRow.order_id.in_(recent.scalar_subquery()))
        .where(OrderDocumentRow.local_path.is_(None))
        .order_by(OrderDocumentRow.order_id, OrderDocumentRow.position)
    )
    return [document_info(row) for row in session.scalars(statement)]
