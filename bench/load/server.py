"""The server under load: a database of its own (SQLite file or a fresh PostgreSQL database),
seeded by `orderdesk-server --seed-only`, served by `orderdesk-server` processes."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import httpx
from sqlalchemy import make_url

if TYPE_CHECKING:  # psycopg is optional (the postgres extra)
    import psycopg

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "desktop_app.server.cli"]
API_PREFIX = "/api/v1"
START_TIMEOUT_S = 180.0


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def _admin_connection(admin_url: str) -> "psycopg.Connection[tuple[object, ...]]":
    import psycopg  # the postgres extra; only for PostgreSQL runs

    plain = make_url(admin_url).set(drivername="postgresql")
    return psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True)


def create_postgres_database(admin_url: str, prefix: str = "orderdesk_bench") -> str:
    """A new empty database in the admin URL's cluster; its SQLAlchemy URL."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    with _admin_connection(admin_url) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')  # our prefix and hex digits only
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    with _admin_connection(admin_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cli_help() -> str:
    return subprocess.run([*CLI, "--help"], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout  # fmt: skip


def seed(url: str, what: str, log: Path) -> float:
    """`orderdesk-server --seed-only --seed what`; the seconds it took."""
    started = time.perf_counter()
    with log.open("a") as out:
        subprocess.run([*CLI, "--database", url, "--seed", what, "--seed-only"], check=True,
                       cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def process_tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(_children(current))
    return tree


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads) from /proc/<pid>/stat; 0 once ended."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Servers:
    """One `orderdesk-server` (possibly with --workers) or several side by side on one
    database; `apis` are their base URLs (clients are spread over them)."""

    processes: list["subprocess.Popen[bytes]"]
    apis: list[str]
    logs: list[IO[bytes]] = field(default_factory=list)

    def pids(self) -> list[int]:
        return [pid for process in self.processes for pid in process_tree(process.pid)]

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds(pid) for pid in self.pids())

    def alive(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def stop(self) -> list[int | None]:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        codes: list[int | None] = []
        for process in self.processes:
            try:
                codes.append(process.wait(timeout=30))
            except subprocess.TimeoutExpired:
                process.kill()
                codes.append(process.wait(timeout=10))
        for log in self.logs:
            log.close()
        return codes


def start(url: str, log_folder: Path, *, workers: int = 1, processes: int = 1,
          clock_speed: float = 1.0, simulator_interval: float = 2.0) -> Servers:
    """`processes` servers on one database, each with `--workers workers` when above 1."""
    started = Servers([], [])
    for index in range(processes):
        port = free_port()
        command = [*CLI, "--database", url, "--port", str(port),
                   "--clock-speed", str(clock_speed),
                   "--simulator-interval", str(simulator_interval)]
        if workers > 1:
            command += ["--workers", str(workers)]
        log = (log_folder / f"server-{index}.log").open("wb")
        started.logs.append(log)
        started.processes.append(subprocess.Popen(command, cwd=ROOT, stdout=log,
                                                  stderr=subprocess.STDOUT))  # fmt: skip
        started.apis.append(f"http://127.0.0.1:{port}{API_PREFIX}")
    try:
        for api, process in zip(started.apis, started.processes, strict=True):
            _wait_healthy(api, process)
    except BaseException:
        started.stop()
        raise
    return started


def _wait_healthy(api: str, process: "subprocess.Popen[bytes]") -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server ended with {process.returncode} before it answered")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.2)
    raise RuntimeError(f"no answer from {api}/health within {START_TIMEOUT_S:.0f} s")
