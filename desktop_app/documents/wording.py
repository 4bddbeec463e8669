"""The fixed texts of the confirmation letter, per document language.

These are document texts (the letter's language is chosen per document), not UI strings, so
they do not go through tr(). German wording follows the backend's confirmation PDF, so that
both documents say the same things.
"""

from collections.abc import Mapping

from desktop_app.documents.formats import DocumentLanguage

__all__ = ["texts"]

_GERMAN: dict[str, str] = {
    "title": "Auftragseingangsbestätigung",
    "reference": "Auftrag {number}",
    "subject": "Auftragseingangsbestätigung – Auftrag {number} vom {date}",
    "date": "Datum",
    "order_number": "Auftragsnummer",
    "customer_number": "Kundennummer",
    "quote_number": "Angebotsnummer",
    "salutation": "Sehr geehrte Damen und Herren,",
    "intro": ("vielen Dank für Ihren Auftrag. Wir bestätigen den Eingang am {moment}. Über den "
              "Fortschritt der Bearbeitung informieren wir Sie; die Vertragsnummer teilen wir "
              "Ihnen mit, sobald der Auftrag bearbeitet ist."),
    "intro_completed": ("vielen Dank für Ihren Auftrag. Wir bestätigen den Eingang am {moment}. "
                        "Der Auftrag ist bearbeitet; er gilt unter der Vertragsnummer {number}."),
    "intro_contract": ("vielen Dank für Ihren Auftrag. Wir bestätigen den Eingang am {moment}. "
                       "Über den Fortschritt der Bearbeitung informieren wir Sie; der Auftrag "
                       "gilt unter der Vertragsnummer {number}."),
    "facts": "Auftragsdaten",
    "order_date": "Auftragsdatum",
    "customer": "Kunde",
    "tenant": "Mandant (Vertriebspartner)",
    "transaction": "Geschäftsvorfall",
    "product": "Produkt",
    "no_quote": "ohne Angebot (Vollmacht)",
    "approver": "Zustimmer",
    "quote_creator": "Angebot erstellt von",
    "confirmed_by": "Auftrag bestätigt von",
    "contract_number": "Vertragsnummer",
    "contract_pending": "wird nach der Bearbeitung vergeben",
    "status": "Bearbeitungsstand",
    "positions": "Positionen",
    "position": "Pos.",
    "description": "Bezeichnung",
    "quantity": "Menge",
    "monthly_net": "mtl. netto",
    "one_time_net": "einm. netto",
    "automatic": "(automatisch hinzugefügt)",
    "phone_numbers": "Rufnummern",
    "no_items": "Keine Positionen.",
    "monthly": "monatlich",
    "one_time": "einmalig",
    "net_total": "Summe netto",
    "vat": "zzgl. {percent} % USt.",
    "gross_total": "Summe brutto",
    "locations": "Nutzungsorte",
    "location": "Pos. {position} · Ort {number}",
    "none": "keine",
    "recipients": "Empfänger dieser Bestätigung",
    "email": "E-Mail-Adresse",
    "reason": "Grund des Versands",
    "no_recipients": "Diese Bestätigung wurde nicht per E-Mail versandt.",
    "next_steps": "Wie es weitergeht",
    "step_processing": ("Wir bearbeiten Ihren Auftrag; voraussichtlich ist er bis zum {date} "
                        "abgeschlossen."),
    "step_contract": "Sobald der Auftrag bearbeitet ist, teilen wir Ihnen die Vertragsnummer mit.",
    "step_completed": "Ihr Auftrag ist abgeschlossen; er gilt unter der Vertragsnummer {number}.",
    "step_note": "Hinweis der Bearbeitung: {note}",
    "step_status": ("Den aktuellen Bearbeitungsstand sieht Ihr Ansprechpartner bei {tenant} "
                    "jederzeit in der Auftragsübersicht."),
    "step_email": "Diese Bestätigung ging per E-Mail an die oben genannten Empfänger.",
    "closing": "Mit freundlichen Grüßen",
    "signature": "Ihr Auftragsmanagement der {provider}",
    "machine_made": "Dieses Dokument wurde maschinell erstellt und ist ohne Unterschrift gültig.",
    "page": "Seite {page} von {pages}",
    "missing_customer": "(Kundendaten nicht im lokalen Zwischenspeicher)",
}

_ENGLISH: dict[str, str] = {
    "title": "Order-receipt confirmation",
    "reference": "Order {number}",
    "subject": "Order-receipt confirmation – order {number} of {date}",
    "date": "Date",
    "order_number": "Order number",
    "customer_number": "Customer number",
    "quote_number": "Quote number",
    "salutation": "Dear Sir or Madam,",
    "intro": ("thank you for your order. We confirm its receipt on {moment}. We will keep you "
              "informed about its processing and tell you the contract number as soon as the "
              "order has been processed."),
    "intro_completed": ("thank you for your order. We confirm its receipt on {moment}. The "
                        "order has been processed; it runs under contract number {number}."),
    "intro_contract": ("thank you for your order. We confirm its receipt on {moment}. We will "
                       "keep you informed about its processing; the order runs under contract "
                       "number {number}."),
    "facts": "Order data",
    "order_date": "Order date",
    "customer": "Customer",
    "tenant": "Tenant (sales partner)",
    "transaction": "Business transaction",
    "product": "Product",
    "no_quote": "without quote (power of attorney)",
    "approver": "Approver",
    "quote_creator": "Quote created by",
    "confirmed_by": "Order confirmed by",
    "contract_number": "Contract number",
    "contract_pending": "assigned once processed",
    "status": "Processing status",
    "positions": "Items",
    "position": "Item",
    "description": "Description",
    "quantity": "Qty",
    "monthly_net": "monthly net",
    "one_time_net": "one-time net",
    "automatic": "(added automatically)",
    "phone_numbers": "Phone numbers",
    "no_items": "No items.",
    "monthly": "monthly",
    "one_time": "one-time",
    "net_total": "Total net",
    "vat": "plus {percent} % VAT",
    "gross_total": "Total gross",
    "locations": "Usage locations",
    "location": "Item {position} · location {number}",
    "none": "none",
    "recipients": "Recipients of this confirmation",
    "email": "Email address",
    "reason": "Reason",
    "no_recipients": "This confirmation was not sent by email.",
    "next_steps": "What happens next",
    "step_processing": "We are processing your order; we expect to complete it by {date}.",
    "step_contract": "Once the order is processed we will tell you the contract number.",
    "step_completed": "Your order is completed; it runs under contract number {number}.",
    "step_note": "Note from processing: {note}",
    "step_status": ("Your contact at {tenant} can see the current processing status in the "
                    "order overview at any time."),
    "step_email": "This confirmation was sent by email to the recipients listed above.",
    "closing": "Kind regards",
    "signature": "Order management, {provider}",
    "machine_made": "This document was created automatically and is valid without a signature.",
    "page": "Page {page} of {pages}",
    "missing_customer": "(customer data not in the local cache)",
}


def texts(language: DocumentLanguage) -> Mapping[str, str]:
    return _ENGLISH if language == "en" else _GERMAN
