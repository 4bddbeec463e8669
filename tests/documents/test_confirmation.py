"""The confirmation letter as PDF: pages, texts, formats, literal markup, the backend's twin."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.documents.confirmation import confirmation_html
from desktop_app.documents.formats import DocumentFormats
from desktop_app.documents.output import (
    confirmation_pdf,
    save_confirmation_pdf,
    transaction_labels,
)
from desktop_app.documents.templates import TemplateNotFoundError, templates_dir
from desktop_app.server.pdfs import render_confirmation

from tests.cache import records
from tests.documents import support
from tests.gui import orders
from tests.sync.support import detail_as_order


@pytest.fixture
def store(tmp_path: Path, qapp: object) -> Iterator[CacheStore]:
    opened = CacheStore(tmp_path / "cache.sqlite3")
    support.fill(opened, [
        support.short_order(),
        support.long_order(),
        support.short_order(3, customer_name=support.MARKUP_CUSTOMER, order_id="markup"),
    ])
    yield opened
    opened.dispose()


def test_short_order_is_one_page_with_the_letter(store: CacheStore) -> None:
    detail = support.detail_of(store, "order-000001")
    with store.session() as session:
        labels = transaction_labels(session)
    pdf, pages = confirmation_pdf(detail, "de", labels)
    texts = support.pages_text(pdf)
    assert pages == len(texts) == 1
    text = support.flat(texts[0])
    for expected in ("OrderDesk Telekommunikation GmbH", "Müller Elektro GmbH",
                     "Hauptstraße 1", "20095 Hamburg", "KD-100001",
                     "Auftragseingangsbestätigung – Auftrag AU-00000001 vom 10.03.2025",
                     "Sehr geehrte Damen und Herren", "10.03.2025, 14:00 Uhr",
                     "Tengo Centraflex 10 Nutzer", "+ Option 0", "Rufnummern: +49401230",
                     "Summe netto", "zzgl. 19 % USt.", "Summe brutto", "119,00 €", "59,50 €",
                     "Stammdaten des Kunden", "Bestätigender Benutzer, Ersteller des Angebots",
                     "info@mueller.example", "max@nordlicht.example", "Wie es weitergeht",
                     "VT-10000001", "Seite 1 von 1"):
        assert expected in text, expected


def test_sixty_items_span_pages_with_the_header_row_on_each(store: CacheStore) -> None:
    pdf, pages = confirmation_pdf(support.detail_of(store, "order-000002"), "de")
    texts = [support.flat(text) for text in support.pages_text(pdf)]
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Seite {number} von {pages}" in text
        if number > 1:
            assert "Auftragseingangsbestätigung · Auftrag AU-00000002" in text
    item_pages = [text for text in texts if "Tengo Centraflex 10 Nutzer" in text]
    assert len(item_pages) >= 2
    for text in item_pages:  # the table's header repeats on every page it runs over
        assert "Pos. Bezeichnung Menge mtl. netto einm. netto" in text
    assert sum(text.count("Tengo Centraflex 10 Nutzer") for text in texts) == 60 + 1  # + facts
    assert sum("Summe brutto" in text for text in texts) == 1


def test_content_matches_the_backends_confirmation(store: CacheStore) -> None:
    """Same amounts (items, options, totals), items, order data and recipients as the PDF the
    server renders for the same order."""
    for order_id in ("order-000001", "order-000002"):
        detail = support.detail_of(store, order_id)
        ours = support.flat(" ".join(support.pages_text(confirmation_pdf(detail, "de")[0])))
        theirs = support.flat(" ".join(support.pages_text(
            render_confirmation(detail_as_order(detail)))))
        assert support.amounts(ours) == support.amounts(theirs)
        for recipient in detail.recipients:
            assert recipient.email in ours and recipient.email in theirs
        for fact in (detail.order_number, detail.customer_name, detail.tenant_name,
                     "Angebotsnummer AN-00000001", "Zustimmer freigabe@mueller.example",
                     "Auftrag bestätigt von Max Nordmann",
                     "Stammdaten des Kunden", "Ersteller des Angebots"):
            assert fact in ours and fact in theirs, fact
        assert ours.count("+ Option 0") == theirs.count("+ Option 0")


def test_english_letter_and_formats(store: CacheStore) -> None:
    text = support.flat(support.pages_text(
        confirmation_pdf(support.detail_of(store, "order-000001"), "en")[0])[0])
    for expected in ("Order-receipt confirmation – order AU-00000001 of 10/03/2025",
                     "Dear Sir or Madam", "10/03/2025, 14:00", "€119.00", "€59.50",
                     "plus 19 % VAT", "Total gross", "Customer master data", "Page 1 of 1",
                     "Tengo Centraflex 10 users"):
        assert expected in text, expected
    assert "Seite" not in text


def test_money_and_dates_per_language(qapp: object) -> None:
    german, english = DocumentFormats("de"), DocumentFormats("en")
    assert german.money(123456789) == "1.234.567,89\u00a0€"  # never broken from its amount
    assert english.money(123456789) == "€1,234,567.89"
    assert german.money(-5) == "-0,05\u00a0€"
    winter = datetime(2025, 1, 31, 23, 30, tzinfo=UTC)  # Berlin: 1 February, 00:30
    assert german.date(winter) == "01.02.2025"
    assert english.date(winter) == "01/02/2025"
    assert german.date_time(winter) == "01.02.2025, 00:30 Uhr"
    summer = datetime(2025, 7, 1, 10, 0)  # naive = UTC; Berlin is UTC+2 in summer
    assert german.date_time(summer) == "01.07.2025, 12:00 Uhr"
    assert english.date_time(summer) == "01/07/2025, 12:00"


def test_markup_in_fields_prints_literally(store: CacheStore) -> None:
    detail = support.detail_of(store, "markup")
    html = confirmation_html(detail, "de")
    assert "&lt;b&gt;ACME&lt;/b&gt; &amp; Söhne" in html
    assert "<b>ACME</b>" not in html
    text = support.flat(support.pages_text(confirmation_pdf(detail, "de")[0])[0])
    assert "<b>ACME</b> & Söhne" in text


def test_an_order_without_cached_customer_still_prints(tmp_path: Path, qapp: object) -> None:
    store = CacheStore(tmp_path / "bare.sqlite3")
    try:
        orders.fill(store, [records.order(9, customer_id="elsewhere", quote_id=None,
                                                  items=[])])
        detail = support.detail_of(store, "order-000009")
        text = support.flat(support.pages_text(confirmation_pdf(detail, "de")[0])[0])
    finally:
        store.dispose()
    assert "(Kundendaten nicht im lokalen Zwischenspeicher)" in text
    assert "ohne Angebot (Vollmacht)" in text
    assert "Keine Positionen." in text


def test_saving_writes_atomically_and_reports_bad_folders(store: CacheStore,
                                                          tmp_path: Path) -> None:
    from desktop_app.documents.output import DocumentError
    detail = support.detail_of(store, "order-000001")
    target = tmp_path / "out.pdf"
    assert save_confirmation_pdf(detail, target, "de") == 1
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
    with pytest.raises(DocumentError):
        save_confirmation_pdf(detail, tmp_path / "missing" / "out.pdf", "de")


def test_templates_resolve_from_the_checkout_or_the_override(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (templates_dir() / "confirmation.html.j2").is_file()
    monkeypatch.setenv("ORDERDESK_TEMPLATES_DIR", str(tmp_path))
    (tmp_path / "confirmation.html.j2").write_text("x")
    assert templates_dir() == tmp_path
    with pytest.raises(TemplateNotFoundError, match=r"nothing\.j2"):
        templates_dir("nothing.j2")


def test_a_heading_never_ends_a_page(qapp: object, tmp_path: Path) -> None:
    """Fill a page line by line: wherever the heading falls, its next block is on its page."""
    from desktop_app.documents.pages import A4_LAYOUT, layout_document
    from PySide6.QtGui import QPdfWriter, QTextDocument

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(A4_LAYOUT)
    writer.setResolution(300)

    def pages_of_heading_and_next(document: QTextDocument) -> tuple[int, int]:
        block = document.begin()
        while not block.blockFormat().headingLevel():
            block = block.next()
        height = document.pageSize().height()
        rect = document.documentLayout().blockBoundingRect
        return (int(rect(block).top() // height), int(rect(block.next()).top() // height))

    seen_page_two = False
    for lines in range(40, 75):
        html = "<p>Zeile</p>" * lines + "<h2>Wie es weitergeht</h2><p>Erster Schritt</p>"
        heading, following = pages_of_heading_and_next(layout_document(html, writer))
        assert heading == following, lines
        seen_page_two |= heading == 1
    assert seen_page_two  # the probe did cross a page boundary


def test_the_closing_section_stays_on_one_page(qapp: object, tmp_path: Path) -> None:
    """An <h3> section (next steps, greeting) is not split when it fits on a page."""
    from desktop_app.documents.pages import A4_LAYOUT, layout_document
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(A4_LAYOUT)
    writer.setResolution(300)
    closing = ("<h3>Wie es weitergeht</h3><ul>" + "<li>Ein Schritt</li>" * 4 + "</ul>"
               "<p>Mit freundlichen Grüßen</p><p>Ihr Team</p>")
    crossed = False
    for lines in range(45, 75):
        document = layout_document("<p>Zeile</p>" * lines + closing, writer)
        height = document.pageSize().height()
        rect = document.documentLayout().blockBoundingRect
        heading = document.begin()
        while heading.blockFormat().headingLevel() != 3:
            heading = heading.next()
        first = int(rect(heading).top() // height)
        last = int((rect(document.lastBlock()).bottom() - 1) // height)
        assert first == last, lines
        crossed |= first == 1
    assert crossed
