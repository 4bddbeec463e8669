"""GET /changes: the change feed, scoped to the caller's tenants, optionally long-polled."""

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from desktop_app.contract.changes import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_WAIT,
    ChangePage,
    capped_wait,
)
from desktop_app.server import feed
from desktop_app.server.context import Context, CurrentPrincipal, ServerContext
from desktop_app.server.feed_compression import feed_response
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
    if timeout <= 0:  # read alone: kept pages of bulk reads would add up to hundreds of MB
        _, body = await _read(context, since, limit, tenant_ids, shared=False)
    else:
        hung_up = asyncio.ensure_future(_hung_up(request))
        try:
            body = await _long_poll(context, since, limit, tenant_ids, timeout, hung_up)
        finally:
            hung_up.cancel()
    return await feed_response(request, body)  # gzip when the client accepts it


async def _hung_up(request: Request) -> None:
    """Returns when the client has closed the connection."""
    try:
        while (await request.receive())["type"] != "http.disconnect":
            pass
    except Exception:  # a broken connection: nobody waits for the answer
        return


async def _long_poll(context: ServerContext, since: str | None, limit: int,
                     tenant_ids: frozenset[str] | None, timeout: float,
                     hung_up: "asyncio.Future[None]") -> bytes:
    """The first page with changes, else an empty page when the wait ends (or the client
    hung up: nobody reads that answer, but the wait is over).

    The waiter is registered before each look at the feed, so a commit after the look cannot
    be missed. The look is the in-memory marks when they show nothing past the cursor for the
    caller's tenants (no read), else a (shared) page read; a wake that brings nothing visible
    waits on until the deadline. No session is open while waiting.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        waiting = asyncio.ensure_future(
            context.wakeup.wait(tenant_ids, deadline - loop.time()))
        try:
            await asyncio.sleep(0)  # let the wait register
            body = _quiet_answer(context, since, tenant_ids)
            read = body is None
            if body is None:
                page, body = await _read(context, since, limit, tenant_ids)
                if page.rows or hung_up.done():
                    return body
            await asyncio.wait((waiting, hung_up), return_when=asyncio.FIRST_COMPLETED)
            if hung_up.done() or not waiting.result() or loop.time() >= deadline:
                # Timed out or closed: the empty page read before the wait; without a read,
                # the marks' empty page if they still say so, else a read after all.
                if read or hung_up.done():
                    return body
                return _quiet_answer(context, since, tenant_ids) or (
                    await _read(context, since, limit, tenant_ids))[1]
        finally:
            waiting.cancel()


def _quiet_answer(context: ServerContext, since: str | None,
                  tenant_ids: frozenset[str] | None) -> bytes | None:
    """The empty page at `since` when the in-memory marks show that no change past it is
    visible to these tenants and the cursor is valid (as a read would find: not 400/410);
    None when unknown (then read the page)."""
    head = context.wakeup.marks.head_for(tenant_ids)
    if head is None:
        context.pages.load_marks_soon(context)
        return None
    try:
        parsed = feed.parse_cursor(since)
    except feed.CursorInvalid:
        return None
    if parsed is None:
        return None
    epoch, seq, known_horizon = parsed
    if (epoch != head.epoch or seq > head.head or known_horizon > head.horizon
            or head.horizon > max(seq, known_horizon) or head.visible > seq):
        return None
    empty = feed.RawPage(rows=[], next_cursor=feed.format_cursor(epoch, seq, head.horizon),
                         has_more=False)
    return empty.to_json()


async def _read(context: ServerContext, since: str | None, limit: int,
                tenant_ids: frozenset[str] | None, *,
                shared: bool = True) -> tuple[feed.RawPage, bytes]:
    """One page and its bytes, read in a worker thread (the database code is synchronous);
    long-polls asking for the same page at the same feed head share one read (`shared`)."""
    head = context.wakeup.marks.head_for(None) if shared else None
    key = None if head is None else (head.generation, head.head, since, tenant_ids, limit)
    return await context.pages.page(
        key, lambda: _read_page(context, since, limit, tenant_ids))


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
