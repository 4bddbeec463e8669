"""Turning HTTP responses into contract models or typed errors."""

from functools import cache
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from desktop_app.api.errors import (
    ApiError,
    BadRequestError,
    CursorGoneError,
    InvalidResponseError,
    NotAuthenticatedError,
    NotFoundError,
    RuleViolationError,
    ServerError,
)
from desktop_app.contract.base import Problem

M = TypeVar("M", bound=BaseModel)


def _subject(response: requests.Response) -> str:
    request = response.request
    path = request.path_url.split("?", 1)[0] if request is not None else "?"
    return f"{request.method if request is not None else ''} {path}".strip()


def parse_model(model: type[M], response: requests.Response) -> M:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise InvalidResponseError.from_validation(error, _subject(response)) from None


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def parse_list(model: type[M], response: requests.Response) -> list[M]:
    try:
        parsed: list[M] = _list_adapter(model).validate_json(response.content)
    except ValidationError as error:
        raise InvalidResponseError.from_validation(error, _subject(response)) from None
    return parsed


def problem_of(response: requests.Response) -> Problem | None:
    """The problem details of an error response, or None when the body is not one."""
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type:
        return None
    try:
        return Problem.model_validate_json(response.content)
    except ValidationError:
        return None


def error_for(response: requests.Response) -> ApiError:
    """The typed error for a non-success status."""
    status = response.status_code
    problem = problem_of(response)
    title = problem.title if problem is not None else (response.reason or f"HTTP {status}")
    detail = problem.detail if problem is not None else None
    if status == 401:
        return NotAuthenticatedError()
    if status == 404:
        return NotFoundError(detail or "")
    if status == 410:
        return CursorGoneError()
    if status == 422 and problem is not None and problem.violations:
        return RuleViolationError(problem.violations)
    if 400 <= status < 500 and status != 429:
        if problem is not None and problem.errors and not detail:
            fields = ", ".join(".".join(str(p) for p in _as_loc(e.get("loc")))
                               for e in problem.errors[:5])
            detail = fields or None
        return BadRequestError(status, title, detail)
    return ServerError(status, problem.title if problem is not None else None)


def _as_loc(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def expect_status(response: requests.Response, *expected: int) -> requests.Response:
    if response.status_code in expected:
        return response
    error = error_for(response)  # unexpected 1xx/2xx/3xx end up as ServerError too
    response.close()
    raise error
