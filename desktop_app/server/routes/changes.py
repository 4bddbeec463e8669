"""GET /changes: the change feed, scoped to the caller's tenants, optionally long-polled."""

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from desktop_app.contract.changes import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_WAIT,
    ChangePage,
    capped_wait,
)
from desktop_app.server import feed
from desktop_app.server.context import Context, CurrentPrincipal, ServerContext
from desktop_app.server.problems import ProblemError

router = APIRouter(tags=["changes"])

WAIT_DESCRIPTION = (
    "Long-poll: when no change past `since` is visible to the caller, hold the request up to "
    f"this many seconds (capped server-side at {MAX_WAIT:g}; larger values are accepted and "
    "capped) and answer as soon as such a change commits; on timeout an empty page with the "
    "same cursor. 0 or absent: answer at once.")
PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}


@router.get("/changes", response_model=ChangePage, responses={
    400: PROBLEM | {"description": "Invalid cursor"},
    410: PROBLEM | {"description": "Cursor expired: start a full resync from the beginning"}})
async def changes(request: Request, context: Context, principal: CurrentPrincipal,
                  since: Annotated[str | None, Query(max_length=40)] = None,
                  limit: Annotated[int, Query(ge=1)] = DEFAULT_PAGE_SIZE,
                  wait: Annotated[float, Query(ge=0, allow_inf_nan=False,
                                               description=WAIT_DESCRIPTION)] = 0,
                  ) -> Response:
    """Pages in sequence order; `limit` is capped at MAX_PAGE_SIZE."""
    limit = min(limit, MAX_PAGE_SIZE)
    tenant_ids = principal.tenant_ids
    timeout = capped_wait(wait)
    if timeout <= 0:
        page = await _read(context, since, limit, tenant_ids)
    else:
        hung_up = asyncio.ensure_future(_hung_up(request))
        try:
            page = await _long_poll(context, since, limit, tenant_ids, timeout, hung_up)
        finally:
            hung_up.cancel()
    return Response(page.to_json(), media_type="application/json")


async def _hung_up(request: Request) -> None:
    """Returns when the client has closed the connection."""
    try:
        while (await request.receive())["type"] != "http.disconnect":
            pass
    except Exception:  # a broken connection: nobody waits for the answer
        return


async def _long_poll(context: ServerContext, since: str | None, limit: int,
                     tenant_ids: frozenset[str] | None, timeout: float,
                     hung_up: "asyncio.Future[None]") -> feed.RawPage:
    """The first page with changes, else the last empty page read when the wait ends (or
    the client hung up: nobody reads that answer, but the wait is over).

    The waiter is registered before each read, so a commit between the read and the wait
    cannot be missed; a wake that brings nothing visible (it cannot, in this process, but a
    shared wake-up may) waits on until the deadline. No session is open while waiting.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        waiting = asyncio.ensure_future(
            context.wakeup.wait(tenant_ids, deadline - loop.time()))
        try:
            await asyncio.sleep(0)  # let the wait register
            page = await _read(context, since, limit, tenant_ids)
            if page.rows or hung_up.done():
                return page
            await asyncio.wait((waiting, hung_up), return_when=asyncio.FIRST_COMPLETED)
            if hung_up.done() or not waiting.result() or loop.time() >= deadline:
                return page
        finally:
            waiting.cancel()


async def _read(context: ServerContext, since: str | None, limit: int,
                tenant_ids: frozenset[str] | None) -> feed.RawPage:
    """One page, read in a worker thread (the database code is synchronous)."""
    return await run_in_threadpool(_read_page, context, since, limit, tenant_ids)


def _read_page(context: ServerContext, since: str | None, limit: int,
               tenant_ids: frozenset[str] | None) -> feed.RawPage:
    try:
        with context.database.read() as session:
            return feed.read_raw_page(session, since, limit, tenant_ids)
    except feed.CursorInvalid as error:
        raise ProblemError(400, "Invalid cursor", "The cursor is malformed.") from error
    except feed.CursorGone as error:
        raise ProblemError(410, "Cursor expired",
                           "The cursor is older than the retained change window; "
                           "start a full resync from the beginning.") from error
