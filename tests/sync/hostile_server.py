"""A hostile HTTP server on 127.0.0.1 in front of the reference backend, for fault tests.

Every request is forwarded to the real server (`upstream`, e.g. an EmbeddedServer's base URL)
unless a rule says otherwise; rules pick requests by method and path (below /api/v1) and
answer them with a behaviour: a body trickling in byte by byte, headers that never come, an
endless oversized page, more records than asked for, cursors that stand still or go back.

    hostile = HostileServer(server.base_url)
    hostile.on("GET", "/changes", slow_body(), after=1)  # the second page drips
    settings = ApiSettings(base_url=hostile.api, call_deadline=2)
    ...
    hostile.stop()

A behaviour is a callable `(exchange) -> None` that writes the answer through
`exchange.handler` (a BaseHTTPRequestHandler); `exchange.forward()` fetches the honest answer
from upstream first. Behaviours wait on `exchange.stopping` so `stop()` ends them at once.
Without `upstream` only rules answer (404 otherwise).
"""

import http.client
import json
import select
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

__all__ = [
    "Exchange", "HostileServer", "Seen", "backwards_cursor", "endless_page", "forward",
    "gzip_bomb",
    "more_records", "rewrite_page", "slow_body", "stall_headers", "standing_cursor",
]

API = "/api/v1"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "date",
              "server", "te", "trailer", "upgrade"}


@dataclass(frozen=True)
class Seen:
    """A request the server received (path below /api/v1, query as single values)."""

    method: str
    path: str
    query: dict[str, str]


@dataclass
class Upstream:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Exchange:
    handler: BaseHTTPRequestHandler
    seen: Seen
    body: bytes
    stopping: threading.Event
    server: "HostileServer"

    def forward(self, query: dict[str, str] | None = None) -> Upstream:
        """The honest answer from upstream (`query` replaces the request's)."""
        return self.server.fetch_upstream(self, query)

    def send(self, status: int, body: bytes, headers: list[tuple[str, str]] | None = None,
             content_type: str = "application/json") -> None:
        handler = self.handler
        handler.send_response(status)
        kept = [(name, value) for name, value in headers or []
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-type"]
        for name, value in [("Content-Type", content_type), *kept]:
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def send_upstream(self, answer: Upstream) -> None:
        content_type = next((v for n, v in answer.headers if n.lower() == "content-type"),
                            "application/octet-stream")
        self.send(answer.status, answer.body, answer.headers, content_type)

    def send_head(self, status: int = 200, length: int | None = None,
                  content_type: str = "application/json") -> None:
        """Status and headers only; without `length` the body runs until the connection
        closes (the client cannot tell its size in advance)."""
        handler = self.handler
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        if length is not None:
            handler.send_header("Content-Length", str(length))
        else:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()
        handler.wfile.flush()


Behaviour = Callable[[Exchange], None]


@dataclass
class _Rule:
    method: str
    path: str
    behaviour: Behaviour
    after: int  # matching requests passed through before the rule applies
    times: int | None  # how many it answers, then it passes again (None: all)
    matched: int = 0

    def applies(self, seen: Seen) -> bool:
        if seen.method != self.method or seen.path != self.path:
            return False
        self.matched += 1
        index = self.matched - 1 - self.after
        return index >= 0 and (self.times is None or index < self.times)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that gave up (deadlines, refused pages) are the point of this server."""


@dataclass
class HostileServer:
    """`upstream`: the real server's base URL (http://127.0.0.1:port); `ssl_context`: serve
    https with it (a server-side context)."""

    upstream: str | None = None
    ssl_context: ssl.SSLContext | None = None
    rules: list[_Rule] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.active = 0  # exchanges being answered right now
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Silent."""

            def _handle(self) -> None:
                hostile._answer(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle  # noqa: N815

        self._server = _Server(("127.0.0.1", 0), Handler)
        if self.ssl_context is not None:
            self._server.socket = self.ssl_context.wrap_socket(self._server.socket,
                                                               server_side=True)
        self.port: int = self._server.server_address[1]
        scheme = "https" if self.ssl_context is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.api = self.url + API
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name=f"hostile-server-{self.port}",
                                        kwargs={"poll_interval": 0.05})
        self._thread.start()

    # --- set-up -------------------------------------------------------------------------

    def on(self, method: str, path: str, behaviour: Behaviour, *, after: int = 0,
           times: int | None = None) -> None:
        """Answer `method path` (below /api/v1, no query) with `behaviour`, from the
        (after+1)-th such request on, `times` times (None: every time)."""
        with self._lock:
            self.rules.append(_Rule(method.upper(), path, behaviour, after, times))

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()

    def requests_to(self, method: str, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.method == method and s.path == path]

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # --- serving ------------------------------------------------------------------------

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        path = parts.path[len(API):] if parts.path.startswith(API) else parts.path
        query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
        seen = Seen(handler.command, path, query)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        with self._lock:
            self.seen.append(seen)
            rule = next((r for r in self.rules if r.applies(seen)), None)
            self.active += 1
        exchange = Exchange(handler, seen, body, self.stopping, self)
        try:
            (rule.behaviour if rule is not None else forward)(exchange)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client hung up on the hostile answer
        finally:
            with self._lock:
                self.active -= 1

    def fetch_upstream(self, exchange: Exchange, query: dict[str, str] | None) -> Upstream:
        if self.upstream is None:
            return Upstream(404, [("Content-Type", "application/problem+json")],
                            b'{"title": "Not Found", "status": 404}')
        target = urlsplit(self.upstream)
        handler = exchange.handler
        parts = urlsplit(handler.path)
        path = parts.path + ("?" + urlencode(query) if query is not None
                             else ("?" + parts.query if parts.query else ""))
        # Without the client's Accept-Encoding: behaviours read and rewrite the honest page,
        # so it comes plain (a gzip answer is its own behaviour, gzip_bomb).
        headers = {name: value for name, value in handler.headers.items()
                   if name.lower() not in HOP_BY_HOP
                   and name.lower() not in ("host", "accept-encoding")}
        connection = http.client.HTTPConnection(target.hostname or "127.0.0.1",
                                                target.port or 80, timeout=120)
        try:
            connection.request(handler.command, path, body=exchange.body or None,
                               headers=headers)
            answer = connection.getresponse()
            return Upstream(answer.status, answer.getheaders(), answer.read())
        finally:
            connection.close()


# --- behaviours ---------------------------------------------------------------------------

def forward(exchange: Exchange) -> None:
    """The honest answer."""
    exchange.send_upstream(exchange.forward())


def slow_body(bytes_per_second: float = 1.0, *, declare_length: bool = True) -> Behaviour:
    """The honest answer's headers at once, then its body one byte per 1/rate seconds (the
    per-read timeout never trips); ends when the client hangs up or the server stops."""

    def behaviour(exchange: Exchange) -> None:
        answer = exchange.forward()
        exchange.send_head(answer.status, len(answer.body) if declare_length else None)
        for offset in range(len(answer.body)):
            if exchange.stopping.wait(1.0 / bytes_per_second):
                return
            exchange.handler.wfile.write(answer.body[offset:offset + 1])
            exchange.handler.wfile.flush()

    return behaviour


def stall_headers(exchange: Exchange) -> None:
    """Read the request, answer nothing, hold the connection until the server stops."""
    exchange.handler.close_connection = True
    while not exchange.stopping.wait(0.05):
        if _client_gone(exchange):
            return


def _client_gone(exchange: Exchange) -> bool:
    connection = exchange.handler.connection
    readable, _, _ = select.select([connection], [], [], 0)
    if not readable:
        return False
    try:
        return bool(connection.recv(1, socket.MSG_PEEK) == b"")
    except OSError:
        return True


def endless_page(total_bytes: int = 200 * 1024 * 1024, *, declare_length: bool = False,
                 ) -> Behaviour:
    """A change page of `total_bytes` (default 200 MB) made of valid-looking delete records,
    written as fast as the client reads; without a declared length, so it can only be
    refused while it is read."""
    record = b'{"seq":1,"kind":"order","op":"delete","id":"o-00000000","data":null},'
    head, tail = b'{"changes":[', b'{"seq":2,"kind":"order","op":"delete","id":"o-1"}],' \
                                  b'"next_cursor":"1:2:0","has_more":false,"remaining":0}'
    block = record * (64 * 1024 // len(record))

    def behaviour(exchange: Exchange) -> None:
        exchange.send_head(200, total_bytes if declare_length else None)
        write = exchange.handler.wfile.write
        write(head)
        sent = len(head)
        while sent + len(block) + len(tail) <= total_bytes and not exchange.stopping.is_set():
            write(block)
            sent += len(block)
        write(b" " * max(0, total_bytes - sent - len(tail)) + tail)

    return behaviour


def gzip_bomb(decoded_bytes: int = 1024 * 1024 * 1024, *,
              declare_length: bool = False) -> Behaviour:
    """A change page that is small on the wire and huge decoded: `Content-Encoding: gzip`
    over a valid-looking page padded with about `decoded_bytes` (default 1 GB) of spaces,
    about 1,000 to 1 (about 1 MB sent). The body is gzip members one after the other (a
    gzip stream may hold several; decoders join them), the padding one member made once and
    sent again and again. `declare_length`: the compressed length is declared, else the
    body runs until the connection closes."""
    padding = _spaces_member()
    repeats = max(1, decoded_bytes // _SPACES)
    head = zlib.compress(b'{"changes":[', 9, wbits=31)
    tail = zlib.compress(b'],"next_cursor":"1:2:0","has_more":false,"remaining":0}', 9,
                         wbits=31)

    def behaviour(exchange: Exchange) -> None:
        handler = exchange.handler
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", "gzip")
        if declare_length:
            length = len(head) + repeats * len(padding) + len(tail)
            handler.send_header("Content-Length", str(length))
        else:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()
        handler.wfile.write(head)
        for _ in range(repeats):
            if exchange.stopping.is_set():
                return
            handler.wfile.write(padding)
        handler.wfile.write(tail)
        handler.wfile.flush()

    return behaviour


_SPACES = 16 * 1024 * 1024
_spaces: list[bytes] = []


def _spaces_member() -> bytes:
    """16 MB of spaces as one gzip member (~16 KB), made on first use."""
    if not _spaces:
        _spaces.append(zlib.compress(b" " * _SPACES, 9, wbits=31))
    return _spaces[0]


def rewrite_page(change: Callable[[dict[str, Any], Seen], dict[str, Any]]) -> Behaviour:
    """Forward, then answer `change(page, request)` instead of the page (200 answers only)."""

    def behaviour(exchange: Exchange) -> None:
        answer = exchange.forward()
        if answer.status != 200:
            exchange.send_upstream(answer)
            return
        page = change(answer.json(), exchange.seen)
        exchange.send(200, json.dumps(page).encode(), answer.headers)

    return behaviour


def more_records(extra: int = 1) -> Behaviour:
    """Pages with `extra` records more than the request's limit asked for (fetched from
    upstream with a larger limit; copies of the last record where the feed has too few)."""

    def behaviour(exchange: Exchange) -> None:
        limit = int(exchange.seen.query.get("limit", "500"))
        answer = exchange.forward(exchange.seen.query | {"limit": str(limit + extra)})
        if answer.status != 200:
            exchange.send_upstream(answer)
            return
        page = answer.json()
        while page["changes"] and len(page["changes"]) < limit + extra:
            page["changes"].append(page["changes"][-1])
        exchange.send(200, json.dumps(page).encode(), answer.headers)

    return behaviour


def standing_cursor() -> Behaviour:
    """From the second page on, `next_cursor` is the cursor asked with, `has_more` true:
    a feed that never advances."""

    def change(page: dict[str, Any], seen: Seen) -> dict[str, Any]:
        since = seen.query.get("since")
        if since is not None:
            page["next_cursor"], page["has_more"] = since, True
        return page

    return rewrite_page(change)


def backwards_cursor() -> Behaviour:
    """The first page and the one after it are honest; asked for any later cursor, the page
    leads back to the first cursor this rule handed out (has_more true): a feed going back."""
    first: list[str] = []

    def change(page: dict[str, Any], seen: Seen) -> dict[str, Any]:
        if not first:
            first.append(page["next_cursor"])
        elif seen.query.get("since") != first[0]:
            page["next_cursor"], page["has_more"] = first[0], True
        return page

    return rewrite_page(change)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll `condition` (tests' helper for the server's side of things)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
