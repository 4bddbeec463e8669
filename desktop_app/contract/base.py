"""Base classes: requests refuse unknown fields, responses tolerate additions (forward compat)."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Identifier = Annotated[str, StringConstraints(min_length=1, max_length=64)]
EmailText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=2000)


class ResponseModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ViolationOut(ResponseModel):
    code: str
    field: str | None = None
    message_de: str
    message_en: str


class Problem(ResponseModel):
    """RFC 9457 problem details, with the rule violations when rules were broken."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    violations: list[ViolationOut] = []
    errors: list[dict[str, object]] = []
