"""Timeouts on every call, retries with backoff, Retry-After, idempotent POST, TLS, offline."""

import shutil
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import requests
import urllib3.util.retry
from desktop_app.api import (
    ApiClient,
    ApiSettings,
    AuthSession,
    NoTokenStore,
    OfflineError,
    ServerError,
    TlsError,
)
from desktop_app.api.calls import CallGuard
from desktop_app.api.transport import CappedRetry, TimeoutSession, Transport, build_retry
from desktop_app.contract.carts import CartCreate
from desktop_app.contract.orders import OrderCreate
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from urllib3.util.retry import RequestHistory

from tests.api.api_support import (
    Certificate,
    Reply,
    StubServer,
    closed_port,
    fast_settings,
    make_self_signed,
    make_self_signed_with_openssl,
    stub_client,
)


def test_every_call_carries_a_timeout_and_verification(
        api_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []
    original = requests.Session.request

    def spy(self: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response:
        seen.append(kwargs)
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", spy)
    settings = ApiSettings(api_server.api, connect_timeout=3.0, read_timeout=11.0)
    auth = AuthSession(settings, NoTokenStore())
    client = ApiClient(settings, auth)
    try:
        auth.login("max.nord", DEMO_PASSWORD)
        client.me()
        client.statuses()
        client.products()
        client.changes(limit=5)
        client.customers("a")
        auth.refresh()
        auth.logout()
    finally:
        client.close()
    assert len(seen) >= 8
    for kwargs in seen:
        assert kwargs["timeout"] == (3.0, 11.0)
        assert kwargs["verify"] is True


def test_a_session_fills_in_the_timeout_when_a_caller_forgets(
        stub: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    stub.script("GET", "/ping", Reply(200, {"ok": True}))
    seen: list[dict[str, Any]] = []
    original = requests.Session.request

    def spy(self: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response:
        seen.append(kwargs)
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", spy)
    settings = fast_settings(stub.api)
    with TimeoutSession(settings, allow_post_retry=False) as session:
        session.get(stub.api + "/ping").close()
        session.request("GET", stub.api + "/ping", timeout=None, verify=False).close()
    assert [kwargs["timeout"] for kwargs in seen] == [settings.timeout, settings.timeout]
    assert [kwargs["verify"] for kwargs in seen] == [True, True]


def test_get_is_retried_on_503_with_backoff(stub: StubServer) -> None:
    stub.script("GET", "/meta/statuses", Reply(503), Reply(503), Reply(200, []))
    client = stub_client(stub)
    try:
        assert client.statuses() == ([], None)
    finally:
        client.close()
    assert stub.count("GET", "/meta/statuses") == 3


def _close_recorded(closed: list[object], session: object, close: Callable[[], None]) -> None:
    closed.append(session)
    close()


def test_the_session_of_a_thread_that_ended_is_closed(stub: StubServer) -> None:
    """Every listener restart and pool thread makes a session of its own: when its thread has
    ended, the next new session closes it, so sockets do not pile up over days."""
    import threading

    stub.script("GET", "/meta/statuses", *[Reply(200, [])] * 3)
    client = stub_client(stub)
    transport = client.auth.transport
    closed: list[object] = []
    try:
        def call() -> None:
            client.statuses()

        first = threading.Thread(target=call)
        first.start()
        first.join()
        ended = [session for owner, session in transport._sessions if owner is first]
        assert ended
        for session in ended:
            session.close = partial(_close_recorded, closed, session,  # type: ignore[method-assign]
                                    session.close)
        second = threading.Thread(target=call)
        second.start()
        second.join()
        assert closed == ended  # the first thread's sessions went with their thread
        assert all(owner is not first for owner, _session in transport._sessions)
    finally:
        client.close()


@pytest.mark.parametrize("status", [429, 502, 504])
def test_other_transient_statuses_are_retried(stub: StubServer, status: int) -> None:
    stub.script("GET", "/customers", Reply(status), Reply(200, []))
    client = stub_client(stub)
    try:
        assert client.customers() == []
    finally:
        client.close()
    assert stub.count("GET", "/customers") == 2


def test_retries_give_up_after_max_retries_with_a_server_error(stub: StubServer) -> None:
    stub.script("GET", "/customers", Reply(503, {"title": "Service Unavailable",
                                                 "status": 503},
                                           {"Content-Type": "application/problem+json"}))
    client = stub_client(stub, max_retries=2)
    try:
        with pytest.raises(ServerError) as caught:
            client.customers()
    finally:
        client.close()
    assert stub.count("GET", "/customers") == 3
    assert caught.value.status == 503
    assert "503" in caught.value.message("de")


def test_backoff_grows_exponentially_with_jitter() -> None:
    settings = fast_settings("http://127.0.0.1:1/api/v1", backoff_factor=0.5, max_retries=5,
                             max_retry_after=30.0)
    retry = build_retry(settings, allow_post=False)
    assert retry.backoff_jitter == 0.5
    assert retry.status_forcelist == {429, 502, 503, 504}
    assert "POST" not in (retry.allowed_methods or ())
    assert "POST" in (build_retry(settings, allow_post=True).allowed_methods or ())
    history = tuple(RequestHistory("GET", "/x", None, 503, None) for _ in range(3))
    assert retry.new(backoff_jitter=0.0, history=history).get_backoff_time() == 2.0
    jittered = retry.new(history=history)
    times = {jittered.get_backoff_time() for _ in range(20)}
    assert all(2.0 <= t <= 2.5 for t in times)
    assert len(times) > 1


class RecordedSleeps:
    """Stands in for the `time` module inside urllib3's retry: sleeps are recorded, not slept."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> RecordedSleeps:
    """The pauses between retries, recorded instead of waited: those of a call (which an
    abort ends, desktop_app/api/calls.py) and urllib3's own outside a call."""
    recorded = RecordedSleeps()
    monkeypatch.setattr(urllib3.util.retry, "time", recorded)
    monkeypatch.setattr(CallGuard, "sleep", lambda _call, seconds: recorded.sleep(seconds))
    return recorded


def test_retry_after_is_honoured(stub: StubServer, sleeps: RecordedSleeps) -> None:
    stub.script("GET", "/customers", Reply(503, b"", {"Retry-After": "1"}), Reply(200, []))
    client = stub_client(stub, max_retry_after=30.0)
    try:
        assert client.customers() == []
    finally:
        client.close()
    assert stub.count("GET", "/customers") == 2
    assert sleeps.slept == [1.0]


def test_retry_after_is_capped_at_what_a_person_will_wait(stub: StubServer,
                                                         sleeps: RecordedSleeps) -> None:
    stub.script("GET", "/customers", Reply(429, b"", {"Retry-After": "3600"}), Reply(200, []))
    client = stub_client(stub, max_retry_after=0.2)
    try:
        assert client.customers() == []
    finally:
        client.close()
    assert stub.count("GET", "/customers") == 2
    assert sleeps.slept == [0.2]  # 3600 s were asked for


def test_capped_retry_keeps_its_cap_across_new() -> None:
    retry = CappedRetry(total=3, max_retry_after=1.5)
    assert retry.new(total=2).max_retry_after == 1.5


def test_post_without_idempotency_key_is_not_retried(stub: StubServer) -> None:
    stub.script("POST", "/carts", Reply(503))
    client = stub_client(stub)
    try:
        with pytest.raises(ServerError):
            client.create_cart(CartCreate(customer_id="c-1",
                                          business_transaction=BusinessTransaction.NEW_ORDER))
    finally:
        client.close()
    assert stub.count("POST", "/carts") == 1


def test_post_with_idempotency_key_is_retried(stub: StubServer) -> None:
    stub.script("POST", "/orders", Reply(503))
    client = stub_client(stub, max_retries=2)
    try:
        with pytest.raises(ServerError):
            client.submit_order(OrderCreate(cart_id="cart-1"), "key-1")
    finally:
        client.close()
    assert stub.count("POST", "/orders") == 3
    keys = {r.headers.get("Idempotency-Key") for r in stub.requests if r.path.endswith("/orders")}
    assert keys == {"key-1"}


def test_post_with_idempotency_key_is_retried_after_a_read_timeout(stub: StubServer) -> None:
    stub.script("POST", "/x", Reply(200, {"late": True}, delay=1.5), Reply(200, {"ok": True}))
    transport = Transport(fast_settings(stub.api, read_timeout=0.5))
    try:
        response = transport.request("POST", "/x", json={}, idempotency_key="k-2")
        assert response.json() == {"ok": True}
        response.close()
    finally:
        transport.close()
    assert stub.count("POST", "/x") == 2


def test_post_without_key_is_not_retried_after_a_read_timeout(stub: StubServer) -> None:
    stub.script("POST", "/x", Reply(200, {"late": True}, delay=1.5), Reply(200, {"ok": True}))
    transport = Transport(fast_settings(stub.api, read_timeout=0.5))
    try:
        with pytest.raises(OfflineError) as caught:
            transport.request("POST", "/x", json={})
    finally:
        transport.close()
    assert stub.count("POST", "/x") == 1
    assert caught.value.timed_out
    assert "rechtzeitig" in caught.value.message("de")


def test_closed_port_is_offline_with_a_readable_message() -> None:
    settings = fast_settings(f"http://127.0.0.1:{closed_port()}/api/v1", max_retries=1)
    auth = AuthSession(settings, NoTokenStore())
    try:
        with pytest.raises(OfflineError) as caught:
            auth.login("max.nord", "some-password-1")
    finally:
        auth.transport.close()
    german = caught.value.message("de")
    assert german.startswith("Der Server ist nicht erreichbar")
    assert "127.0.0.1" in german
    assert "not be reached" in caught.value.message("en")
    assert "some-password-1" not in german + caught.value.message("en") + repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_tls_without_a_trusted_certificate_is_a_tls_error(tls_stub: StubServer) -> None:
    tls_stub.script("GET", "/me", Reply(200, {}))
    settings = fast_settings(tls_stub.api)
    auth = AuthSession(settings, NoTokenStore())
    try:
        with pytest.raises(TlsError) as caught:
            auth.login("max.nord", "pw-123456")
    finally:
        auth.transport.close()
    assert "Zertifikat" in caught.value.message("de")
    assert "CA" in caught.value.message("de")
    assert "certificate" in caught.value.message("en")
    assert tls_stub.count("POST", "/auth/token") == 0


def test_tls_with_the_ca_bundle_setting_verifies(tls_stub: StubServer,
                                                 certificate: Certificate) -> None:
    client = stub_client(tls_stub, ca_bundle=str(certificate.cert_file))
    try:
        assert client.me().username == "max.nord"
    finally:
        client.close()


def test_tls_with_a_wrong_ca_bundle_names_the_setting(tls_stub: StubServer,
                                                      tmp_path: Path) -> None:
    other = make_self_signed(tmp_path)
    settings = fast_settings(tls_stub.api, ca_bundle=str(other.cert_file))
    auth = AuthSession(settings, NoTokenStore())
    try:
        with pytest.raises(TlsError) as caught:
            auth.login("max.nord", "pw-123456")
    finally:
        auth.transport.close()
    assert "CA-Zertifikatsdatei" in caught.value.message("de")
    assert "CA certificate file" in caught.value.message("en")


def test_openssl_certificate_fallback_works_too(tmp_path: Path) -> None:
    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    certificate = make_self_signed_with_openssl(tmp_path)
    server = StubServer(certificate.server_context())
    try:
        client = stub_client(server, ca_bundle=str(certificate.cert_file))
        try:
            assert client.me().username == "max.nord"
        finally:
            client.close()
    finally:
        server.stop()


def test_netrc_never_replaces_the_bearer_token(stub: StubServer, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password netrc-secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    client = stub_client(stub)
    try:
        client.me()
    finally:
        client.close()
    last = [r for r in stub.requests if r.path.endswith("/me")][-1]
    assert last.headers["Authorization"].startswith("Bearer ")
    token_request = next(r for r in stub.requests if r.path.endswith("/auth/token"))
    assert "Authorization" not in token_request.headers
