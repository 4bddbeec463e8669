"""One made-up order for the self-test, written through the cache writer like a feed page."""

from datetime import UTC, datetime, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, record_of
from desktop_app.contract.carts import CartItemOut, Totals
from desktop_app.contract.orders import DocumentOut, OrderOut, RecipientOut, StatusEventOut
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
    RecipientSource,
)

__all__ = ["SAMPLE_ORDER_ID", "SAMPLE_ORDER_NUMBER", "sample_order", "write_sample_order"]

SAMPLE_ORDER_ID = "self-test-order"
SAMPLE_ORDER_NUMBER = "AU-00000001"


def sample_order(now: datetime | None = None) -> OrderOut:
    created = now or datetime.now(UTC)
    return OrderOut(
        id=SAMPLE_ORDER_ID, order_number=SAMPLE_ORDER_NUMBER, tenant_id="self-test",
        tenant_name="Selbsttest GmbH", customer_id="self-test-customer",
        customer_name="Müller Elektro GmbH", cart_id="self-test-cart", quote_id=None,
        quote_number=None, business_transaction=BusinessTransaction.NEW_ORDER,
        product_family=ProductFamily.CENTRAFLEX, product_code="centraflex-10",
        product_name_de="Tengo Centraflex 10 Nutzer", product_name_en="Tengo Centraflex 10 users",
        status=OrderStatus.RECEIVED, clearing_note=None, automation=AutomationDegree.FULL,
        expected_completion_at=created + timedelta(hours=1), created_at=created,
        created_by="self-test", created_by_name="Selbsttest", quote_created_by_name=None,
        approver_email=None, contract_id=None, contract_number=None,
        items=[CartItemOut(
            product_code="centraflex-10", product_name_de="Tengo Centraflex 10 Nutzer",
            product_name_en="Tengo Centraflex 10 users", family=ProductFamily.CENTRAFLEX.value,
            quantity=1, options=[], usage_locations=[], monthly_net_cents=9900,
            one_time_net_cents=4900,
        )],
        totals=Totals(monthly_net_cents=9900, monthly_gross_cents=11781,
                      one_time_net_cents=4900, one_time_gross_cents=5831),
        history=[StatusEventOut(status=OrderStatus.RECEIVED, at=created)],
        documents=[DocumentOut(
            id=f"{SAMPLE_ORDER_ID}.confirmation", order_id=SAMPLE_ORDER_ID, kind="confirmation",
            title_de="Auftragseingangsbestätigung", title_en="Order-receipt confirmation",
            filename="AEB-self-test.pdf", media_type="application/pdf",
        )],
        recipients=[RecipientOut(email="info@mueller.example",
                                 sources=[RecipientSource.CUSTOMER_MASTER_DATA])],
        updated_at=created,
    )  # fmt: skip


def write_sample_order(store: CacheStore) -> str:
    """Write the sample order as one feed page; returns its id."""
    apply_page(store, [record_of(sample_order())], [], cursor="self-test")
    return SAMPLE_ORDER_ID
