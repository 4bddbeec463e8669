"""Login, token rotation and resolving a bearer token to a principal with its tenant scope."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.contract.auth import TokenPair
from desktop_app.domain.entities import Tenant, User
from desktop_app.domain.enums import Role
from desktop_app.server.db import TenantRow, TokenRow, UserRow
from desktop_app.server.problems import ProblemError
from desktop_app.server.security import new_token, token_digest, verify_password
from desktop_app.server.settings import ServerSettings

# Verifying against this keeps unknown user names as slow as wrong passwords.
_DUMMY_HASH = ("scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"
               "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")


@dataclass(frozen=True)
class Principal:
    user: User
    tenant: Tenant
    # None: provider staff, who see every tenant.
    tenant_ids: frozenset[str] | None

    def can_see(self, tenant_id: str) -> bool:
        return self.tenant_ids is None or tenant_id in self.tenant_ids


def unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, "Unauthorized", detail, {"WWW-Authenticate": "Bearer"})


def authenticate(session: Session, username: str, password: str) -> str:
    """The user's id for a correct password; slow on purpose (scrypt), so run it outside
    the write lock."""
    user = session.scalar(select(UserRow).where(UserRow.username == username))
    if not verify_password(password, user.password_hash if user else _DUMMY_HASH) or not user:
        raise unauthorized("Wrong user name or password")
    return user.id


def login(session: Session, user_id: str, settings: ServerSettings, now: datetime) -> TokenPair:
    """A new token family for a user who has just authenticated."""
    return _issue(session, user_id, secrets.token_hex(16), settings, now)


def refresh(session: Session, refresh_token: str, settings: ServerSettings,
            now: datetime) -> TokenPair:
    """Rotate: the old refresh token dies; presenting a dead one revokes its whole family."""
    row = session.get(TokenRow, token_digest(refresh_token))
    if row is None or row.kind != "refresh":
        raise unauthorized("Unknown refresh token")
    if row.revoked_at is not None:
        _revoke_family(session, row.family_id, now)
        raise unauthorized("Refresh token already used; please log in again")
    if row.expires_at <= now:
        raise unauthorized("Refresh token expired; please log in again")
    row.revoked_at = now
    return _issue(session, row.user_id, row.family_id, settings, now)


def logout(session: Session, refresh_token: str, now: datetime) -> None:
    row = session.get(TokenRow, token_digest(refresh_token))
    if row is not None:
        _revoke_family(session, row.family_id, now)


def _revoke_family(session: Session, family_id: str, now: datetime) -> None:
    session.execute(update(TokenRow).where(TokenRow.family_id == family_id,
                                           TokenRow.revoked_at.is_(None)).values(revoked_at=now))


def _issue(session: Session, user_id: str, family_id: str, settings: ServerSettings,
           now: datetime) -> TokenPair:
    access, refresh_token = new_token(), new_token()
    session.add_all([
        TokenRow(token_hash=token_digest(access), user_id=user_id, kind="access",
                 family_id=family_id, expires_at=now + settings.access_token_ttl),
        TokenRow(token_hash=token_digest(refresh_token), user_id=user_id, kind="refresh",
                 family_id=family_id, expires_at=now + settings.refresh_token_ttl),
    ])
    return TokenPair(access_token=access, refresh_token=refresh_token,
                     expires_in=int(settings.access_token_ttl.total_seconds()),
                     refresh_expires_in=int(settings.refresh_token_ttl.total_seconds()))


def principal_for_token(session: Session, access_token: str, now: datetime) -> Principal:
    row = session.get(TokenRow, token_digest(access_token))
    if row is None or row.kind != "access" or row.revoked_at is not None:
        raise unauthorized("Invalid access token")
    if row.expires_at <= now:
        raise unauthorized("Access token expired")
    user_row = session.get(UserRow, row.user_id)
    if user_row is None:
        raise unauthorized("Unknown user")
    return principal_for_user(session, user_row)


def principal_for_user(session: Session, user_row: UserRow) -> Principal:
    user = User(id=user_row.id, username=user_row.username, display_name=user_row.display_name,
                email=user_row.email, role=Role(user_row.role), tenant_id=user_row.tenant_id)
    tenant_row = session.get(TenantRow, user_row.tenant_id)
    assert tenant_row is not None  # foreign key
    tenant = tenant_from_row(tenant_row)
    if user.role is Role.PROVIDER_STAFF:
        return Principal(user, tenant, None)
    return Principal(user, tenant, frozenset(_with_sub_tenants(session, tenant.id)))


def tenant_from_row(row: TenantRow) -> Tenant:
    return Tenant(id=row.id, name=row.name, email=row.email, parent_id=row.parent_id,
                  has_power_of_attorney=row.has_power_of_attorney, is_provider=row.is_provider)


def _with_sub_tenants(session: Session, tenant_id: str) -> set[str]:
    """A tenant's clerks also see its sub-tenants (Submandanten), at any depth."""
    found, frontier = {tenant_id}, [tenant_id]
    while frontier:
        query = select(TenantRow.id).where(TenantRow.parent_id.in_(frontier))
        children = set(session.scalars(query))
        frontier = list(children - found)
        found |= children
    return found
