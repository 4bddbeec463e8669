"""GET /changes: the change feed, scoped to the caller's tenants."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from desktop_app.contract.changes import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ChangePage
from desktop_app.server import feed
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.problems import ProblemError

router = APIRouter(tags=["changes"])


@router.get("/changes", response_model=ChangePage)
def changes(context: Context, principal: CurrentPrincipal,
            since: Annotated[str | None, Query(max_length=40)] = None,
            limit: Annotated[int, Query(ge=1)] = DEFAULT_PAGE_SIZE) -> Response:
    """Pages in sequence order; `limit` is capped at MAX_PAGE_SIZE."""
    try:
        with context.database.read() as session:
            page = feed.read_raw_page(session, since, min(limit, MAX_PAGE_SIZE),
                                      principal.tenant_ids)
        return Response(page.to_json(), media_type="application/json")
    except feed.CursorInvalid as error:
        raise ProblemError(400, "Invalid cursor", "The cursor is malformed.") from error
    except feed.CursorGone as error:
        raise ProblemError(410, "Cursor expired",
                           "The cursor is older than the retained change window; "
                           "start a full resync from the beginning.") from error
