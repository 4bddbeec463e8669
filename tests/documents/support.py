"""Orders in a cache for the document tests, and reading PDFs back (pypdf)."""

import io
import re
from collections import Counter
from pathlib import Path

from desktop_app.cache.detail import order_detail
from desktop_app.cache.records import OrderDetail
from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page
from desktop_app.contract.orders import OrderOut
from pypdf import PdfReader

from tests.cache import records
from tests.gui import orders

MARKUP_CUSTOMER = "<b>ACME</b> & Söhne"


def short_order(number: int = 1, **changes: object) -> OrderOut:
    return records.order(number, contract_number="VT-10000001", **changes)  # type: ignore[arg-type]


def long_order(number: int = 2, items: int = 60) -> OrderOut:
    return records.order(number, items=[records.item(options=0, locations=0)
                                        for _ in range(items)])


def fill(store: CacheStore, wanted: list[OrderOut]) -> None:
    orders.fill(store, wanted)
    apply_page(store, records.upserts([records.party()]), [], "party")


def detail_of(store: CacheStore, order_id: str) -> OrderDetail:
    with store.session() as session:
        detail = order_detail(session, order_id)
    assert detail is not None
    return detail


def pages_text(pdf: bytes | Path) -> list[str]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Whitespace folded to single spaces (text extraction breaks lines where it likes)."""
    return re.sub(r"\s+", " ", text)


_AMOUNT = re.compile(r"-?\d{1,3}(?:\.\d{3})*,\d{2}")


def amounts(text: str) -> Counter[str]:
    """Every German money amount in the text ("1.234,56"), counted."""
    return Counter(_AMOUNT.findall(text))
