"""Login, token refresh and the current user."""

from typing import Annotated

from pydantic import StringConstraints

from desktop_app.contract.base import RequestModel, ResponseModel
from desktop_app.domain.enums import Role


class TokenRequest(RequestModel):
    username: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class RefreshRequest(RequestModel):
    refresh_token: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class TokenPair(ResponseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 (a scheme name, not a secret)
    expires_in: int
    refresh_expires_in: int


class TenantOut(ResponseModel):
    id: str
    name: str
    email: str | None
    parent_id: str | None
    has_power_of_attorney: bool
    is_provider: bool


class MeOut(ResponseModel):
    user_id: str
    username: str
    display_name: str
    email: str | None
    role: Role
    tenant: TenantOut
