"""Lost races are retried, never a 500: which errors count (real ones from PostgreSQL and
SQLite), the request replay of RetryConflicts on a live server, and the simulator's round."""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.server import retry
from desktop_app.server.app import create_app
from desktop_app.server.database import Database
from desktop_app.server.embedded import free_port
from desktop_app.server.leader import SoleLeader
from desktop_app.server.problems import install_problem_handlers
from desktop_app.server.retry import (
    RetryConflicts,
    is_lock_conflict,
    is_retryable,
    is_unique_violation,
    run_retrying,
)
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from tests.postgres import create_database, drop_database, require_postgres

START_TIMEOUT = 30.0


# --- which errors are retried: real ones ---------------------------------------------------


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    admin = require_postgres()
    url = create_database(admin)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (id integer PRIMARY KEY, v integer)"))
        connection.execute(text("INSERT INTO t VALUES (1, 0), (2, 0)"))
    yield engine
    engine.dispose()
    drop_database(admin, url)


def _caught(work: Callable[[], object]) -> DBAPIError:
    with pytest.raises(DBAPIError) as caught:
        work()
    return caught.value


def test_a_real_deadlock_is_a_lock_conflict(pg_engine: Engine) -> None:
    failures: list[DBAPIError] = []
    both_locked = threading.Barrier(2)

    def lock_in_order(first: int, second: int) -> None:
        try:
            with pg_engine.begin() as connection:
                connection.execute(text("UPDATE t SET v = v + 1 WHERE id = :id"), {"id": first})
                both_locked.wait(timeout=30)
                connection.execute(text("UPDATE t SET v = v + 1 WHERE id = :id"), {"id": second})
        except DBAPIError as error:
            failures.append(error)

    threads = [threading.Thread(target=lock_in_order, args=order) for order in ((1, 2), (2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    [victim] = failures  # the database chose one; the other committed
    assert getattr(victim.orig, "sqlstate", None) == retry.DEADLOCK
    assert is_lock_conflict(victim) and is_retryable(victim)
    assert not is_unique_violation(victim)


def test_a_real_serialization_failure_is_a_lock_conflict(pg_engine: Engine) -> None:
    with pg_engine.connect() as reader:
        reader = reader.execution_options(isolation_level="REPEATABLE READ")
        with reader.begin():
            reader.execute(text("SELECT v FROM t WHERE id = 1"))  # the snapshot is taken
            with pg_engine.begin() as writer:
                writer.execute(text("UPDATE t SET v = 5 WHERE id = 1"))
            error = _caught(lambda: reader.execute(text("UPDATE t SET v = 6 WHERE id = 1")))
    assert getattr(error.orig, "sqlstate", None) == retry.SERIALIZATION_FAILURE
    assert is_lock_conflict(error) and is_retryable(error)


def test_a_real_unique_violation_is_retryable_but_no_lock_conflict(pg_engine: Engine) -> None:
    with pg_engine.connect() as connection:
        error = _caught(lambda: connection.execute(text("INSERT INTO t VALUES (1, 0)")))
    assert isinstance(error, IntegrityError)
    assert is_unique_violation(error) and is_retryable(error)
    assert not is_lock_conflict(error)


def test_other_database_errors_are_not_retried(pg_engine: Engine) -> None:
    with pg_engine.connect() as connection:
        error = _caught(lambda: connection.execute(text("SELECT 1 / 0")))
    assert not is_retryable(error)
    with pg_engine.connect() as connection:
        error = _caught(lambda: connection.execute(text("SELECT * FROM missing")))
    assert not is_retryable(error)


def test_sqlite_database_is_locked_is_a_lock_conflict(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'locked.sqlite3'}",
                           connect_args={"timeout": 0})
    try:
        with engine.connect() as holder:
            holder.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY)")
            holder.commit()
            holder.exec_driver_sql("BEGIN IMMEDIATE")
            with engine.connect() as other:
                error = _caught(lambda: other.exec_driver_sql("INSERT INTO t VALUES (1)"))
            holder.rollback()
        assert "locked" in str(error.orig)
        assert is_lock_conflict(error) and is_retryable(error)

        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
        with engine.connect() as connection:
            error = _caught(lambda: connection.exec_driver_sql("INSERT INTO t VALUES (1)"))
        assert is_unique_violation(error) and not is_lock_conflict(error)
    finally:
        engine.dispose()


def test_plain_errors_are_not_retried() -> None:
    assert not is_retryable(ValueError("database is locked"))
    assert not is_retryable(OperationalError("SELECT 1", {}, sqlite3.OperationalError(
        "no such table: t")))


# --- the request replay ----------------------------------------------------------------------


def _deadlock() -> OperationalError:
    import psycopg.errors  # the driver's own error class, as the server meets it

    return OperationalError("UPDATE counters", {}, psycopg.errors.DeadlockDetected("deadlock"))


def _locked() -> OperationalError:
    return OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError(
        "database is locked"))


def _unique() -> IntegrityError:
    import psycopg.errors

    return IntegrityError("INSERT", {}, psycopg.errors.UniqueViolation("duplicate key"))


class Calls:
    """What the routes saw, per test request id."""

    def __init__(self) -> None:
        self.bodies: dict[str, list[bytes]] = {}

    def seen(self, request_id: str, body: bytes) -> int:
        self.bodies.setdefault(request_id, []).append(body)
        return len(self.bodies[request_id])


def _test_app(calls: Calls) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    app.add_middleware(RetryConflicts)

    @app.post("/flaky")
    async def flaky(request: Request, failures: int) -> dict[str, Any]:
        body = await request.body()
        attempt = calls.seen(request.headers["x-test"], body)
        if attempt <= failures:
            raise _deadlock()
        return {"attempt": attempt, "echo": body.decode()}

    @app.get("/locked")
    def locked(request: Request) -> None:
        calls.seen(request.headers["x-test"], b"")
        raise _locked()

    @app.get("/unique")
    def unique(request: Request) -> None:
        calls.seen(request.headers["x-test"], b"")
        raise _unique()

    @app.get("/broken")
    def broken(request: Request) -> None:
        calls.seen(request.headers["x-test"], b"")
        raise ValueError("a bug")

    @app.get("/streamed")
    def streamed(request: Request) -> StreamingResponse:
        calls.seen(request.headers["x-test"], b"")

        def chunks() -> Iterator[bytes]:
            yield b"first part"
            raise _deadlock()  # after the answer started: too late to replay

        return StreamingResponse(chunks())

    return app


@pytest.fixture
def calls() -> Calls:
    return Calls()


@pytest.fixture
def base_url(calls: Calls) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(_test_app(calls), host="127.0.0.1", port=port,
                                           log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(START_TIMEOUT)


def test_a_request_that_lost_a_race_is_replayed_with_its_body(base_url: str,
                                                              calls: Calls) -> None:
    body = "ä" * 70000  # several receive() messages
    response = httpx.post(f"{base_url}/flaky", params={"failures": 2}, timeout=30,
                          content=body.encode(), headers={"x-test": "replayed"})
    assert response.status_code == 200, response.text
    assert response.json() == {"attempt": 3, "echo": body}
    assert calls.bodies["replayed"] == [body.encode()] * 3


def test_a_request_losing_every_attempt_answers_503_with_retry_after(base_url: str,
                                                                     calls: Calls) -> None:
    response = httpx.post(f"{base_url}/flaky", params={"failures": 99}, content=b"{}",
                          headers={"x-test": "exhausted"}, timeout=30)
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.headers["retry-after"] == str(retry.RETRY_AFTER_SECONDS)
    assert response.json()["status"] == 503
    assert len(calls.bodies["exhausted"]) == retry.ATTEMPTS


def test_sqlite_database_is_locked_is_replayed_then_503(base_url: str, calls: Calls) -> None:
    response = httpx.get(f"{base_url}/locked", headers={"x-test": "locked"}, timeout=30)
    assert response.status_code == 503
    assert len(calls.bodies["locked"]) == retry.ATTEMPTS


def test_a_unique_violation_every_attempt_meets_is_a_bug(base_url: str, calls: Calls) -> None:
    response = httpx.get(f"{base_url}/unique", headers={"x-test": "unique"}, timeout=30)
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert len(calls.bodies["unique"]) == retry.ATTEMPTS


def test_other_errors_are_not_replayed(base_url: str, calls: Calls) -> None:
    response = httpx.get(f"{base_url}/broken", headers={"x-test": "broken"}, timeout=30)
    assert response.status_code == 500
    assert len(calls.bodies["broken"]) == 1


def test_an_answer_already_started_is_not_replayed(base_url: str, calls: Calls) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{base_url}/streamed", headers={"x-test": "streamed"}, timeout=30)
    assert len(calls.bodies["streamed"]) == 1


def test_the_reference_app_installs_the_replay(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    app = create_app(ServerSettings(database_url=url, simulator_interval=0))
    try:
        assert [getattr(m.cls, "__name__", None) for m in app.user_middleware].count(
            RetryConflicts.__name__) == 1
    finally:
        app.state.context.database.dispose()


# --- the simulator's round -------------------------------------------------------------------


def test_run_retrying_retries_lost_races_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "backoff", lambda _attempt: 0.0)
    outcomes: list[Exception | None] = [_deadlock(), _locked(), None]

    def work() -> str:
        outcome = outcomes.pop(0)
        if outcome is not None:
            raise outcome
        return "done"

    assert run_retrying(work, "test") == "done"
    with pytest.raises(OperationalError):
        run_retrying(lambda: (_ for _ in ()).throw(_deadlock()), "test", attempts=2)
    attempts: list[int] = []

    def broken() -> None:
        attempts.append(1)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table"))

    with pytest.raises(OperationalError):
        run_retrying(broken, "test")
    assert attempts == [1]


def test_the_simulator_runs_a_round_again_after_a_deadlock(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "backoff", lambda _attempt: 0.0)
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    database = Database(url)
    try:
        simulator = ProcessingSimulator(database, ServerSettings(database_url=url),
                                        leadership=SoleLeader())
        real = simulator._move_orders
        rounds: list[int] = []

        def deadlocking_once(now: Any) -> int:
            rounds.append(1)
            if len(rounds) == 1:
                raise _deadlock()
            return real(now)

        monkeypatch.setattr(simulator, "_move_orders", deadlocking_once)
        assert simulator.advance() == 0
        assert len(rounds) == 2
    finally:
        database.dispose()
