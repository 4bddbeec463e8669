"""The order-receipt confirmation letter of one cached order, as HTML from its template.

The letter says what the backend's confirmation PDF says (same items, option rows, amounts,
totals and recipients; see server/pdfs.py), laid out as a German business letter. Every value
reaches the HTML through Jinja2's autoescaping, so markup in any field prints literally.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.cache.records import CustomerInfo, ItemDetail, OrderDetail
from desktop_app.documents.formats import DocumentFormats, DocumentLanguage
from desktop_app.documents.templates import template
from desktop_app.documents.wording import texts
from desktop_app.domain.catalog import VAT_PERCENT
from desktop_app.domain.enums import BusinessTransaction, OrderStatus
from desktop_app.domain.items import own_cents
from desktop_app.domain.processing import STATUS_CATALOG
from desktop_app.domain.provider import (
    PROVIDER_CITY,
    PROVIDER_LEGAL,
    PROVIDER_NAME,
    PROVIDER_STREET,
    PROVIDER_WEB,
)
from desktop_app.domain.recipients import SOURCE_LABELS
from desktop_app.domain.transaction_names import TRANSACTION_NAMES

__all__ = ["TEMPLATE", "TransactionLabels", "confirmation_html", "letter_context"]

TEMPLATE = "confirmation.html.j2"
# (German, English) label per business transaction, as the backend's catalog gives them.
TransactionLabels = Mapping[BusinessTransaction, tuple[str, str]]


@dataclass(frozen=True)
class ItemRow:
    """One line of the item table. An item's notes (added automatically, phone numbers) get
    lines of their own: a one-line table row never splits across pages."""

    position: str
    text: str
    quantity: str
    monthly: str
    one_time: str
    kind: str  # "item", "option" (under its item), "note" (under either)


@dataclass(frozen=True)
class TotalRow:
    label: str
    monthly: str
    one_time: str
    strong: bool


def _pick(language: DocumentLanguage, german: str, english: str) -> str:
    return english if language == "en" and english else german


def _item_rows(items: tuple[ItemDetail, ...], fmt: DocumentFormats,
               t: Mapping[str, str]) -> list[ItemRow]:
    rows: list[ItemRow] = []
    for position, item in enumerate(items, start=1):
        # An item's amounts include its options, which get rows of their own (as the backend).
        own_monthly = own_cents(item.monthly_net_cents, [o.monthly_net_cents for o in item.options])
        own_one_time = own_cents(item.one_time_net_cents,
                                 [o.one_time_net_cents for o in item.options])
        rows.append(ItemRow(str(position),
                            _pick(fmt.language, item.product_name_de, item.product_name_en),
                            fmt.number(item.quantity), fmt.money(own_monthly),
                            fmt.money(own_one_time), "item"))
        if item.automatic:
            rows.append(ItemRow("", t["automatic"], "", "", "", "note"))
        for option in item.options:
            rows.append(ItemRow("", "+ " + _pick(fmt.language, option.name_de, option.name_en),
                                fmt.number(option.quantity), fmt.money(option.monthly_net_cents),
                                fmt.money(option.one_time_net_cents), "option"))
            if option.phone_numbers:
                rows.append(ItemRow("", f"{t['phone_numbers']}: " + ", ".join(
                    option.phone_numbers), "", "", "", "note"))
    return rows


def _totals(detail: OrderDetail, fmt: DocumentFormats, t: Mapping[str, str]) -> list[TotalRow]:
    monthly_vat = detail.monthly_gross_cents - detail.monthly_net_cents
    one_time_vat = detail.one_time_gross_cents - detail.one_time_net_cents
    return [
        TotalRow(t["net_total"], fmt.money(detail.monthly_net_cents),
                 fmt.money(detail.one_time_net_cents), False),
        TotalRow(t["vat"].format(percent=VAT_PERCENT), fmt.money(monthly_vat),
                 fmt.money(one_time_vat), False),
        TotalRow(t["gross_total"], fmt.money(detail.monthly_gross_cents),
                 fmt.money(detail.one_time_gross_cents), True),
    ]


def _address(detail: OrderDetail, t: Mapping[str, str]) -> list[str]:
    customer: CustomerInfo | None = detail.customer
    if customer is None:
        return [detail.customer_name, t["missing_customer"]]
    lines = [customer.company]
    if customer.contact_name:
        lines.append(customer.contact_name)
    lines += [customer.street, f"{customer.postal_code} {customer.city}".strip()]
    if customer.country and customer.country != "DE":
        lines.append(customer.country)
    return [line for line in lines if line]


def _locations(detail: OrderDetail, t: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for position, item in enumerate(detail.items, start=1):
        for number, location in enumerate(item.usage_locations, start=1):
            place = f"{location.street}, {location.postal_code} {location.city}"
            if location.country and location.country != "DE":
                place += f" ({location.country})"
            phones = ", ".join(location.phone_numbers) or t["none"]
            found.append((t["location"].format(position=position, number=number),
                          [place, f"{t['phone_numbers']}: {phones}"]))
    return found


def _next_steps(detail: OrderDetail, fmt: DocumentFormats, t: Mapping[str, str]) -> list[str]:
    if detail.status is OrderStatus.COMPLETED and detail.contract_number:
        steps = [t["step_completed"].format(number=detail.contract_number)]
    else:
        steps = [t["step_processing"].format(date=fmt.date(detail.expected_completion_at))]
        if not detail.contract_number:
            steps.append(t["step_contract"])
    if detail.clearing_note:
        steps.append(t["step_note"].format(note=detail.clearing_note))
    steps.append(t["step_status"].format(tenant=detail.tenant_name))
    if detail.recipients:
        steps.append(t["step_email"])
    return steps


def _intro(detail: OrderDetail, fmt: DocumentFormats, t: Mapping[str, str]) -> str:
    """Promises the contract number only while there is none (as the backend's PDF)."""
    moment, number = fmt.date_time(detail.created_at), detail.contract_number
    if number and detail.status is OrderStatus.COMPLETED:
        return t["intro_completed"].format(moment=moment, number=number)
    if number:
        return t["intro_contract"].format(moment=moment, number=number)
    return t["intro"].format(moment=moment)


def _two_columns(facts: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The facts as rows of two: the first half on the left, the second on the right."""
    half = (len(facts) + 1) // 2
    right = [*facts[half:], ("", "")]
    return list(zip(facts[:half], right[:half], strict=True))


def _status_label(status: OrderStatus, language: DocumentLanguage) -> str:
    for info in STATUS_CATALOG:
        if info.status is status:
            return _pick(language, info.label_de, info.label_en)
    return status.value


def letter_context(detail: OrderDetail, language: DocumentLanguage,
                   transactions: TransactionLabels | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain (unescaped) values."""
    fmt, t = DocumentFormats(language), texts(language)
    german, english = (transactions or {}).get(
        detail.business_transaction, TRANSACTION_NAMES[detail.business_transaction])
    order_date = fmt.date(detail.created_at)
    quote = detail.quote_number or t["no_quote"]
    info = [(t["date"], order_date), (t["order_number"], detail.order_number)]
    if detail.customer is not None:
        info.append((t["customer_number"], detail.customer.customer_number))
    info.append((t["quote_number"], quote))
    facts = [
        (t["order_number"], detail.order_number),
        (t["order_date"], order_date),
        (t["customer"], detail.customer_name),
        (t["tenant"], detail.tenant_name),
        (t["transaction"], _pick(language, german, english)),
        (t["product"], _pick(language, detail.product_name_de, detail.product_name_en)),
        (t["quote_number"], quote),
        (t["approver"], detail.approver_email or "-"),
        (t["quote_creator"], detail.quote_created_by_name or "-"),
        (t["confirmed_by"], detail.created_by_name),
        (t["contract_number"], detail.contract_number or t["contract_pending"]),
        (t["status"], _status_label(detail.status, language)),
    ]
    source = 1 if language == "en" else 0
    recipients = [(r.email, ", ".join(SOURCE_LABELS[s][source] for s in r.sources))
                  for r in detail.recipients]
    return {
        "language": language, "t": t,
        "provider": {"name": PROVIDER_NAME, "street": PROVIDER_STREET, "city": PROVIDER_CITY,
                     "web": PROVIDER_WEB, "legal": PROVIDER_LEGAL},
        "address": _address(detail, t), "info": info,
        "subject": t["subject"].format(number=detail.order_number, date=order_date),
        "intro": _intro(detail, fmt, t),
        "facts": facts, "fact_rows": _two_columns(facts),
        "items": _item_rows(detail.items, fmt, t),
        "totals": _totals(detail, fmt, t), "locations": _locations(detail, t),
        "recipients": recipients, "next_steps": _next_steps(detail, fmt, t),
        "signature": t["signature"].format(provider=PROVIDER_NAME),
    }  # fmt: skip


def confirmation_html(detail: OrderDetail, language: DocumentLanguage,
                      transactions: TransactionLabels | None = None) -> str:
    return template(TEMPLATE).render(letter_context(detail, language, transactions))
