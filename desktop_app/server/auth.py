"""Login, token rotation and resolving a bearer token to a principal with its tenant scope."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.contract.auth import TokenPair
from desktop_app.domain.entities import Tenant, User
from desktop_app.domain.enums import Role
from desktop_app.server.db import TenantRow, TokenRow, UserRow
from desktop_app.server.problems import ProblemError
from desktop_app.server.security import derived_token, new_token, token_digest, verify_password
from desktop_app.server.settings import ServerSettings

# A rotated refresh token presented again this soon answers the pair it was rotated to (when
# that pair is still unused): the client may have lost the answer. Longer than the client's
# read timeout (30 s), so a timed-out refresh retried at once is covered too.
REFRESH_GRACE = timedelta(seconds=60)

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


@dataclass(frozen=True)
class Account:
    """What checking a password needs, read in a short session: the KDF runs after it."""

    user_id: str | None  # None: no such user (checked against a dummy hash all the same)
    password_hash: str


def find_account(session: Session, username: str) -> Account:
    user = session.scalar(select(UserRow).where(UserRow.username == username))
    return Account(user.id, user.password_hash) if user else Account(None, _DUMMY_HASH)


def check_password(account: Account, password: str) -> str:
    """The user's id for a correct password; slow on purpose (scrypt), so call it outside
    any database session: a login burst must not hold pooled connections."""
    if not verify_password(password, account.password_hash) or account.user_id is None:
        raise unauthorized("Wrong user name or password")
    return account.user_id


def login(session: Session, user_id: str, settings: ServerSettings, now: datetime) -> TokenPair:
    """A new token family for a user who has just authenticated."""
    return _issue(session, user_id, secrets.token_hex(16), settings, now,
                  new_token(), new_token())


def refresh(session: Session, refresh_token: str, settings: ServerSettings,
            now: datetime) -> TokenPair:
    """Rotate: the old refresh token dies; presenting a dead one revokes its whole family,
    except inside the grace window (see REFRESH_GRACE): then the answer is the pair it was
    rotated to, as long as that pair is unused."""
    row = session.get(TokenRow, token_digest(refresh_token), with_for_update=True)
    if row is None or row.kind != "refresh":
        raise unauthorized("Unknown refresh token")
    access, successor = _successors(row.family_id, refresh_token)
    if row.revoked_at is not None:
        repeated = _unused_pair(session, row, access, successor, now)
        if repeated is not None:
            return repeated
        _revoke_family(session, row.family_id, now)
        raise unauthorized("Refresh token already used; please log in again")
    if row.expires_at <= now:
        raise unauthorized("Refresh token expired; please log in again")
    row.revoked_at = now
    return _issue(session, row.user_id, row.family_id, settings, now, access, successor)


def _successors(family_id: str, refresh_token: str) -> tuple[str, str]:
    """The access and refresh token a refresh token rotates to. Derived, not random, so that
    a repeated refresh in the grace window can answer the same pair although the database
    keeps only digests; keyed with the family id, which never leaves the server, so that a
    stolen token alone does not reveal its successors (and reuse detection keeps working)."""
    return (derived_token(family_id, "access", refresh_token),
            derived_token(family_id, "refresh", refresh_token))


def _unused_pair(session: Session, rotated: TokenRow, access: str, successor: str,
                 now: datetime) -> TokenPair | None:
    """The pair `rotated` was rotated to, when its answer may have been lost: rotated less
    than REFRESH_GRACE ago and neither token of the pair revoked or used since (a client
    that refreshed with the successor evidently got the answer)."""
    assert rotated.revoked_at is not None
    if now - rotated.revoked_at > REFRESH_GRACE:
        return None
    access_row = session.get(TokenRow, token_digest(access))
    successor_row = session.get(TokenRow, token_digest(successor))
    if (access_row is None or successor_row is None or access_row.revoked_at is not None
            or successor_row.revoked_at is not None or successor_row.expires_at <= now):
        return None
    return TokenPair(access_token=access, refresh_token=successor,
                     expires_in=_seconds_left(access_row.expires_at, now),
                     refresh_expires_in=_seconds_left(successor_row.expires_at, now))


def _seconds_left(expires_at: datetime, now: datetime) -> int:
    return max(0, int((expires_at - now).total_seconds()))


def logout(session: Session, refresh_token: str, now: datetime) -> None:
    row = session.get(TokenRow, token_digest(refresh_token))
    if row is not None:
        _revoke_family(session, row.family_id, now)


def _revoke_family(session: Session, family_id: str, now: datetime) -> None:
    session.execute(update(TokenRow).where(TokenRow.family_id == family_id,
                                           TokenRow.revoked_at.is_(None)).values(revoked_at=now))


def _issue(session: Session, user_id: str, family_id: str, settings: ServerSettings,
           now: datetime, access: str, refresh_token: str) -> TokenPair:
    session.add_all([
        TokenRow(token_hash=token_digest(access), user_id=user_id, kind="access",
                 family_id=family_id, expires_at=now + settings.access_token_ttl),
        TokenRow(token_hash=token_digest(refresh_token), user_id=user_id, kind="refresh",
                 family_id=family_id, expires_at=now + settings.refresh_token_ttl),
    ])
    return TokenPair(access_token=access, refresh_token=refresh_token,
                     expires_in=int(settings.access_token_ttl.total_seconds()),
                     refresh_expires_in=int(settings.refresh_token_ttl.total_seconds()))


def principal_for_token(session: Session, access_token: str, now: datetime,
                        principals: Callable[[str, Callable[[], Principal]], Principal]
                        | None = None) -> Principal:
    """The principal of a valid access token. `principals(user_id, load)` may answer a
    principal read recently (server.principals); the token is checked here every time."""
    row = session.execute(
        select(TokenRow.user_id, TokenRow.kind, TokenRow.revoked_at, TokenRow.expires_at)
        .where(TokenRow.token_hash == token_digest(access_token))).one_or_none()
    if row is None or row.kind != "access" or row.revoked_at is not None:
        raise unauthorized("Invalid access token")
    if row.expires_at <= now:
        raise unauthorized("Access token expired")
    user_id: str = row.user_id

    def load() -> Principal:
        user_row = session.get(UserRow, user_id)
        if user_row is None:
            raise unauthorized("Unknown user")
        return principal_for_user(session, user_row)

    return load() if principals is None else principals(user_id, load)


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
