"""Who receives the order-receipt confirmation email, and why.

Five sources, in this order: the customer's (or prospect's) master data, the portal user who
confirmed the order, the approver recorded with the quote, the portal user who created the
quote and the tenant's master data. Each address is sent once; a merged recipient keeps every
source it came from. A missing or invalid address is reported, never dropped silently.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.enums import RecipientSource
from desktop_app.domain.validation import is_valid_email
from desktop_app.domain.violations import Localized, Violation, violation

SOURCE_ORDER: tuple[RecipientSource, ...] = (
    RecipientSource.CUSTOMER_MASTER_DATA,
    RecipientSource.CONFIRMING_USER,
    RecipientSource.APPROVER,
    RecipientSource.QUOTE_CREATOR,
    RecipientSource.TENANT_MASTER_DATA,
)

SOURCE_LABELS: dict[RecipientSource, tuple[str, str]] = {
    RecipientSource.CUSTOMER_MASTER_DATA: ("Stammdaten des Kunden", "Customer master data"),
    RecipientSource.CONFIRMING_USER: ("Bestätigender Benutzer", "User who confirmed"),
    RecipientSource.APPROVER: ("Zustimmer", "Approver"),
    RecipientSource.QUOTE_CREATOR: ("Ersteller des Angebots", "Quote creator"),
    RecipientSource.TENANT_MASTER_DATA: ("Stammdaten des Mandanten", "Tenant master data"),
}


@dataclass(frozen=True)
class Recipient:
    email: str
    sources: tuple[RecipientSource, ...]


@dataclass(frozen=True)
class RecipientList:
    recipients: tuple[Recipient, ...]
    problems: tuple[Violation, ...]


def confirmation_recipients(
    candidates: Iterable[tuple[RecipientSource, str | None]],
) -> RecipientList:
    """Merge the candidate addresses case-insensitively, in source order.

    Sources that do not apply to an order (no quote: no approver, no quote creator) are simply
    not passed; a source passed with None or a blank address is reported as missing.
    """
    ordered = sorted(candidates, key=lambda pair: SOURCE_ORDER.index(pair[0]))
    merged: dict[str, tuple[str, list[RecipientSource]]] = {}
    problems: list[Violation] = []
    for source, raw in ordered:
        field = f"recipients.{source.value}"
        address = (raw or "").strip()
        if not address:
            problems.append(violation("RECIPIENT_MISSING", field,
                                      source=Localized(*SOURCE_LABELS[source])))
            continue
        if not is_valid_email(address):
            problems.append(violation("EMAIL_INVALID", field, value=address))
            continue
        key = address.casefold()
        if key in merged:
            if source not in merged[key][1]:
                merged[key][1].append(source)
        else:
            merged[key] = (address, [source])
    recipients = tuple(Recipient(email, tuple(sources)) for email, sources in merged.values())
    return RecipientList(recipients=recipients, problems=tuple(problems))
