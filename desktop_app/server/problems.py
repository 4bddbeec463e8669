"""Errors as RFC 9457 problem details (application/problem+json)."""

import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request, routing
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.contract.base import Problem, ViolationOut
from desktop_app.domain.violations import Violation

log = logging.getLogger(__name__)


class ProblemError(Exception):
    def __init__(self, status: int, title: str, detail: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(title)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers


class NotFound(ProblemError):
    """Also what a clerk gets for another tenant's record: its existence is not revealed."""

    def __init__(self, what: str) -> None:
        super().__init__(404, "Not Found", f"{what} not found")


class RuleViolations(ProblemError):
    def __init__(self, violations: Sequence[Violation]) -> None:
        super().__init__(422, "Rule violations", "; ".join(v.message_en for v in violations))
        self.violations = list(violations)


def violation_out(violation: Violation) -> ViolationOut:
    return ViolationOut(code=violation.code, field=violation.field,
                        message_de=violation.message_de, message_en=violation.message_en,
                        params=dict(violation.params))


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(problem.model_dump(mode="json"), status_code=problem.status,
                        media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _validation_errors(error: RequestValidationError) -> list[dict[str, Any]]:
    # Echoing rejected input back could leak a password; keep location, type and message.
    return [{"loc": list(item.get("loc", ())), "type": item.get("type"), "msg": item.get("msg")}
            for item in error.errors()]


# What RequestModel refuses in texts; NUL above all, which PostgreSQL cannot even compare.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RefuseControlCharacters:
    """Refuses a path or query string holding control characters with 422 before any route
    sees it: no id, cursor or search text of ours contains one, and psycopg raises on NUL in
    a parameter (a 500 for GET /carts/%00 on PostgreSQL). Request bodies are the contract
    models' business (RequestModel refuses them there)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            location = _control_characters_in(scope)
            if location is not None:
                response = problem_response(Problem(
                    title="Invalid request", status=422,
                    errors=[{"loc": [location], "type": "string_pattern_mismatch",
                             "msg": "Control characters are not allowed"}]))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _control_characters_in(scope: Scope) -> str | None:
    if _CONTROL_CHARACTERS.search(scope.get("path", "")):
        return "path"
    query = scope.get("query_string", b"").decode("latin-1")
    pairs = parse_qsl(query, keep_blank_values=True, errors="replace")
    if any(_CONTROL_CHARACTERS.search(key + value) for key, value in pairs):
        return "query"
    return None


def install_problem_handlers(app: FastAPI) -> None:
    """Every error as a problem: the exception handlers, and the control-character guard
    in front of the routes."""
    app.add_middleware(RefuseControlCharacters)

    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, error: ProblemError) -> JSONResponse:
        violations = ([violation_out(v) for v in error.violations]
                      if isinstance(error, RuleViolations) else [])
        return problem_response(Problem(title=error.title, status=error.status,
                                        detail=error.detail, violations=violations),
                                error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(error)
        malformed = any(item["type"] == "json_invalid" for item in errors)
        status = 400 if malformed else 422
        title = "Malformed JSON" if malformed else "Invalid request"
        return problem_response(Problem(title=title, status=status, errors=errors))

    @app.exception_handler(Exception)
    async def _bug(_request: Request, error: Exception) -> JSONResponse:
        # Logged by the server; the client gets no internals (they may hold personal data).
        log.error("unhandled error", exc_info=error)
        return problem_response(Problem(title="Internal Server Error", status=500))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return problem_response(Problem(title=str(error.detail), status=error.status_code),
                                headers)


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this path. Starlette's 405 names only the first
    route matching the path, so GET /carts/{id} hid DELETE /carts/{id} from `Allow`."""
    methods: set[str] = set()
    for route in routing.iter_route_contexts(request.app.router.routes):
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods |= route.methods or set()
    return ", ".join(sorted(methods))
