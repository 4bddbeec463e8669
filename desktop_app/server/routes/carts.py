"""Carts: create, read, change items, delete, validate, turn into a quote."""

from fastapi import APIRouter, Response

from desktop_app.contract.carts import (
    CartCreate,
    CartItemsUpdate,
    CartOut,
    QuoteOut,
    ValidationResult,
)
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.database import utcnow
from desktop_app.server.db import CartRow
from desktop_app.server.problems import violation_out
from desktop_app.server.render import cart_out
from desktop_app.server.services import carts
from desktop_app.server.services.lookup import quote_for_cart, visible

router = APIRouter(tags=["carts"])


@router.post("/carts", status_code=201)
def create_cart(body: CartCreate, context: Context, principal: CurrentPrincipal) -> CartOut:
    with context.database.write() as session:
        return carts.create(session, principal, body, utcnow())


@router.get("/carts/{cart_id}")
def get_cart(cart_id: str, context: Context, principal: CurrentPrincipal) -> CartOut:
    with context.database.read() as session:
        row = visible(session, principal, CartRow, cart_id, "cart")
        quote = quote_for_cart(session, row.id)
        return cart_out(row, quote.id if quote else None)


@router.put("/carts/{cart_id}/items")
def replace_items(cart_id: str, body: CartItemsUpdate, context: Context,
                  principal: CurrentPrincipal) -> CartOut:
    with context.database.write() as session:
        return carts.replace_items(session, principal, cart_id, body.items, utcnow())


@router.delete("/carts/{cart_id}", status_code=204)
def delete_cart(cart_id: str, context: Context, principal: CurrentPrincipal) -> Response:
    with context.database.write() as session:
        carts.remove(session, principal, cart_id, utcnow())
    return Response(status_code=204)


@router.post("/carts/{cart_id}/validate")
def validate_cart(cart_id: str, context: Context,
                  principal: CurrentPrincipal) -> ValidationResult:
    with context.database.read() as session:
        row = visible(session, principal, CartRow, cart_id, "cart")
        found = carts.all_violations(session, principal, row, utcnow())
        return ValidationResult(valid=not found, violations=[violation_out(v) for v in found])


@router.post("/carts/{cart_id}/quote", status_code=201)
def create_quote(cart_id: str, context: Context, principal: CurrentPrincipal) -> QuoteOut:
    with context.database.write() as session:
        return carts.create_quote(session, principal, cart_id, utcnow())
