"""Schemathesis hooks of tests/server/test_fuzz.py, loaded by the fuzzer's own process
(SCHEMATHESIS_HOOKS=tests.server.fuzz_hooks)."""

import json
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response


@schemathesis.check
def valid_requests_are_refused_only_by_rules(ctx: CheckContext, response: Response,
                                             case: "Case[Any]") -> bool | None:
    """The run lets a schema-valid request be answered 422 (positive_data_acceptance is
    configured so): a business rule may refuse it (an unknown product code, an invalid email
    address: nothing a schema can say). But never the request validation (a problem with
    `errors`): then the document allows what the contract refuses, and it must say more."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    try:
        problem = json.loads(response.content)
    except ValueError:
        problem = None
    if not isinstance(problem, dict) or problem.get("errors"):
        raise AssertionError(
            "A schema-valid request was refused by the request validation, so the OpenAPI "
            f"document is not what the server checks: {response.content[:500]!r}")
    return None
