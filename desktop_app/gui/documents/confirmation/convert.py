"""The backend's confirmation as the cache's OrderDetail, so one view shows both: right after
submitting (from the response) and later (from the cache, offline too)."""

from desktop_app.cache.records import (
    CustomerInfo,
    DocumentInfo,
    ItemDetail,
    OptionDetail,
    OrderDetail,
    RecipientDetail,
    StatusEventDetail,
    UsageLocationDetail,
)
from desktop_app.contract.carts import CartItemOut
from desktop_app.contract.orders import OrderConfirmation


def _item(item: CartItemOut) -> ItemDetail:
    return ItemDetail(
        item.product_code, item.product_name_de, item.product_name_en, item.family,
        item.quantity, item.monthly_net_cents, item.one_time_net_cents, item.automatic,
        tuple(OptionDetail(o.code, o.name_de, o.name_en, o.quantity, tuple(o.phone_numbers),
                           o.monthly_net_cents, o.one_time_net_cents) for o in item.options),
        tuple(UsageLocationDetail(u.address.street, u.address.postal_code, u.address.city,
                                  u.address.country, tuple(u.phone_numbers))
              for u in item.usage_locations),
    )  # fmt: skip


def detail_from_confirmation(confirmation: OrderConfirmation,
                             customer: CustomerInfo | None = None) -> OrderDetail:
    o = confirmation.order
    documents = tuple(
        DocumentInfo(d.id, d.order_id, d.kind, d.title_de, d.title_en, d.filename,
                     d.media_type, d.size, d.sha256, None, None, None)
        for d in confirmation.documents
    )  # fmt: skip
    return OrderDetail(
        o.id, o.order_number, o.created_at, o.customer_id, o.customer_name, o.tenant_id,
        o.tenant_name, o.business_transaction, o.product_family, o.product_code,
        o.product_name_de, o.product_name_en, o.status, o.contract_id, o.contract_number,
        o.clearing_note, o.created_by, o.created_by_name, o.quote_id, o.quote_number,
        o.cart_id, o.automation, o.expected_completion_at, o.approver_email,
        o.quote_created_by_name, o.totals.monthly_net_cents, o.totals.monthly_gross_cents,
        o.totals.one_time_net_cents, o.totals.one_time_gross_cents, o.updated_at,
        tuple(_item(item) for item in o.items),
        tuple(StatusEventDetail(e.status, e.at, e.note) for e in o.history),
        documents,
        tuple(RecipientDetail(r.email, tuple(r.sources)) for r in confirmation.recipients),
        customer, None, None, None,
    )  # fmt: skip
