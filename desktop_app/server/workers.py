"""`orderdesk-server --workers N`: N uvicorn worker processes sharing one listening socket.

A supervisor of our own rather than uvicorn's or gunicorn's: uvicorn's (0.30 to 0.55 at
least) runs a plain uvicorn.Server in each worker, so FeedServer's shutdown (waiting
long-polls answered at once) could only be had by subclassing its private Process class and
copying its restart loop, which changes between releases; gunicorn would be one more
dependency and does not run on Windows. This one is small and uses uvicorn's public parts:

- the parent binds the socket (TCP_NODELAY, serving.listening_socket) and starts N
  processes ('spawn', as uvicorn); each runs FeedServer on that socket with the app of
  desktop_app.server.worker_app:create, whose settings the parent put into the environment;
- SIGINT or SIGTERM to the parent: SIGTERM to every worker; each closes its feed wake-up
  (its long-polls answer their empty page at once), finishes its in-flight requests and
  exits; the parent waits for them (and kills one still running after STOP_TIMEOUT_S);
- a worker that ends after it started serving is replaced; one that ends before (the
  database is unreachable, the app fails to load) stops them all, as every replacement
  would fail the same way, and the supervisor returns STARTUP_FAILURE.

On Windows a worker is ended with TerminateProcess (no graceful shutdown there).
"""

import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_for_any
from multiprocessing.context import SpawnProcess
from multiprocessing.synchronize import Event
from types import FrameType
from typing import Any

import uvicorn

from desktop_app.server.serving import FeedServer
from desktop_app.server.settings import ServerSettings
from desktop_app.server.worker_app import settings_environment

log = logging.getLogger(__name__)

APP_FACTORY = "desktop_app.server.worker_app:create"
STARTUP_FAILURE = 3  # as uvicorn exits when a server did not start
STOP_TIMEOUT_S = 30.0  # in-flight requests finish; long-polls answer at once
RESTART_PAUSE_S = 1.0  # between a worker's end and its replacement (no hot crash loop)
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGBREAK")
                      if hasattr(signal, name))
_spawn = multiprocessing.get_context("spawn")


class _WorkerServer(FeedServer):
    """Tells the supervisor when it serves (its `started` event)."""

    def __init__(self, config: uvicorn.Config, started: Event) -> None:
        super().__init__(config)
        self._started_event = started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._started_event.set()


def serve_worker(config: uvicorn.Config, sockets: list[socket.socket], started: Event) -> None:
    """A worker process's entry point."""
    logging.basicConfig(level=logging.INFO,
                        format=f"%(asctime)s %(levelname)s [{os.getpid()}] %(message)s")
    config.configure_logging()  # uvicorn's loggers (the Config was built in the parent)
    server = _WorkerServer(config, started)
    server.run(sockets=sockets)
    if not server.started:
        sys.exit(STARTUP_FAILURE)


@dataclass
class _Worker:
    process: SpawnProcess
    started: Event


class WorkerSupervisor:
    def __init__(self, config: uvicorn.Config, sockets: list[socket.socket],
                 count: int) -> None:
        self.config = config
        self.sockets = sockets
        self.count = count
        self._stopping = False  # set by a signal handler: a plain store is signal-safe
        self._workers: list[_Worker] = []

    def run(self) -> int:
        """Serve until SIGINT/SIGTERM; 0, or STARTUP_FAILURE when a worker failed to start."""
        result = 0
        with self._stop_signals():
            self._workers = [self._start() for _ in range(self.count)]
            announced = False
            while not self._stopping:
                ended = wait_for_any([worker.process.sentinel for worker in self._workers],
                                     timeout=0.5)
                if not announced and all(worker.started.is_set() for worker in self._workers):
                    log.info("%d workers serving", self.count)
                    announced = True
                for index, worker in enumerate(self._workers):
                    if self._stopping or worker.process.sentinel not in ended:
                        continue
                    worker.process.join()
                    if not worker.started.is_set():
                        log.error("worker [%s] ended with exit code %s before it served: "
                                  "stopping", worker.process.pid, worker.process.exitcode)
                        self._stopping, result = True, STARTUP_FAILURE
                        break
                    log.warning("worker [%s] ended with exit code %s: starting another",
                                worker.process.pid, worker.process.exitcode)
                    time.sleep(RESTART_PAUSE_S)
                    self._workers[index] = self._start()
            self._stop_all()
        return result

    def stop(self) -> None:
        """Ask `run` to stop (any thread)."""
        self._stopping = True

    def _start(self) -> _Worker:
        started = _spawn.Event()
        process = _spawn.Process(target=serve_worker, args=(self.config, self.sockets, started),
                                 name="orderdesk-worker")
        process.start()
        log.info("started worker [%s]", process.pid)
        return _Worker(process, started)

    def _stop_all(self) -> None:
        for worker in self._workers:
            if worker.process.exitcode is None:
                worker.process.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.exitcode is None:
                log.error("worker [%s] did not stop in %.0f s: killing it",
                          worker.process.pid, STOP_TIMEOUT_S)
                worker.process.kill()
                worker.process.join()

    @contextmanager
    def _stop_signals(self) -> Iterator[None]:
        def on_signal(signum: int, _frame: FrameType | None) -> None:
            self._stopping = True

        previous: dict[int, Any] = {sig: signal.signal(sig, on_signal) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def serve_workers(settings: ServerSettings, listener: socket.socket, count: int,
                  log_level: str = "info") -> int:
    """Run `count` workers on `listener` with `settings` until SIGINT/SIGTERM."""
    os.environ.update(settings_environment(settings))  # the spawned workers inherit it
    host, port = listener.getsockname()[:2]
    config = uvicorn.Config(APP_FACTORY, factory=True, host=host, port=port, workers=count,
                            log_level=log_level, lifespan="on")
    return WorkerSupervisor(config, [listener], count).run()
