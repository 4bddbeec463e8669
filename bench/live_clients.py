"""The clients of bench/live_bench.py, one kind per process, talking in lines on stdin/stdout.

    python bench/live_clients.py KIND --api URL [--folder DIR] [--wait S]

Every kind logs in as provider staff (sees every tenant's orders: every change wakes it),
prints `READY ...` when it listens, and `SEEN <kind> <order id> <status> <t>` for each order
change it sees, `t` being time.monotonic() (system-wide on Linux, as the server's stamp):

  * `poll`: ApiClient.changes_raw(cursor, wait=S) in a loop; `t` when the answer is in;
    also `baseline N` -> `BASELINE {json}`: N plain GET /health round trips and N no-wait
    GET /changes at the head of the feed (ms), for the ratios;
  * `cache`: a real LiveCache synced once, then ChangeSync.run(wait=S) in a loop; `t` when a
    run that applied pages returned (its transaction committed); `watch <id> <status>` names
    the order whose status to look for in the cache;
  * `window`: the app's MainWindow with its SyncController (listening after the first sync),
    offscreen; `watch <id> <status>` scrolls the order into view and arms a paint watch:
    `t` is the end of the first paint of the table's viewport that shows the new status in
    that row (a zero timer posted from the Paint event runs after the paint);
  * `waiters`: simulated clients on asyncio (raw HTTP/1.1 keep-alive, one connection each)
    holding GET /changes?wait=60 and polling again when answered; `target N` starts more of
    them, `status` -> `WAITERS <count> <outstanding> <answers> <with changes> <errors> <early>`.

`quit` ends a child. A server without long-poll answers a waiting request at once with an
empty page ("early"); the clients then poll every POLL_S so that the harness still runs.
"""

import argparse
import asyncio
import contextlib
import inspect
import json
import os
import socket
import statistics
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

USERNAME = "anna.berger"  # provider staff: sees every order
WAITER_WAIT = 60.0
POLL_S = 0.05  # only without a long-poll on the server (debugging the harness)
PAGE_LIMIT = 500

_say_lock = threading.Lock()


def say(*parts: object) -> None:
    with _say_lock:
        print(" ".join(str(part) for part in parts), flush=True)


def commands() -> Iterator[list[str]]:
    for line in sys.stdin:
        words = line.split()
        if words:
            yield words
    yield ["quit"]


def login(api: str) -> Any:
    from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
    from desktop_app.server.seed import DEMO_PASSWORD

    settings = ApiSettings(base_url=api)
    auth = AuthSession(settings, NoTokenStore())
    auth.login(USERNAME, DEMO_PASSWORD)
    return ApiClient(settings, auth)


def head_cursor(client: Any) -> str | None:
    cursor: str | None = None
    while True:
        page = json.loads(client.changes_raw(cursor, PAGE_LIMIT))
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return cursor


def client_waits() -> bool:
    """ApiClient.changes_raw takes `wait` (helper A's part of issue 13)."""
    from desktop_app.api import ApiClient

    return "wait" in inspect.signature(ApiClient.changes_raw).parameters


def sync_waits() -> bool:
    """ChangeSync.run takes `wait` (helper B's part)."""
    from desktop_app.sync.changes import ChangeSync

    return "wait" in inspect.signature(ChangeSync.run).parameters


def order_changes(raw: bytes) -> tuple[list[tuple[str, str]], str | None, bool]:
    page = json.loads(raw)
    seen = [(change["data"]["id"], change["data"]["status"]) for change in page["changes"]
            if change["kind"] == "order" and change["data"] is not None]  # fmt: skip
    return seen, page["next_cursor"], bool(page["has_more"])


# --- poll: the raw long-poll ------------------------------------------------------------------


def poll_child(api: str, wait: float) -> None:
    client, baseline_client = login(api), login(api)
    cursor = head_cursor(client)
    waits = client_waits()
    stop = threading.Event()

    def listen() -> None:
        nonlocal cursor
        while not stop.is_set():
            sent = time.monotonic()
            if waits:
                raw = client.changes_raw(cursor, PAGE_LIMIT, wait=wait)
            else:
                raw = client.changes_raw(cursor, PAGE_LIMIT)
            stamp = time.monotonic()
            seen, cursor, _more = order_changes(raw)
            for order_id, status in seen:
                say("SEEN poll", order_id, status, f"{stamp:.6f}")
            if not seen and stamp - sent < min(wait, 1.0) / 2:
                say("EARLY poll")
                time.sleep(POLL_S)

    threading.Thread(target=listen, name="poll-listen", daemon=True).start()
    say("READY poll", "long-poll" if waits else "polling")
    for words in commands():
        if words[0] == "baseline":
            say("BASELINE " + json.dumps(baseline(api, baseline_client, int(words[1]))))
        elif words[0] == "quit":
            stop.set()
            os._exit(0)  # the listen thread may hang in a long-poll: no teardown


def baseline(api: str, client: Any, count: int) -> dict[str, float]:
    import requests

    health_url = api.rsplit("/api/", 1)[0] + "/api/v1/health"
    session = requests.Session()
    session.get(health_url, timeout=5).raise_for_status()  # the connection is open
    head = head_cursor(client)
    health, changes = [], []
    for _ in range(count):
        started = time.perf_counter()
        session.get(health_url, timeout=5).raise_for_status()
        health.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        client.changes_raw(head, PAGE_LIMIT)
        changes.append((time.perf_counter() - started) * 1000)
    session.close()
    return {"health_ms": statistics.median(health), "changes_ms": statistics.median(changes)}


# --- cache: LiveCache + ChangeSync.run(wait=) -------------------------------------------------


def cache_child(api: str, folder: Path, wait: float) -> None:
    from desktop_app.cache.detail import order_detail
    from desktop_app.sync.changes import PAGE_SIZE, ChangeSync
    from desktop_app.sync.live_cache import LiveCache

    client = login(api)
    cache = LiveCache(folder / "cache-client.sqlite3")
    ChangeSync(client, cache, PAGE_SIZE).run()  # the first sync: the whole feed
    waits = sync_waits() and client_waits()
    watched: dict[str, str] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            sent = time.monotonic()
            sync = ChangeSync(client, cache, PAGE_SIZE)
            result = sync.run(wait=wait) if waits else sync.run()
            stamp = time.monotonic()
            if not result.changes:
                if stamp - sent < min(wait, 1.0) / 2:
                    say("EARLY cache")
                    time.sleep(POLL_S)
                continue
            with lock:
                looking = dict(watched)
            with cache.store.session() as session:
                for order_id, status in looking.items():
                    detail = order_detail(session, order_id)
                    if detail is not None and detail.status.value == status:
                        with lock:
                            watched.pop(order_id, None)
                        say("SEEN cache", order_id, status, f"{stamp:.6f}")

    threading.Thread(target=listen, name="cache-listen", daemon=True).start()
    say("READY cache", "long-poll" if waits else "polling")
    for words in commands():
        if words[0] == "watch":
            with lock:
                watched[words[1]] = words[2]
            say("WATCHING", words[1])
        elif words[0] == "quit":
            stop.set()
            os._exit(0)


# --- window: MainWindow + SyncController ------------------------------------------------------


def window_child(api: str, folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc

    from desktop_app.cache.paths import documents_dir
    from desktop_app.gui.account.sync_controller import SyncController
    from desktop_app.gui.common.tasks import TaskManager
    from desktop_app.gui.overview.main_window import MainWindow
    from desktop_app.gui.overview.order_columns import OrderColumn
    from desktop_app.gui.overview.order_table_model import ORDER_ROW_ROLE
    from desktop_app.sync.live_cache import LiveCache
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    class Commands(QObject):
        """stdin lines, handed to the GUI thread by a queued signal."""

        line = Signal(list)

        def start(self) -> None:
            def read() -> None:
                for words in commands():
                    self.line.emit(words)

            threading.Thread(target=read, name="commands", daemon=True).start()

    app = QApplication([])
    client = login(api)
    cache_path = folder / "window-cache.sqlite3"
    cache = LiveCache(cache_path)
    tasks = TaskManager(app)
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(cache, "de", settings, None, tasks)
    sync = SyncController(window, client, cache, documents_dir(cache_path), tasks, "de")
    model, table = window.model, window.table
    listens = hasattr(sync, "changesApplied")  # helper B's listener
    target: dict[str, str] = {}  # order id -> the status to see painted
    status_column = int(OrderColumn.STATUS)

    def seen(order_id: str, status: str) -> Callable[[], None]:
        def note() -> None:
            say("SEEN window", order_id, status, f"{time.monotonic():.6f}")

        return note

    class RepaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if target and isinstance(event, QPaintEvent):
                for order_id, status in list(target.items()):
                    row = model.row_of(order_id)
                    if row is None:
                        continue
                    index = model.index(row, status_column)
                    shown = model.data(index, ORDER_ROW_ROLE)
                    if (shown is not None and shown.status.value == status
                            and event.rect().intersects(table.visualRect(index))):  # fmt: skip
                        del target[order_id]
                        QTimer.singleShot(0, seen(order_id, status))
            return False

    watch = RepaintWatch()
    table.viewport().installEventFilter(watch)
    poller = QTimer()  # only without helper B's listener: F5 every POLL_S while watching
    poller.setInterval(int(POLL_S * 1000))

    def poll() -> None:
        if target:
            window.syncRequested.emit()

    poller.timeout.connect(poll)
    applied: list[int] = []
    if listens:
        sync.changesApplied.connect(applied.append)
    else:
        poller.start()
    ready = {"said": False}

    def first_round(ok: bool) -> None:
        if not ready["said"]:
            ready["said"] = True
            gc.freeze()  # as Workspace.show() does
            say("READY window", "listening" if listens else "polling", "ok" if ok else "failed",
                model.rowCount())

    def command(words: list[str]) -> None:
        if words[0] == "watch":
            row = model.row_of(words[1])
            if row is not None:
                table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
            target[words[1]] = words[2]
            say("WATCHING", words[1], "row" if row is not None else "unlisted")
        elif words[0] == "applied":
            say("APPLIED", len(applied), sum(applied))
        elif words[0] == "quit":
            os._exit(0)  # the figures are taken: no teardown

    reader = Commands()
    reader.line.connect(command)
    sync.syncFinished.connect(first_round)
    window.resize(1400, 900)
    window.show()
    sync.start()
    reader.start()
    app.exec()


# --- waiters: many idle clients on asyncio ----------------------------------------------------


class Waiters:
    def __init__(self, api: str, token: str, cursor: str | None) -> None:
        parts = urllib.parse.urlsplit(api)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.prefix = parts.path
        self.token, self.cursor = token, cursor
        self.tasks: list[asyncio.Task[None]] = []
        self.outstanding = self.answers = self.with_changes = self.errors = self.early = 0

    def target(self, count: int) -> None:
        while len(self.tasks) < count:
            self.tasks.append(asyncio.create_task(self.wait_loop()))

    def status(self) -> str:
        return (f"WAITERS {len(self.tasks)} {self.outstanding} {self.answers} "
                f"{self.with_changes} {self.errors} {self.early}")  # fmt: skip

    async def wait_loop(self) -> None:
        cursor = self.cursor
        while True:
            try:
                reader, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                self.errors += 1
                await asyncio.sleep(1)
                continue
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                while True:
                    cursor = await self.one_poll(reader, writer, cursor)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                self.errors += 1
                writer.close()
                await asyncio.sleep(0.5)

    async def one_poll(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                       cursor: str | None) -> str | None:
        query = {"limit": str(PAGE_LIMIT), "wait": str(WAITER_WAIT)}
        if cursor is not None:
            query["since"] = cursor
        path = f"{self.prefix}/changes?{urllib.parse.urlencode(query)}"
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                     f"Authorization: Bearer {self.token}\r\n\r\n".encode())  # fmt: skip
        await writer.drain()
        sent = time.monotonic()
        self.outstanding += 1
        try:
            status_line = await reader.readline()
            if not status_line:
                raise ValueError("connection closed")
            length = None
            while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                raise ValueError("no Content-Length")
            body = await reader.readexactly(length)
        finally:
            self.outstanding -= 1
        self.answers += 1
        if status_line.split()[1] != b"200":
            self.errors += 1
            await asyncio.sleep(1)
            return cursor
        page = json.loads(body)
        self.cursor = page["next_cursor"]  # where new waiters start
        if page["changes"]:
            self.with_changes += 1
        elif time.monotonic() - sent < 1.0:
            self.early += 1  # no long-poll on the server
            await asyncio.sleep(max(POLL_S, 1.0))
        next_cursor: str | None = page["next_cursor"]
        return next_cursor


def waiters_child(api: str) -> None:
    import requests
    from desktop_app.server.seed import DEMO_PASSWORD

    answer = requests.post(f"{api}/auth/token", timeout=10,
                           json={"username": USERNAME, "password": DEMO_PASSWORD})  # fmt: skip
    answer.raise_for_status()
    token = answer.json()["access_token"]
    client = login(api)
    cursor = head_cursor(client)
    client.close()

    async def run() -> None:
        waiters = Waiters(api, token, cursor)
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[list[str]] = asyncio.Queue()

        def read() -> None:
            for words in commands():
                loop.call_soon_threadsafe(lines.put_nowait, words)

        threading.Thread(target=read, name="commands", daemon=True).start()
        say("READY waiters")
        while True:
            words = await lines.get()
            if words[0] == "target":
                waiters.target(int(words[1]))
                say("TARGET", len(waiters.tasks))
            elif words[0] == "status":
                say(waiters.status())
            elif words[0] == "quit":
                for task in waiters.tasks:
                    task.cancel()
                return

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    os._exit(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=("poll", "cache", "window", "waiters"))
    parser.add_argument("--api", required=True)
    parser.add_argument("--folder", type=Path, default=Path.cwd())
    parser.add_argument("--wait", type=float, default=25.0, help="the clients' long-poll (s)")
    args = parser.parse_args()
    if args.kind == "poll":
        poll_child(args.api, args.wait)
    elif args.kind == "cache":
        cache_child(args.api, args.folder, args.wait)
    elif args.kind == "window":
        window_child(args.api, args.folder)
    else:
        waiters_child(args.api)


if __name__ == "__main__":
    main()
