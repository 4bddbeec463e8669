"""GET /changes answers gzip only to a client that accepts it, plain JSON otherwise."""

import http.client
import json
import zlib
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from desktop_app.contract import API_PREFIX
from desktop_app.server.feed_compression import MIN_BYTES, RecentlyGzipped, accepts_gzip

from tests.server.live_server import Api, LiveServer


@pytest.mark.parametrize(("header", "accepted"), [
    ("gzip", True), ("GZIP", True), ("x-gzip", True), ("gzip, deflate", True),
    ("deflate, gzip;q=0.5", True), (" gzip ; q=1.0 ", True), ("*", True),
    ("br;q=1, *;q=0.1", True), (None, False), ("", False), ("identity", False),
    ("deflate, br", False), ("gzip;q=0", False), ("gzip;q=0.000", False),
    ("*, gzip;q=0", False), ("*;q=0", False), ("gzip;q=abc", False), ("gzip;q=2", False),
    ("gzip;q=nan", False), ("gzipx", False), (",,;", False), ("gzip;level=1", True),
])
def test_accept_encoding_is_read_as_rfc_9110_says(header: str | None, accepted: bool) -> None:
    assert accepts_gzip(header) is accepted


def raw_get(server: LiveServer, token: str | None, path: str,
            accept_encoding: str | None) -> tuple[int, dict[str, str], bytes]:
    """One GET with exactly this Accept-Encoding (None: no such header at all); the body as
    it came over the wire, not decoded."""
    target = urlsplit(server.api)
    connection = http.client.HTTPConnection(target.hostname or "", target.port, timeout=30)
    try:
        connection.putrequest("GET", target.path + path, skip_accept_encoding=True)
        if accept_encoding is not None:
            connection.putheader("Accept-Encoding", accept_encoding)
        if token is not None:
            connection.putheader("Authorization", f"Bearer {token}")
        connection.endheaders()
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return answer.status, headers, answer.read()
    finally:
        connection.close()


PAGE = "/changes?limit=200"


def test_gzip_when_asked(live_server: LiveServer, provider: Api) -> None:
    status, headers, body = raw_get(live_server, provider.token, PAGE, "gzip, deflate")
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(body)
    plain = zlib.decompress(body, wbits=31)
    assert len(body) * 3 < len(plain)
    _, _, identity = raw_get(live_server, provider.token, PAGE, None)
    assert plain == identity  # the same page, only encoded


@pytest.mark.parametrize("accept_encoding", [None, "identity", "gzip;q=0", "br, deflate",
                                             "*;q=0", "nonsense;;q=="])
def test_plain_json_otherwise(live_server: LiveServer, provider: Api,
                              accept_encoding: str | None) -> None:
    status, headers, body = raw_get(live_server, provider.token, PAGE, accept_encoding)
    assert status == 200
    assert "content-encoding" not in headers
    assert headers["vary"] == "Accept-Encoding"
    assert len(json.loads(body)["changes"]) == 200


def test_a_small_page_is_not_compressed(live_server: LiveServer, provider: Api) -> None:
    page: dict[str, Any] = provider.get("/changes", params={"limit": 500}).json()
    while page["has_more"]:
        page = provider.get("/changes", params={"since": page["next_cursor"],
                                                "limit": 500}).json()
    status, headers, body = raw_get(
        live_server, provider.token, f"/changes?since={page['next_cursor']}", "gzip")
    assert status == 200 and json.loads(body)["changes"] == []
    assert len(body) < MIN_BYTES and "content-encoding" not in headers


def test_problems_are_plain(live_server: LiveServer, provider: Api) -> None:
    status, headers, body = raw_get(live_server, provider.token, "/changes?since=junk", "gzip")
    assert status == 400 and "content-encoding" not in headers
    assert json.loads(body)["status"] == 400


def test_the_document_names_the_encoding(live_server: LiveServer) -> None:
    document = httpx.get(f"{live_server.base_url}/openapi.json", timeout=30).json()
    headers = document["paths"][API_PREFIX + "/changes"]["get"]["responses"]["200"]["headers"]
    assert headers["Content-Encoding"]["schema"] == {"type": "string", "enum": ["gzip"]}
    assert headers["Content-Encoding"]["required"] is False
    assert headers["Vary"]["required"] is True


def test_a_page_shared_by_many_callers_is_compressed_once() -> None:
    """Long-polls woken by one commit share the page's bytes object: one gzip for all."""
    recent = RecentlyGzipped(size=2)
    page = json.dumps({"changes": ["x" * 2000]}).encode()
    first = recent(page)
    assert recent(page) is first and zlib.decompress(first, wbits=31) == page
    equal_but_other = bytes(bytearray(page))
    assert recent(equal_but_other) is not first  # by identity, never by a guess
    recent(b"a" * 2000), recent(b"b" * 2000)  # pushed out
    assert recent(page) is not first
