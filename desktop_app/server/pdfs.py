"""The backend's per-order PDF documents, rendered with fpdf2.

Two documents exist per order: the order-receipt confirmation (Auftragseingangsbestätigung)
and one product information sheet (Produktinformationsblatt) per ordered product.

Rendering is deterministic: the same order gives byte-identical output, because the server
publishes the sha256 of every document. The PDF creation date therefore comes from the order
(never from the clock), and the file identifier is fpdf2's hash of the content.

Only fpdf2's core fonts are used (no TTF on disk is required), so every text passes through
:func:`_latin1` first: characters outside latin-1 get a sensible substitute or ``?``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from desktop_app.contract.carts import CartItemOut, SelectedOptionOut, Totals
from desktop_app.contract.orders import OrderOut
from desktop_app.domain.business_time import business_time
from desktop_app.domain.catalog import VAT_PERCENT, Product, gross_cents, product_by_code
from desktop_app.domain.enums import (
    BusinessTransaction,
    OptionKind,
    OrderStatus,
    ProductFamily,
)
from desktop_app.domain.items import own_cents
from desktop_app.domain.processing import STATUS_CATALOG
from desktop_app.domain.provider import PROVIDER_ADDRESS, PROVIDER_LEGAL, PROVIDER_NAME
from desktop_app.domain.recipients import SOURCE_LABELS
from desktop_app.domain.transaction_names import TRANSACTION_NAMES

__all__ = ["render_confirmation", "render_product_sheet"]


# The catalog's names (the app shows the same): "Neubestellung", not a word of our own.
TRANSACTION_LABELS: dict[BusinessTransaction, str] = {
    code: german for code, (german, _english) in TRANSACTION_NAMES.items()}

FAMILY_LABELS: dict[ProductFamily, str] = {
    ProductFamily.INTERNET: "Internet",
    ProductFamily.IPFONIE: "IPfonie SIP-Trunk",
    ProductFamily.CENTRAFLEX: "Tengo Centraflex",
    ProductFamily.FEE: "Gebühr",
}

OPTION_KIND_LABELS: dict[OptionKind, str] = {
    OptionKind.USAGE_LOCATION: "Nutzungsort",
    OptionKind.NUMBER_PORTING: "Rufnummernmitnahme",
    OptionKind.VOICE_FLAT_RATE: "Flatrate",
    OptionKind.MINUTE_PACKAGE: "Minutenpaket",
    OptionKind.VOICE_ENCRYPTION: "Verschlüsselung",
    OptionKind.STATIC_IP: "Feste IP-Adressen",
}

_STATUS_LABELS: dict[OrderStatus, str] = {info.status: info.label_de for info in STATUS_CATALOG}

# Layout (millimetres, A4 portrait).
_MARGIN = 20.0
_TOP = 34.0
_BOTTOM = 22.0
_FONT = "helvetica"
_ACCENT = (0, 84, 147)
_GREY = (100, 100, 100)
_LIGHT = (232, 238, 245)
_RULE = (170, 170, 170)

# Characters outside latin-1 that have an obvious latin-1 spelling.
_SUBSTITUTES: dict[str, str] = {
    "€": "EUR", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe",
    "ẞ": "SS", "ı": "i", "„": '"', "“": '"', "”": '"', "‟": '"', "‚": "'", "‘": "'",
    "’": "'", "‛": "'", "‹": "<", "›": ">", "–": "-", "—": "-", "‒": "-", "―": "-",
    "‐": "-", "‑": "-", "−": "-", "…": "...", "•": "·", "‣": "·", "™": "(TM)",
    "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\ufe0f": "",
}


def _latin1(text: object) -> str:
    """The text with every character representable in latin-1 (core PDF fonts).

    Known typographic characters get a substitute, accented letters lose accents only where
    latin-1 lacks them, control characters become spaces (newlines stay), anything else '?'.
    """
    out: list[str] = []
    for char in str(text):
        code = ord(char)
        if char == "\n":
            out.append(char)
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(" ")
        elif code <= 0xFF:
            out.append(char)
        elif char in _SUBSTITUTES:
            out.append(_SUBSTITUTES[char])
        else:
            base = "".join(part for part in unicodedata.normalize("NFKD", char)
                           if not unicodedata.combining(part))
            if base and all(0x20 <= ord(part) <= 0xFF for part in base):
                out.append(base)
            elif not unicodedata.combining(char):  # a stray accent is dropped, not '?'
                out.append("?")
    return "".join(out)


def _euro(cents: int) -> str:
    """German money format: 1.234,56 EUR."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros:,}".replace(",", ".") + f",{rest:02d} EUR"


def _aware(moment: datetime) -> datetime:
    """Timestamps without a zone are UTC by the backend's convention."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _local(moment: datetime) -> datetime:
    return business_time(moment)  # the business time zone, as in the app


def _date(moment: datetime) -> str:
    return _local(moment).strftime("%d.%m.%Y")


def _date_time(moment: datetime) -> str:
    return _local(moment).strftime("%d.%m.%Y, %H:%M Uhr")


def _or_dash(value: str | None) -> str:
    return value if value else "-"


def _option_text(option: SelectedOptionOut) -> str:
    text = f"+ {option.name_de}"
    if option.phone_numbers:
        text += "\nRufnummern: " + ", ".join(option.phone_numbers)
    return text


class _Document(FPDF):
    """A4 document with the provider's letterhead and a paged footer."""

    def __init__(self, *, title: str, created_at: datetime, reference: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.doc_title = title
        self.reference = reference
        self.set_creation_date(_aware(created_at))
        self.set_title(_latin1(f"{title} {reference}"))
        self.set_author(PROVIDER_NAME)
        self.set_creator("OrderDesk")
        self.set_lang("de-DE")
        self.set_margins(_MARGIN, _TOP, _MARGIN)
        self.set_auto_page_break(auto=True, margin=_BOTTOM)
        self.set_text_color(0, 0, 0)

    # -- letterhead and footer, drawn by fpdf2 on every page -------------------------------

    def header(self) -> None:
        self.set_xy(_MARGIN, 12)
        self.set_font(_FONT, "B", 15)
        self.set_text_color(*_ACCENT)
        self.cell(0, 7, PROVIDER_NAME, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(_FONT, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 4.5, PROVIDER_ADDRESS, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if self.page_no() > 1:
            self.set_xy(_MARGIN, 12)
            self.cell(0, 7, _latin1(f"{self.doc_title} · {self.reference}"), align=Align.R)
        self.set_draw_color(*_ACCENT)
        self.set_line_width(0.5)
        self.line(_MARGIN, 26, self.w - _MARGIN, 26)
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.set_xy(_MARGIN, _TOP)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_draw_color(*_GREY)
        self.set_line_width(0.2)
        self.line(_MARGIN, self.get_y() - 1.5, self.w - _MARGIN, self.get_y() - 1.5)
        self.set_font(_FONT, "", 7.5)
        self.set_text_color(*_GREY)
        self.cell(0, 4, f"{PROVIDER_NAME} · {PROVIDER_LEGAL}")
        self.set_x(_MARGIN)
        self.cell(0, 4, f"Seite {self.page_no()} von {{nb}}", align=Align.R)
        self.set_text_color(0, 0, 0)

    # -- building blocks -------------------------------------------------------------------

    def title_block(self, subtitle: str) -> None:
        self.set_font(_FONT, "B", 17)
        self.cell(0, 9, _latin1(self.doc_title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(_FONT, "", 10)
        self.set_text_color(*_GREY)
        self.cell(0, 6, _latin1(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def heading(self, text: str) -> None:
        # keep a heading together with at least a few lines of what follows
        if self.will_page_break(22):
            self.add_page()
        self.ln(2)
        self.set_font(_FONT, "B", 11.5)
        self.set_text_color(*_ACCENT)
        self.cell(0, 6.5, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)

    def paragraph(self, text: str, *, size: float = 9.5) -> None:
        self.set_font(_FONT, "", size)
        self.multi_cell(0, 4.6, _latin1(text), align=Align.L, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)

    def wrap(self, text: str, width: float) -> list[str]:
        """The text broken into lines of at most ``width`` in the current font.

        fpdf2's ``multi_cell`` does the same but costs about a millisecond per call; tables
        of large orders call this hundreds of times.
        """
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split(" "):
                candidate = f"{current} {word}" if current else word
                if self.get_string_width(candidate) <= width:
                    current = candidate
                    continue
                if current:
                    lines.append(current)
                current = word
                while len(current) > 1 and self.get_string_width(current) > width:
                    cut = len(current) - 1  # an overlong word is broken between characters
                    while cut > 1 and self.get_string_width(current[:cut]) > width:
                        cut -= 1
                    lines.append(current[:cut])
                    current = current[cut:]
            lines.append(current)
        return lines

    def key_values(self, pairs: Sequence[tuple[str, str]], *, key_width: float = 52) -> None:
        """Label/value lines; long values wrap under themselves."""
        line = 4.4
        value_width = self.epw - key_width
        for key, value in pairs:
            self.set_font(_FONT, "", 9.5)
            lines = self.wrap(_latin1(value), value_width - 2 * self.c_margin)
            if self.will_page_break(line * len(lines)):
                self.add_page()
            top = self.y
            self.set_font(_FONT, "B", 9.5)
            self.cell(key_width, line, _latin1(key))
            self.set_font(_FONT, "", 9.5)
            for index, text in enumerate(lines):
                self.set_xy(self.l_margin + key_width, top + index * line)
                self.cell(value_width, line, text)
            self.set_xy(self.l_margin, top + line * len(lines))

    def key_values_paired(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Label/value pairs in two columns (first half left, second half right), so that a
        typical confirmation fits on one page; long labels and values wrap."""
        line, half = 4.2, (len(pairs) + 1) // 2
        key_width, value_width = self.epw * 0.22, self.epw * 0.28
        rows = zip(pairs[:half], [*pairs[half:], ("", "")], strict=False)
        for row in rows:
            cells: list[tuple[list[str], float, str]] = []
            for key, value in row:
                self.set_font(_FONT, "", 8.5)
                cells.append((self.wrap(_latin1(key), key_width - 2 * self.c_margin),
                              key_width, "key"))
                self.set_font(_FONT, "", 9)
                cells.append((self.wrap(_latin1(value), value_width - 2 * self.c_margin),
                              value_width, "value"))
            height = line * max(len(lines) for lines, _width, _kind in cells)
            if self.will_page_break(height):
                self.add_page()
            top, x = self.y, self.l_margin
            for lines, width, kind in cells:
                self.set_font(_FONT, "", 8.5 if kind == "key" else 9)
                self.set_text_color(*(_GREY if kind == "key" else (0, 0, 0)))
                for index, text in enumerate(lines):
                    self.set_xy(x, top + index * line)
                    self.cell(width, line, text)
                x += width
            self.set_text_color(0, 0, 0)
            self.set_xy(self.l_margin, top + height)

    def grid(self, rows: Iterable[Sequence[str]], *, headings: Sequence[str],
             widths: Sequence[float], right_from: int,
             secondary: Iterable[bool] | None = None) -> None:
        """A table that breaks between rows and repeats its headings on every page.

        Columns from ``right_from`` on align right. Rows flagged in ``secondary`` (options
        under their item) are set smaller and in grey.
        """
        line, pad_y, pad_x = 4.0, 0.9, 1.5
        scale = self.epw / sum(widths)
        columns = [width * scale for width in widths]
        aligns = [Align.R if index >= right_from else Align.L for index in range(len(widths))]
        flags = list(secondary) if secondary is not None else []

        def draw_row(values: Sequence[list[str]], *, style: str, size: float,
                     color: tuple[int, int, int], fill: bool) -> None:
            height = max(len(lines) for lines in values) * line + 2 * pad_y
            top = self.y
            if fill:
                self.set_fill_color(*_LIGHT)
                self.rect(self.l_margin, top, self.epw, height, style="F")
            self.set_font(_FONT, style, size)
            self.set_text_color(*color)
            x = self.l_margin
            for lines, width, align in zip(values, columns, aligns, strict=True):
                for index, text in enumerate(lines):
                    if text:
                        self.set_xy(x + pad_x - self.c_margin, top + pad_y + index * line)
                        self.cell(width - 2 * pad_x + 2 * self.c_margin, line, text,
                                  align=align)
                x += width
            self.set_text_color(0, 0, 0)
            self.set_draw_color(*_RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, top + height, self.l_margin + self.epw, top + height)
            self.set_draw_color(0, 0, 0)
            self.set_xy(self.l_margin, top + height)

        def split(values: Sequence[str], style: str, size: float) -> list[list[str]]:
            self.set_font(_FONT, style, size)
            return [self.wrap(_latin1(text), width - 2 * pad_x)
                    for text, width in zip(values, columns, strict=True)]

        head = split(headings, "B", 8.5)
        head_height = max(len(lines) for lines in head) * line + 2 * pad_y
        for index, values in enumerate(rows):
            minor = index < len(flags) and flags[index]
            size = 7.8 if minor else 8.5
            cells = split(values, "", size)
            height = max(len(lines) for lines in cells) * line + 2 * pad_y
            first = index == 0
            if self.will_page_break(height + (head_height if first else 0)):
                self.add_page()
                first = True
            if first:
                draw_row(head, style="B", size=8.5, color=(0, 0, 0), fill=True)
            draw_row(cells, style="", size=size, color=_GREY if minor else (0, 0, 0),
                     fill=False)

    def finish(self) -> bytes:
        return bytes(self.output())


# -- confirmation ----------------------------------------------------------------------------


def _item_rows(items: Sequence[CartItemOut]) -> tuple[list[list[str]], list[bool]]:
    rows: list[list[str]] = []
    secondary: list[bool] = []
    for position, item in enumerate(items, start=1):
        name = item.product_name_de
        if item.automatic:
            name += "\n(automatisch hinzugefügt)"
        # An item's amounts include its options, which get rows of their own below it.
        own_monthly = own_cents(item.monthly_net_cents, [o.monthly_net_cents for o in item.options])
        own_one_time = own_cents(item.one_time_net_cents,
                                 [o.one_time_net_cents for o in item.options])
        rows.append([str(position), name, str(item.quantity), _euro(own_monthly),
                     _euro(own_one_time)])
        secondary.append(False)
        for option in item.options:
            rows.append(["", _option_text(option), str(option.quantity),
                         _euro(option.monthly_net_cents), _euro(option.one_time_net_cents)])
            secondary.append(True)
    return rows, secondary


def _totals_block(pdf: _Document, totals: Totals) -> None:
    label_width = pdf.epw - 2 * 34
    if pdf.will_page_break(5.5 * 4 + 3):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(_FONT, "B", 9)
    pdf.cell(label_width, 5.5, "")
    pdf.cell(34, 5.5, "monatlich", align=Align.R)
    pdf.cell(34, 5.5, "einmalig", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    monthly_vat = totals.monthly_gross_cents - totals.monthly_net_cents
    one_time_vat = totals.one_time_gross_cents - totals.one_time_net_cents
    lines = (
        ("Summe netto", totals.monthly_net_cents, totals.one_time_net_cents, False),
        (f"zzgl. {VAT_PERCENT} % USt.", monthly_vat, one_time_vat, False),
        ("Summe brutto", totals.monthly_gross_cents, totals.one_time_gross_cents, True),
    )
    for label, monthly, one_time, strong in lines:
        if strong:
            pdf.set_draw_color(0, 0, 0)
            pdf.line(pdf.l_margin + label_width, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.set_font(_FONT, "B" if strong else "", 9)
        pdf.cell(label_width, 5.5, label, align=Align.R)
        pdf.cell(34, 5.5, _euro(monthly), align=Align.R)
        pdf.cell(34, 5.5, _euro(one_time), align=Align.R, new_x=XPos.LMARGIN,
                 new_y=YPos.NEXT)


def _usage_locations(pdf: _Document, items: Sequence[CartItemOut]) -> None:
    located = [(position, item) for position, item in enumerate(items, start=1)
               if item.usage_locations]
    if not located:
        return
    pdf.heading("Nutzungsorte")
    pairs: list[tuple[str, str]] = []
    for position, item in located:
        for number, location in enumerate(item.usage_locations, start=1):
            address = location.address
            text = f"{address.street}, {address.postal_code} {address.city}"
            if address.country and address.country != "DE":
                text += f" ({address.country})"
            phones = ", ".join(location.phone_numbers) if location.phone_numbers else "keine"
            text += f"\nRufnummern: {phones}"
            pairs.append((f"Pos. {position} · Ort {number}", text))
    pdf.key_values(pairs, key_width=32)


def _recipients(pdf: _Document, order: OrderOut) -> None:
    pdf.heading("Empfänger dieser Bestätigung")
    if not order.recipients:
        pdf.paragraph("Diese Bestätigung wurde nicht per E-Mail versandt.")
        return
    rows = [[recipient.email,
             ", ".join(SOURCE_LABELS[source][0] for source in recipient.sources)]
            for recipient in order.recipients]
    pdf.grid(rows, headings=("E-Mail-Adresse", "Grund des Versands"), widths=(80, 90),
             right_from=2)


def _intro(order: OrderOut) -> str:
    """Says the contract number once there is one (as the client's letter does)."""
    received = (f"vielen Dank für Ihren Auftrag. Wir bestätigen den Eingang am "
                f"{_date_time(order.created_at)}.")
    number = order.contract_number
    if number and order.status is OrderStatus.COMPLETED:
        return f"{received} Der Auftrag ist bearbeitet; er gilt unter der Vertragsnummer {number}."
    if number:
        return (f"{received} Über den Fortschritt der Bearbeitung informieren wir Sie; der "
                f"Auftrag gilt unter der Vertragsnummer {number}.")
    return (f"{received} Über den Fortschritt der Bearbeitung informieren wir Sie; die "
            f"Vertragsnummer teilen wir Ihnen mit, sobald der Auftrag bearbeitet ist.")


def render_confirmation(order: OrderOut) -> bytes:
    """The order-receipt confirmation (Auftragseingangsbestätigung) as PDF bytes."""
    pdf = _Document(title="Auftragseingangsbestätigung", created_at=order.created_at,
                    reference=f"Auftrag {order.order_number}")
    pdf.set_subject(_latin1(f"Auftrag {order.order_number} - {order.customer_name}"))
    pdf.add_page()
    pdf.title_block(f"Auftrag {order.order_number} vom {_date(order.created_at)}")

    pdf.paragraph(f"Sehr geehrte Damen und Herren,\n{_intro(order)}")

    pdf.heading("Auftragsdaten")
    contract = order.contract_number or "wird nach der Bearbeitung vergeben"
    pdf.key_values_paired((
        ("Auftragsnummer", order.order_number),
        ("Auftragsdatum", _date(order.created_at)),
        ("Kunde", order.customer_name),
        ("Mandant (Vertriebspartner)", order.tenant_name),
        ("Geschäftsvorfall", TRANSACTION_LABELS[order.business_transaction]),
        ("Produkt", order.product_name_de),
        ("Angebotsnummer", order.quote_number or "ohne Angebot (Vollmacht)"),
        ("Zustimmer", _or_dash(order.approver_email)),
        ("Angebot erstellt von", _or_dash(order.quote_created_by_name)),
        ("Auftrag bestätigt von", order.created_by_name),
        ("Vertragsnummer", contract),
        ("Bearbeitungsstand", _STATUS_LABELS.get(order.status, str(order.status))),
    ))

    pdf.heading("Positionen")
    rows, secondary = _item_rows(order.items)
    if rows:
        pdf.grid(rows, headings=("Pos.", "Bezeichnung", "Menge", "mtl. netto", "einm. netto"),
                 widths=(11, 85, 16, 29, 29), right_from=2, secondary=secondary)
    else:
        pdf.paragraph("Keine Positionen.")
    _totals_block(pdf, order.totals)

    _usage_locations(pdf, order.items)
    _recipients(pdf, order)

    pdf.ln(3)
    pdf.paragraph("Dieses Dokument wurde maschinell erstellt und ist ohne Unterschrift gültig.",
                  size=8.5)
    return pdf.finish()


# -- product sheet ---------------------------------------------------------------------------


def _booked_quantities(order: OrderOut, product_code: str) -> dict[str, int]:
    booked: dict[str, int] = {}
    for item in order.items:
        if item.product_code != product_code:
            continue
        for option in item.options:
            booked[option.code] = booked.get(option.code, 0) + option.quantity
    return booked


def _term(months: int) -> str:
    if months <= 0:
        return "keine"
    return "1 Monat" if months == 1 else f"{months} Monate"


def _price_pair(cents: int) -> str:
    return f"{_euro(cents)} netto / {_euro(gross_cents(cents))} brutto"


def render_product_sheet(order: OrderOut, product_code: str) -> bytes:
    """The product information sheet (Produktinformationsblatt) for one product of an order.

    Raises ``ValueError`` if the catalog has no product with that code.
    """
    product: Product | None = product_by_code(product_code)
    if product is None:
        raise ValueError(f"unknown product code: {product_code!r}")
    pdf = _Document(title="Produktinformationsblatt", created_at=order.created_at,
                    reference=product.name_de)
    pdf.set_subject(_latin1(f"{product.name_de} - Auftrag {order.order_number}"))
    pdf.add_page()
    pdf.title_block(f"{product.name_de} · zu Auftrag {order.order_number} vom "
                    f"{_date(order.created_at)}")

    pdf.heading("Produkt")
    pdf.key_values((
        ("Produkt", product.name_de),
        ("Produktfamilie", FAMILY_LABELS.get(product.family, str(product.family))),
        ("Produktcode", product.code),
        ("Monatlicher Preis", _price_pair(product.monthly_cents)),
        ("Einmaliger Preis", _price_pair(product.one_time_cents)),
        ("Mindestvertragslaufzeit", _term(product.minimum_term_months)),
        ("Kunde", order.customer_name),
    ))

    pdf.heading("Optionen")
    if product.options:
        booked = _booked_quantities(order, product.code)
        rows = [[option.name_de, OPTION_KIND_LABELS.get(option.kind, str(option.kind)),
                 str(option.max_quantity), str(booked.get(option.code, 0) or "-"),
                 _euro(option.monthly_cents), _euro(option.one_time_cents)]
                for option in product.options]
        pdf.grid(rows, headings=("Option", "Art", "max.", "gebucht", "mtl. netto",
                                 "einm. netto"),
                 widths=(56, 34, 12, 16, 26, 26), right_from=2)
    else:
        pdf.paragraph("Für dieses Produkt gibt es keine Optionen.")

    pdf.ln(4)
    pdf.paragraph(
        f"Alle Preise in Euro. Netto-Preise zuzüglich der gesetzlichen Umsatzsteuer "
        f"(derzeit {VAT_PERCENT} %). Es gelten die Allgemeinen Geschäftsbedingungen und die "
        f"Leistungsbeschreibung der {PROVIDER_NAME}.", size=8.5)
    return pdf.finish()
