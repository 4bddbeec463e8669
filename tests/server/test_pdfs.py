"""The backend's per-order PDF documents: valid, deterministic, readable, robust."""

import re
import shutil
import subprocess
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.contract.carts import (
    CartItemOut,
    SelectedOptionOut,
    Totals,
    UsageLocationOut,
)
from desktop_app.contract.orders import DocumentOut, OrderOut, RecipientOut, StatusEventOut
from desktop_app.contract.parties import AddressOut
from desktop_app.domain.catalog import gross_cents
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
    RecipientSource,
)
from desktop_app.server.pdfs import render_confirmation, render_product_sheet

CREATED = datetime(2024, 6, 15, 8, 30, tzinfo=UTC)


def make_item(index: int = 0) -> CartItemOut:
    return CartItemOut(
        product_code="centraflex-10",
        product_name_de="Tengo Centraflex 10 Plätze",
        product_name_en="Tengo Centraflex 10 seats",
        family="centraflex",
        quantity=1,
        options=[
            SelectedOptionOut(code="flat-de", name_de="Flatrate Festnetz Deutschland",
                              name_en="Flat rate German landlines", quantity=1,
                              phone_numbers=[], monthly_net_cents=990, one_time_net_cents=0),
            SelectedOptionOut(code="number-porting", name_de="Rufnummernmitnahme",
                              name_en="Number porting", quantity=2,
                              phone_numbers=["030 1234567", "030 1234568"],
                              monthly_net_cents=0, one_time_net_cents=5800),
        ],
        usage_locations=[
            UsageLocationOut(
                address=AddressOut(street=f"Hauptstraße {index + 1}", postal_code="10115",
                                   city="Berlin", country="DE"),
                phone_numbers=[f"030 98765{index:02d}"],
            ),
        ],
        # Whole item prices include the options: 1.234,56 + 9,90 and 49,00 + 58,00.
        monthly_net_cents=123456 + 990,
        one_time_net_cents=4900 + 5800,
    )


def make_order(*, items: int = 2, customer_name: str = "Müller & Söhne Bürotechnik AG",
               tenant_name: str = "Partner Vertrieb GmbH") -> OrderOut:
    order_items = [make_item(index) for index in range(items)]
    monthly = sum(item.monthly_net_cents for item in order_items)
    one_time = sum(item.one_time_net_cents for item in order_items)
    return OrderOut(
        id="order-1",
        order_number="A-2024-000123",
        tenant_id="tenant-1",
        tenant_name=tenant_name,
        customer_id="party-1",
        customer_name=customer_name,
        cart_id="cart-1",
        quote_id="quote-1",
        quote_number="Q-2024-000045",
        business_transaction=BusinessTransaction.NEW_ORDER,
        product_family=ProductFamily.CENTRAFLEX,
        product_code="centraflex-10",
        product_name_de="Tengo Centraflex 10 Plätze",
        product_name_en="Tengo Centraflex 10 seats",
        status=OrderStatus.RECEIVED,
        clearing_note=None,
        automation=AutomationDegree.PARTIAL,
        expected_completion_at=datetime(2024, 6, 17, 8, 30, tzinfo=UTC),
        created_at=CREATED,
        created_by="user-1",
        created_by_name="Clara Clerk",
        quote_created_by_name="Quentin Quote",
        approver_email="zustimmer@kunde.example",
        contract_id=None,
        contract_number=None,
        items=order_items,
        totals=Totals(monthly_net_cents=monthly, monthly_gross_cents=gross_cents(monthly),
                      one_time_net_cents=one_time, one_time_gross_cents=gross_cents(one_time)),
        history=[StatusEventOut(status=OrderStatus.RECEIVED, at=CREATED, note=None)],
        documents=[
            DocumentOut(id="doc-1", order_id="order-1", kind="confirmation",
                        title_de="Auftragseingangsbestätigung",
                        title_en="Order-receipt confirmation",
                        filename="A-2024-000123.pdf", media_type="application/pdf"),
        ],
        recipients=[
            RecipientOut(email="einkauf@kunde.example",
                         sources=[RecipientSource.CUSTOMER_MASTER_DATA]),
            RecipientOut(email="clara@partner.example",
                         sources=[RecipientSource.CONFIRMING_USER,
                                  RecipientSource.QUOTE_CREATOR]),
            RecipientOut(email="zustimmer@kunde.example", sources=[RecipientSource.APPROVER]),
        ],
        updated_at=CREATED,
    )


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def content_text(pdf: bytes) -> bytes:
    """All (inflated) content streams, in latin-1 as the core fonts write them."""
    parts: list[bytes] = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        data = match.group(1)
        try:
            parts.append(zlib.decompress(data))
        except zlib.error:
            parts.append(data)
    return b"\n".join(parts)


_BLOCK = re.compile(rb"\bBT\b(.*?)\bET\b", re.DOTALL)
_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\) Tj")
_ESCAPE = re.compile(rb"\\([()\\])")


def shown_text(pdf: bytes) -> list[str]:
    """Per text object (BT ... ET), the strings it shows (Tj), unescaped and joined."""
    return ["".join(_ESCAPE.sub(rb"\1", shown.group(1)).decode("latin-1")
                    for shown in _SHOWN.finditer(block.group(1)))
            for block in _BLOCK.finditer(content_text(pdf))]


def contains(pdf: bytes, text: str) -> bool:
    return any(text in line for line in shown_text(pdf))


def test_confirmation_is_a_pdf() -> None:
    pdf = render_confirmation(make_order())
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert page_count(pdf) == 1


def test_confirmation_is_deterministic() -> None:
    assert render_confirmation(make_order()) == render_confirmation(make_order())


def test_confirmation_shows_the_order() -> None:
    pdf = render_confirmation(make_order())
    for text in ("Auftragseingangsbestätigung", "OrderDesk Telekommunikation GmbH",
                 "A-2024-000123", "15.06.2024", "Müller & Söhne Bürotechnik AG",
                 "Partner Vertrieb GmbH", "Neubestellung", "Q-2024-000045",
                 "zustimmer@kunde.example", "1.234,56 EUR", "2.488,92 EUR", "Rufnummernmitnahme",
                 "Hauptstraße 1, 10115 Berlin", "Stammdaten des Kunden",
                 "Bestätigender Benutzer, Ersteller des Angebots", "Seite 1 von 1"):
        assert contains(pdf, text), text


def test_confirmation_gross_totals() -> None:
    pdf = render_confirmation(make_order(items=1))
    # 1.244,46 net monthly -> 1.480,91 gross; 107,00 one-time -> 127,33 gross
    assert contains(pdf, "1.480,91 EUR")
    assert contains(pdf, "127,33 EUR")


def test_long_order_flows_onto_further_pages() -> None:
    pdf = render_confirmation(make_order(items=40))
    pages = page_count(pdf)
    assert pages > 2
    assert contains(pdf, f"Seite {pages} von {pages}")
    assert contains(pdf, "Hauptstraße 40, 10115 Berlin")


def test_text_outside_latin1_does_not_crash() -> None:
    name = "Łódź Telekom 🚀 Sp. z o.o. „Ärger“ – €5 ✓ 中文\u0301\x07"
    pdf = render_confirmation(make_order(customer_name=name, tenant_name="Partner ✓ GmbH"))
    assert pdf.startswith(b"%PDF")
    shown = " ".join(shown_text(pdf))  # the order facts' narrow column wraps the name
    assert "Lódz Telekom ? Sp. z o.o. \"Ärger\" - EUR5 ? ??" in shown
    sheet = render_product_sheet(make_order(customer_name=name), "centraflex-10")
    assert sheet.startswith(b"%PDF")


def test_product_sheet() -> None:
    order = make_order()
    pdf = render_product_sheet(order, "centraflex-10")
    assert pdf.startswith(b"%PDF")
    assert pdf == render_product_sheet(order, "centraflex-10")
    for text in ("Produktinformationsblatt", "Tengo Centraflex 10 Plätze", "Tengo Centraflex",
                 "89,90 EUR netto / 106,98 EUR brutto", "12 Monate", "Sprachverschlüsselung",
                 "Minutenpaket 1.000 Ausland", "19,90 EUR"):
        assert contains(pdf, text), text


def test_product_sheet_for_a_product_without_options() -> None:
    pdf = render_product_sheet(make_order(), "fee-product-change")
    assert contains(pdf, "Produktwechselgebühr")
    assert contains(pdf, "keine")


def test_product_sheet_of_unknown_product_raises() -> None:
    with pytest.raises(ValueError, match="no-such-product"):
        render_product_sheet(make_order(), "no-such-product")


def test_documents_differ_between_orders() -> None:
    other = make_order().model_copy(update={"order_number": "A-2024-000124"})
    assert render_confirmation(make_order()) != render_confirmation(other)


def test_order_without_quote_contract_or_recipients() -> None:
    order = make_order(items=0).model_copy(update={
        "quote_id": None, "quote_number": None, "approver_email": None,
        "quote_created_by_name": None, "recipients": [],
        "created_at": datetime(2024, 12, 31, 23, 30),  # naive: taken as UTC
    })
    pdf = render_confirmation(order)
    assert contains(pdf, "ohne Angebot (Vollmacht)")
    assert contains(pdf, "01.01.2025")  # Berlin time


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_confirmation(tmp_path: Path) -> None:
    path = tmp_path / "confirmation.pdf"
    path.write_bytes(render_confirmation(make_order(items=40)))
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"],  # noqa: S603, S607
                            capture_output=True, check=True, text=True)
    assert "Auftragseingangsbestätigung" in result.stdout
    assert "Müller & Söhne Bürotechnik AG" in result.stdout
    assert "Hauptstraße 40" in result.stdout


def test_overlong_values_wrap_inside_the_page() -> None:
    name = "X" * 400
    pdf = render_confirmation(make_order(customer_name=name))
    pieces = [line for line in shown_text(pdf) if line and set(line) == {"X"}]
    assert len(pieces) > 1
    assert "".join(pieces) == name
