"""A small cache for the panel tests: orders with and without customer, quote, contract,
clearing note and documents, plus the status and business-transaction catalogs."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from desktop_app.cache import queries, writer
from desktop_app.cache.records import BusinessTransactionInfo, OrderDetail, StatusInfo
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import Model
from desktop_app.contract.carts import Totals
from desktop_app.contract.meta import BusinessTransactionOut, StatusOut
from desktop_app.contract.orders import DocumentOut, OrderOut, StatusEventOut
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from desktop_app.domain.processing import STATUS_CATALOG
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QWidget

from tests.cache import records

COMPLETE = "order-000001"  # customer, cart, quote and contract cached; two documents
CLEARING = "order-000002"  # prospect not cached, no quote, no contract, clearing note
UNCACHED_LINKS = "order-000003"  # quote and contract numbers known, records not cached

BIG_TOTALS = Totals(
    monthly_net_cents=123456, monthly_gross_cents=146913, one_time_net_cents=4990,
    one_time_gross_cents=5938,
)  # fmt: skip


Catalogs = tuple[list[StatusInfo], list[BusinessTransactionInfo]]

def _complete() -> OrderOut:
    order = records.order(
        1, status=OrderStatus.COMPLETED, contract_number="VT-10000001",
        items=[records.item(options=2, locations=2, quantity=3)],
        document_ids=["doc-confirmation", "doc-terms"],
    )  # fmt: skip
    terms = DocumentOut(
        id="doc-terms", order_id=order.id, kind="terms", title_de="Leistungsbeschreibung",
        title_en="Service description", filename="LB-1.pdf", media_type="application/pdf",
        size=2_400_000, sha256=None,
    )  # fmt: skip
    return order.model_copy(update={"totals": BIG_TOTALS,
                                    "documents": [order.documents[0], terms]})  # fmt: skip


def _clearing() -> OrderOut:
    order = records.order(
        2, status=OrderStatus.IN_PROCESSING, customer_id="party-9",
        customer_name="Neumann Logistik KG", cart_id="cart-2", quote_id=None, document_ids=[],
        transaction=BusinessTransaction.REORDER, product_code="ipfonie-trunk-30",
    )  # fmt: skip
    later = order.history[-1].at + timedelta(hours=3)
    history = [*order.history,
               StatusEventOut(status=OrderStatus.IN_PROCESSING, at=later,
                              note="Rufnummernportierung wartet auf den Altanbieter")]  # fmt: skip
    return order.model_copy(update={"history": history})


def _uncached_links() -> OrderOut:
    return records.order(3, status=OrderStatus.COMPLETED, contract_number="VT-10000003",
                         cart_id="cart-3", quote_id="quote-3")  # fmt: skip


def fill(store: CacheStore) -> None:
    models: list[Model] = [
        _complete(), _clearing(), _uncached_links(), records.party(), records.cart(),
        records.quote(), records.contract("VT-10000001"),
    ]  # fmt: skip
    writer.apply_page(store, records.upserts(models), [], "c1")
    writer.save_catalog(
        store,
        statuses=[StatusOut(code=s.status, label_de=s.label_de, label_en=s.label_en,
                            explanation_de=s.explanation_de, explanation_en=s.explanation_en)
                  for s in STATUS_CATALOG],
        business_transactions=[
            BusinessTransactionOut(code=BusinessTransaction.NEW_ORDER, label_de="Neuauftrag",
                                   label_en="New order", acts_on_contract=False),
            BusinessTransactionOut(code=BusinessTransaction.REORDER, label_de="Nachbestellung",
                                   label_en="Reorder", acts_on_contract=True),
        ],
    )  # fmt: skip


def open_filled(path: Path) -> Iterator[CacheStore]:
    for store in records.open_store(path):
        fill(store)
        yield store


def detail(store: CacheStore, order_id: str) -> OrderDetail:
    with store.session() as session:
        found = queries.order_detail(session, order_id)
    assert found is not None, order_id
    return found


@contextmanager
def german_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def visible_texts(root: QWidget) -> list[str]:
    """What a clerk can read: labels, buttons and list entries that are shown."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root) and w.text()]
    texts += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    for view in root.findChildren(QListWidget):
        if view.isVisibleTo(root):
            texts += [view.item(row).text() for row in range(view.count())]
    return texts


def shows(root: QWidget, fragment: str) -> bool:
    return any(fragment in text for text in visible_texts(root))
