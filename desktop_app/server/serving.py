"""uvicorn, with TCP_NODELAY on its sockets and the feed's long-polls answered at shutdown."""

import logging
import os
import socket

import uvicorn
from fastapi import FastAPI

from desktop_app.server.context import ServerContext

log = logging.getLogger(__name__)


def listening_socket(host: str, port: int, *, shared: bool = False) -> socket.socket:
    """A bound TCP socket for uvicorn (`Server.run(sockets=[...])`), in every mode: one
    process, the worker processes (they share it) and the embedded server.

    TCP_NODELAY: uvicorn writes an answer's head and body separately, and with Nagle's
    algorithm the body waited for the client's delayed ACK (~40 ms per back-to-back request
    instead of ~2). asyncio sets it on each accepted socket only when the listener's proto is
    IPPROTO_TCP (socket.socket()'s default 0 is not); set on the listener as well, Linux
    hands it to the accepted sockets itself. Bound here, not in uvicorn: a taken port raises
    OSError to the caller, and no one can take the port in between. `shared`: inherited by
    child processes (the workers); else it stays private to this process (the embedded
    server must not leak it into a viewer the desktop app starts).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # as uvicorn does: a restart may reuse a port in TIME_WAIT
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    listener.set_inheritable(shared)
    return listener


def served_context(app: object) -> ServerContext | None:
    """The ServerContext of the FastAPI app inside uvicorn's wrappers (each keeps `.app`)."""
    for _ in range(16):  # uvicorn's middleware chain is a few deep
        if isinstance(app, FastAPI):
            context: ServerContext = app.state.context
            return context
        app = getattr(app, "app", None)
        if app is None:
            return None
    return None


class FeedServer(uvicorn.Server):
    """Starts the feed's wake-up before serving; closes it before uvicorn waits for in-flight
    requests.

    Started: on PostgreSQL it listens for the other processes' commits before the first
    request. Closed: uvicorn runs the lifespan shutdown only after every request has
    finished, so a long-poll would otherwise hold the shutdown up to its wait; closed, it
    answers its empty page at once. The app may be given as an object or loaded by uvicorn
    (a worker process loads desktop_app.server.worker_app:create), so the context is looked
    up once loaded.
    """

    def _context(self) -> ServerContext | None:
        context = served_context(self.config.loaded_app if self.config.loaded
                                 else self.config.app)
        if context is None:
            log.warning("no OrderDesk app served: the feed's wake-up is not started or closed")
        return context

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        context = self._context()
        if context is not None:
            context.wakeup.start()  # blocks at most a few seconds, before anyone connects
        await super().startup(sockets)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        context = self._context()
        if context is not None:
            context.wakeup.close()
        await super().shutdown(sockets)
