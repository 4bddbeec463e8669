"""German and English words for the codes rule messages mention (states, families, fields),
so that a German message never carries "quoted" and an English one never "Straße"."""

from desktop_app.domain.enums import BusinessTransaction, CartState, ProductFamily, QuoteState
from desktop_app.domain.transaction_names import TRANSACTION_NAMES
from desktop_app.domain.violations import Localized

__all__ = [
    "address_part",
    "cart_state",
    "family",
    "field_name",
    "named",
    "quote_state",
    "transaction",
]

_CART_STATES: dict[CartState, tuple[str, str]] = {
    CartState.OPEN: ("offen", "open"),
    CartState.QUOTED: ("Angebot erstellt", "quoted"),
    CartState.ORDERED: ("bestellt", "ordered"),
}
_QUOTE_STATES: dict[QuoteState, tuple[str, str]] = {
    QuoteState.OPEN: ("offen", "open"),
    QuoteState.SENT: ("versandt", "sent"),
    QuoteState.APPROVED: ("angenommen", "approved"),
    QuoteState.REJECTED: ("abgelehnt", "rejected"),
    QuoteState.WITHDRAWN: ("zurückgezogen", "withdrawn"),
    QuoteState.EXPIRED: ("abgelaufen", "expired"),
    QuoteState.ORDERED: ("bestellt", "ordered"),
}
_FAMILIES: dict[ProductFamily, tuple[str, str]] = {
    ProductFamily.INTERNET: ("Internet", "Internet"),
    ProductFamily.IPFONIE: ("IPfonie SIP-Trunk", "IPfonie SIP trunk"),
    ProductFamily.CENTRAFLEX: ("Tengo Centraflex", "Tengo Centraflex"),
    ProductFamily.FEE: ("Gebühr", "fee"),
}
_ADDRESS_PARTS: dict[str, tuple[str, str]] = {
    "street": ("Straße", "street"),
    "postal_code": ("Postleitzahl", "postal code"),
    "city": ("Ort", "city"),
}
# Fields named in "{field} ist ein Pflichtfeld" / "{field} is required".
_FIELDS: dict[str, tuple[str, str]] = {
    "email": ("Die E-Mail-Adresse", "The email address"),
    "approver_email": ("Die E-Mail-Adresse des Zustimmers", "The approver's email address"),
    "extra_recipient": ("Der zusätzliche Empfänger", "The extra recipient"),
    "master_data_email": (
        "Die E-Mail-Adresse in den Stammdaten",
        "The email address in the master data",
    ),
}


def named(german: str, english: str) -> Localized:
    """A name with an English form (a product's name_de / name_en); German when none."""
    return Localized(german, english or german)


def cart_state(state: CartState) -> Localized:
    return Localized(*_CART_STATES[state], code=state.value)


def quote_state(state: QuoteState) -> Localized:
    return Localized(*_QUOTE_STATES[state], code=state.value)


def family(value: ProductFamily) -> Localized:
    return Localized(*_FAMILIES[value], code=value.value)


def transaction(value: BusinessTransaction) -> Localized:
    return Localized(*TRANSACTION_NAMES[value], code=value.value)


def address_part(name: str) -> Localized:
    return Localized(*_ADDRESS_PARTS[name], code=name)


def field_name(path: str) -> Localized:
    """A field's words; the path itself for a field without any (a programming slip)."""
    last = path.rsplit(".", 1)[-1]
    return Localized(*_FIELDS.get(last, (path, path)), code=path)
