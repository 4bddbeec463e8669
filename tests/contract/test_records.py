"""The TypedDict records accept and reject exactly what the wire models do."""

import copy
import json
import typing
from pathlib import Path
from typing import Any

import pytest
from desktop_app.contract import records
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut
from desktop_app.server.database import Database
from desktop_app.server.db import ChangeRow
from desktop_app.server.seed import seed_demo
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import select

PAIRS: dict[str, tuple[type[BaseModel], Any]] = {
    "order": (OrderOut, records.OrderRecord),
    "customer": (PartyOut, records.PartyRecord),
    "contract": (ContractOut, records.ContractRecord),
    "cart": (CartOut, records.CartRecord),
    "quote": (QuoteOut, records.QuoteRecord),
}


@pytest.fixture(scope="module")
def feed_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    path: Path = tmp_path_factory.mktemp("records") / "server.sqlite3"
    database = Database(f"sqlite:///{path}")
    seed_demo(database)
    found: dict[str, list[dict[str, Any]]] = {kind: [] for kind in PAIRS}
    with database.read() as session:
        for row in session.scalars(select(ChangeRow).where(ChangeRow.op == "upsert")):
            if len(found[row.kind]) < 60 and row.data is not None:
                found[row.kind].append(json.loads(row.data))
    database.dispose()
    return found


def _typed_dict_fields(kind: Any) -> set[str]:
    return set(typing.get_type_hints(kind))


def _nested_pairs() -> list[tuple[type[BaseModel], Any]]:
    from desktop_app.contract import carts, orders, parties

    return [(carts.CartItemOut, records.CartItemRecord),
            (carts.SelectedOptionOut, records.SelectedOptionRecord),
            (carts.UsageLocationOut, records.UsageLocationRecord),
            (carts.Totals, records.TotalsRecord), (parties.AddressOut, records.AddressRecord),
            (orders.StatusEventOut, records.StatusEventRecord),
            (orders.DocumentOut, records.DocumentRecord),
            (orders.RecipientOut, records.RecipientRecord), *PAIRS.values()]


@pytest.mark.parametrize(("model", "record"), _nested_pairs(),
                         ids=lambda value: getattr(value, "__name__", str(value)))
def test_same_fields(model: type[BaseModel], record: Any) -> None:
    assert _typed_dict_fields(record) == set(model.model_fields)


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_same_values_for_real_feed_records(
        kind: str, feed_records: dict[str, list[dict[str, Any]]]) -> None:
    model, record = PAIRS[kind]
    adapter = TypeAdapter(record)
    assert feed_records[kind], kind
    for data in feed_records[kind]:
        raw = json.dumps(data).encode()
        assert adapter.validate_json(raw) == model.model_validate_json(raw).model_dump()


BREAKAGES: list[tuple[str, list[str | int], Any]] = [
    ("order", ["status"], "lost"),
    ("order", ["items", 0, "quantity"], "many"),
    ("order", ["created_at"], "yesterday"),
    ("order", ["history", 0, "at"], None),
    ("order", ["totals", "monthly_net_cents"], 1.5),
    ("order", ["recipients", 0, "sources", 0], "neighbour"),
    ("customer", ["address", "city"], None),
    ("contract", ["start_date"], "2026-13-01"),
    ("cart", ["state"], "lost"),
    ("quote", ["valid_until"], 7),
]


@pytest.mark.parametrize(("kind", "path", "value"), BREAKAGES)
def test_both_reject_the_same_breakage(kind: str, path: list[str | int], value: Any,
                                       feed_records: dict[str, list[dict[str, Any]]]) -> None:
    model, record = PAIRS[kind]
    data = copy.deepcopy(next(d for d in feed_records[kind] if d.get("history") != []))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    raw = json.dumps(data).encode()
    with pytest.raises(ValidationError):
        TypeAdapter(record).validate_json(raw)
    with pytest.raises(ValidationError):
        model.model_validate_json(raw)


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_both_reject_a_missing_field(kind: str,
                                     feed_records: dict[str, list[dict[str, Any]]]) -> None:
    model, record = PAIRS[kind]
    for field in model.model_fields:
        data = dict(feed_records[kind][0])
        del data[field]
        raw = json.dumps(data).encode()
        model_accepts = _accepts(model.model_validate_json, raw)
        record_accepts = _accepts(TypeAdapter(record).validate_json, raw)
        assert model_accepts == record_accepts, field


def _accepts(validate: Any, raw: bytes) -> bool:
    try:
        validate(raw)
    except ValidationError:
        return False
    return True
