"""Base classes: requests refuse unknown fields, responses tolerate additions (forward compat)."""

import re
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Identifier = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# Lower-case hex digest; clients use it as a file name, so nothing else may pass.
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
EmailText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=2000)

    @model_validator(mode="after")
    def _no_control_characters(self) -> Self:
        """NUL and friends have no place in names or addresses (and break some databases)."""
        for name, value in self.__dict__.items():
            texts = [value] if isinstance(value, str) else (
                [item for item in value if isinstance(item, str)] if isinstance(value, list)
                else [])
            if any(_CONTROL_CHARACTERS.search(text) for text in texts):
                raise ValueError(f"{name} contains control characters")
        return self


class ResponseModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ViolationOut(ResponseModel):
    code: str
    field: str | None = None
    message_de: str
    message_en: str
    # Added in v1 without breaking it (absent from older servers: empty): the values the
    # messages were made from, e.g. OPEN_CART_EXISTS names the blocking cart's id in "cart".
    params: dict[str, str] = Field(
        default_factory=dict,
        description="The values the messages name, by template field (e.g. OPEN_CART_EXISTS: "
        "contract, cart = the id of the open cart in the way).",
    )

    def message(self, language: Literal["de", "en"] = "de") -> str:
        """In the UI's language, as `domain.Violation.message` and `ApiError.message`."""
        return self.message_de if language == "de" else self.message_en


class Problem(ResponseModel):
    """RFC 9457 problem details, with the rule violations when rules were broken."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    violations: list[ViolationOut] = []
    errors: list[dict[str, object]] = []
