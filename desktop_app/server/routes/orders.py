"""Orders: submit (idempotent), read, documents; the email outbox for inspection."""

import hashlib
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from desktop_app.contract.orders import DocumentOut, OrderConfirmation, OrderCreate, OrderOut
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.database import utcnow
from desktop_app.server.db import IdempotencyRow, OrderRow, OutboxRow
from desktop_app.server.documents import ensure_documents, load_document
from desktop_app.server.orders_view import order_out
from desktop_app.server.problems import ProblemError
from desktop_app.server.services import orders
from desktop_app.server.services.lookup import visible

router = APIRouter(tags=["orders"])


@router.post("/orders", status_code=201, response_model=OrderConfirmation)
def submit_order(body: OrderCreate, context: Context, principal: CurrentPrincipal,
                 idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
                 ) -> JSONResponse:
    """The same Idempotency-Key never creates a second order, across restarts too.

    Only a successful submission is remembered: a refused one (rule violations) may be retried
    with the same key once the reason is gone.
    """
    if idempotency_key is None or not idempotency_key.strip():
        raise ProblemError(400, "Idempotency-Key required",
                           "POST /orders needs an Idempotency-Key header.")
    request_hash = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    with context.database.write() as session:
        stored = session.get(IdempotencyRow, (principal.user.id, idempotency_key))
        if stored is not None:
            if stored.request_hash != request_hash:
                raise ProblemError(422, "Idempotency-Key reused",
                                   "This Idempotency-Key was used for a different request.")
            return JSONResponse(stored.body, status_code=stored.status_code,
                                headers={"Idempotent-Replayed": "true"})
        now = utcnow()
        confirmation = orders.submit(session, principal, body, now, context.settings.clock_speed)
        payload = confirmation.model_dump(mode="json")
        session.add(IdempotencyRow(user_id=principal.user.id, key=idempotency_key,
                                   request_hash=request_hash, status_code=201, body=payload,
                                   created_at=now))
    return JSONResponse(payload, status_code=201)


@router.get("/orders/{order_id}")
def get_order(order_id: str, context: Context, principal: CurrentPrincipal) -> OrderOut:
    with context.database.read() as session:
        return order_out(session, visible(session, principal, OrderRow, order_id, "order"))


@router.get("/orders/{order_id}/documents")
def order_documents(order_id: str, context: Context,
                    principal: CurrentPrincipal) -> list[DocumentOut]:
    """Renders documents not rendered yet, so every entry carries its size and sha256."""
    with context.database.read() as session:
        visible(session, principal, OrderRow, order_id, "order")
    return ensure_documents(context.database, order_id)


@router.get("/documents/{document_id}", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}}})
def get_document(document_id: str, context: Context, principal: CurrentPrincipal) -> Response:
    order_id = document_id.split(".", 1)[0]
    with context.database.read() as session:
        visible(session, principal, OrderRow, order_id, "order")
    content, sha256, filename = load_document(context.database, document_id)
    return Response(content, media_type="application/pdf", headers={
        "X-Content-SHA256": sha256, "ETag": f'"{sha256}"',
        "Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/outbox")
def outbox(context: Context, principal: CurrentPrincipal,
           reference_id: Annotated[str | None, Query(max_length=64)] = None,
           limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, object]]:
    """The emails the backend would have sent (no real mail leaves the reference server)."""
    query = select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit)
    if principal.tenant_ids is not None:
        query = query.where(OutboxRow.tenant_id.in_(principal.tenant_ids))
    if reference_id:
        query = query.where(OutboxRow.reference_id == reference_id)
    with context.database.read() as session:
        return [{"id": row.id, "kind": row.kind, "reference_id": row.reference_id,
                 "subject": row.subject, "recipients": row.recipients,
                 "created_at": row.created_at.isoformat() + "Z"}
                for row in session.scalars(query)]
