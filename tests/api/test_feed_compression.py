"""The client asks for gzip, decodes it, and bounds the decoded bytes (a gzip bomb)."""

import json
import tracemalloc
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.api.limits import ResponseTooLargeError, feed_page_max_bytes
from desktop_app.api.transport import Transport
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD

from tests.sync.hostile_server import Exchange, HostileServer, gzip_bomb

MIB = 1024 * 1024


@pytest.fixture
def hostile(api_server: EmbeddedServer) -> Iterator[HostileServer]:
    server = HostileServer(api_server.base_url)
    yield server
    server.stop()


def client_at(url: str, **overrides: Any) -> ApiClient:
    values: dict[str, Any] = {"call_deadline": 30.0, "max_retries": 1, "backoff_factor": 0.01}
    settings = ApiSettings(url, **(values | overrides))
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    return ApiClient(settings, auth)


@pytest.fixture
def client(hostile: HostileServer) -> Iterator[ApiClient]:
    api = client_at(hostile.api)
    yield api
    api.close()


def test_the_reference_server_sends_the_client_gzip(api_server: EmbeddedServer) -> None:
    """End to end: the transport asks for gzip, the page comes gzipped and reads decoded."""
    settings = ApiSettings(api_server.api)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    transport = Transport(settings)
    try:
        response = transport.request(
            "GET", "/changes", params={"limit": 500},
            headers={"Authorization": f"Bearer {auth.access_token()}"},
            max_bytes=feed_page_max_bytes(500))
    finally:
        transport.close()
    assert response.status_code == 200
    assert response.request.headers["Accept-Encoding"] == "gzip"
    assert response.headers["Content-Encoding"] == "gzip"
    assert json.loads(response.content)["changes"]


def test_the_client_asks_for_gzip_and_decodes_the_page(hostile: HostileServer,
                                                       client: ApiClient) -> None:
    asked: list[str | None] = []
    honest: list[bytes] = []

    def gzipped_page(exchange: Exchange) -> None:
        asked.append(exchange.handler.headers.get("Accept-Encoding"))
        answer = exchange.forward()
        honest.append(answer.body)
        exchange.send(answer.status, zlib.compress(answer.body, 6, wbits=31),
                      [("Content-Encoding", "gzip")])

    hostile.on("GET", "/changes", gzipped_page)
    raw = client.changes_raw(None, 200)
    assert asked == ["gzip"]
    assert raw == honest[0] and json.loads(raw)["changes"]
    page = client.changes(None, 50)  # the validated path decodes too
    assert len(page.changes) == 50


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_gzip_bomb_is_refused_by_its_decoded_size_and_memory_stays_flat(
        hostile: HostileServer, client: ApiClient, declare_length: bool) -> None:
    """~1 MB on the wire, 1 GB decoded: refused once the decoded bytes pass the page's bound
    (4 MB for limit=500); Python's allocations peak far below +50 MB."""
    hostile.on("GET", "/changes", gzip_bomb(1024 * MIB, declare_length=declare_length))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as raised:
            client.changes_raw(None, 500)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * MIB, peak
    assert raised.value.max_bytes == feed_page_max_bytes(500)


def test_a_gzip_bomb_on_another_answer_is_refused(hostile: HostileServer) -> None:
    api = client_at(hostile.api, max_response_bytes=256 * 1024)
    try:
        hostile.on("GET", "/catalog/products", gzip_bomb(256 * MIB))
        with pytest.raises(ResponseTooLargeError):
            api.products()
    finally:
        api.close()
