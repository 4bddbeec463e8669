"""Issue 12, item 22 (part): a typical confirmation fits on one page. A realistic product
change — six options, two usage locations with phone numbers, the automatic fee, five
recipients, a clearing note — spilled a few lines onto page 2."""

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.contract.carts import CartItemOut, SelectedOptionOut, Totals, UsageLocationOut
from desktop_app.contract.orders import OrderOut, RecipientOut, StatusEventOut
from desktop_app.documents.formats import DocumentLanguage
from desktop_app.documents.output import confirmation_pdf
from desktop_app.domain.catalog import gross_cents, product_by_code
from desktop_app.domain.enums import BusinessTransaction, OrderStatus, RecipientSource
from desktop_app.server.pdfs import render_confirmation

from tests.cache import records
from tests.documents import support
from tests.sync.support import detail_as_order

NUMBERS = ["+494012345670", "+494012345671"]


def _item(code: str, options: dict[str, int], locations: int = 0,
          automatic: bool = False) -> CartItemOut:  # fmt: skip
    product = product_by_code(code)
    assert product is not None
    chosen = []
    for option_code, quantity in options.items():
        offered = product.option(option_code)
        assert offered is not None
        chosen.append(SelectedOptionOut(
            code=offered.code, name_de=offered.name_de, name_en=offered.name_en,
            quantity=quantity, phone_numbers=NUMBERS if option_code == "number-porting" else [],
            monthly_net_cents=offered.monthly_cents * quantity,
            one_time_net_cents=offered.one_time_cents * quantity))  # fmt: skip
    place = product.option("usage-location")
    monthly = product.monthly_cents + sum(o.monthly_net_cents for o in chosen)
    one_time = product.one_time_cents + sum(o.one_time_net_cents for o in chosen)
    one_time += (place.one_time_cents if place else 0) * locations
    return CartItemOut(
        product_code=code, product_name_de=product.name_de, product_name_en=product.name_en,
        family=product.family.value, quantity=1, options=chosen,
        usage_locations=[UsageLocationOut(address=records.address(f"Hafenstraße {n + 12}"),
                                          phone_numbers=[f"+4940555000{n}", f"+4940555001{n}"])
                         for n in range(locations)],
        monthly_net_cents=monthly, one_time_net_cents=one_time, automatic=automatic)  # fmt: skip


def realistic_order() -> OrderOut:
    items = [
        _item("centraflex-50", {"number-porting": 2, "flat-de": 1, "flat-mobile": 1,
                                "minutes-1000": 2, "encryption": 1}, locations=2),
        _item("fee-product-change", {}, automatic=True),
    ]  # fmt: skip
    monthly = sum(i.monthly_net_cents for i in items)
    one_time = sum(i.one_time_net_cents for i in items)
    order = records.order(21, status=OrderStatus.IN_PROCESSING, items=items,
                          transaction=BusinessTransaction.PRODUCT_CHANGE,
                          product_code="centraflex-10")  # fmt: skip
    later = order.history[-1].at + timedelta(hours=2)
    sources = list(RecipientSource)
    return order.model_copy(update={
        "totals": Totals(monthly_net_cents=monthly, monthly_gross_cents=gross_cents(monthly),
                         one_time_net_cents=one_time, one_time_gross_cents=gross_cents(one_time)),
        "recipients": [RecipientOut(email=f"{s.value.replace('_', '.')}@kunde-beispiel.example",
                                    sources=[s]) for s in sources],
        "history": [*order.history, StatusEventOut(
            status=OrderStatus.IN_PROCESSING, at=later,
            note="Rufnummernportierung wartet auf die Bestätigung des Altanbieters")],
    })  # fmt: skip


@pytest.fixture
def store(tmp_path: Path, qapp: object) -> Iterator[CacheStore]:
    opened = CacheStore(tmp_path / "cache.sqlite3")
    support.fill(opened, [realistic_order()])
    yield opened
    opened.dispose()


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_realistic_confirmation_fits_on_one_page(
    store: CacheStore, language: DocumentLanguage
) -> None:
    detail = support.detail_of(store, "order-000021")
    assert len(detail.recipients) == 5 and len(detail.items[0].usage_locations) == 2
    pdf, pages = confirmation_pdf(detail, language)
    texts = support.pages_text(pdf)
    assert pages == len(texts) == 1, [len(t) for t in texts]
    text = support.flat(texts[0])
    for expected in (
        "Tengo Centraflex 50",
        "Hafenstraße 13",
        "+494012345671",
        "tenant.master.data@kunde-beispiel.example",
    ):
        assert expected in text


def test_the_backends_pdf_of_it_fits_on_one_page_too(store: CacheStore) -> None:
    pdf = render_confirmation(detail_as_order(support.detail_of(store, "order-000021")))
    texts = support.pages_text(pdf)
    assert len(texts) == 1
    assert "tenant.master.data@kunde-beispiel.example" in support.flat(texts[0])


def _boxes(pdf: bytes, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, x0, y0, x1, y1) of one page, from pdftotext -bbox."""
    tool = shutil.which("pdftotext")
    assert tool is not None
    command = [tool, "-bbox", "-f", str(page), "-l", str(page), "-", "-"]
    html = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r"([^<]*)</word>", html.stdout.decode())  # fmt: skip
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_letterhead_of_page_two_does_not_overlap(store: CacheStore) -> None:
    """From page 2 on the letterhead names the letter; that text ran into the provider's name."""
    long = support.long_order(22, items=40)
    support.fill(store, [long])
    pdf, pages = confirmation_pdf(support.detail_of(store, long.id), "de")
    assert pages >= 2
    words = [w for w in _boxes(pdf, 2) if w[2] < 80]  # the letterhead: top 28 mm
    assert any(w[0] == "AU-00000022" for w in words)
    for index, first in enumerate(words):
        for second in words[index + 1 :]:
            apart = (
                first[3] <= second[1]
                or second[3] <= first[1]
                or first[4] <= second[2]
                or second[4] <= first[2]
            )
            assert apart, (first, second)
