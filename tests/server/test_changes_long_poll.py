"""GET /changes?wait=S on a live server: held until a change the caller may see commits.

No wall-clock bounds: a request is known to be waiting when the server's wake-up counts it,
"not woken" is read from the wake-up's counters, and the joins' long fallbacks stay below
the 60 s a wrongly held request would take.
"""

import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.contract import changes as changes_contract
from desktop_app.contract.changes import ChangePage
from desktop_app.server import feed
from desktop_app.server.embedded import free_port
from desktop_app.server.engine import REQUEST_THREADS
from desktop_app.server.feed_wakeup import LocalFeedWakeup
from desktop_app.server.seed import DEMO_PASSWORD
from sqlalchemy.pool import QueuePool

from tests.server.databases import database_copy
from tests.server.live_server import Api, LiveServer, start_server

FALLBACK = 50.0  # joins give up after this: a request held for its full wait=60 fails them


def _wakeup(server: LiveServer) -> LocalFeedWakeup:
    wakeup = server.context.wakeup
    assert isinstance(wakeup, LocalFeedWakeup)
    return wakeup


def _until(condition: Callable[[], bool], what: str, timeout: float = FALLBACK) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.005)


def _head(api: Api) -> str:
    """The caller's cursor after every change it can see so far."""
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000} | ({"since": cursor} if cursor else {})
        response = api.get("/changes", params=params)
        assert response.status_code == 200, response.text
        page = ChangePage.model_validate(response.json())
        cursor = page.next_cursor
        if not page.has_more:
            return cursor


def _new_prospect(api: Api, name: str = "Long Poll GmbH") -> str:
    response = api.post("/customers", json={
        "company": name, "contact_name": "Erika Muster", "email": "erika@long-poll.example",
        "address": {"street": "Hafenstraße 1", "postal_code": "20457", "city": "Hamburg"}})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


class Poll(threading.Thread):
    """One long-poll in a thread of its own (its own HTTP connection)."""

    def __init__(self, api: Api, since: str | None, wait: float | str,
                 limit: int = 1000) -> None:
        super().__init__(daemon=True)
        self.url, self.headers = api.server.api, api.headers()
        self.params: dict[str, Any] = {"wait": wait, "limit": limit} | (
            {"since": since} if since else {})
        self.response: httpx.Response | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with httpx.Client(base_url=self.url, timeout=120) as http:
                self.response = http.get("/changes", params=self.params, headers=self.headers)
        except BaseException as error:  # reported by page()
            self.error = error

    def page(self) -> ChangePage:
        self.join(FALLBACK)
        assert not self.is_alive(), "the long-poll was not answered"
        assert self.error is None, self.error
        assert self.response is not None
        assert self.response.status_code == 200, self.response.text
        return ChangePage.model_validate(self.response.json())


def _start_waiting(server: LiveServer, poll: Poll, already: int = 0) -> None:
    poll.start()
    _until(lambda: _wakeup(server).waiting > already, "the request to wait")


def _assert_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["status"] == status


@pytest.fixture
def own_server(demo_database: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A server of its own (on a copy of the seeded database), for tests that stop it."""
    with database_copy(demo_database, tmp_path) as url:
        server = start_server(url)
        yield server
        server.stop()


# --- waking ---------------------------------------------------------------------------------


def test_a_change_wakes_a_waiting_request(live_server: LiveServer, clerk: Api) -> None:
    cursor = _head(clerk)
    poll = Poll(clerk, cursor, wait=60)
    _start_waiting(live_server, poll)
    prospect = _new_prospect(clerk)
    page = poll.page()
    assert [(change.kind.value, change.id) for change in page.changes] == [
        ("customer", prospect)]
    assert page.next_cursor != cursor
    assert page.has_more is False


def test_another_tenants_change_does_not_wake_it(live_server: LiveServer, clerk: Api,
                                                 other_clerk: Api) -> None:
    cursor = _head(clerk)
    woken = _wakeup(live_server).woken
    poll = Poll(clerk, cursor, wait=2)
    _start_waiting(live_server, poll)
    _new_prospect(other_clerk, "Südwest Long Poll GmbH")
    # The notify ran before the other clerk's answer was sent: the waiter was not woken.
    assert _wakeup(live_server).woken == woken
    page = poll.page()
    assert page.changes == []
    assert page.next_cursor == cursor
    assert page.has_more is False


def test_a_provider_is_woken_by_any_tenants_change(live_server: LiveServer, provider: Api,
                                                   other_clerk: Api) -> None:
    cursor = _head(provider)
    poll = Poll(provider, cursor, wait=60)
    _start_waiting(live_server, poll)
    prospect = _new_prospect(other_clerk, "Für den Anbieter GmbH")
    assert [change.id for change in poll.page().changes] == [prospect]


def test_pending_changes_are_answered_at_once_without_waiting(
        live_server: LiveServer, clerk: Api) -> None:
    cursor = _head(clerk)
    _new_prospect(clerk)
    woken, waiting = _wakeup(live_server).woken, _wakeup(live_server).waiting
    response = clerk.get("/changes", params={"since": cursor, "wait": 60})
    assert response.status_code == 200
    assert len(response.json()["changes"]) == 1
    assert (_wakeup(live_server).woken, _wakeup(live_server).waiting) == (woken, waiting)


def test_a_page_from_the_start_is_not_held(clerk: Api) -> None:
    response = clerk.get("/changes", params={"limit": 5, "wait": 60})
    assert response.status_code == 200
    assert len(response.json()["changes"]) == 5


# --- unchanged without wait, the cap and bad input -------------------------------------------


def test_without_wait_the_answers_are_byte_identical(live_server: LiveServer,
                                                     clerk: Api) -> None:
    cursor = _head(clerk)
    _new_prospect(clerk)
    principal_tenants = _tenants_of(live_server, clerk)
    with live_server.context.database.read() as session:
        expected_tail = feed.read_raw_page(session, cursor, 500, principal_tenants).to_json()
        expected_start = feed.read_raw_page(session, None, 50, principal_tenants).to_json()
    tails: list[dict[str, Any]] = [{"since": cursor}, {"since": cursor, "wait": 0},
                                   {"since": cursor, "wait": "0.0"},
                                   {"since": cursor, "wait": 30}]
    for params in tails:
        assert clerk.get("/changes", params=params).content == expected_tail, params
    starts: list[dict[str, Any]] = [{"limit": 50}, {"limit": 50, "wait": 0}]
    for params in starts:
        assert clerk.get("/changes", params=params).content == expected_start, params
    head = _head(clerk)
    # Nothing new and no wait: an empty page at once, as before.
    empty = clerk.get("/changes", params={"since": head, "wait": 0})
    assert empty.json() == {"changes": [], "next_cursor": head, "has_more": False,
                            "remaining": 0}


def _tenants_of(server: LiveServer, api: Api) -> frozenset[str] | None:
    from desktop_app.server.auth import principal_for_token
    from desktop_app.server.database import utcnow

    assert api.token is not None
    with server.context.database.read() as session:
        return principal_for_token(session, api.token, utcnow()).tenant_ids


def test_a_wait_above_the_cap_is_accepted_and_capped(live_server: LiveServer, clerk: Api,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes_contract, "MAX_WAIT", 0.2)
    cursor = _head(clerk)
    poll = Poll(clerk, cursor, wait=3600)
    poll.start()
    page = poll.page()  # with 3600 s it would not be answered before the fallback
    assert page.changes == []
    assert page.next_cursor == cursor


@pytest.mark.parametrize("wait", ["-1", "-0.5", "abc", "", "nan", "inf", "-inf", "1e999"])
def test_a_bad_wait_is_422(clerk: Api, wait: str) -> None:
    _assert_problem(clerk.get("/changes", params={"wait": wait}), 422)


def test_a_bad_cursor_with_wait_is_still_400_or_410(clerk: Api) -> None:
    _assert_problem(clerk.get("/changes", params={"since": "garbage", "wait": 60}), 400)
    epoch, seq = _head(clerk).split(".")[:2]
    _assert_problem(clerk.get("/changes", params={"since": f"{epoch}.{int(seq) + 10**9}",
                                                  "wait": 60}), 410)


def test_wait_needs_a_login(anonymous: Api) -> None:
    _assert_problem(anonymous.get("/changes", params={"wait": 60}), 401)


def test_the_openapi_documents_wait(live_server: LiveServer, anonymous: Api) -> None:
    schema = anonymous.http.get(live_server.base_url + "/openapi.json").json()
    operation = schema["paths"]["/api/v1/changes"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    wait = parameters["wait"]
    assert wait["required"] is False
    assert "60" in wait["description"]
    assert wait["schema"]["minimum"] == 0
    assert {"400", "410"} <= set(operation["responses"])


# --- resources held while waiting ---------------------------------------------------------


def test_waiting_requests_hold_no_database_connection_or_worker(
        live_server: LiveServer, clerk: Api) -> None:
    # More waiters than the connection pool has connections and AnyIO has worker threads.
    pool = live_server.context.database.engine.pool
    assert isinstance(pool, QueuePool)
    waiters = max(pool.size() + pool._max_overflow, REQUEST_THREADS) + 6
    cursor = _head(clerk)
    already = _wakeup(live_server).waiting
    polls = [Poll(clerk, cursor, wait=60) for _ in range(waiters)]
    for poll in polls:
        poll.start()
    _until(lambda: _wakeup(live_server).waiting == already + waiters, "all requests to wait")
    # Each registers its wait before its last read; once that read is over, it holds none.
    _until(lambda: pool.checkedout() == 0, "the waiters to give their connections back")
    assert _wakeup(live_server).waiting == already + waiters
    # A normal request still gets through, reading and writing.
    assert clerk.get("/changes", params={"since": cursor}).status_code == 200
    prospect = _new_prospect(clerk)
    for poll in polls:
        assert [change.id for change in poll.page().changes] == [prospect]


# --- a concurrent writer --------------------------------------------------------------------


def test_a_listening_loop_loses_and_doubles_nothing_under_a_concurrent_writer(
        live_server: LiveServer, clerk: Api, other_clerk: Api) -> None:
    writes = 40
    cursor = _head(clerk)
    written: list[str] = []
    done = threading.Event()

    def writer() -> None:
        try:
            for index in range(writes):
                written.append(_new_prospect(clerk, f"Dauerschreiber {index} GmbH"))
                _new_prospect(other_clerk, f"Fremdschreiber {index} GmbH")
        finally:
            done.set()

    seen: Counter[str] = Counter()
    seqs: list[int] = []
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    with httpx.Client(base_url=live_server.api, timeout=120) as http:
        while not (done.is_set() and set(written) <= set(seen)):
            assert time.monotonic() < deadline, "the listener fell behind"
            response = http.get("/changes", params={"since": cursor, "wait": 10, "limit": 7},
                                headers=clerk.headers())
            assert response.status_code == 200, response.text
            page = ChangePage.model_validate(response.json())
            for change in page.changes:
                seen[change.id] += 1
                seqs.append(change.seq)
            cursor = page.next_cursor
    thread.join(FALLBACK)
    assert set(seen) == set(written)
    assert all(count == 1 for count in seen.values())
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


# --- closing the server -----------------------------------------------------------------------


def test_stopping_the_server_answers_waiting_requests(own_server: LiveServer) -> None:
    clerk = Api(own_server, "max.nord")
    try:
        cursor = _head(clerk)
        polls = [Poll(clerk, cursor, wait=60) for _ in range(3)]
        for poll in polls:
            poll.start()
        _until(lambda: _wakeup(own_server).waiting == 3, "the requests to wait")
        own_server.stop()
        for poll in polls:
            page = poll.page()  # fails after FALLBACK (< 60 s) if stop() let them wait
            assert page.changes == []
            assert page.next_cursor == cursor
    finally:
        clerk.close()


def test_the_cli_server_answers_waiting_requests_when_interrupted(
        demo_database: str, tmp_path: Path) -> None:
    with database_copy(demo_database, tmp_path) as url:
        _cli_server_answers_waiting_requests_when_interrupted(url)


def _cli_server_answers_waiting_requests_when_interrupted(url: str) -> None:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "desktop_app.server.cli", "--database", url,
         "--port", str(port), "--simulator-interval", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        _until(lambda: _answers(base), "the CLI server to start")
        with httpx.Client(base_url=base, timeout=120) as http:
            token = http.post("/auth/token", json={"username": "max.nord",
                                                   "password": DEMO_PASSWORD}
                              ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        result: dict[str, httpx.Response] = {}

        def poll() -> None:
            with httpx.Client(base_url=base, timeout=120) as http:
                cursor, more = None, True
                while more:
                    body = http.get("/changes", params={"limit": 1000} | (
                        {"since": cursor} if cursor else {}), headers=headers).json()
                    cursor, more = body["next_cursor"], body["has_more"]
                result["cursor"] = httpx.Response(200, text=cursor)
                result["page"] = http.get("/changes", params={"since": cursor, "wait": 60},
                                          headers=headers)

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        _until(lambda: "cursor" in result, "the cursor")
        # Give the long-poll time to arrive and wait; an early interrupt is answered too
        # (the closed wake-up answers at once), so this only makes the test meaningful.
        time.sleep(0.5)
        process.send_signal(2)  # SIGINT, as Ctrl+C
        thread.join(FALLBACK)
        assert not thread.is_alive(), "the waiting request was not answered"
        page = result["page"]
        assert page.status_code == 200
        assert page.json()["changes"] == []
        assert page.json()["next_cursor"] == result["cursor"].text
        # uvicorn re-raises the captured SIGINT once it has shut down.
        assert process.wait(FALLBACK) in (0, -2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()


def _answers(base: str) -> bool:
    try:
        return httpx.get(base + "/health", timeout=5).status_code == 200
    except (OSError, httpx.HTTPError):
        return False


def test_a_client_that_hangs_up_stops_waiting(live_server: LiveServer, clerk: Api) -> None:
    cursor = _head(clerk)
    already = _wakeup(live_server).waiting
    host, port = live_server.base_url.removeprefix("http://").split(":")
    request = (f"GET /api/v1/changes?since={cursor}&wait=60 HTTP/1.1\r\nHost: {host}\r\n"
               f"Authorization: Bearer {clerk.token}\r\n\r\n").encode()
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(request)
        _until(lambda: _wakeup(live_server).waiting == already + 1, "the request to wait")
    # Hung up: the server forgets the wait long before its 60 s.
    _until(lambda: _wakeup(live_server).waiting == already, "the wait to end")
