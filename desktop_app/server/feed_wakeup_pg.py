"""The change feed's long-poll wake-up across the server processes of one PostgreSQL database.

Each process keeps its own waiters and marks (LocalFeedWakeup). A commit in this process
wakes them at once and is announced to the others with NOTIFY on CHANNEL (its tenants and
newest seq, after the commit, by a sender thread with a connection of its own; a burst of
commits goes out as one merged message). A listener thread with another connection LISTENs
and hands the other processes' commits to this process's marks and waiters, as if they were
its own. Merged or not, a message only raises marks (upper bounds) and wakes waiters, so a
waiter at worst reads once more than needed.

The in-memory marks are trusted only while LISTEN is established (ListenedMarks): until the
listener first listens, and from a lost connection until it listens again, every long-poll
reads the database. Each time listening (re)begins, the marks are forgotten and every
waiter is woken to read, so a commit made while nobody listened is not missed. A
notification lost on the way (the sender's connection broke twice) is caught by
feed_watch's once-a-second comparison of the stored feed counter with the marks, as are
commits of writers without a wake-up (`orderdesk-server --seed-only`, scripts).

Connections per process: the listener's and the sender's (neither from the engine's pool).
"""

import logging
import queue
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
import psycopg
from sqlalchemy import make_url

from desktop_app.server.feed_wakeup import FeedHead, FeedMarks, LocalFeedWakeup

log = logging.getLogger(__name__)

CHANNEL = "orderdesk_feed"
# PostgreSQL refuses a payload of 8000 bytes or more; a longer message says "everyone".
MAX_PAYLOAD_BYTES = 7900
POLL_S = 1.0  # the listener checks for close() this often
CONNECT_TIMEOUT_S = 5
RECONNECT_FIRST_S, RECONNECT_MAX_S = 0.2, 30.0
# A connection whose server went away without a word is noticed after ~idle + interval x count.
KEEPALIVES: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
                              "keepalives_count": 3}


def conninfo(url: str) -> str:
    """libpq's connection string for an SQLAlchemy PostgreSQL URL (any driver)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass(frozen=True)
class FeedMessage:
    """What one NOTIFY says: a commit (or several, merged) of the process `origin`."""

    origin: str
    tenant_ids: frozenset[str] = frozenset()
    seq: int | None = None  # None: unknown, the receiver forgets its marks
    pruned: bool = False  # the horizon moved: the receiver forgets its marks
    everyone: bool = False  # too many tenants to name: wake every waiter

    def merged(self, later: "FeedMessage") -> "FeedMessage":
        seq = None if self.seq is None or later.seq is None else max(self.seq, later.seq)
        return FeedMessage(self.origin, self.tenant_ids | later.tenant_ids, seq,
                           self.pruned or later.pruned, self.everyone or later.everyone)

    def payload(self) -> str:
        body: dict[str, Any] = {"o": self.origin}
        if self.everyone:
            body["a"] = True
        else:
            body["t"] = sorted(self.tenant_ids)
            body["s"] = self.seq
        if self.pruned:
            body["p"] = True
        text = orjson.dumps(body).decode()
        if len(text.encode()) <= MAX_PAYLOAD_BYTES:
            return text
        return orjson.dumps({"o": self.origin, "a": True, "p": self.pruned}).decode()

    @classmethod
    def parse(cls, payload: str) -> "FeedMessage":
        """ValueError for a payload that is not one of ours."""
        try:
            body = orjson.loads(payload)
            origin = body["o"]
            tenants = body.get("t", [])
            seq = body.get("s")
            if not isinstance(origin, str) or not isinstance(tenants, list) or not all(
                    isinstance(tenant, str) for tenant in tenants) or not (
                    seq is None or type(seq) is int):
                raise TypeError(payload)
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a feed message: {payload[:200]!r}") from error
        return cls(origin, frozenset(tenants), seq, bool(body.get("p")), bool(body.get("a")))


class ListenedMarks(FeedMarks):
    """FeedMarks that are unknown while the process does not hear the others' commits."""

    def __init__(self, on_use: Callable[[], None]) -> None:
        super().__init__()
        self.listening = threading.Event()
        self._on_use = on_use

    def head_for(self, tenant_ids: frozenset[str] | None) -> FeedHead | None:
        self._on_use()
        if not self.listening.is_set():
            return None
        return super().head_for(tenant_ids)


class PgFeedWakeup(LocalFeedWakeup):
    """LocalFeedWakeup for this process's waiters, LISTEN/NOTIFY between the processes."""

    def __init__(self, url: str, channel: str = CHANNEL) -> None:
        super().__init__()
        self.origin = secrets.token_hex(8)
        self.channel = channel
        self._listened = ListenedMarks(self._ensure_listening)
        self.marks = self._listened
        self._conninfo = conninfo(url)
        self._threads_lock = threading.Lock()
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._sender: threading.Thread | None = None
        # None: close() asks the sender to end once it has sent what is queued.
        self._outbox: queue.SimpleQueue[FeedMessage | None] = queue.SimpleQueue()
        self.received = 0  # other processes' messages applied so far (tests)

    @property
    def listening(self) -> bool:
        return self._listened.listening.is_set()

    # -- FeedWakeup ---------------------------------------------------------------------

    def notify(self, tenant_ids: frozenset[str], seq: int | None = None) -> None:
        super().notify(tenant_ids, seq)
        self._send(FeedMessage(self.origin, tenant_ids, seq))

    def pruned(self) -> None:
        super().pruned()
        self._send(FeedMessage(self.origin, pruned=True))

    async def wait(self, tenant_ids: frozenset[str] | None, timeout: float) -> bool:
        self._ensure_listening()
        return await super().wait(tenant_ids, timeout)

    def start(self) -> None:
        """Listen before the server accepts requests: the first LISTEN is made here (the
        calling thread waits for it, at most CONNECT_TIMEOUT_S), then the listener thread
        keeps it. A database that does not answer now is retried in the background."""
        with self._threads_lock:
            if self._listener is not None or self._stop.is_set():
                return
            connection = None
            try:
                connection = self._listen()
            except psycopg.Error as error:
                log.warning("feed wake-up: cannot listen yet (%s); retrying", error)
            self._listener = threading.Thread(target=self._listen_loop, args=(connection,),
                                              name="feed-wakeup-listener", daemon=True)
            self._listener.start()

    def close(self) -> None:
        """Wake every waiter and stop listening; commits still finishing (shutdown waits
        for in-flight requests) are still announced, then the sender ends."""
        self._stop.set()
        self._listened.listening.clear()
        self._outbox.put(None)
        super().close()

    def join(self, timeout: float) -> None:
        """Wait for the threads after close() (tests)."""
        for thread in (self._listener, self._sender):
            if thread is not None:
                thread.join(timeout)

    # -- listening ----------------------------------------------------------------------

    def _ensure_listening(self) -> None:
        if self._listener is None and not self._stop.is_set():
            with self._threads_lock:
                if self._listener is None and not self._stop.is_set():
                    self._listener = threading.Thread(
                        target=self._listen_loop, args=(None,), name="feed-wakeup-listener",
                        daemon=True)
                    self._listener.start()

    def _connect(self, role: str) -> "psycopg.Connection[Any]":
        return psycopg.connect(self._conninfo, autocommit=True,
                               connect_timeout=CONNECT_TIMEOUT_S,
                               application_name=f"orderdesk-feed-{role}-{self.origin}",
                               **KEEPALIVES)

    def _listen(self) -> "psycopg.Connection[Any]":
        connection = self._connect("listen")
        try:
            connection.execute(f'LISTEN "{self.channel}"')  # our own constant name
        except BaseException:
            connection.close()
            raise
        # Whatever the marks knew may predate this LISTEN: forget it (a load that began
        # before is voided by the generation), trust them again, and let every waiter read.
        self.marks.forget()
        self._listened.listening.set()
        LocalFeedWakeup.notify_everyone(self)
        log.info("feed wake-up: listening on %s", self.channel)
        return connection

    def _listen_loop(self, connection: "psycopg.Connection[Any] | None") -> None:
        pause = RECONNECT_FIRST_S
        while not self._stop.is_set():
            try:
                if connection is None:
                    connection = self._listen()
                    pause = RECONNECT_FIRST_S
                for notification in connection.notifies(timeout=POLL_S):
                    self._received(notification.payload)
            except Exception as error:  # psycopg's, or a bug: a listener never dies silently
                if self._stop.is_set():
                    break
                if not isinstance(error, psycopg.Error):
                    log.exception("feed wake-up: the listener failed")
                self._lost(error)
                if connection is not None:
                    connection.close()
                    connection = None
                self._stop.wait(pause)
                pause = min(pause * 2, RECONNECT_MAX_S)
        self._listened.listening.clear()
        if connection is not None:
            connection.close()

    def _lost(self, error: Exception) -> None:
        was_listening = self._listened.listening.is_set()
        self._listened.listening.clear()
        # Commits of other processes from now until listening again are not heard: every
        # waiter reads now, and again when listening begins.
        LocalFeedWakeup.notify_everyone(self)
        if was_listening:
            log.warning("feed wake-up: lost the LISTEN connection (%s); reconnecting", error)
        else:
            log.warning("feed wake-up: cannot listen (%s); retrying", error)

    def _received(self, payload: str) -> None:
        try:
            message = FeedMessage.parse(payload)
        except ValueError:
            log.warning("feed wake-up: ignored a foreign notification on %s", self.channel,
                        exc_info=True)
            return
        if message.origin == self.origin:
            return  # this process's own commit: its waiters were woken by notify()
        self.received += 1
        if message.everyone:
            LocalFeedWakeup.notify_everyone(self)
            return
        if message.pruned:
            self.marks.forget()
        if message.tenant_ids or (message.seq is None and not message.pruned):
            LocalFeedWakeup.notify(self, message.tenant_ids, message.seq)

    # -- sending ------------------------------------------------------------------------

    def _send(self, message: FeedMessage) -> None:
        with self._threads_lock:
            self._outbox.put(message)
            if self._stop.is_set():  # closed: the sender announces it, then ends (no wait)
                self._outbox.put(None)
            if self._sender is None:
                self._sender = threading.Thread(target=self._send_loop,
                                                name="feed-wakeup-sender", daemon=True)
                self._sender.start()

    def _send_loop(self) -> None:
        connection: psycopg.Connection[Any] | None = None
        try:
            ending = False
            while True:
                message = None
                if not ending:
                    message = self._outbox.get()
                    ending = message is None
                while True:  # a burst goes out as one message
                    try:
                        queued = self._outbox.get_nowait()
                    except queue.Empty:
                        break
                    if queued is None:
                        ending = True
                    else:
                        message = queued if message is None else message.merged(queued)
                if message is not None:
                    connection = self._deliver(connection, message.payload())
                if ending:
                    with self._threads_lock:  # a later notify() starts another sender
                        if self._outbox.empty():
                            self._sender = None
                            return
        except Exception:
            log.exception("feed wake-up: the sender failed; the next commit starts another")
            raise
        finally:
            with self._threads_lock:
                if self._sender is threading.current_thread():
                    self._sender = None
            if connection is not None:
                connection.close()

    def _deliver(self, connection: "psycopg.Connection[Any] | None",
                 payload: str) -> "psycopg.Connection[Any] | None":
        """NOTIFY, on a fresh connection once more if the kept one broke; the connection to
        keep (None after a failure: the next message connects again)."""
        for attempt in (1, 2):
            try:
                if connection is None:
                    connection = self._connect("notify")
                connection.execute("SELECT pg_notify(%s, %s)", (self.channel, payload))
                return connection
            except psycopg.Error as error:
                if connection is not None:
                    connection.close()
                    connection = None
                if attempt == 2:
                    log.warning("feed wake-up: could not announce a commit (%s); the other "
                                "processes notice it within a second (feed_watch)", error)
        return None
