"""Per-order PDF documents: rendered on first request, then stored so the sha256 is stable."""

import hashlib

from sqlalchemy.orm import Session

from desktop_app.contract.orders import DocumentOut
from desktop_app.server import pdfs
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import DocumentRow, OrderRow
from desktop_app.server.orders_view import document_ids, documents, order_out
from desktop_app.server.problems import NotFound
from desktop_app.server.services import publish


def _render_missing(session: Session, order: OrderRow) -> bool:
    wanted = document_ids(order)
    missing = [entry for entry in wanted if session.get(DocumentRow, entry[0]) is None]
    if not missing:
        return False
    out = order_out(session, order)
    for document_id, kind, product_code in missing:
        content = (pdfs.render_confirmation(out) if kind == "confirmation"
                   else pdfs.render_product_sheet(out, product_code or ""))
        session.add(DocumentRow(id=document_id, order_id=order.id, content=content,
                                sha256=hashlib.sha256(content).hexdigest()))
    session.flush()
    # The order's document list now carries sizes and digests: let clients know.
    publish.order(session, order, utcnow())
    return True


def ensure_documents(database: Database, order_id: str) -> list[DocumentOut]:
    with database.read() as session:
        order = session.get(OrderRow, order_id)
        if order is None:
            raise NotFound("order")
        if all(session.get(DocumentRow, entry[0]) for entry in document_ids(order)):
            return documents(session, order)
    with database.write() as session:
        order = session.get(OrderRow, order_id)
        assert order is not None
        _render_missing(session, order)
        return documents(session, order)


def load_document(database: Database, document_id: str) -> tuple[bytes, str, str]:
    """(content, sha256, file name) of one document, rendering it if needed."""
    order_id = document_id.split(".", 1)[0]
    listed = {doc.id: doc for doc in ensure_documents(database, order_id)}
    if document_id not in listed:
        raise NotFound("document")
    with database.read() as session:
        row = session.get(DocumentRow, document_id)
        assert row is not None
        return row.content, row.sha256, listed[document_id].filename
