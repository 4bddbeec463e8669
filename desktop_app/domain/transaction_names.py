"""The names of the business transactions, German and English: one term each everywhere.

The backend's catalog (`/meta/business-transactions`) serves these; the app shows the cached
catalog, and both confirmation documents use the same names ("Neubestellung", as the rule
messages say; never a second word such as "Neuauftrag").
"""

from desktop_app.domain.enums import BusinessTransaction

__all__ = ["TRANSACTION_NAMES"]

TRANSACTION_NAMES: dict[BusinessTransaction, tuple[str, str]] = {
    BusinessTransaction.NEW_ORDER: ("Neubestellung", "New order"),
    BusinessTransaction.REORDER: ("Nachbestellung", "Reorder"),
    BusinessTransaction.CONTRACT_EXTENSION: ("Vertragsverlängerung", "Contract extension"),
    BusinessTransaction.PRODUCT_CHANGE: ("Produktwechsel", "Product change"),
    BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER: (
        "Produktwechsel mit Neubestellung",
        "Product change with new order",
    ),
    BusinessTransaction.USAGE_LOCATION: ("Nutzungsort", "Usage location"),
}
