"""The self-test's confirmation PDF: one seam, `render_confirmation_pdf`.

For now it renders the order's summary (number, customer, product, totals) with
QTextDocument and QPdfWriter. The real order-receipt confirmation (issue 6,
desktop_app/documents) replaces the body of this one function; the self-test calls nothing
else, so it then proves that the real template, Jinja2 and fonts are in the bundle.
"""

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.cache import queries
from desktop_app.cache.store import CacheStore
from desktop_app.gui.formatting import locale_for, moment, money

__all__ = ["ConfirmationError", "render_confirmation_pdf"]


class ConfirmationError(RuntimeError):
    """The order is not in the cache, or the PDF could not be written."""


def render_confirmation_pdf(cache: CacheStore, order_id: str, path: Path) -> None:
    """Write the confirmation of the cached order `order_id` as a PDF to `path`."""
    with cache.session() as session:
        detail = queries.order_detail(session, order_id)
    if detail is None:
        raise ConfirmationError(f"order {order_id!r} is not in the cache")
    locale = locale_for("de")
    rows = [
        ("Auftragsnummer", detail.order_number),
        ("Eingegangen", moment(detail.created_at, locale)),
        ("Kunde", detail.customer_name),
        ("Produkt", detail.product_name_de),
        ("Monatlich (brutto)", money(detail.monthly_gross_cents, locale)),
        ("Einmalig (brutto)", money(detail.one_time_gross_cents, locale)),
    ]
    table = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    document = QTextDocument()
    document.setHtml(f"<h1>Auftragseingangsbestätigung</h1><table>{table}</table>")
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Auftragseingangsbestätigung {detail.order_number}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20)))  # fmt: skip
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    if not path.is_file() or path.stat().st_size == 0:
        raise ConfirmationError(f"no PDF was written to {path}")
