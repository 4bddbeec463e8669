"""Catalog metadata (statuses, business transactions, products), fetched with ETags."""

from typing import Protocol

from desktop_app.cache.queries import meta_etags
from desktop_app.cache.writer import save_catalog
from desktop_app.contract.meta import BusinessTransactionOut, ProductOut, StatusOut
from desktop_app.sync.live_cache import LiveCache


class CatalogSource(Protocol):
    def statuses(self, etag: str | None = None) -> tuple[list[StatusOut] | None, str | None]: ...

    def business_transactions(
        self, etag: str | None = None,
    ) -> tuple[list[BusinessTransactionOut] | None, str | None]: ...

    def products(self, etag: str | None = None) -> tuple[list[ProductOut] | None, str | None]: ...


def sync_catalog(source: CatalogSource, cache: LiveCache) -> list[str]:
    """Fetch what changed since the stored ETags; returns the names that were replaced."""
    store = cache.store
    with store.session() as session:
        known = meta_etags(session)
    statuses, statuses_etag = source.statuses(known.get("statuses"))
    transactions, transactions_etag = source.business_transactions(
        known.get("business_transactions"))
    products, products_etag = source.products(known.get("products"))
    fetched = {name: etag for name, data, etag in (
        ("statuses", statuses, statuses_etag),
        ("business_transactions", transactions, transactions_etag),
        ("products", products, products_etag)) if data is not None}
    if fetched:
        save_catalog(store, statuses=statuses, business_transactions=transactions,
                     products=products, etags=fetched)
    return sorted(fetched)
