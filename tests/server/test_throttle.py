"""Login throttling per user name and per client address (429 + Retry-After), kept in the
database so that every worker process (and every restart) counts the same failures."""

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.server import auth, security, throttle
from desktop_app.server.database import Database
from desktop_app.server.db import CounterRow, TokenRow
from desktop_app.server.seed import DEMO_PASSWORD, seed_database
from desktop_app.server.throttle import Limit, LoginThrottled
from sqlalchemy import event, func, select

from tests.postgres import fresh_database
from tests.server.live_server import LiveServer, start_server

NOW = 1_800_000_000
WRONG_PASSWORD = "wrong-password"
USER_LIMIT = throttle.DEFAULT_POLICY.per_user
ADDRESS_LIMIT = throttle.DEFAULT_POLICY.per_address


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database(str(tmp_path / "throttle.sqlite3")) as url:
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


# Small buckets keep the HTTP tests short (each failed login runs the KDF).
HTTP_POLICY = throttle.LoginPolicy(per_user=Limit(burst=3, interval=30),
                                   per_address=Limit(burst=6, interval=60))


@pytest.fixture
def server(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """A server of its own: the failures of these tests must not throttle other tests."""
    monkeypatch.setattr(throttle, "DEFAULT_POLICY", HTTP_POLICY)
    database = Database(database_url)
    seed_database(database, order_count=0, party_count=1, publish_history=False)
    database.dispose()
    server = start_server(database_url)
    yield server
    server.stop()


def _take(database: Database, buckets: dict[str, Limit], now: int = NOW) -> int | None:
    """None when the attempt was counted, else the Retry-After seconds."""
    try:
        with database.write() as session:
            throttle.take_attempt(session, buckets, now)
    except LoginThrottled as refused:
        return refused.retry_after
    return None


def _buckets(username: str = "max.nord", host: str = "192.0.2.7") -> dict[str, Limit]:
    return throttle.login_buckets(username, host)


# --- the bucket --------------------------------------------------------------------------


def test_a_burst_is_counted_then_refused_with_the_seconds_to_wait(database: Database) -> None:
    buckets = {"login:u:test": Limit(burst=3, interval=20)}
    assert [_take(database, buckets) for _ in range(3)] == [None, None, None]
    assert _take(database, buckets) == 20
    assert _take(database, buckets, NOW + 5) == 15
    # A refused attempt is not counted: waiting the seconds it named is enough.
    assert _take(database, buckets, NOW + 20) is None
    assert _take(database, buckets, NOW + 20) == 20
    # A full bucket again after burst * interval.
    assert [_take(database, buckets, NOW + 80) for _ in range(4)] == [None, None, None, 20]


def test_given_back_attempts_never_add_up(database: Database) -> None:
    buckets = {"login:u:test": Limit(burst=2, interval=60)}
    for _ in range(20):
        assert _take(database, buckets) is None
        with database.write() as session:
            throttle.give_back(session, buckets)
    assert [_take(database, buckets) for _ in range(3)] == [None, None, 60]


def test_the_user_name_and_the_address_are_separate_buckets(database: Database) -> None:
    for _ in range(USER_LIMIT.burst):
        assert _take(database, _buckets("max.nord", "192.0.2.7")) is None
    assert _take(database, _buckets("max.nord", "192.0.2.7")) == USER_LIMIT.interval
    # The same user from elsewhere: refused too (a guesser has many addresses).
    assert _take(database, _buckets("Max.Nord ", "198.51.100.1")) == USER_LIMIT.interval
    # Another user from the first address: counted (the address has room left).
    assert _take(database, _buckets("paul.sued", "192.0.2.7")) is None


def test_one_address_guessing_many_user_names_is_refused(database: Database) -> None:
    for index in range(ADDRESS_LIMIT.burst):
        assert _take(database, _buckets(f"user{index}", "192.0.2.7")) is None
    assert _take(database, _buckets("someone.else", "192.0.2.7")) == ADDRESS_LIMIT.interval
    assert _take(database, _buckets("someone.else", "192.0.2.8")) is None


def test_a_refusal_counts_in_no_bucket(database: Database) -> None:
    """A spent user bucket refuses without using up the address bucket (and vice versa)."""
    for _ in range(USER_LIMIT.burst):
        assert _take(database, _buckets("max.nord")) is None
    for _ in range(ADDRESS_LIMIT.burst):
        assert _take(database, _buckets("max.nord")) is not None
    assert _take(database, _buckets("paul.sued")) is None


def test_keys_fold_spelling_and_group_ipv6_networks() -> None:
    assert throttle.user_key("Max.Nord") == throttle.user_key(" max.nord ")
    assert throttle.user_key("max.nord") != throttle.user_key("max.nord2")
    same_network = ("2001:db8:1:2::1", "2001:db8:1:2:ffff::9")
    assert len({throttle.address_key(host) for host in same_network}) == 1
    assert throttle.address_key("2001:db8:1:3::1") != throttle.address_key(same_network[0])
    assert throttle.address_key("::ffff:192.0.2.7") == throttle.address_key("192.0.2.7")
    assert throttle.address_key(None) == throttle.address_key("unknown")
    assert throttle.address_key("testclient") != throttle.address_key("192.0.2.7")
    for key in (throttle.user_key("x" * 100), throttle.address_key("2001:db8::1")):
        assert len(key) <= 32  # counters.name
        assert key.startswith(throttle.PREFIX)


def test_the_counters_keep_digests_not_names_or_addresses(database: Database) -> None:
    _take(database, _buckets("max.nord", "192.0.2.7"))
    with database.read() as session:
        names = list(session.scalars(select(CounterRow.name).where(
            CounterRow.name.startswith(throttle.PREFIX))))
    assert len(names) == 2
    assert not any("max" in name or "192" in name for name in names)


def test_buckets_are_shared_by_every_process_on_the_database(database_url: str,
                                                            database: Database) -> None:
    """The state is in the database: a second Database (another worker) sees the count."""
    other = Database(database_url)
    try:
        buckets = {"login:u:shared": Limit(burst=4, interval=30)}
        for index in range(4):
            assert _take(database if index % 2 else other, buckets) is None
        assert _take(other, buckets) == 30
        assert _take(database, buckets) == 30
    finally:
        other.dispose()


def test_concurrent_attempts_are_counted_exactly(database_url: str) -> None:
    """Attempts arriving at once from several workers: exactly `burst` get through."""
    databases = [Database(database_url) for _ in range(3)]
    buckets = {"login:u:race": Limit(burst=7, interval=30)}
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(lambda index: _take(databases[index % 3], buckets),
                                    range(24)))
    finally:
        for database in databases:
            database.dispose()
    assert results.count(None) == 7
    assert all(wait is None or 0 < wait <= 30 for wait in results)


def test_prune_drops_only_buckets_that_are_full_again(database: Database) -> None:
    with database.write() as session:
        session.add(CounterRow(name="feed_seq_like", value=0))
    _take(database, {"login:u:old": Limit(burst=5, interval=10)}, NOW - 100)
    _take(database, {"login:u:new": Limit(burst=5, interval=10)}, NOW)
    with database.write() as session:
        assert throttle.prune(session, NOW) == 1
    with database.read() as session:
        names = set(session.scalars(select(CounterRow.name)))
    assert "login:u:new" in names and "feed_seq_like" in names
    assert "login:u:old" not in names


# --- over HTTP ---------------------------------------------------------------------------


def _login(server: LiveServer, username: str = "max.nord",
           password: str = WRONG_PASSWORD) -> httpx.Response:
    return httpx.post(f"{server.api}/auth/token", json={"username": username,
                                                        "password": password}, timeout=30)


def _assert_throttled(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    retry_after = int(response.headers["retry-after"])
    assert retry_after > 0
    body: dict[str, Any] = response.json()
    assert body["status"] == 429
    assert body["title"] == "Too Many Requests"
    assert f"{retry_after} seconds" in body["detail"]
    assert "access_token" not in body
    return retry_after


def _token_count(server: LiveServer) -> int:
    with server.context.database.read() as session:
        return session.scalar(select(func.count()).select_from(TokenRow)) or 0


def test_failed_logins_of_one_user_are_throttled_even_with_the_right_password(
        server: LiveServer) -> None:
    for _ in range(HTTP_POLICY.per_user.burst):
        assert _login(server).status_code == 401
    before = _token_count(server)
    # The bucket gives one attempt back every interval (seconds may have passed already).
    assert _assert_throttled(_login(server)) <= HTTP_POLICY.per_user.interval
    # While throttled, the right password is refused too (else guessing would go on) ...
    _assert_throttled(_login(server, password=DEMO_PASSWORD))
    assert _token_count(server) == before
    # ... but another user from the same address logs in.
    assert _login(server, "paul.sued", DEMO_PASSWORD).status_code == 200


def test_a_throttled_user_logs_in_once_the_wait_is_over(server: LiveServer) -> None:
    for _ in range(HTTP_POLICY.per_user.burst):
        _login(server)
    retry_after = _assert_throttled(_login(server, password=DEMO_PASSWORD))
    with server.context.database.write() as session:  # as if Retry-After seconds passed
        row = session.get(CounterRow, throttle.user_key("max.nord"))
        assert row is not None
        row.value -= retry_after
    assert _login(server, password=DEMO_PASSWORD).status_code == 200
    # The wait gave back one attempt, which the success did not use up: one more failure
    # is counted, the next is refused again.
    assert _login(server).status_code == 401
    _assert_throttled(_login(server))


def test_many_user_names_from_one_address_are_throttled(server: LiveServer) -> None:
    for index in range(HTTP_POLICY.per_address.burst):
        assert _login(server, f"guess{index}").status_code == 401
    _assert_throttled(_login(server, "paul.sued", DEMO_PASSWORD))
    _assert_throttled(_login(server, "guess-more"))


def test_successful_logins_are_never_throttled(server: LiveServer) -> None:
    for _ in range(HTTP_POLICY.per_address.burst + 2):
        assert _login(server, password=DEMO_PASSWORD).status_code == 200
    assert _login(server).status_code == 401


def test_the_password_check_runs_outside_any_database_session(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The KDF is slow on purpose; a login burst must not hold pooled connections."""
    engine = server.context.database.engine
    holders: dict[int, int] = {}  # thread -> connections it has checked out
    held_during_kdf: list[int] = []

    def checkout(*_args: object) -> None:
        holders[threading.get_ident()] = holders.get(threading.get_ident(), 0) + 1

    def checkin(*_args: object) -> None:
        holders[threading.get_ident()] = holders.get(threading.get_ident(), 0) - 1

    verify = security.verify_password

    def watched(password: str, stored: str) -> bool:
        held_during_kdf.append(holders.get(threading.get_ident(), 0))
        return verify(password, stored)

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
    monkeypatch.setattr(auth, "verify_password", watched)
    try:
        assert _login(server, password=DEMO_PASSWORD).status_code == 200
        assert _login(server).status_code == 401
        assert _login(server, "nobody.here").status_code == 401
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)
    assert held_during_kdf == [0, 0, 0]
    assert sum(holders.values()) >= 0 and len(holders) > 0  # the listeners did see the logins
