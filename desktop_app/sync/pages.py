"""Validating a change-feed page in one pass, with errors that name the record and field."""

import json
from typing import Annotated, Literal, Self

from pydantic import Field, ValidationError, model_validator

from desktop_app.contract.base import ResponseModel
from desktop_app.contract.carts import CartOut, QuoteOut
from desktop_app.contract.changes import ChangeKind
from desktop_app.contract.orders import OrderOut
from desktop_app.contract.parties import ContractOut, PartyOut

Record = OrderOut | PartyOut | ContractOut | CartOut | QuoteOut

KIND_LABELS: dict[str, tuple[str, str]] = {
    "order": ("Auftrag", "Order"), "customer": ("Kunde", "Customer"),
    "contract": ("Vertrag", "Contract"), "cart": ("Warenkorb", "Cart"),
    "quote": ("Angebot", "Quote"),
}


class _ChangeBase(ResponseModel):
    seq: int
    op: Literal["upsert", "delete"]
    id: str

    @model_validator(mode="after")
    def _data_matches_op(self) -> Self:
        data = getattr(self, "data", None)
        if (self.op == "upsert") != (data is not None):
            raise ValueError("an upsert carries data, a delete carries none")
        if data is not None and data.id != self.id:
            raise ValueError(f"data.id {data.id!r} differs from the change's id")
        return self


class OrderChange(_ChangeBase):
    kind: Literal["order"]
    data: OrderOut | None


class CustomerChange(_ChangeBase):
    kind: Literal["customer"]
    data: PartyOut | None


class ContractChange(_ChangeBase):
    kind: Literal["contract"]
    data: ContractOut | None


class CartChange(_ChangeBase):
    kind: Literal["cart"]
    data: CartOut | None


class QuoteChange(_ChangeBase):
    kind: Literal["quote"]
    data: QuoteOut | None


TypedChange = Annotated[OrderChange | CustomerChange | ContractChange | CartChange | QuoteChange,
                        Field(discriminator="kind")]


class TypedChangePage(ResponseModel):
    changes: list[TypedChange]
    next_cursor: str
    has_more: bool
    remaining: int = 0

    def upserts(self) -> list[Record]:
        return [change.data for change in self.changes if change.data is not None]

    def deletes(self) -> list[tuple[ChangeKind, str]]:
        return [(ChangeKind(change.kind), change.id) for change in self.changes
                if change.op == "delete"]


class InvalidPageError(Exception):
    """A page the client must not apply; the message names the record and the field."""

    def __init__(self, message_de: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_de, self.message_en = message_de, message_en

    def message(self, language: Literal["de", "en"] = "de") -> str:
        return self.message_de if language == "de" else self.message_en


def parse_page(raw: bytes) -> TypedChangePage:
    """The page, fully validated (every record against the contract), or InvalidPageError."""
    try:
        return TypedChangePage.model_validate_json(raw)
    except ValidationError as error:
        raise _describe(error, raw) from None


def _describe(error: ValidationError, raw: bytes) -> InvalidPageError:
    first = error.errors(include_url=False)[0]
    location = list(first["loc"])
    if first["type"] == "json_invalid":
        return InvalidPageError("Die Antwort des Servers ist kein gültiges JSON.",
                                "The server's answer is not valid JSON.")
    if len(location) < 2 or location[0] != "changes" or not isinstance(location[1], int):
        field = ".".join(str(part) for part in location) or "page"
        return InvalidPageError(f"Die Seite der Änderungen ist ungültig (Feld {field}: "
                                f"{first['msg']}).",
                                f"The change page is invalid (field {field}: {first['msg']}).")
    index = location[1]
    kind, record_id = _identify(raw, index)
    # The location is changes.<i>.<kind tag>.data.<path>; keep the path inside the record.
    inner = [str(part) for part in location[3:] if part != "data"] if len(location) > 3 else []
    field = _field_path(inner) or "(Datensatz)"
    label_de, label_en = KIND_LABELS.get(kind, (kind or "Datensatz", kind or "record"))
    return InvalidPageError(
        f"{label_de} {record_id}: Feld „{field}“ ist ungültig ({first['msg']}). "
        "Die Seite wurde nicht übernommen.",
        f"{label_en} {record_id}: field “{field}” is invalid ({first['msg']}). "
        "The page was not applied.")


def _identify(raw: bytes, index: int) -> tuple[str, str]:
    try:
        change = json.loads(raw)["changes"][index]
        return str(change.get("kind", "")), str(change.get("id", f"#{index}"))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return "", f"#{index}"


def _field_path(parts: list[str]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if part.isdigit() else (f".{part}" if path else part)
    return path
