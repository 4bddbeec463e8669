"""ApiClient.changes_raw(wait=S): the long-poll's parameter, its read timeout and retries."""

import threading
import time
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore, OfflineError
from desktop_app.contract.changes import ChangePage
from desktop_app.contract.parties import ProspectCreate
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.feed_wakeup import LocalFeedWakeup
from desktop_app.server.seed import DEMO_PASSWORD

from tests.api.api_support import Reply, StubServer, stub_client

EMPTY_PAGE = {"changes": [], "next_cursor": "1.5", "has_more": False, "remaining": 0}


def _queries(stub: StubServer) -> list[dict[str, list[str]]]:
    return [parse_qs(recorded.query) for recorded in stub.requests
            if recorded.path == "/api/v1/changes"]


def test_wait_is_sent_only_when_positive(stub: StubServer) -> None:
    stub.script("GET", "/changes", Reply(200, EMPTY_PAGE))
    client = stub_client(stub)
    try:
        client.changes_raw("1.5")
        client.changes_raw("1.5", wait=0)
        client.changes_raw("1.5", wait=25)
        client.changes_raw("1.5", limit=7, wait=0.5)
    finally:
        client.close()
    assert _queries(stub) == [
        {"since": ["1.5"], "limit": ["500"]},
        {"since": ["1.5"], "limit": ["500"]},
        {"since": ["1.5"], "limit": ["500"], "wait": ["25"]},
        {"since": ["1.5"], "limit": ["7"], "wait": ["0.5"]},
    ]


def test_a_negative_wait_is_refused_before_sending(stub: StubServer) -> None:
    client = stub_client(stub)
    try:
        for wait in (-1.0, float("nan"), float("inf")):
            with pytest.raises(ValueError, match="wait"):
                client.changes_raw("1.5", wait=wait)
    finally:
        client.close()
    assert _queries(stub) == []


def test_the_read_timeout_grows_by_the_wait(stub: StubServer) -> None:
    # The answer comes after longer than the read timeout, but within wait + read timeout.
    stub.script("GET", "/changes", Reply(200, EMPTY_PAGE, delay=1.0))
    client = stub_client(stub, read_timeout=0.4, max_retries=0)
    try:
        assert ChangePage.model_validate_json(client.changes_raw("1.5", wait=2)).changes == []
        with pytest.raises(OfflineError):
            client.changes_raw("1.5")  # no wait: the usual read timeout
    finally:
        client.close()


def test_a_long_poll_that_times_out_is_not_retried(stub: StubServer) -> None:
    # Retrying would multiply the wait: the listener reconnects by itself instead.
    stub.script("GET", "/changes", Reply(200, EMPTY_PAGE, delay=3.0))
    client = stub_client(stub, read_timeout=0.2, max_retries=3)
    try:
        with pytest.raises(OfflineError) as error:
            client.changes_raw("1.5", wait=0.3)
        assert error.value.timed_out
    finally:
        client.close()
    assert stub.count("GET", "/changes") == 1


def test_other_calls_still_retry_a_read_timeout(stub: StubServer) -> None:
    stub.script("GET", "/changes", Reply(200, EMPTY_PAGE, delay=1.0), Reply(200, EMPTY_PAGE))
    client = stub_client(stub, read_timeout=0.3, max_retries=2)
    try:
        assert ChangePage.model_validate_json(client.changes_raw("1.5")).changes == []
    finally:
        client.close()
    assert stub.count("GET", "/changes") == 2


def test_a_long_poll_still_retries_a_503(stub: StubServer) -> None:
    stub.script("GET", "/changes", Reply(503, {"title": "busy", "status": 503}),
                Reply(200, EMPTY_PAGE))
    client = stub_client(stub, max_retries=2)
    try:
        assert ChangePage.model_validate_json(client.changes_raw("1.5", wait=5)).changes == []
    finally:
        client.close()
    assert stub.count("GET", "/changes") == 2


# --- live ---------------------------------------------------------------------------------


@pytest.fixture
def live_client(api_server: EmbeddedServer) -> Iterator[ApiClient]:
    settings = ApiSettings(api_server.api, max_retries=1, backoff_factor=0.01)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    client = ApiClient(settings, auth)
    yield client
    client.close()


def test_a_long_poll_returns_the_change_committed_while_it_waits(
        api_server: EmbeddedServer, live_client: ApiClient) -> None:
    cursor = None
    while True:
        page = ChangePage.model_validate_json(live_client.changes_raw(cursor, limit=1000))
        cursor = page.next_cursor
        if not page.has_more:
            break
    wakeup = api_server.context.wakeup
    assert isinstance(wakeup, LocalFeedWakeup)
    result: dict[str, bytes] = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("raw", live_client.changes_raw(cursor, wait=60)))
    thread.start()
    deadline = time.monotonic() + 50
    while not wakeup.waiting:
        assert time.monotonic() < deadline, "the long-poll did not arrive"
        time.sleep(0.005)
    prospect = live_client.create_prospect(ProspectCreate.model_validate({
        "company": "Lauscher GmbH", "contact_name": "Erika Muster",
        "email": "erika@lauscher.example",
        "address": {"street": "Hafenstraße 1", "postal_code": "20457", "city": "Hamburg"}}))
    thread.join(50)  # < the 60 s wait: only a wake-up answers it in time
    assert not thread.is_alive()
    page = ChangePage.model_validate_json(result["raw"])
    assert [change.id for change in page.changes] == [prospect.id]
