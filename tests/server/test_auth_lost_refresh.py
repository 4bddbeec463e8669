"""A refresh answer lost in transit (issue 18, item 5): the server rotated, the client never
saw the answer. Through a proxy that drops exactly that answer, the desktop's AuthSession
retries with its old refresh token, gets the same new pair within the grace window and
stays logged in; the remembered login is kept (and updated)."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from desktop_app.api import ApiError, ApiSettings, AuthSession, KeyringTokenStore
from desktop_app.api.errors import NotAuthenticatedError
from desktop_app.contract import API_PREFIX
from desktop_app.server.auth import REFRESH_GRACE
from desktop_app.server.database import utcnow
from desktop_app.server.db import TokenRow
from desktop_app.server.security import token_digest
from desktop_app.server.seed import DEMO_PASSWORD

from tests.keyring_fixtures import InMemoryKeyring
from tests.server.live_server import LiveServer


class AnswerDroppingProxy:
    """Forwards every request to the backend; for the next N POST /auth/refresh it lets the
    backend answer, then hangs up without passing the answer on."""

    def __init__(self, upstream: str) -> None:
        self.drop_refresh_answers = 0
        self.dropped = 0
        proxy = self
        client = httpx.Client(base_url=upstream, timeout=30)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Silent."""

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {name: value for name, value in self.headers.items()
                           if name.lower() not in ("host", "content-length", "connection")}
                answer = client.request(self.command, self.path, content=body, headers=headers)
                if self.command == "POST" and self.path.endswith("/auth/refresh") \
                        and proxy.drop_refresh_answers > 0:
                    proxy.drop_refresh_answers -= 1
                    proxy.dropped += 1
                    self.close_connection = True  # the server rotated; the answer is lost
                    return
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding",
                                            "connection", "content-encoding"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = _forward  # noqa: N815 (http.server's names)

        self._client = client
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[AnswerDroppingProxy]:
    proxy = AnswerDroppingProxy(live_server.base_url)
    yield proxy
    proxy.close()


@pytest.fixture
def session(proxy: AnswerDroppingProxy,
            memory_keyring: InMemoryKeyring) -> Iterator[AuthSession]:
    settings = ApiSettings(base_url=proxy.url + API_PREFIX, max_retries=0)
    session = AuthSession(settings, KeyringTokenStore())
    session.login("max.nord", DEMO_PASSWORD)
    yield session
    session.transport.close()


def _remembered(memory_keyring: InMemoryKeyring) -> list[str]:
    return list(memory_keyring.entries.values())


def _me(live_server: LiveServer, access_token: str) -> int:
    return httpx.get(f"{live_server.api}/me", timeout=30,
                     headers={"Authorization": f"Bearer {access_token}"}).status_code


def test_a_lost_refresh_answer_does_not_log_the_clerk_out(
        proxy: AnswerDroppingProxy, session: AuthSession, live_server: LiveServer,
        memory_keyring: InMemoryKeyring) -> None:
    [before] = _remembered(memory_keyring)
    proxy.drop_refresh_answers = 1
    with pytest.raises(ApiError) as lost:
        session.refresh()
    assert not isinstance(lost.value, NotAuthenticatedError)  # a transport error
    assert proxy.dropped == 1
    assert _remembered(memory_keyring) == [before]  # nothing heard, nothing changed
    session.refresh()  # the old refresh token once more: the same new pair
    assert session.signed_in
    [after] = _remembered(memory_keyring)
    assert after != before
    assert _me(live_server, session.access_token()) == 200
    session.refresh()  # and the pair rotates on as usual
    assert session.signed_in and _remembered(memory_keyring) != [after]
    assert _me(live_server, session.access_token()) == 200


def test_a_lost_answer_retried_too_late_ends_the_login(
        proxy: AnswerDroppingProxy, session: AuthSession, live_server: LiveServer,
        memory_keyring: InMemoryKeyring) -> None:
    [before] = _remembered(memory_keyring)
    proxy.drop_refresh_answers = 1
    with pytest.raises(ApiError) as lost:
        session.refresh()
    assert not isinstance(lost.value, NotAuthenticatedError)
    with live_server.context.database.write() as database_session:
        row = database_session.get(TokenRow, token_digest(before))
        assert row is not None and row.revoked_at is not None
        row.revoked_at = utcnow() - REFRESH_GRACE - REFRESH_GRACE
    with pytest.raises(NotAuthenticatedError):
        session.refresh()
    assert not session.signed_in
    assert _remembered(memory_keyring) == []
