"""Catalog metadata with strong ETags: statuses, business transactions, products."""

import hashlib
import json
from typing import Any

from fastapi import APIRouter, Request, Response

from desktop_app.contract.meta import (
    BusinessTransactionOut,
    ProductOptionOut,
    ProductOut,
    StatusOut,
)
from desktop_app.domain.catalog import PRODUCTS
from desktop_app.domain.enums import ProductFamily
from desktop_app.domain.processing import STATUS_CATALOG
from desktop_app.domain.transaction_names import TRANSACTION_NAMES
from desktop_app.server.context import CurrentPrincipal

router = APIRouter(tags=["meta"])

# One name per business transaction, shared with the backend's PDFs (domain).
TRANSACTION_LABELS = TRANSACTION_NAMES


def _cached_json(request: Request, payload: list[Any]) -> Response:
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/meta/statuses", response_model=list[StatusOut])
def statuses(request: Request, _principal: CurrentPrincipal) -> Response:
    return _cached_json(request, [
        StatusOut(code=s.status, label_de=s.label_de, label_en=s.label_en,
                  explanation_de=s.explanation_de, explanation_en=s.explanation_en)
        .model_dump(mode="json") for s in STATUS_CATALOG])


@router.get("/meta/business-transactions", response_model=list[BusinessTransactionOut])
def business_transactions(request: Request, _principal: CurrentPrincipal) -> Response:
    return _cached_json(request, [
        BusinessTransactionOut(code=code, label_de=de, label_en=en,
                               acts_on_contract=code.acts_on_contract).model_dump(mode="json")
        for code, (de, en) in TRANSACTION_LABELS.items()])


@router.get("/catalog/products", response_model=list[ProductOut])
def products(request: Request, _principal: CurrentPrincipal) -> Response:
    return _cached_json(request, [
        ProductOut(code=p.code, family=p.family, name_de=p.name_de, name_en=p.name_en,
                   monthly_cents=p.monthly_cents, one_time_cents=p.one_time_cents,
                   minimum_term_months=p.minimum_term_months,
                   orderable=p.family is not ProductFamily.FEE,
                   options=[ProductOptionOut(code=o.code, kind=o.kind, name_de=o.name_de,
                                             name_en=o.name_en, monthly_cents=o.monthly_cents,
                                             one_time_cents=o.one_time_cents,
                                             max_quantity=o.max_quantity) for o in p.options])
        .model_dump(mode="json") for p in PRODUCTS])
