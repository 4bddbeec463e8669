"""Issue 12, item 8: both documents name the business transaction as the app does
("Neubestellung", the catalog's term), and a completed order's letter says its contract number
instead of promising to tell it later."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import save_catalog
from desktop_app.contract.meta import BusinessTransactionOut
from desktop_app.documents.output import confirmation_pdf, transaction_labels
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from desktop_app.domain.transaction_names import TRANSACTION_NAMES
from desktop_app.server.pdfs import render_confirmation
from desktop_app.server.routes.meta import TRANSACTION_LABELS

from tests.cache import records
from tests.documents import support
from tests.gui import orders
from tests.sync.support import detail_as_order

PROMISE_DE = "teilen wir Ihnen mit"
PROMISE_EN = "tell you the contract number"


@pytest.fixture
def store(tmp_path: Path, qapp: object) -> Iterator[CacheStore]:
    opened = CacheStore(tmp_path / "cache.sqlite3")
    support.fill(opened, [
        records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-10000001"),
        records.order(2, status=OrderStatus.RECEIVED),
        records.order(3, transaction=BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER),
    ])  # fmt: skip
    served = [
        BusinessTransactionOut(
            code=code, label_de=de, label_en=en, acts_on_contract=code.acts_on_contract
        )
        for code, (de, en) in TRANSACTION_NAMES.items()
    ]  # what the backend serves
    save_catalog(opened, statuses=orders.STATUSES, business_transactions=served)
    yield opened
    opened.dispose()


def _texts(store: CacheStore, order_id: str, language: str = "de") -> tuple[str, str]:
    detail = support.detail_of(store, order_id)
    with store.session() as session:
        labels = transaction_labels(session)
    ours = confirmation_pdf(detail, language, labels)[0]  # type: ignore[arg-type]
    theirs = render_confirmation(detail_as_order(detail))
    return (support.flat(" ".join(support.pages_text(ours))),
            support.flat(" ".join(support.pages_text(theirs))))  # fmt: skip


def test_the_catalog_and_the_backend_pdf_use_one_name_per_transaction() -> None:
    assert TRANSACTION_NAMES[BusinessTransaction.NEW_ORDER] == ("Neubestellung", "New order")
    assert "Neuauftrag" not in " ".join(de for de, _en in TRANSACTION_NAMES.values())
    assert TRANSACTION_LABELS is TRANSACTION_NAMES  # the catalog the backend serves


@pytest.mark.parametrize(("order_id", "name"), [
    ("order-000002", "Neubestellung"), ("order-000003", "Produktwechsel mit Neubestellung"),
])  # fmt: skip
def test_both_documents_name_the_transaction_alike(
    store: CacheStore, order_id: str, name: str
) -> None:
    ours, theirs = _texts(store, order_id)
    assert f"Geschäftsvorfall {name}" in ours
    assert f"Geschäftsvorfall {name}" in theirs
    assert "Neuauftrag" not in ours and "Neuauftrag" not in theirs


def test_a_completed_order_says_its_contract_number(store: CacheStore) -> None:
    ours, theirs = _texts(store, "order-000001")
    for text in (ours, theirs):
        assert PROMISE_DE not in text
        assert "Der Auftrag ist bearbeitet; er gilt unter der Vertragsnummer VT-10000001." in text
    english, _ = _texts(store, "order-000001", "en")
    assert PROMISE_EN not in english
    assert "it runs under contract number VT-10000001." in english


def test_an_open_order_still_promises_the_number(store: CacheStore) -> None:
    ours, theirs = _texts(store, "order-000002")
    assert PROMISE_DE in ours and PROMISE_DE in theirs


def test_without_a_cached_catalog_the_letter_uses_the_same_names(store: CacheStore) -> None:
    detail = support.detail_of(store, "order-000002")
    text = support.flat(" ".join(support.pages_text(confirmation_pdf(detail, "de")[0])))
    assert "Geschäftsvorfall Neubestellung" in text
