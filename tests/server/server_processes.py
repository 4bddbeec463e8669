"""Reference servers as real processes (`python -m desktop_app.server.cli`) on one database.

For the tests about several processes sharing one PostgreSQL database: idempotency races,
the simulator's leader, retries. Each process logs into a file of its own, shown on failure.
"""

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from desktop_app.contract import API_PREFIX
from desktop_app.server.database import Database
from desktop_app.server.embedded import free_port
from desktop_app.server.seed import seed_demo

from tests.postgres import create_database, drop_database

START_TIMEOUT = 60.0
STOP_TIMEOUT = 20.0


@dataclass
class ServerProcess:
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_started(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(f"{self.api}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server on port {self.port} did not start:\n{self.log()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)

    def kill(self) -> None:
        """As a crash would end it: no shutdown, the database sees the connections drop."""
        self.process.kill()
        self.process.wait(STOP_TIMEOUT)


def spawn(database_url: str, log_dir: Path, name: str, *extra: str) -> ServerProcess:
    port = free_port()
    log_path = log_dir / f"{name}.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "desktop_app.server.cli", "--database", database_url,
             "--port", str(port), *extra],
            stdout=log_file, stderr=subprocess.STDOUT)
    return ServerProcess(process, port, log_path)


@contextmanager
def server_processes(database_url: str, log_dir: Path, count: int,
                     *extra: str) -> Iterator[list[ServerProcess]]:
    """`count` server processes on one database, started at once; stopped at the end."""
    servers = [spawn(database_url, log_dir, f"server-{index}", *extra) for index in range(count)]
    try:
        for server in servers:
            server.wait_started()
        yield servers
    finally:
        for server in servers:
            server.stop()


@contextmanager
def seeded_postgres(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database with the demo data; dropped at the end."""
    url = create_database(admin_url)
    try:
        database = Database(url)
        try:
            seed_demo(database)
        finally:
            database.dispose()
        yield url
    finally:
        drop_database(admin_url, url)
