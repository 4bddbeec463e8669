"""The FastAPI application of the reference order backend."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from desktop_app import __version__
from desktop_app.contract import API_PREFIX
from desktop_app.server.context import ServerContext
from desktop_app.server.database import Database
from desktop_app.server.feed_watch import watch_outside_commits
from desktop_app.server.openapi import install_openapi
from desktop_app.server.problems import install_problem_handlers
from desktop_app.server.retry import RetryConflicts
from desktop_app.server.routes import auth, carts, changes, meta, orders, parties, quotes
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator


def create_app(settings: ServerSettings, database: Database | None = None) -> FastAPI:
    database = database or Database(settings.database_url)
    context = ServerContext(settings=settings, database=database,
                            simulator=ProcessingSimulator(database, settings))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        database.add_feed_listener(context.feed_committed)
        context.simulator.start()
        watch = asyncio.get_running_loop().create_task(watch_outside_commits(context))
        try:
            yield
        finally:
            watch.cancel()
            # Usually closed already (serving.FeedServer, before uvicorn waits for requests).
            context.wakeup.close()
            context.simulator.stop()
            database.remove_feed_listener(context.feed_committed)

    app = FastAPI(title="OrderDesk reference order backend", version=__version__,
                  lifespan=lifespan)
    app.state.context = context
    install_problem_handlers(app)
    # Inside the 500 handler: a request whose transaction lost a race (deadlock,
    # serialization failure, "database is locked") runs again instead (see retry.py).
    app.add_middleware(RetryConflicts)
    for module in (auth, meta, changes, parties, carts, quotes, orders):
        app.include_router(module.router, prefix=API_PREFIX)

    @app.get(f"{API_PREFIX}/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    install_openapi(app)  # after every route: it completes the document FastAPI derives
    return app
