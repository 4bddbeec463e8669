"""Fixtures of the API-layer tests (defined in api_support, which mypy checks)."""

from tests.api.api_support import (  # noqa: F401
    api_server,
    certificate,
    stub,
    tls_stub,
)
