"""The OpenAPI document: bearer scheme, every answered status and content type, request
strings as the contract validates them (tests/server/test_fuzz.py holds it to the server)."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from desktop_app.contract import API_PREFIX, PROBLEM_MEDIA_TYPE
from desktop_app.contract.parties import ProspectCreate
from desktop_app.server.app import create_app
from desktop_app.server.openapi import NO_CONTROL_CHARACTERS, NOT_BLANK, install_openapi
from desktop_app.server.settings import ServerSettings
from fastapi import FastAPI
from pydantic import ValidationError

from tests.server.live_server import LiveServer

PUBLIC = {("POST", "/auth/token"), ("POST", "/auth/refresh"), ("POST", "/auth/logout"),
          ("GET", "/health")}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    path: Path = tmp_path_factory.mktemp("openapi") / "server.sqlite3"
    app = create_app(ServerSettings(database_url=f"sqlite:///{path}", simulator_interval=0))
    install_openapi(app)
    yield app
    app.state.context.database.dispose()


@pytest.fixture(scope="module")
def document(app: FastAPI) -> dict[str, Any]:
    return app.openapi()


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path.removeprefix(API_PREFIX), operation


def test_the_app_serves_the_completed_document(live_server: LiveServer) -> None:
    """app.py calls install_openapi(app): /openapi.json is the completed document."""
    served = httpx.get(f"{live_server.base_url}/openapi.json", timeout=30).json()
    assert "bearer" in served["components"].get("securitySchemes", {})


def test_install_is_idempotent(app: FastAPI, document: dict[str, Any]) -> None:
    install_openapi(app)
    assert app.openapi() is document


def test_every_operation_declares_whether_it_needs_the_bearer_token(
        document: dict[str, Any]) -> None:
    scheme = document["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    operations = list(_operations(document))
    assert len(operations) >= 30
    for method, path, operation in operations:
        if (method, path) in PUBLIC:
            assert operation["security"] == [], (method, path)
            continue
        assert operation["security"] == [{"bearer": []}], (method, path)
        unauthorized = operation["responses"]["401"]
        assert unauthorized["headers"]["WWW-Authenticate"]["required"] is True


def test_errors_are_documented_as_problem_json(document: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in document["components"]["schemas"]
    problem = document["components"]["schemas"]["Problem"]
    assert {"title", "status"} <= set(problem["required"])
    for method, path, operation in _operations(document):
        responses = operation["responses"]
        errors = {code for code in responses if code.startswith(("4", "5"))}
        validated = [parameter for parameter in operation.get("parameters", [])
                     if parameter["name"] != "If-None-Match"]  # read as text, never refused
        if validated or "requestBody" in operation:
            assert "422" in errors, (method, path)
        if "requestBody" in operation:
            assert "400" in errors, (method, path)
        if "{" in path:
            assert "404" in errors, (method, path)
        for code in errors:
            assert responses[code]["content"] == {PROBLEM_MEDIA_TYPE: {
                "schema": {"$ref": "#/components/schemas/Problem"}}}, (method, path, code)


@pytest.mark.parametrize(("method", "path", "statuses"), [
    ("POST", "/auth/token", {"200", "400", "401", "422", "429", "503"}),
    ("POST", "/auth/refresh", {"200", "400", "401", "422", "503"}),
    ("GET", "/changes", {"200", "400", "401", "410", "422"}),
    ("POST", "/orders", {"201", "400", "401", "404", "409", "422", "503"}),
    ("POST", "/quotes/{quote_id}/approval", {"200", "400", "401", "403", "404", "422", "503"}),
    ("GET", "/meta/statuses", {"200", "304", "401"}),
    ("GET", "/documents/{document_id}", {"200", "401", "404", "422"}),
    ("GET", "/health", {"200"}),
])
def test_answered_statuses_are_documented(document: dict[str, Any], method: str, path: str,
                                          statuses: set[str]) -> None:
    operation = document["paths"][API_PREFIX + path][method.lower()]
    assert set(operation["responses"]) == statuses


def test_headers_and_content_types_clients_rely_on(document: dict[str, Any]) -> None:
    paths = {path.removeprefix(API_PREFIX): methods for path, methods in document["paths"].items()}
    for code in ("429", "503"):
        retry = paths["/auth/token"]["post"]["responses"][code]["headers"]["Retry-After"]
        assert retry["schema"] == {"type": "integer", "minimum": 1}
    pdf = paths["/documents/{document_id}"]["get"]["responses"]["200"]
    assert list(pdf["content"]) == ["application/pdf"]
    assert {"ETag", "X-Content-SHA256", "Content-Disposition"} <= set(pdf["headers"])
    statuses = paths["/meta/statuses"]["get"]
    assert "If-None-Match" in [parameter["name"] for parameter in statuses["parameters"]]
    assert {"ETag", "Cache-Control"} <= set(statuses["responses"]["304"]["headers"])
    order = paths["/orders"]["post"]
    key = next(parameter for parameter in order["parameters"]
               if parameter["name"].lower() == "idempotency-key")
    assert key["required"] is True
    assert order["responses"]["201"]["headers"]["Idempotent-Replayed"]["required"] is False


TEXTS = ["", " ", "\t", "\n", "\u00a0", "\u3000 ", "a", " a ", "Müller & Söhne GmbH", "a\x00b",
         "\x1f", "x\x7f", "\u2003x", "tab\there", "line\nbreak", "\x85", "日本"]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_documented_patterns_match_what_the_contract_accepts(
        document: dict[str, Any], text: str) -> None:
    """The schema's patterns say exactly what RequestModel refuses: control characters
    everywhere, blanks where a stripped text must not be empty."""
    properties = document["components"]["schemas"]["ProspectCreate"]["properties"]
    assert properties["company"]["pattern"] == NOT_BLANK
    assert properties["email"]["pattern"] == NO_CONTROL_CHARACTERS
    valid = {"company": "Firma", "contact_name": "Eva", "email": "eva@firma.example",
             "address": {"street": "Weg 1", "postal_code": "10115", "city": "Berlin"}}
    for field, pattern in (("company", NOT_BLANK), ("email", NO_CONTROL_CHARACTERS)):
        try:
            ProspectCreate.model_validate(valid | {field: text})
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted == bool(re.search(pattern, text)), (field, text)


def test_405_names_every_method_of_the_path(live_server: LiveServer) -> None:
    """Starlette's 405 named only the first route's methods (GET /carts/{id} hid DELETE)."""
    for method in ("OPTIONS", "PATCH", "POST"):
        response = httpx.request(method, f"{live_server.api}/carts/some-cart", timeout=30)
        assert response.status_code == 405, response.text
        assert response.headers["allow"] == "DELETE, GET"
        assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    response = httpx.delete(f"{live_server.api}/health", timeout=30)
    assert (response.status_code, response.headers["allow"]) == (405, "GET")
