"""The self-test's confirmation PDF: the real order-receipt confirmation (desktop_app.documents:
the Jinja2 template, QTextDocument layout, the letterhead), so a bundle that passes the
self-test ships the template, Jinja2 and the fonts the letter needs."""

from pathlib import Path

from desktop_app.cache import queries
from desktop_app.cache.store import CacheStore
from desktop_app.documents.output import save_confirmation_pdf, transaction_labels

__all__ = ["ConfirmationError", "render_confirmation_pdf"]


class ConfirmationError(RuntimeError):
    """The order is not in the cache, or the PDF could not be written."""


def render_confirmation_pdf(cache: CacheStore, order_id: str, path: Path) -> int:
    """Write the German confirmation of the cached order `order_id` to `path`; its pages."""
    with cache.session() as session:
        detail = queries.order_detail(session, order_id)
        labels = transaction_labels(session)
    if detail is None:
        raise ConfirmationError(f"order {order_id!r} is not in the cache")
    pages = save_confirmation_pdf(detail, path, "de", labels)
    if not path.is_file() or path.stat().st_size == 0:
        raise ConfirmationError(f"no PDF was written to {path}")
    return pages
