"""uvicorn, with the change feed's long-polls answered when the server shuts down."""

import socket

import uvicorn
from fastapi import FastAPI

from desktop_app.server.context import ServerContext


class FeedServer(uvicorn.Server):
    """Closes the feed's wake-up before uvicorn waits for in-flight requests.

    uvicorn runs the lifespan shutdown only after every request has finished, so a
    long-poll would otherwise hold the shutdown up to its wait; closed, it answers its empty
    page at once.
    """

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        app = config.app
        assert isinstance(app, FastAPI)
        self.context: ServerContext = app.state.context

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.context.wakeup.close()
        await super().shutdown(sockets)
