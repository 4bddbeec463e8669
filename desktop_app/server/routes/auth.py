"""POST /auth/token, /auth/refresh, /auth/logout and GET /me."""

from fastapi import APIRouter, Request, Response

from desktop_app.contract.auth import MeOut, RefreshRequest, TenantOut, TokenPair, TokenRequest
from desktop_app.server import auth, throttle
from desktop_app.server.context import Context, CurrentPrincipal
from desktop_app.server.database import utcnow
from desktop_app.server.problems import ProblemError

router = APIRouter(tags=["auth"])


@router.post("/auth/token")
def token(body: TokenRequest, request: Request, context: Context) -> TokenPair:
    """Throttled per user name and per client address (429 with Retry-After); the password
    check (the KDF) runs between two short transactions, never inside one. The attempt is
    committed before the KDF so that concurrent guesses are counted exactly; a replay by
    retry.RetryConflicts (the second transaction lost a race) counts it once more, which
    errs on the strict side only."""
    buckets = throttle.login_buckets(body.username, request.client.host if request.client
                                     else None)
    with context.database.write() as session:
        now = throttle.now_seconds()
        throttle.take_attempt(session, buckets, now)
        throttle.maybe_prune(session, now)
        account = auth.find_account(session, body.username)
    user_id = auth.check_password(account, body.password)
    with context.database.write() as session:
        throttle.give_back(session, buckets)
        return auth.login(session, user_id, context.settings, utcnow())


@router.post("/auth/refresh")
def refresh(body: RefreshRequest, context: Context) -> TokenPair:
    with context.database.write() as session:
        try:
            return auth.refresh(session, body.refresh_token, context.settings, utcnow())
        except ProblemError as error:
            # Commit what the refusal recorded: reusing a rotated token revokes its family,
            # and raising inside the transaction would roll that back.
            refused = error
    raise refused


@router.post("/auth/logout", status_code=204)
def logout(body: RefreshRequest, context: Context) -> Response:
    with context.database.write() as session:
        auth.logout(session, body.refresh_token, utcnow())
    return Response(status_code=204)


@router.get("/me")
def me(principal: CurrentPrincipal) -> MeOut:
    user, tenant = principal.user, principal.tenant
    return MeOut(user_id=user.id, username=user.username, display_name=user.display_name,
                 email=user.email, role=user.role,
                 tenant=TenantOut(id=tenant.id, name=tenant.name, email=tenant.email,
                                  parent_id=tenant.parent_id,
                                  has_power_of_attorney=tenant.has_power_of_attorney,
                                  is_provider=tenant.is_provider))
