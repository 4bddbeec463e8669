"""A simulated clerk: logs in, syncs the whole feed, then listens (GET /changes?wait=) or
polls; some also submit orders through cart -> quote -> order. asyncio + httpx, so hundreds
of clerks share one process."""

import asyncio
import contextlib
import random
import ssl
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson

from load.feedcheck import Change, FeedView, record_key
from load.stats import Recorder

Json = dict[str, Any]
PAGE_LIMIT = 500
CATCH_UP_LIMIT = 1000
PRODUCTS = ("ipfonie-trunk-10", "centraflex-10", "internet-dsl-100")  # new orders of each family
LOCATION = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}
RETRY_PAUSE_S = 1.0  # after a failed feed read, before the next
MAX_THROTTLE_WAIT_S = 60.0
# A clerk's own connections: listening, submitting, a check read. One pool per clerk: httpx's
# pool scans all its connections on every request, which with one pool of 500 took more CPU
# than the server.
CLERK_CONNECTIONS = 4
# Idle connections are dropped before uvicorn's keep-alive (5 s) closes them under our feet.
KEEPALIVE_EXPIRY_S = 3.0
_TLS = ssl.create_default_context()  # unused over http, but httpx builds one per client


def clerk_http(api: str) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=CLERK_CONNECTIONS,
                          max_keepalive_connections=CLERK_CONNECTIONS,
                          keepalive_expiry=KEEPALIVE_EXPIRY_S)
    return httpx.AsyncClient(base_url=api, limits=limits, timeout=60, verify=_TLS)


@dataclass
class Run:
    """What all clerks share: the current phase's recorder and the run's orders."""

    recorder: Recorder
    # order id -> (tenant, monotonic time the submitter had its 201)
    submitted: dict[str, tuple[str, float]] = field(default_factory=dict)
    relogins: int = 0
    # requests sent again once because the connection broke before an answer (the server
    # closed the kept-alive connection as they went out: uvicorn's 5 s keep-alive; clients
    # retry those), by endpoint
    resent: dict[str, int] = field(default_factory=dict)


class Failed(Exception):
    """A request failed (already recorded); the caller gives up on what it was doing."""


@dataclass
class Clerk:
    name: str
    username: str
    password: str
    http: httpx.AsyncClient
    run: Run
    tenant: str = ""
    token: str = ""
    cursor: str | None = None
    view: FeedView | None = None
    customers: list[str] = field(default_factory=list)  # own tenant's customers with email
    live: bool = False  # record first sightings (new records) from now on
    first_seen: dict[str, float] = field(default_factory=dict)  # order id -> monotonic time

    # --- requests -------------------------------------------------------------------------

    async def request(self, endpoint: str, method: str, path: str, *, expect: int = 200,
                      timeout: float | None = None, authorized: bool = True,
                      **options: Any) -> httpx.Response:
        """One call, timed into the phase's recorder; a 401 logs in again once, a 429 waits
        for Retry-After. Anything else unexpected is recorded and raises Failed."""
        relogged = False
        resending: set[str] = set()
        extra_headers = options.pop("headers", None) or {}
        while True:
            headers = dict(extra_headers)
            if authorized:
                headers["Authorization"] = f"Bearer {self.token}"
            started = time.monotonic()
            recorder = self.run.recorder
            try:
                response = await self.http.request(
                    method, path, headers=headers,
                    timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                    **options)
            except (httpx.RemoteProtocolError, httpx.ReadError) as error:
                if endpoint in resending:
                    recorder.error(endpoint, type(error).__name__)
                    raise Failed(endpoint) from error
                resending.add(endpoint)
                self.run.resent[endpoint] = self.run.resent.get(endpoint, 0) + 1
                continue
            except httpx.HTTPError as error:
                recorder.error(endpoint, type(error).__name__)
                raise Failed(endpoint) from error
            elapsed = (time.monotonic() - started) * 1000
            if response.status_code == expect:
                recorder.ok(endpoint, elapsed)
                return response
            if response.status_code == 401 and authorized and not relogged:
                relogged = True
                self.run.relogins += 1
                await self.login()
                continue
            if response.status_code == 429:
                recorder.throttled[endpoint] += 1
                await asyncio.sleep(min(float(response.headers.get("Retry-After", "1")),
                                        MAX_THROTTLE_WAIT_S))
                continue
            recorder.error(endpoint, str(response.status_code))
            raise Failed(f"{endpoint}: {response.status_code} {response.text[:200]}")

    async def login(self) -> None:
        response = await self.request(
            "POST /auth/token", "POST", "/auth/token", authorized=False,
            json={"username": self.username, "password": self.password})
        self.token = response.json()["access_token"]

    async def connect(self) -> None:
        """Login, who am I, the whole feed from the start."""
        await self.login()
        me = (await self.request("GET /me", "GET", "/me")).json()
        self.tenant = me["tenant"]["id"]
        self.view = FeedView(self.name, self.username, self.tenant)
        while True:
            page = await self.read("GET /changes (sync page)", limit=PAGE_LIMIT)
            if not page["has_more"]:
                return

    async def read(self, endpoint: str, *, limit: int, wait: float = 0) -> Json:
        """One page from the cursor, applied to the view."""
        params: dict[str, Any] = {"limit": limit}
        if self.cursor is not None:
            params["since"] = self.cursor
        if wait:
            params["wait"] = wait
        response = await self.request(endpoint, "GET", "/changes", params=params,
                                      timeout=wait + 60 if wait else None)
        arrived = time.monotonic()
        page: Json = orjson.loads(response.content)
        changes: list[Change] = []
        for change in page["changes"]:
            seq, kind, entity_id = change["seq"], change["kind"], change["id"]
            changes.append((seq, kind, entity_id))
            data = change["data"]
            if (kind == "customer" and data and data["tenant_id"] == self.tenant
                    and data["kind"] == "customer" and data.get("email")
                    and entity_id not in self.customers):
                self.customers.append(entity_id)
            if self.live and kind == "order" and entity_id not in self.first_seen:
                assert self.view is not None
                if record_key(kind, entity_id) not in self.view.entries:
                    self.first_seen[entity_id] = arrived
        assert self.view is not None
        self.view.apply(self.cursor, changes, page["next_cursor"])
        self.cursor = page["next_cursor"]
        return page

    # --- behaviours -------------------------------------------------------------------

    async def listen(self, wait: float) -> None:
        """Long-poll until cancelled."""
        endpoint = f"GET /changes?wait={wait:g} (held)"
        while True:
            try:
                await self.read(endpoint, limit=PAGE_LIMIT, wait=wait)
            except Failed:
                await asyncio.sleep(RETRY_PAUSE_S)

    async def poll(self, interval: float) -> None:
        """Where the feed has no wait: a plain read every `interval` seconds (jittered)."""
        await asyncio.sleep(random.uniform(0, interval))
        while True:
            try:
                while (await self.read("GET /changes (poll)", limit=PAGE_LIMIT))["has_more"]:
                    pass
            except Failed:
                pass
            await asyncio.sleep(interval * random.uniform(0.8, 1.2))

    async def catch_up(self) -> None:
        """Read on (no wait) until the feed has nothing more for this clerk."""
        while (await self.read("GET /changes (catch-up)", limit=CATCH_UP_LIMIT))["has_more"]:
            pass

    async def submit_orders(self, interval: float, stop: asyncio.Event) -> None:
        """Cart -> quote -> order, again and again, `interval` seconds apart (jittered)."""
        await asyncio.sleep(random.uniform(0, interval))
        number = 0
        while not stop.is_set():
            with contextlib.suppress(Failed):  # recorded; the next order is a new attempt
                await self.submit_one(PRODUCTS[number % len(PRODUCTS)])
            number += 1
            with contextlib.suppress(TimeoutError):  # the pause ended, not the run
                await asyncio.wait_for(stop.wait(), interval * random.uniform(0.8, 1.2))

    async def submit_one(self, product_code: str) -> None:
        if not self.customers:
            raise Failed(f"{self.name}: no customer with an email in tenant {self.tenant}")
        customer = random.choice(self.customers)
        voice = not product_code.startswith("internet")
        item = {"product_code": product_code, "quantity": 1, "usage_locations": [
            {"address": LOCATION, "phone_numbers": ["+49 40 1234567"] if voice else []}]}
        cart = (await self.request("POST /carts", "POST", "/carts", expect=201, json={
            "customer_id": customer, "business_transaction": "new_order",
            "contract_id": None, "items": [item]})).json()
        result = (await self.request("POST /carts/{id}/validate", "POST",
                                     f"/carts/{cart['id']}/validate")).json()
        if not result["valid"]:
            self.run.recorder.error("POST /carts/{id}/validate", "invalid cart")
            raise Failed(f"invalid cart: {result['violations']}")
        quote = (await self.request("POST /carts/{id}/quote", "POST",
                                    f"/carts/{cart['id']}/quote", expect=201)).json()
        await self.request("POST /quotes/{id}/send", "POST", f"/quotes/{quote['id']}/send",
                           json={"extra_recipient": None})
        await self.request("POST /quotes/{id}/approval", "POST",
                           f"/quotes/{quote['id']}/approval",
                           json={"approver_email": "freigabe@kunde.example"})
        key = str(uuid.uuid4())
        order = (await self.request(
            "POST /orders", "POST", "/orders", expect=201,
            json={"cart_id": cart["id"], "quote_id": quote["id"]},
            headers={"Idempotency-Key": key})).json()
        self.run.submitted[order["order"]["id"]] = (self.tenant, time.monotonic())
