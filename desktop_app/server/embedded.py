"""Run the reference backend inside another process: `orderdesk --demo` and the tests."""

import socket
import threading
import time
from dataclasses import dataclass

import uvicorn

from desktop_app.contract import API_PREFIX
from desktop_app.server.app import create_app
from desktop_app.server.context import ServerContext
from desktop_app.server.serving import FeedServer, listening_socket
from desktop_app.server.settings import ServerSettings

START_TIMEOUT = 15.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class EmbeddedServer:
    """uvicorn in a daemon thread on loopback; `stop()` shuts it down and closes the database."""

    base_url: str
    context: ServerContext
    _server: uvicorn.Server
    _thread: threading.Thread

    @property
    def api(self) -> str:
        return self.base_url + API_PREFIX

    @classmethod
    def start(cls, settings: ServerSettings, host: str = "127.0.0.1",
              port: int | None = None) -> "EmbeddedServer":
        listener = listening_socket(host, port or 0)  # TCP_NODELAY; OSError if taken
        port = int(listener.getsockname()[1])
        app = create_app(settings)
        server = FeedServer(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                           lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]},
                                  name=f"reference-server-{port}", daemon=True)
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                server.should_exit = True
                raise RuntimeError("the reference server did not start")
            time.sleep(0.02)
        return cls(f"http://{host}:{port}", app.state.context, server, thread)

    def stop(self) -> None:
        self.context.wakeup.close()  # waiting long-polls answer now, not at their timeout
        self._server.should_exit = True
        self._thread.join(timeout=START_TIMEOUT)
        self.context.database.dispose()
