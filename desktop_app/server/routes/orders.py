"""Orders: submit (idempotent), read, documents; the email outbox for inspection."""

import hashlib
import logging
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from desktop_app.contract.orders import DocumentOut, OrderConfirmation, OrderCreate, OrderOut
from desktop_app.server.auth import Principal
from desktop_app.server.context import Context, CurrentPrincipal, ServerContext
from desktop_app.server.database import utcnow
from desktop_app.server.db import IdempotencyRow, OrderRow, OutboxRow
from desktop_app.server.documents import ensure_documents, load_document
from desktop_app.server.orders_view import order_out
from desktop_app.server.problems import ProblemError
from desktop_app.server.services import orders
from desktop_app.server.services.lookup import visible
from desktop_app.server.upsert import insert_if_absent

log = logging.getLogger(__name__)
router = APIRouter(tags=["orders"])
# A claimed key's status until its submission commits (never visible to other transactions).
CLAIMED = 0
# Submissions that lose a unique key to a concurrent one are run again this often.
SUBMIT_ATTEMPTS = 3


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
    for attempt in range(1, SUBMIT_ATTEMPTS + 1):
        try:
            return _submit(context, principal, body, idempotency_key, request_hash)
        except IntegrityError as error:
            # A concurrent transaction inserted a unique key first: rolled back, the next
            # attempt sees what it committed. (The key claim and the cart's row lock make
            # this rare; one that every attempt meets is a bug and goes on to the 500.)
            if attempt == SUBMIT_ATTEMPTS:
                raise
            log.info("order submission lost a race (attempt %d of %d): %s", attempt,
                     SUBMIT_ATTEMPTS, error.orig)
    raise AssertionError("unreachable")  # the loop returns or raises


def _submit(context: ServerContext, principal: Principal, body: OrderCreate, key: str,
            request_hash: str) -> JSONResponse:
    """One attempt in one transaction. The key is claimed first (INSERT ... ON CONFLICT DO
    NOTHING): a concurrent duplicate -- in this process or another -- waits at its claim
    until this transaction ends, then replays what it committed, or takes over the key if it
    rolled back (a refused submission is not remembered)."""
    user_id = principal.user.id
    with context.database.write() as session:
        now = utcnow()
        if not insert_if_absent(session, IdempotencyRow, {
                "user_id": user_id, "key": key, "request_hash": request_hash,
                "status_code": CLAIMED, "body": {}, "created_at": now}):
            stored = session.get(IdempotencyRow, (user_id, key))
            if stored is None or stored.status_code == CLAIMED:  # not committed: cannot be
                raise ProblemError(409, "Submission in progress",
                                   "This Idempotency-Key's submission is still being "
                                   "processed; retry to get its result.")
            if stored.request_hash != request_hash:
                raise ProblemError(422, "Idempotency-Key reused",
                                   "This Idempotency-Key was used for a different request.")
            return JSONResponse(stored.body, status_code=stored.status_code,
                                headers={"Idempotent-Replayed": "true"})
        confirmation = orders.submit(session, principal, body, now, context.settings.clock_speed)
        payload = confirmation.model_dump(mode="json")
        session.execute(update(IdempotencyRow)
                        .where(IdempotencyRow.user_id == user_id, IdempotencyRow.key == key)
                        .values(status_code=201, body=payload))
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
