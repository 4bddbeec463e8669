"""Per-app state shared by the routes, and the dependencies that hand it out."""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import make_url

from desktop_app.server.auth import Principal, principal_for_token, unauthorized
from desktop_app.server.database import Database, FeedCommit, utcnow
from desktop_app.server.feed_pages import SharedPages
from desktop_app.server.feed_wakeup import FeedWakeup, LocalFeedWakeup
from desktop_app.server.principals import KnownPrincipals
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator


def feed_wakeup_for(database_url: str) -> FeedWakeup:
    """PostgreSQL: the processes serving the database wake each other (LISTEN/NOTIFY);
    SQLite is served by one process."""
    if make_url(database_url).get_backend_name() == "postgresql":
        from desktop_app.server.feed_wakeup_pg import PgFeedWakeup  # psycopg: the extra

        return PgFeedWakeup(database_url)
    return LocalFeedWakeup()


@dataclass
class ServerContext:
    settings: ServerSettings
    database: Database
    simulator: ProcessingSimulator
    # Wakes the change feed's long-polls after commits (GET /changes?wait=S); chosen by the
    # database (feed_wakeup_for).
    wakeup: FeedWakeup = field(init=False)
    # Shared page reads of the feed (one read for the waiters a commit wakes).
    pages: SharedPages = field(default_factory=SharedPages)
    # Principals of recent requests by user (the token is still checked every time).
    principals: KnownPrincipals = field(default_factory=KnownPrincipals)

    def __post_init__(self) -> None:
        self.wakeup = feed_wakeup_for(self.database.url)

    def feed_committed(self, commit: FeedCommit) -> None:
        """Database feed listener: forget the marks on a prune, wake the commit's tenants."""
        if commit.pruned:
            self.wakeup.pruned()
        if commit.tenant_ids:
            self.wakeup.notify(commit.tenant_ids, commit.last_seq)


def get_context(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


def get_principal(request: Request,
                  context: Annotated[ServerContext, Depends(get_context)]) -> Principal:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise unauthorized("Missing bearer token")
    with context.database.read() as session:
        return principal_for_token(session, token.strip(), utcnow(), context.principals.get)


Context = Annotated[ServerContext, Depends(get_context)]
CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
