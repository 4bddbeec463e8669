"""Every backend call ends: an overall deadline (connect to the last byte, retries included),
an abort from another thread, a byte bound read by read, and no more records than asked.

The hostile server (tests/sync/hostile_server.py) stands in front of the live reference
server. Deadlines in these tests are short and the per-read timeout long, so only the
deadline (or the abort) can end a call; no test measures how long anything took.
"""

import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from desktop_app.api import (
    ApiClient,
    ApiSettings,
    AuthSession,
    CallAborted,
    CallScope,
    DeadlineError,
    NoTokenStore,
    OfflineError,
    ResponseTooLargeError,
    ServerError,
    TooManyRecordsError,
)
from desktop_app.api.limits import feed_page_max_bytes
from desktop_app.api.transport import Transport
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD

from tests.api.api_support import Certificate
from tests.live_fixtures import python_threads
from tests.sync.hostile_server import (
    Exchange,
    HostileServer,
    endless_page,
    more_records,
    slow_body,
    stall_headers,
    wait_until,
)

SHORT = 1.0  # the deadline in these tests (seconds)
LONG_READ = 120.0  # a per-read timeout that never ends a test call by itself
MIB = 1024 * 1024


@pytest.fixture
def hostile(api_server: EmbeddedServer) -> Iterator[HostileServer]:
    server = HostileServer(api_server.base_url)
    yield server
    server.stop()


def client_at(url: str, **overrides: Any) -> ApiClient:
    values: dict[str, Any] = {"call_deadline": SHORT, "read_timeout": LONG_READ,
                              "connect_timeout": LONG_READ, "max_retries": 2,
                              "backoff_factor": 0.01}
    settings = ApiSettings(url, **(values | overrides))
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    return ApiClient(settings, auth)


@pytest.fixture
def client(hostile: HostileServer) -> Iterator[ApiClient]:
    api = client_at(hostile.api)
    yield api
    api.close()


# --- the deadline ---------------------------------------------------------------------------

@pytest.mark.parametrize("declare_length", [True, False])
def test_a_body_trickling_in_byte_by_byte_ends_at_the_deadline(
        hostile: HostileServer, client: ApiClient, declare_length: bool) -> None:
    """1 byte a second: the read timeout never trips; the deadline does, and a body cut off
    without a length (read until close) is not taken for the whole answer."""
    hostile.on("GET", "/changes", slow_body(declare_length=declare_length))
    with pytest.raises(DeadlineError) as raised:
        client.changes_raw(None, 500)
    assert isinstance(raised.value, OfflineError) and raised.value.timed_out
    assert "1 Sekunden" in raised.value.message("de") and "1 seconds" in raised.value.message("en")
    assert len(hostile.requests_to("GET", "/changes")) == 1  # no retry after the deadline


def test_headers_that_never_come_end_at_the_deadline(hostile: HostileServer,
                                                     client: ApiClient) -> None:
    hostile.on("GET", "/catalog/products", stall_headers)
    with pytest.raises(DeadlineError):
        client.products()
    assert len(hostile.requests_to("GET", "/catalog/products")) == 1


def test_a_long_poll_gets_its_wait_on_top_of_the_deadline(hostile: HostileServer,
                                                          client: ApiClient) -> None:
    """wait=2 with a 1 s deadline: the server's honest, held answer still arrives."""
    first = client.changes_raw(None, 500)
    assert first
    head = _last_cursor(client)
    assert client.changes_raw(head, 500, wait=2) is not None  # an empty page after ~2 s


def _last_cursor(client: ApiClient) -> str:
    cursor: str | None = None
    while True:
        page = client.changes(cursor, 1000)
        cursor = page.next_cursor
        if not page.has_more:
            return cursor


def test_a_retry_pause_longer_than_the_deadline_is_not_waited(hostile: HostileServer,
                                                              client: ApiClient) -> None:
    """503 with Retry-After 30 (capped at 30 s): the pause would outlast the 1 s deadline, so
    the 503 stands at once instead of a DeadlineError half a minute later."""
    def unavailable(exchange: Exchange) -> None:
        exchange.send(503, b'{"title": "Unavailable", "status": 503}', [("Retry-After", "30")],
                      "application/problem+json")

    hostile.on("GET", "/me", unavailable)
    before = len(hostile.requests_to("GET", "/me"))  # the login's
    with pytest.raises(ServerError) as raised:
        client.me()
    assert raised.value.status == 503
    assert len(hostile.requests_to("GET", "/me")) == before + 1


def test_the_deadline_holds_on_a_retry_s_new_connection(hostile: HostileServer,
                                                         client: ApiClient) -> None:
    """A 503 that closes its connection, then a trickling body on the retry's new connection,
    which often gets the closed socket's file number back: that socket is watched too (the
    call ran on until killed when the guard knew sockets by number)."""
    def unavailable_then_closed(exchange: Exchange) -> None:
        exchange.send(503, b'{"title": "Unavailable", "status": 503}', [("Retry-After", "0")],
                      "application/problem+json")
        exchange.handler.close_connection = True

    hostile.on("GET", "/changes", unavailable_then_closed, times=1)
    hostile.on("GET", "/changes", slow_body())
    with pytest.raises(DeadlineError):
        client.changes_raw(None, 500)
    assert len(hostile.requests_to("GET", "/changes")) == 2  # the 503, then the retry


def test_a_scope_aborts_a_retry_s_new_connection(hostile: HostileServer) -> None:
    api = client_at(hostile.api, call_deadline=600)  # only the abort can end it

    def unavailable_then_closed(exchange: Exchange) -> None:
        exchange.send(503, b'{"title": "Unavailable", "status": 503}', [("Retry-After", "0")],
                      "application/problem+json")
        exchange.handler.close_connection = True

    hostile.on("GET", "/catalog/products", unavailable_then_closed, times=1)
    hostile.on("GET", "/catalog/products", stall_headers)
    scope = CallScope()

    def call() -> None:
        with scope.bound():
            api.products()

    thread, raised = _in_thread(call)
    try:
        assert wait_until(lambda: len(hostile.requests_to("GET", "/catalog/products")) == 2
                          and hostile.active == 1)
        scope.abort()
        thread.join(30)
        assert not thread.is_alive()
        assert len(raised) == 1 and isinstance(raised[0], CallAborted)
    finally:
        api.close()
        thread.join(30)


def test_a_connect_that_hangs_ends_at_the_deadline() -> None:
    """A listener whose accept queue is full drops the SYN: connect() would wait the whole
    connect timeout (here 120 s) without the deadline shutting its socket down."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    transport = Transport(ApiSettings(f"http://127.0.0.1:{port}/api/v1", call_deadline=SHORT,
                                      connect_timeout=LONG_READ, max_retries=2))
    try:
        with pytest.raises(DeadlineError):
            transport.request("GET", "/health")
    finally:
        transport.close()
        for filler in fillers:
            filler.close()
        listener.close()


def test_the_deadline_holds_over_tls(api_server: EmbeddedServer,
                                     certificate: Certificate) -> None:
    """The socket the call watches is taken before the TLS handshake wraps it."""
    hostile = HostileServer(api_server.base_url, ssl_context=certificate.server_context())
    api = client_at(hostile.api, ca_bundle=str(certificate.cert_file))
    try:
        assert api.me().username == "max.nord"  # kept-alive TLS connection, then …
        hostile.on("GET", "/changes", slow_body())
        with pytest.raises(DeadlineError):
            api.changes_raw(None, 500)
    finally:
        api.close()
        hostile.stop()


def test_no_watchdog_thread_outlives_the_calls(hostile: HostileServer,
                                               client: ApiClient) -> None:
    before = {t.name for t in python_threads()}
    client.me()
    hostile.on("GET", "/me", stall_headers)
    with pytest.raises(DeadlineError):
        client.me()
    assert wait_until(lambda: "api-deadlines" not in {t.name for t in python_threads()}
                      - before)


@pytest.mark.parametrize("deadline", [0, -1, float("nan"), float("inf")])
def test_the_deadline_must_be_a_positive_number(deadline: float) -> None:
    with pytest.raises(ValueError, match="deadline"):
        ApiSettings("http://127.0.0.1:1/api/v1", call_deadline=deadline)


# --- aborting from another thread -----------------------------------------------------------

def _in_thread(call: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed to the test
            raised.append(error)

    thread = threading.Thread(target=run, name="test-call")
    thread.start()
    return thread, raised


def test_a_scope_aborts_its_stalled_call_from_another_thread(hostile: HostileServer) -> None:
    api = client_at(hostile.api, call_deadline=600)  # only the abort can end it
    hostile.on("GET", "/catalog/products", stall_headers)
    scope = CallScope()

    def call() -> None:
        with scope.bound():
            api.products()

    thread, raised = _in_thread(call)
    try:
        assert wait_until(lambda: hostile.active == 1)
        scope.abort()
        thread.join(30)
        assert not thread.is_alive()
        assert len(raised) == 1 and isinstance(raised[0], CallAborted)
        assert raised[0].message("de") == "Der Abruf wurde abgebrochen."
        assert len(hostile.requests_to("GET", "/catalog/products")) == 1  # not retried
    finally:
        api.close()
        thread.join(30)


def test_an_aborted_scope_refuses_new_calls_before_sending(hostile: HostileServer,
                                                           client: ApiClient) -> None:
    scope = CallScope()
    scope.abort()
    with scope.bound(), pytest.raises(CallAborted):
        client.products()
    assert hostile.requests_to("GET", "/catalog/products") == []
    client.products()  # outside the scope the client works as before


def test_closing_the_transport_ends_a_trickling_call_on_another_thread(
        hostile: HostileServer) -> None:
    api = client_at(hostile.api, call_deadline=600)
    hostile.on("GET", "/changes", slow_body())
    thread, raised = _in_thread(lambda: api.changes_raw(None, 500))
    try:
        assert wait_until(lambda: hostile.active == 1)
        api.close()  # what quitting does
        thread.join(30)
        assert not thread.is_alive()
        assert len(raised) == 1 and isinstance(raised[0], CallAborted)
        with pytest.raises(CallAborted):
            api.me()  # closed: no new call goes out
    finally:
        thread.join(30)


# --- bounded answers ------------------------------------------------------------------------

@pytest.mark.parametrize("declare_length", [False, True])
def test_an_oversized_page_is_refused_while_read_and_memory_stays_flat(
        hostile: HostileServer, client: ApiClient, declare_length: bool) -> None:
    """A 200 MB answer to limit=500 is refused after its bound (4 MB), before it is held;
    Python's allocations peak far below +50 MB. A declared length over the bound is refused
    before reading anything."""
    hostile.on("GET", "/changes", endless_page(200 * MIB, declare_length=declare_length))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as raised:
            client.changes_raw(None, 500)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * MIB, peak
    assert raised.value.max_bytes == feed_page_max_bytes(500) < 5 * MIB
    assert "4,0 MB" in raised.value.message("de") and "4.0 MB" in raised.value.message("en")


def test_the_page_bound_follows_the_limit() -> None:
    assert feed_page_max_bytes(1000) > feed_page_max_bytes(500) > feed_page_max_bytes(10)
    settings = ApiSettings("http://127.0.0.1:1/api/v1", feed_bytes_per_record=100)
    assert settings.feed_page_max_bytes(500) == feed_page_max_bytes(500, 100)


def test_an_honest_full_page_fits_its_bound(client: ApiClient) -> None:
    raw = client.changes_raw(None, 500)  # the demo's largest orders come first
    assert len(raw) < feed_page_max_bytes(500) / 2


def test_any_answer_is_bounded(hostile: HostileServer) -> None:
    api = client_at(hostile.api, max_response_bytes=64 * 1024)
    try:
        hostile.on("GET", "/catalog/products", endless_page(10 * MIB))
        with pytest.raises(ResponseTooLargeError):
            api.products()
    finally:
        api.close()


def test_a_document_is_bounded(hostile: HostileServer) -> None:
    api = client_at(hostile.api, document_max_bytes=256 * 1024)
    try:
        hostile.on("GET", "/documents/d-1", endless_page(10 * MIB))
        with pytest.raises(ResponseTooLargeError):
            api.document("d-1")
    finally:
        api.close()


def test_more_records_than_asked_are_refused(hostile: HostileServer,
                                             client: ApiClient) -> None:
    hostile.on("GET", "/changes", more_records(1))
    with pytest.raises(TooManyRecordsError) as raised:
        client.changes_raw(None, 50)
    assert (raised.value.count, raised.value.limit) == (51, 50)
    with pytest.raises(TooManyRecordsError):
        client.changes(None, 50)


def test_more_customers_than_asked_are_refused(hostile: HostileServer,
                                               client: ApiClient) -> None:
    assert len(client.customers(limit=3)) == 3

    def four(exchange: Exchange) -> None:
        answer = exchange.forward(exchange.seen.query | {"limit": "4"})
        exchange.send_upstream(answer)

    hostile.on("GET", "/customers", four)
    with pytest.raises(TooManyRecordsError):
        client.customers(limit=3)


def _page_of(records: list[bytes]) -> bytes:
    return (b'{"changes":[' + b",".join(records)
            + b'],"next_cursor":"1:9:0","has_more":false,"remaining":0}')


def _answer_with(body: bytes) -> Callable[[Exchange], None]:
    def behaviour(exchange: Exchange) -> None:
        exchange.send(200, body)
    return behaviour


def test_more_records_with_escaped_keys_are_refused_too(hostile: HostileServer,
                                                        client: ApiClient) -> None:
    """"\\u006fp" is the key "op" to a JSON parser: the quick scan for b'"op"' cannot see it,
    so such a page is counted in full."""
    record = b'{"seq":1,"kind":"order","\\u006fp":"delete","id":"o-1","data":null}'
    hostile.on("GET", "/changes", _answer_with(_page_of([record] * 3)))
    with pytest.raises(TooManyRecordsError) as raised:
        client.changes_raw(None, 2)
    assert raised.value.count == 3


def test_records_that_mention_op_in_their_data_are_not_miscounted(
        hostile: HostileServer, client: ApiClient) -> None:
    record = (b'{"seq":1,"kind":"order","op":"upsert","id":"o-1",'
              b'"data":{"id":"o-1","history":[{"op":"x"},{"op":"y"}]}}')
    body = _page_of([record] * 2)
    hostile.on("GET", "/changes", _answer_with(body))
    assert client.changes_raw(None, 2) == body  # 6 × "op", 2 records: not refused here
