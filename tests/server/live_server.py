"""A live reference server on 127.0.0.1 (uvicorn in a thread) and an HTTP client for it."""

import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from desktop_app.contract import API_PREFIX
from desktop_app.server.app import create_app
from desktop_app.server.context import ServerContext
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.server.settings import ServerSettings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    base_url: str
    context: ServerContext
    _server: uvicorn.Server
    _thread: threading.Thread

    @property
    def api(self) -> str:
        return self.base_url + API_PREFIX

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self.context.database.dispose()


def start_server(database_url: str, **overrides: Any) -> LiveServer:
    settings = ServerSettings(database_url=database_url, simulator_interval=0, **overrides)
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("reference server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", app.state.context, server, thread)


class Api:
    """A thin HTTP client for tests: logs in and sends the bearer token."""

    def __init__(self, server: LiveServer, username: str | None = None) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.api, timeout=30)
        self.token: str | None = None
        if username is not None:
            self.login(username)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        response = self.http.post("/auth/token", json={"username": username,
                                                       "password": password})
        assert response.status_code == 200, response.text
        tokens: dict[str, Any] = response.json()
        self.token = tokens["access_token"]
        return tokens

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return headers | (extra or {})

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.post(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.put(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.delete(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def close(self) -> None:
        self.http.close()


