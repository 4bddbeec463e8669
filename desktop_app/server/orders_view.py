"""An order row (frozen snapshot + live processing state) as the wire model."""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.contract.orders import DocumentOut, OrderOut, StatusEventOut
from desktop_app.domain.catalog import product_by_code
from desktop_app.domain.enums import OrderStatus, ProductFamily
from desktop_app.server.db import DocumentRow, OrderEventRow, OrderRow
from desktop_app.server.render import aware

PDF = "application/pdf"


def document_ids(order: OrderRow) -> list[tuple[str, str, str | None]]:
    return describe_document_ids(order.id, order.snapshot["items"])


def describe_document_ids(order_id: str, items: list[dict[str, Any]],
                          ) -> list[tuple[str, str, str | None]]:
    """(document id, kind, product code): the confirmation plus one sheet per product."""
    found: list[tuple[str, str, str | None]] = [(f"{order_id}.confirmation", "confirmation", None)]
    seen: set[str] = set()
    for item in items:
        code = item["product_code"]
        product = product_by_code(code)
        if code in seen or product is None or product.family is ProductFamily.FEE:
            continue
        seen.add(code)
        found.append((f"{order_id}.sheet.{code}", "product_sheet", code))
    return found


def documents(session: Session, order: OrderRow) -> list[DocumentOut]:
    rendered = {row.id: row for row in session.scalars(
        select(DocumentRow).where(DocumentRow.order_id == order.id))}
    return [DocumentOut.model_validate(entry) for entry in describe_documents(
        order.id, order.order_number, order.snapshot["items"],
        {key: (len(row.content), row.sha256) for key, row in rendered.items()})]


def describe_documents(order_id: str, order_number: str, items: list[dict[str, Any]],
                       rendered: dict[str, tuple[int, str]]) -> list[dict[str, Any]]:
    """DocumentOut-shaped dicts; size and sha256 once a document has been rendered."""
    result: list[dict[str, Any]] = []
    for document_id, kind, product_code in describe_document_ids(order_id, items):
        if kind == "confirmation":
            title_de, title_en = "Auftragseingangsbestätigung", "Order-receipt confirmation"
            filename = f"Auftragseingangsbestaetigung-{order_number}.pdf"
        else:
            product = product_by_code(product_code or "")
            assert product is not None
            title_de = f"Produktinformationsblatt {product.name_de}"
            title_en = f"Product information sheet {product.name_en}"
            filename = f"Produktinformationsblatt-{product.code}.pdf"
        size, sha256 = rendered.get(document_id, (None, None))
        result.append({"id": document_id, "order_id": order_id, "kind": kind,
                       "title_de": title_de, "title_en": title_en, "filename": filename,
                       "media_type": PDF, "size": size, "sha256": sha256})
    return result


def order_out(session: Session, order: OrderRow,
              events: list[OrderEventRow] | None = None) -> OrderOut:
    if events is None:
        query = (select(OrderEventRow).where(OrderEventRow.order_id == order.id)
                 .order_by(OrderEventRow.at, OrderEventRow.id))
        events = list(session.scalars(query))
    return build_order_out(order, events, documents(session, order))


def build_order_out(order: OrderRow, events: list[OrderEventRow],
                    docs: list[DocumentOut]) -> OrderOut:
    snapshot = order.snapshot
    history = [StatusEventOut(status=OrderStatus(event.status), at=aware(event.at), note=event.note)
               for event in events]
    return OrderOut.model_validate({
        **snapshot,
        "id": order.id, "order_number": order.order_number, "tenant_id": order.tenant_id,
        "customer_id": order.customer_id, "status": order.status,
        "clearing_note": order.clearing_note, "automation": order.automation,
        "expected_completion_at": aware(order.due_completion_at),
        "created_at": aware(order.created_at), "created_by": order.created_by,
        "contract_id": order.contract_id, "contract_number": order.contract_number,
        "history": history, "documents": docs, "updated_at": aware(order.updated_at),
    })


def last_event_time(events: list[OrderEventRow]) -> datetime | None:
    return events[-1].at if events else None
