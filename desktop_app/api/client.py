"""Typed calls of the backend contract v1; each returns pydantic models from the contract.

On a 401 the client refreshes the tokens once and repeats the call once; a second 401 raises
NotAuthenticatedError. Error statuses become the typed errors of `desktop_app.api.errors`;
a body that does not match the contract raises InvalidResponseError. Every call has an
overall deadline and a byte bound (desktop_app/api/limits.py); a list or page with more
records than asked for raises TooManyRecordsError.
"""

import hashlib
import math
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

import orjson
import requests
from pydantic import BaseModel

from desktop_app.api.auth import AuthSession, bearer
from desktop_app.api.errors import InvalidResponseError, NotAuthenticatedError
from desktop_app.api.limits import check_record_count
from desktop_app.api.responses import expect_status, parse_list, parse_model
from desktop_app.api.settings import ApiSettings
from desktop_app.contract.auth import MeOut
from desktop_app.contract.base import ResponseModel
from desktop_app.contract.carts import (
    CartCreate,
    CartItemIn,
    CartItemsUpdate,
    CartOut,
    CustomerDecision,
    QuoteOut,
    QuoteSend,
    ValidationResult,
)
from desktop_app.contract.changes import DEFAULT_PAGE_SIZE, ChangePage
from desktop_app.contract.meta import BusinessTransactionOut, ProductOut, StatusOut
from desktop_app.contract.orders import DocumentOut, OrderConfirmation, OrderCreate, OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut, ProspectCreate

M = TypeVar("M", bound=BaseModel)
Params = Mapping[str, str | int]


class OutboxRecipient(ResponseModel):
    email: str
    sources: list[str]


class OutboxMessage(ResponseModel):
    """An email the reference backend recorded instead of sending it (GET /outbox).

    Client-side model: the contract package has none for this inspection endpoint.
    """

    id: int
    kind: str
    reference_id: str | None
    subject: str
    recipients: list[OutboxRecipient]
    created_at: datetime


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


class ApiClient:
    """The backend for one signed-in clerk; thread-safe (one HTTP session per thread)."""

    def __init__(self, settings: ApiSettings, auth: AuthSession) -> None:
        if settings.base_url != auth.settings.base_url:
            raise ValueError("settings and auth session name different backends")
        self.settings = settings
        self.auth = auth
        self._transport = auth.transport

    def close(self) -> None:
        self._transport.close()

    # --- plumbing ---------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, params: Params | None = None,
              json: Any = None, headers: Mapping[str, str] | None = None,
              idempotency_key: str | None = None, expected: Sequence[int] = (200,),
              timeout: tuple[float, float] | None = None, long_poll: bool = False,
              deadline: float | None = None, max_bytes: int | None = None,
              ) -> requests.Response:
        token = self.auth.access_token()
        response = self._transport.request(method, path, params=params, json=json,
                                           headers=dict(headers or {}) | bearer(token),
                                           idempotency_key=idempotency_key, timeout=timeout,
                                           long_poll=long_poll, deadline=deadline,
                                           max_bytes=max_bytes)
        if response.status_code == 401:
            response.close()
            self.auth.refresh(stale_access_token=token)
            response = self._transport.request(
                method, path, params=params, json=json,
                headers=dict(headers or {}) | bearer(self.auth.access_token()),
                idempotency_key=idempotency_key, timeout=timeout, long_poll=long_poll,
                deadline=deadline, max_bytes=max_bytes)
            if response.status_code == 401:
                response.close()
                raise NotAuthenticatedError()
        return expect_status(response, *expected)

    def _get(self, model: type[M], path: str, params: Params | None = None) -> M:
        return parse_model(model, self._send("GET", path, params=params))

    def _get_list(self, model: type[M], path: str, params: Params | None = None) -> list[M]:
        return parse_list(model, self._send("GET", path, params=params))

    def _post(self, model: type[M], path: str, body: BaseModel | None = None,
              expected: Sequence[int] = (200,)) -> M:
        payload = body.model_dump(mode="json") if body is not None else None
        return parse_model(model, self._send("POST", path, json=payload, expected=expected))

    def _cached_list(self, model: type[M], path: str, etag: str | None,
                     ) -> tuple[list[M] | None, str | None]:
        headers = {"If-None-Match": etag} if etag else None
        response = self._send("GET", path, headers=headers, expected=(200, 304))
        new_etag = response.headers.get("ETag") or etag
        if response.status_code == 304:
            response.close()
            return None, new_etag
        return parse_list(model, response), new_etag

    # --- user and catalog -------------------------------------------------------------------

    def me(self) -> MeOut:
        return self._get(MeOut, "/me")

    def statuses(self, etag: str | None = None) -> tuple[list[StatusOut] | None, str | None]:
        """(statuses, etag); (None, etag) when unchanged since `etag` (304)."""
        return self._cached_list(StatusOut, "/meta/statuses", etag)

    def business_transactions(self, etag: str | None = None,
                              ) -> tuple[list[BusinessTransactionOut] | None, str | None]:
        return self._cached_list(BusinessTransactionOut, "/meta/business-transactions", etag)

    def products(self, etag: str | None = None) -> tuple[list[ProductOut] | None, str | None]:
        return self._cached_list(ProductOut, "/catalog/products", etag)

    # --- change feed ------------------------------------------------------------------------

    @staticmethod
    def _feed_params(since: str | None, limit: int) -> dict[str, str | int]:
        params: dict[str, str | int] = {"limit": limit}
        if since is not None:
            params["since"] = since
        return params

    def changes(self, since: str | None = None, limit: int = DEFAULT_PAGE_SIZE) -> ChangePage:
        """One page of the feed; CursorGoneError (410) when a full resync is needed."""
        response = self._send("GET", "/changes", params=self._feed_params(since, limit),
                              max_bytes=self.settings.feed_page_max_bytes(limit))
        page = parse_model(ChangePage, response)
        check_record_count("GET /changes", len(page.changes), limit)
        return page

    def changes_raw(self, since: str | None = None, limit: int = DEFAULT_PAGE_SIZE,
                    wait: float = 0) -> bytes:
        """The page's raw JSON body, for the sync layer's own fast validation.

        `wait` > 0 long-polls: with nothing new past `since` the server holds the request up
        to `wait` seconds (it caps the wait at MAX_WAIT) and answers once a change commits,
        else with an empty page. The read timeout grows by `wait` for this call, and a read
        timeout is not retried (OfflineError(timed_out=True) at once); the call's deadline
        grows by `wait` too. A page over `settings.feed_page_max_bytes(limit)` is refused
        while it is read (ResponseTooLargeError), one with more than `limit` records after
        (TooManyRecordsError).
        """
        if not (math.isfinite(wait) and wait >= 0):
            raise ValueError(f"wait must be a finite number of seconds >= 0, not {wait!r}")
        params = self._feed_params(since, limit)
        max_bytes = self.settings.feed_page_max_bytes(limit)
        wait = float(wait)
        if wait <= 0:
            raw = self._send("GET", "/changes", params=params, max_bytes=max_bytes).content
        else:
            params["wait"] = str(int(wait)) if wait.is_integer() else repr(wait)
            timeout = (self.settings.connect_timeout, self.settings.read_timeout + wait)
            raw = self._send("GET", "/changes", params=params, timeout=timeout,
                             long_poll=True, deadline=self.settings.call_deadline + wait,
                             max_bytes=max_bytes).content
        if (count := _more_changes_than(raw, limit)) is not None:
            check_record_count("GET /changes", count, limit)
        return raw

    # --- orders and documents ---------------------------------------------------------------

    def order(self, order_id: str) -> OrderOut:
        return self._get(OrderOut, f"/orders/{_segment(order_id)}")

    def order_documents(self, order_id: str) -> list[DocumentOut]:
        return self._get_list(DocumentOut, f"/orders/{_segment(order_id)}/documents")

    def document(self, document_id: str) -> tuple[bytes, str | None]:
        """(content, sha256 from X-Content-SHA256); InvalidResponseError when they differ."""
        response = self._send("GET", f"/documents/{_segment(document_id)}",
                              max_bytes=self.settings.document_max_bytes)
        content = response.content
        declared = response.headers.get("X-Content-SHA256")
        if declared is not None and hashlib.sha256(content).hexdigest() != declared.lower():
            raise InvalidResponseError(f"document {document_id}: sha256 mismatch",
                                       subject=f"GET /documents/{document_id}")
        return content, declared

    def submit_order(self, order: OrderCreate, idempotency_key: str) -> OrderConfirmation:
        """Submits once per key: retried on timeouts and 5xx without creating a second order."""
        if not idempotency_key.strip():
            raise ValueError("an idempotency key is required")
        response = self._send("POST", "/orders", json=order.model_dump(mode="json"),
                              idempotency_key=idempotency_key, expected=(200, 201))
        return parse_model(OrderConfirmation, response)

    def outbox(self, reference_id: str | None = None, limit: int = 100) -> list[OutboxMessage]:
        params: dict[str, str | int] = {"limit": limit}
        if reference_id is not None:
            params["reference_id"] = reference_id
        messages = self._get_list(OutboxMessage, "/outbox", params)
        check_record_count("GET /outbox", len(messages), limit)
        return messages

    # --- customers and contracts ------------------------------------------------------------

    def customers(self, q: str = "", limit: int = 50, offset: int = 0) -> list[PartyOut]:
        customers = self._get_list(PartyOut, "/customers",
                                   {"q": q, "limit": limit, "offset": offset})
        check_record_count("GET /customers", len(customers), limit)
        return customers

    def customer(self, customer_id: str) -> PartyOut:
        return self._get(PartyOut, f"/customers/{_segment(customer_id)}")

    def customer_contracts(self, customer_id: str) -> list[ContractOut]:
        return self._get_list(ContractOut, f"/customers/{_segment(customer_id)}/contracts")

    def contract(self, contract_id: str) -> ContractOut:
        return self._get(ContractOut, f"/contracts/{_segment(contract_id)}")

    def create_prospect(self, prospect: ProspectCreate) -> PartyOut:
        return self._post(PartyOut, "/customers", prospect, expected=(201,))

    # --- carts ------------------------------------------------------------------------------

    def create_cart(self, cart: CartCreate) -> CartOut:
        return self._post(CartOut, "/carts", cart, expected=(201,))

    def get_cart(self, cart_id: str) -> CartOut:
        return self._get(CartOut, f"/carts/{_segment(cart_id)}")

    def replace_items(self, cart_id: str,
                      items: CartItemsUpdate | Sequence[CartItemIn]) -> CartOut:
        body = items if isinstance(items, CartItemsUpdate) else CartItemsUpdate(items=list(items))
        response = self._send("PUT", f"/carts/{_segment(cart_id)}/items",
                              json=body.model_dump(mode="json"))
        return parse_model(CartOut, response)

    def delete_cart(self, cart_id: str) -> None:
        self._send("DELETE", f"/carts/{_segment(cart_id)}", expected=(204,)).close()

    def validate_cart(self, cart_id: str) -> ValidationResult:
        return self._post(ValidationResult, f"/carts/{_segment(cart_id)}/validate")

    def create_quote(self, cart_id: str) -> QuoteOut:
        return self._post(QuoteOut, f"/carts/{_segment(cart_id)}/quote", expected=(201,))

    # --- quotes -----------------------------------------------------------------------------

    def quote(self, quote_id: str) -> QuoteOut:
        return self._get(QuoteOut, f"/quotes/{_segment(quote_id)}")

    def send_quote(self, quote_id: str, extra_recipient: str | None = None) -> QuoteOut:
        return self._post(QuoteOut, f"/quotes/{_segment(quote_id)}/send",
                          QuoteSend(extra_recipient=extra_recipient))

    def withdraw_quote(self, quote_id: str) -> QuoteOut:
        return self._post(QuoteOut, f"/quotes/{_segment(quote_id)}/withdraw")

    def customer_decision(self, quote_id: str, approver_email: str,
                          approve: bool = True) -> QuoteOut:
        """Simulates the customer's approval link (reference server in demo mode)."""
        return self._post(QuoteOut, f"/quotes/{_segment(quote_id)}/approval",
                          CustomerDecision(approver_email=approver_email, approve=approve))

    def provider_approval(self, quote_id: str) -> QuoteOut:
        return self._post(QuoteOut, f"/quotes/{_segment(quote_id)}/provider-approval")


def _more_changes_than(raw: bytes, limit: int) -> int | None:
    """How many records a raw page holds when that is more than `limit`, else None (also
    when it is not a page at all: the sync layer's validation names that fault).

    Every change record has an "op" key. Without a \\u escape in the page, each such key
    appears literally, so at most `limit` occurrences of b'"op"' prove at most `limit`
    records; that scan costs a tenth of parsing the page. Otherwise the page is counted.
    """
    if raw.count(b'"op"') <= limit and b"\\u" not in raw:
        return None
    try:
        page = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    changes = page.get("changes") if isinstance(page, dict) else None
    count = len(changes) if isinstance(changes, list) else 0
    return count if count > limit else None


def _segment(identifier: str) -> str:
    """An id as one path segment: refuses what would change the path."""
    if not identifier or any(c in identifier for c in "/?#%\\") or identifier in (".", ".."):
        raise ValueError(f"not a valid identifier: {identifier!r}")
    return identifier
