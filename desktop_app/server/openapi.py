"""The OpenAPI document as the server really answers: the bearer scheme on every operation
that needs a token, every status with its content type (problem+json for errors), the
headers clients rely on, and request strings as the contract validates them.

FastAPI derives the document from the routes and the pydantic models; what it cannot see
(the problem handlers, a dependency that authenticates, a rule a validator enforces) is
added here, after the routers are included: `install_openapi(app)`. The schema fuzz test
(tests/server/test_fuzz.py) holds the document to the server.
"""

from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from fastapi import FastAPI, routing
from fastapi.dependencies.models import Dependant
from pydantic import BaseModel, StringConstraints

from desktop_app.contract import API_PREFIX, PROBLEM_MEDIA_TYPE
from desktop_app.contract.base import Problem, RequestModel
from desktop_app.server.context import get_principal

BEARER = "bearer"
Json = dict[str, Any]

# The characters RequestModel refuses (its control-character check), as a regex class body.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
# What str.strip() removes (Python's whitespace), beyond the control characters above.
_BLANK = r"\x09\x0a\x0d\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NO_CONTROL_CHARACTERS = f"^[^{_CONTROL}]*$"
# Stripped and at least one character long: a visible character somewhere.
NOT_BLANK = f"^[^{_CONTROL}]*[^{_CONTROL}{_BLANK}][^{_CONTROL}]*$"
# RequestModel's str_max_length: the bound of strings without one of their own.
REQUEST_STRING_MAX = 2000

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

# Statuses an operation answers beyond the generic ones (see _document_operation), by
# (method, path below the API prefix): what the services raise for it.
_EXTRA: dict[tuple[str, str], dict[int, str]] = {
    ("POST", "/auth/token"): {
        401: "Wrong user name or password",
        429: "Too many failed logins for this user name or from this address: try again "
             "after Retry-After seconds (the right password is refused too meanwhile)"},
    ("POST", "/auth/refresh"): {
        401: "Unknown, expired or already used refresh token (a reuse after the grace "
             "window revokes the whole login)"},
    ("POST", "/customers"): {404: "Tenant not found (or not the caller's)",
                             422: "Rule violations (e.g. an invalid email address)"},
    ("POST", "/carts"): {404: "Customer or contract not found",
                         422: "Rule violations (see `violations`)"},
    ("PUT", "/carts/{cart_id}/items"): {422: "Rule violations (see `violations`)"},
    ("DELETE", "/carts/{cart_id}"): {422: "The cart can no longer be deleted"},
    ("POST", "/carts/{cart_id}/quote"): {422: "Rule violations (see `violations`)"},
    ("POST", "/quotes/{quote_id}/send"): {422: "The quote cannot be sent in its state"},
    ("POST", "/quotes/{quote_id}/withdraw"): {422: "The quote cannot be withdrawn"},
    ("POST", "/quotes/{quote_id}/approval"): {
        403: "This server does not let clerks simulate the customer's approval",
        422: "The quote cannot be decided in its state"},
    ("POST", "/quotes/{quote_id}/provider-approval"): {
        422: "The quote needs no or no more provider approval"},
    ("POST", "/orders"): {
        400: "Idempotency-Key missing, or malformed JSON",
        404: "Cart or quote not found",
        409: "A request with this Idempotency-Key is being processed: retry it",
        422: "Rule violations, or the Idempotency-Key was used for another request"},
}

# Write transactions can lose a race; retry.RetryConflicts replays them, then answers 503.
_WRITING = frozenset({"POST", "PUT", "DELETE"})

_ETAG_PATHS = ("/meta/statuses", "/meta/business-transactions", "/catalog/products")

_HEADER_DOCS: dict[str, tuple[str, Json]] = {
    "WWW-Authenticate": ("The scheme to authenticate with: Bearer", {"type": "string"}),
    "Retry-After": ("Seconds to wait before trying again", {"type": "integer", "minimum": 1}),
    "ETag": ("Strong entity tag of the representation", {"type": "string"}),
    "Cache-Control": ("no-cache: revalidate with If-None-Match", {"type": "string"}),
    "X-Content-SHA256": ("sha256 of the document bytes, lower-case hex",
                         {"type": "string", "pattern": "^[0-9a-f]{64}$"}),
    "Content-Disposition": ("attachment with the document's file name", {"type": "string"}),
    "Idempotent-Replayed": ("true: the answer to an earlier request with this key",
                            {"type": "string", "enum": ["true"]}),
    "Content-Encoding": ("gzip when the request's Accept-Encoding accepts it and the page "
                         "is large enough to gain (pages of a few changes are sent as "
                         "they are); absent: the body is plain JSON",
                         {"type": "string", "enum": ["gzip"]}),
    "Vary": ("Accept-Encoding: the encoding follows the request's Accept-Encoding",
             {"type": "string"}),
}


def install_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` (and /openapi.json) return the completed document; call it
    after every router is included (once; a second call changes nothing)."""
    if getattr(app.state, "openapi_completed", False):
        return
    app.state.openapi_completed = True
    generate = app.openapi

    def openapi() -> Json:
        if app.openapi_schema is None:
            document = generate()  # FastAPI's, cached on the app; completed in place
            complete(document, api_routes(app))
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented hook


def api_routes(app: FastAPI) -> list[Any]:
    """The app's operations as FastAPI routes (included routers resolved: the path carries
    the prefix, `dependant` and `body_field` are the route's)."""
    return [context for context in routing.iter_route_contexts(app.routes)
            if isinstance(context.original_route, routing.APIRoute)]


def complete(document: Json, routes: list[Any]) -> None:
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    components["securitySchemes"] = {BEARER: {
        "type": "http", "scheme": "bearer",
        "description": "The access token from POST /auth/token or POST /auth/refresh."}}
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    for name in ("HTTPValidationError", "ValidationError"):  # answered as problems instead
        schemas.pop(name, None)
    for route in routes:
        for method in sorted(route.methods):
            operation = document["paths"][route.path_format][method.lower()]
            _document_operation(operation, route, method)
    _constrain_request_strings(schemas)


def _document_operation(operation: Json, route: Any, method: str) -> None:
    path = route.path_format.removeprefix(API_PREFIX)
    responses: Json = operation.setdefault("responses", {})
    dependant = route.dependant
    authenticated = _needs_principal(dependant)
    operation["security"] = [{BEARER: []}] if authenticated else []
    statuses: dict[int, str] = {}
    if route.body_field is not None:
        statuses[400] = "Malformed JSON"
    if authenticated:
        statuses[401] = "Missing, invalid or expired access token"
    if dependant.path_params:
        statuses[404] = "Not found, or not visible to the caller"
    if route.body_field is not None or _has_parameters(dependant):
        statuses[422] = "Invalid request (see `errors`)"
    if method in _WRITING:
        statuses[503] = ("The database stayed busy with conflicting changes (retry.py): retry "
                         "after Retry-After seconds")
    for status, text in _EXTRA.get((method, path), {}).items():
        statuses[status] = _joined(statuses.get(status), text)
    for status, description in statuses.items():
        _problem_response(responses, status, description)
    for code, response in responses.items():
        if str(code).startswith(("4", "5")):
            response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}
    if "401" in responses:
        _headers(responses["401"], "WWW-Authenticate")
    for code in ("429", "503"):
        if code in responses:
            _headers(responses[code], "Retry-After")
    if method == "GET" and path in _ETAG_PATHS:
        _conditional_get(operation, responses)
    if path == "/documents/{document_id}":
        responses["200"]["content"] = {"application/pdf": {
            "schema": {"type": "string", "format": "binary"}}}
        _headers(responses["200"], "ETag", "X-Content-SHA256", "Content-Disposition")
    for parameter in operation.get("parameters", []):
        if parameter["in"] in ("path", "query"):  # problems.RefuseControlCharacters
            for string in _string_schemas(parameter.get("schema", {})):
                if "enum" not in string and "pattern" not in string:
                    string["pattern"] = NO_CONTROL_CHARACTERS
    if (method, path) == ("GET", "/changes"):  # feed_compression.feed_response
        _headers(responses["200"], "Vary")
        _headers(responses["200"], "Content-Encoding", required=False)
    if (method, path) == ("POST", "/orders"):
        _require_idempotency_key(operation)
        _headers(responses["201"], "Idempotent-Replayed", required=False)


def _joined(first: str | None, second: str) -> str:
    return second if first is None or first == second else f"{first}; or: {second}"


def _problem_response(responses: Json, status: int, description: str) -> None:
    response = responses.setdefault(str(status), {})
    if response.get("description") in (None, "Validation Error"):
        response["description"] = description


def _headers(response: Json, *names: str, required: bool = True) -> None:
    headers = response.setdefault("headers", {})
    for name in names:
        description, schema = _HEADER_DOCS[name]
        headers[name] = {"description": description, "required": required, "schema": schema}


def _conditional_get(operation: Json, responses: Json) -> None:
    operation.setdefault("parameters", []).append({
        "name": "If-None-Match", "in": "header", "required": False,
        "description": "The ETag of a copy the client holds: 304 when it is current.",
        "schema": {"type": "string"}})
    responses["304"] = {"description": "Not Modified: the copy with this ETag is current"}
    _headers(responses["200"], "ETag", "Cache-Control")
    _headers(responses["304"], "ETag", "Cache-Control")


def _require_idempotency_key(operation: Json) -> None:
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "header" and parameter["name"].lower() == "idempotency-key":
            parameter["required"] = True
            parameter["description"] = ("Chosen by the client per order (e.g. a UUID) and "
                                        "sent again on every retry: one key, one order.")
            # The route refuses a blank key; FastAPI documents it as optional text.
            parameter["schema"] = {"type": "string", "minLength": 1, "maxLength": 200,
                                   "pattern": NOT_BLANK}


def _needs_principal(dependant: Dependant) -> bool:
    return any(sub.call is get_principal or _needs_principal(sub)
               for sub in dependant.dependencies)


def _has_parameters(dependant: Dependant) -> bool:
    if dependant.path_params or dependant.query_params or dependant.header_params:
        return True
    return any(_has_parameters(sub) for sub in dependant.dependencies)


# --- request strings ---------------------------------------------------------------------


def _constrain_request_strings(schemas: Json) -> None:
    """RequestModel refuses control characters and strings over 2000 characters, and a
    stripped text with a minimum length refuses blanks: say so in the schemas, or a client
    (or a fuzzer) sending a "valid" name like "\\u0000" learns it only from a 422."""
    for model in _request_models():
        schema = schemas.get(model.__name__)
        if schema is None:
            continue
        stripped = dict(_stripped_non_empty_fields(model))
        for name, field_schema in schema.get("properties", {}).items():
            for string in _string_schemas(field_schema):
                _constrain_string(string, not_blank=stripped.get(name, False))


def _request_models() -> Iterator[type[RequestModel]]:
    pending: list[type[RequestModel]] = [RequestModel]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model is not RequestModel:
            yield model


def _stripped_non_empty_fields(model: type[BaseModel]) -> Iterator[tuple[str, bool]]:
    for name, field in model.model_fields.items():
        constraints = [item for item in field.metadata if isinstance(item, StringConstraints)]
        constraints += list(_constraints_in(field.annotation))
        yield name, any(item.strip_whitespace and (item.min_length or 0) > 0
                        for item in constraints)


def _constraints_in(annotation: object) -> Iterator[StringConstraints]:
    """StringConstraints inside Optional[...] and Annotated[...] (not inside lists: those
    constrain the items, which have no stripped non-empty texts today)."""
    if get_origin(annotation) is Annotated:
        yield from (item for item in get_args(annotation)[1:]
                    if isinstance(item, StringConstraints))
        return
    if get_origin(annotation) is list:
        return
    for argument in get_args(annotation):
        yield from _constraints_in(argument)


def _string_schemas(schema: Json) -> Iterator[Json]:
    """The plain string schemas of a property: itself, its array items, its anyOf arms."""
    if schema.get("type") == "string":
        yield schema
    if isinstance(schema.get("items"), dict):
        yield from _string_schemas(schema["items"])
    for arm in schema.get("anyOf", []):
        yield from _string_schemas(arm)


def _constrain_string(schema: Json, *, not_blank: bool) -> None:
    if "enum" in schema or "format" in schema:
        return
    schema.setdefault("maxLength", REQUEST_STRING_MAX)
    if "pattern" not in schema:  # an own pattern (country, digests) excludes them already
        schema["pattern"] = NOT_BLANK if not_blank else NO_CONTROL_CHARACTERS
