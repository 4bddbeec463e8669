"""Rule violations: a stable code, the field concerned and a message in German and English."""

import dataclasses
from dataclasses import dataclass
from typing import Literal

Language = Literal["de", "en"]

# code -> (German template, English template); templates use str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "PRODUCT_UNKNOWN": (
        "Das Produkt „{product}“ gibt es im Katalog nicht.",
        "The product “{product}” is not in the catalog.",
    ),
    "FEE_NOT_ORDERABLE": (
        "Die Gebühr „{product}“ wird automatisch berechnet und kann nicht bestellt werden.",
        "The fee “{product}” is added automatically and cannot be ordered.",
    ),
    "QUANTITY_OUT_OF_RANGE": (
        "Die Menge muss zwischen {low} und {high} liegen (angegeben: {value}).",
        "The quantity must be between {low} and {high} (given: {value}).",
    ),
    "OPTION_NOT_OFFERED": (
        "Die Option „{option}“ gibt es für „{product}“ nicht.",
        "The option “{option}” is not offered for “{product}”.",
    ),
    "OPTION_DUPLICATE": (
        "Die Option „{option}“ ist mehrfach gewählt.",
        "The option “{option}” is selected more than once.",
    ),
    "PHONE_NUMBER_INVALID": (
        "„{number}“ ist keine gültige deutsche Rufnummer.",
        "“{number}” is not a valid German phone number.",
    ),
    "PORTING_NEEDS_NUMBERS": (
        "Für die Rufnummernmitnahme ist mindestens eine Rufnummer anzugeben.",
        "Number porting needs at least one phone number.",
    ),
    "USAGE_LOCATION_REQUIRED": (
        "Für „{product}“ ist mindestens ein Nutzungsort anzugeben.",
        "“{product}” needs at least one usage location.",
    ),
    "USAGE_LOCATION_NOT_OFFERED": (
        "„{product}“ hat keine Nutzungsorte.",
        "“{product}” has no usage locations.",
    ),
    "ADDRESS_INCOMPLETE": (
        "Die Adresse ist unvollständig: {missing} fehlt.",
        "The address is incomplete: {missing} is missing.",
    ),
    "POSTAL_CODE_INVALID": (
        "„{value}“ ist keine gültige Postleitzahl (fünf Ziffern).",
        "“{value}” is not a valid postal code (five digits).",
    ),
    "PHONE_NUMBERS_NOT_ALLOWED": (
        "Für „{product}“ können keine Rufnummern vergeben werden.",
        "“{product}” cannot carry phone numbers.",
    ),
    "CART_EMPTY": (
        "Der Warenkorb ist leer.",
        "The cart is empty.",
    ),
    "CART_NOT_OPEN": (
        "Der Warenkorb kann nicht mehr bearbeitet werden (Zustand: {state}).",
        "The cart can no longer be edited (state: {state}).",
    ),
    "MIXED_TRANSACTIONS": (
        "Ein Warenkorb enthält genau einen Geschäftsvorfall; "
        "„{other}“ braucht einen eigenen Warenkorb.",
        "A cart holds exactly one business transaction; “{other}” needs a cart of its own.",
    ),
    "CONTRACT_REQUIRED": (
        "Dieser Geschäftsvorfall bezieht sich auf einen bestehenden Vertrag; bitte wählen.",
        "This business transaction acts on an existing contract; please choose one.",
    ),
    "CONTRACT_NOT_ALLOWED": (
        "Eine Neubestellung legt immer einen neuen Vertrag an und bezieht sich auf keinen "
        "bestehenden.",
        "A new order always creates a new contract and cannot refer to an existing one.",
    ),
    "CONTRACT_OF_OTHER_CUSTOMER": (
        "Der Vertrag {contract} gehört nicht zu diesem Kunden.",
        "Contract {contract} does not belong to this customer.",
    ),
    "PROSPECT_HAS_NO_CONTRACTS": (
        "Ein Interessent hat noch keine Verträge; möglich ist nur eine Neubestellung.",
        "A prospect has no contracts yet; only a new order is possible.",
    ),
    "CONTRACT_TERMINATED": (
        "Der Vertrag {contract} ist gekündigt.",
        "Contract {contract} is terminated.",
    ),
    "OPEN_CART_EXISTS": (
        "Für den Vertrag {contract} gibt es bereits einen offenen Warenkorb ({cart}).",
        "Contract {contract} already has an open cart ({cart}).",
    ),
    "PRODUCT_CHANGE_REQUEST_REQUIRED": (
        "Der Vertrag {contract} ist noch in der Mindestlaufzeit (bis {until}); ein "
        "Produktwechsel braucht einen genehmigten Antrag.",
        "Contract {contract} is inside its minimum term (until {until}); a product change "
        "needs an approved request.",
    ),
    "PRODUCT_CHANGE_SAME_PRODUCT": (
        "Ein Produktwechsel braucht ein anderes Produkt als „{product}“.",
        "A product change needs a product other than “{product}”.",
    ),
    "PRODUCT_FAMILY_MISMATCH": (
        "„{product}“ passt nicht zum Vertrag ({family} erwartet).",
        "“{product}” does not fit the contract ({family} expected).",
    ),
    "VOICE_PRODUCT_REQUIRED": (
        "Ein Nutzungsort-Auftrag ist nur für Sprachprodukte möglich.",
        "A usage-location order is only possible for voice products.",
    ),
    "QUOTE_EXISTS": (
        "Zu diesem Warenkorb gibt es bereits ein Angebot ({quote}).",
        "This cart already has a quote ({quote}).",
    ),
    "QUOTE_STATE_INVALID": (
        "Das Angebot ist „{state}“; das ist so nicht möglich.",
        "The quote is “{state}”; this is not possible now.",
    ),
    "QUOTE_EXPIRED": (
        "Das Angebot ist am {until} abgelaufen.",
        "The quote expired on {until}.",
    ),
    "MASTER_DATA_EMAIL_MISSING": (
        "In den Stammdaten ist keine E-Mail-Adresse hinterlegt.",
        "The master data holds no email address.",
    ),
    "EMAIL_INVALID": (
        "„{value}“ ist keine gültige E-Mail-Adresse.",
        "“{value}” is not a valid email address.",
    ),
    "PROVIDER_APPROVAL_NOT_REQUIRED": (
        "Dieses Angebot braucht keine Freigabe durch den Anbieter.",
        "This quote does not need the provider's approval.",
    ),
    "PROVIDER_STAFF_ONLY": (
        "Nur Mitarbeiter des Anbieters dürfen das.",
        "Only provider staff may do this.",
    ),
    "ORDER_NEEDS_QUOTE": (
        "Ohne Vertriebspartner-Vollmacht kann nur über ein angenommenes Angebot bestellt werden.",
        "Without a sales-partner power of attorney an order needs an approved quote.",
    ),
    "QUOTE_NOT_APPROVED": (
        "Das Angebot ist noch nicht angenommen (Zustand: {state}).",
        "The quote is not approved yet (state: {state}).",
    ),
    "PROVIDER_APPROVAL_MISSING": (
        "Das Angebot an einen Interessenten muss zusätzlich vom Anbieter freigegeben werden.",
        "A quote to a prospect must also be approved by the provider.",
    ),
    "QUOTE_OF_OTHER_CART": (
        "Das Angebot {quote} gehört nicht zu diesem Warenkorb.",
        "Quote {quote} does not belong to this cart.",
    ),
    "CART_ALREADY_ORDERED": (
        "Aus diesem Warenkorb wurde bereits bestellt.",
        "This cart has already been ordered.",
    ),
    "FIELD_REQUIRED": (
        "{field} ist ein Pflichtfeld.",
        "{field} is required.",
    ),
    "RECIPIENT_MISSING": (
        "Für „{source}“ ist keine E-Mail-Adresse bekannt.",
        "No email address is known for “{source}”.",
    ),
}


@dataclass(frozen=True)
class Localized:
    """A message parameter worded per language (a name, a state, a field): each message
    stays in one language instead of carrying a code or the other language's word."""

    de: str
    en: str
    code: str = ""  # what `params` keeps for programs (a state's code); else the German word


@dataclass(frozen=True)
class Violation:
    """One broken rule; `code` is stable and is what programs compare."""

    code: str
    message_de: str
    message_en: str
    field: str | None = None
    params: dict[str, str] = dataclasses.field(default_factory=dict, compare=False)

    def message(self, language: Language = "de") -> str:
        return self.message_de if language == "de" else self.message_en


def violation(code: str, field: str | None = None, /, **params: object) -> Violation:
    """Build a violation from the message catalog; unknown codes are a programming error.

    `code` and `field` are positional-only so that a template may itself use `{field}`.
    A `Localized` parameter gives each language its own word.
    """
    german, english = MESSAGES[code]
    de_params = {key: value.de if isinstance(value, Localized) else str(value)
                 for key, value in params.items()}  # fmt: skip
    en_params = {key: value.en if isinstance(value, Localized) else str(value)
                 for key, value in params.items()}  # fmt: skip
    codes = {key: (value.code or value.de) if isinstance(value, Localized) else str(value)
             for key, value in params.items()}  # fmt: skip
    return Violation(
        code=code,
        message_de=german.format(**de_params),
        message_en=english.format(**en_params),
        field=field,
        params=codes,
    )
