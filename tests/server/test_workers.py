"""`orderdesk-server` as real processes: --workers N on PostgreSQL (one listening socket,
settings through the environment, a shutdown that answers waiting long-polls, a dead worker
replaced), SQLite refusing more than one, `migrate`, and the long-poll wake-up between two
server processes on one PostgreSQL database (LISTEN/NOTIFY).

No wall-clock bounds. A long-poll is known to have reached its server when the server's end
of the connection holds no unread bytes (/proc/net/tcp); one that a shutdown let wait for
its full wait=60 fails the joins after FALLBACK.
"""

import http.client
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import uvicorn
from desktop_app.contract import API_PREFIX
from desktop_app.server.cli import main, parse_args
from desktop_app.server.database import Database
from desktop_app.server.embedded import free_port
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo
from desktop_app.server.serving import listening_socket
from desktop_app.server.settings import ServerSettings
from desktop_app.server.worker_app import (
    SettingsError,
    settings_environment,
    settings_from_environment,
    variable,
)
from desktop_app.server.workers import STARTUP_FAILURE, WorkerSupervisor
from sqlalchemy import create_engine, inspect

from tests.postgres import create_database, drop_database, require_postgres

FALLBACK = 50.0  # gives up after this: a long-poll held for its full wait=60 fails it
START_TIMEOUT = 120.0  # two cores, several interpreters importing the server at once
CLERK = "max.nord"

linux_only = pytest.mark.skipif(not Path("/proc/net/tcp").exists(),
                                reason="reads the kernel's socket table (Linux)")


# --- processes ------------------------------------------------------------------------------


@dataclass
class Served:
    """One `orderdesk-server` process (with its workers, if any), logging into a file."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_started(self) -> None:
        _until(lambda: self._answers(), f"the server on {self.port} to answer", START_TIMEOUT)

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the server exited with {self.process.returncode}:\n"
                                 f"{self.log()}")
        try:
            return httpx.get(f"{self.api}/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    def signal(self, signum: int) -> int:
        self.process.send_signal(signum)
        try:
            return self.process.wait(FALLBACK)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the server did not stop:\n{self.log()}") from None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(FALLBACK)


def _serve(database_url: str, log_dir: Path, name: str, *extra: str) -> Served:
    port = free_port()
    log_path = log_dir / f"{name}.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "desktop_app.server.cli", "--database", database_url,
             "--port", str(port), "--simulator-interval", "0", *extra],
            stdout=log_file, stderr=subprocess.STDOUT)
    return Served(process, port, log_path)


@pytest.fixture
def served() -> Iterator[list[Served]]:
    """Processes a test starts; killed at the end, their logs printed (pytest shows them
    when the test failed)."""
    started: list[Served] = []
    yield started
    for server in started:
        server.kill()
        print(f"--- log of the server on {server.port}:\n{server.log()}")


def _until(condition: Callable[[], bool], what: str, timeout: float = FALLBACK) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def _workers_of(pid: int) -> set[int]:
    """The worker processes of a supervisor (not multiprocessing's resource tracker)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):  # ended meanwhile
            continue
        if parent == pid and b"spawn_main" in command:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


# --- HTTP ----------------------------------------------------------------------------------


def _login(api: str) -> str:
    response = httpx.post(f"{api}/auth/token", json={"username": CLERK,
                                                     "password": DEMO_PASSWORD}, timeout=60)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def _head(api: str, token: str) -> str:
    cursor: str | None = None
    with httpx.Client(base_url=api, timeout=60,
                      headers={"Authorization": f"Bearer {token}"}) as http:
        while True:
            page = http.get("/changes", params={"limit": 1000} | (
                {"since": cursor} if cursor else {})).json()
            cursor = page["next_cursor"]
            if not page["has_more"]:
                assert cursor is not None
                return cursor


def _new_prospect(api: str, token: str) -> str:
    response = httpx.post(f"{api}/customers", headers={"Authorization": f"Bearer {token}"},
                          timeout=60, json={
                              "company": "Zweiter Prozess GmbH", "contact_name": "Erika Muster",
                              "email": "erika@zweiter-prozess.example",
                              "address": {"street": "Hafenstraße 1", "postal_code": "20457",
                                          "city": "Hamburg"}})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


class LongPoll:
    """GET /changes?wait=60 on a connection of its own, whose local port is known."""

    def __init__(self, server: Served, token: str, cursor: str) -> None:
        self.server_port = server.port
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        self.connection.connect()
        assert self.connection.sock is not None
        self.client_port = self.connection.sock.getsockname()[1]
        query = urlencode({"since": cursor, "wait": 60, "limit": 1000})
        self.connection.request("GET", f"{API_PREFIX}/changes?{query}",
                                headers={"Authorization": f"Bearer {token}"})

    def read_by_server(self) -> bool:
        """The server's end of the connection exists and holds no unread bytes."""
        local, remote = f":{self.server_port:04X}", f":{self.client_port:04X}"
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1].endswith(local) and fields[2].endswith(remote) and fields[3] == "01":
                return int(fields[4].split(":")[1], 16) == 0
        return False

    def answer(self) -> tuple[int, dict[str, Any]]:
        response = self.connection.getresponse()
        body = json.loads(response.read())
        self.connection.close()
        return response.status, body


# --- PostgreSQL ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_postgres() -> Iterator[str]:
    admin = require_postgres()
    url = create_database(admin, "orderdesk_workers")
    try:
        database = Database(url)
        try:
            seed_demo(database)
        finally:
            database.dispose()
        yield url
    finally:
        drop_database(admin, url)


@linux_only
def test_a_long_poll_on_one_process_answers_a_commit_in_another(
        seeded_postgres: str, served: list[Served], tmp_path: Path) -> None:
    first = _serve(seeded_postgres, tmp_path, "first")
    second = _serve(seeded_postgres, tmp_path, "second")
    served += [first, second]
    first.wait_started()
    second.wait_started()
    token = _login(first.api)
    cursor = _head(first.api, token)
    for _ in range(2):  # the second round waits on marks raised by the first's message
        poll = LongPoll(first, token, cursor)
        _until(poll.read_by_server, "the first process to read the long-poll")
        prospect = _new_prospect(second.api, token)  # the same token: one database
        status, page = poll.answer()
        assert status == 200
        assert [change["id"] for change in page["changes"]] == [prospect]
        cursor = page["next_cursor"]


@linux_only
def test_workers_share_the_port_replace_the_dead_and_answer_long_polls_when_stopped(
        seeded_postgres: str, served: list[Served], tmp_path: Path) -> None:
    server = _serve(seeded_postgres, tmp_path, "workers", "--workers", "2")
    served.append(server)
    server.wait_started()
    _until(lambda: len(_workers_of(server.process.pid)) == 2, "two workers")
    # Both serve before one is killed: one that dies before it served stops them all (its
    # start failed), and the first answer may well come from the other (seen in CI).
    _until(lambda: "2 workers serving" in server.log(), "both workers serving", START_TIMEOUT)
    before = _workers_of(server.process.pid)
    victim = min(before)
    os.kill(victim, signal.SIGKILL)  # as a crash would end it
    _until(lambda: (now := _workers_of(server.process.pid)) != before and len(now) == 2,
           "a worker in place of the dead one", START_TIMEOUT)
    workers = _workers_of(server.process.pid)
    assert before - workers == {victim}
    server.wait_started()  # the new one serves too (whichever accepts answers)

    token = _login(server.api)
    cursor = _head(server.api, token)
    polls = [LongPoll(server, token, cursor) for _ in range(4)]
    for poll in polls:
        _until(poll.read_by_server, "a worker to read the long-poll")
    assert server.signal(signal.SIGTERM) == 0
    for poll in polls:  # a shutdown that let them wait would hold them 60 s
        status, page = poll.answer()
        assert (status, page["changes"], page["next_cursor"]) == (200, [], cursor)
    assert not any(_alive(pid) for pid in workers)
    assert "before it served" not in server.log()


def test_migrate_brings_a_postgres_database_to_the_newest_schema() -> None:
    admin = require_postgres()
    url = create_database(admin, "orderdesk_migrate")
    try:
        assert _migrate(url).returncode == 0
        assert {"alembic_version", "counters", "orders"} <= _tables(url)
        assert _migrate(url).returncode == 0  # nothing to do the second time
    finally:
        drop_database(admin, url)


# --- SQLite and the command line -------------------------------------------------------------


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "desktop_app.server.cli", *arguments], capture_output=True,
        text=True, timeout=START_TIMEOUT, check=False)


def _migrate(url: str) -> subprocess.CompletedProcess[str]:
    return _cli("migrate", "--database", url)


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_sqlite_refuses_more_than_one_worker(tmp_path: Path) -> None:
    database = tmp_path / "one.sqlite3"
    result = _cli("--database", f"sqlite:///{database}", "--workers", "2")
    assert result.returncode == 2
    assert "SQLite" in result.stderr and "PostgreSQL" in result.stderr
    assert not database.exists()  # refused before anything was opened


@pytest.mark.parametrize("arguments", [["--workers", "0"], ["--workers", "-3"],
                                       ["--database", "not a url"],
                                       ["migrate", "--seed", "demo"],
                                       ["--database", "sqlite:///x.sqlite3", "--workers", "3"]])
def test_bad_command_lines_are_refused(arguments: list[str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(arguments)
    assert exited.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_migrate_brings_an_sqlite_database_to_the_newest_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    assert main(["migrate", "--database", url]) == 0
    assert {"alembic_version", "counters", "orders"} <= _tables(url)


def test_a_taken_port_is_a_startup_failure(tmp_path: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--database", f"sqlite:///{tmp_path / 'port.sqlite3'}", "--port",
                     str(port), "--simulator-interval", "0"])
    assert code == STARTUP_FAILURE
    assert "cannot listen" in caplog.text


def test_workers_that_cannot_load_the_app_stop_the_supervisor() -> None:
    config = uvicorn.Config("tests.server.no_such_module:create", factory=True,
                            log_level="critical")
    with listening_socket("127.0.0.1", 0, shared=True) as listener:
        assert WorkerSupervisor(config, [listener], 1).run() == STARTUP_FAILURE


# --- settings through the environment -----------------------------------------------------


def test_every_setting_travels_through_the_environment() -> None:
    settings = ServerSettings(
        database_url="postgresql+psycopg://od:geheim@db.example/orderdesk", clock_speed=61.5,
        access_token_ttl=timedelta(seconds=90.25), refresh_token_ttl=timedelta(days=3),
        tombstone_retention=timedelta(hours=5), simulator_interval=0.0,
        demo_approvals=False)
    environment = settings_environment(settings)
    assert set(environment) == {variable(name) for name in vars(settings)}
    assert settings_from_environment(environment) == settings


def test_unset_settings_keep_their_defaults() -> None:
    url = "sqlite:///x.sqlite3"
    assert settings_from_environment({variable("database_url"): url}) == ServerSettings(url)
    switched = settings_from_environment({variable("database_url"): url,
                                          variable("demo_approvals"): "no"})
    assert switched.demo_approvals is False


@pytest.mark.parametrize("environment", [
    {},
    {variable("database_url"): "sqlite:///x", variable("clock_speed"): "fast"},
    {variable("database_url"): "sqlite:///x", variable("demo_approvals"): "maybe"},
    {variable("database_url"): "sqlite:///x", variable("access_token_ttl"): "15m"},
])
def test_a_missing_or_bad_setting_is_named(environment: dict[str, str]) -> None:
    with pytest.raises(SettingsError, match="ORDERDESK_SERVER_"):
        settings_from_environment(environment)


# --- TCP_NODELAY -----------------------------------------------------------------------------


def _accept_and_report(listener: socket.socket,
                       answers: "multiprocessing.Queue[tuple[int, int]]") -> None:
    """In a spawned process, as a worker gets the listener: accept one connection."""
    connection, _ = listener.accept()
    with connection:
        answers.put((connection.proto,
                     connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))


def test_the_listening_socket_gives_every_connection_tcp_nodelay() -> None:
    with listening_socket("127.0.0.1", 0) as listener:
        assert listener.proto == socket.IPPROTO_TCP  # asyncio sets it on accepted sockets
        assert listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert not listener.get_inheritable()
        listener.listen()
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_a_worker_process_accepts_with_tcp_nodelay() -> None:
    spawn = multiprocessing.get_context("spawn")
    answers: multiprocessing.Queue[tuple[int, int]] = spawn.Queue()
    with listening_socket("127.0.0.1", 0, shared=True) as listener:
        assert listener.get_inheritable()
        listener.listen()
        worker = spawn.Process(target=_accept_and_report, args=(listener, answers))
        worker.start()
        try:
            with socket.create_connection(listener.getsockname()):
                proto, nodelay = answers.get(timeout=START_TIMEOUT)
        finally:
            worker.join(FALLBACK)
    assert proto == socket.IPPROTO_TCP
    assert nodelay != 0
