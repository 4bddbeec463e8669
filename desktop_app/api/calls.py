"""Deadlines and aborts for backend calls: no call outlives its deadline or its cancel.

A per-read timeout restarts with every byte, so a server that drips one byte a second never
trips it. Each call therefore runs under a `CallGuard` with an overall deadline (connect to
the last byte of the body, retries and their pauses included). The guard keeps a duplicate
of every socket the call uses; at the deadline, or when the call is aborted from another
thread, the watchdog (or that thread) shuts the sockets down. A blocked connect, a wait for
headers and a read of the body all return at once on every platform; a retry after that is
refused by the guard. Only a name lookup (getaddrinfo) cannot be interrupted.

A `CallScope` is the set of calls of one piece of work (a task of the GUI's task manager):
bound on a thread (`with scope.bound():`), every call made there belongs to it, and
`scope.abort()` ends them from any thread; calls started afterwards fail at once.
"""

import enum
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.api.errors import ApiError
from desktop_app.api.limits import CallAborted, DeadlineError

__all__ = ["AbortReason", "CallGuard", "CallScope", "current_call"]

log = logging.getLogger(__name__)


class AbortReason(enum.Enum):
    DEADLINE = "deadline"  # the call ran out of time
    CANCELLED = "cancelled"  # its scope was aborted (the clerk cancelled, the app quits)
    CLOSED = "closed"  # the transport was closed under it


class _ThreadState(threading.local):
    def __init__(self) -> None:
        self.call: CallGuard | None = None
        self.scopes: list[CallScope] = []


_state = _ThreadState()


def current_call() -> "CallGuard | None":
    """The call this thread is making (inside Transport.request), if any."""
    return _state.call


class CallGuard:
    """One backend call: its deadline, the sockets it uses and why it was aborted."""

    def __init__(self, deadline_s: float, host: str) -> None:
        self.seconds = deadline_s
        self.deadline = time.monotonic() + deadline_s
        self.host = host
        self.reason: AbortReason | None = None
        self._lock = threading.Lock()
        # Each watched socket with its duplicate. By object, not by file number: a retry's new
        # connection often gets the closed one's number back, and must be watched too.
        self._sockets: list[tuple[socket.socket, socket.socket]] = []
        self._aborted = threading.Event()
        self._finished = False

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def failure(self) -> ApiError | None:
        """The error the call ends with because it was aborted, else None."""
        if self.reason is AbortReason.DEADLINE:
            return DeadlineError(self.host, self.seconds)
        if self.reason is not None:
            return CallAborted()
        return None

    def check(self) -> None:
        """Raise the call's failure if it was aborted or its deadline has passed."""
        if self.reason is None and self.remaining() <= 0:
            self.abort(AbortReason.DEADLINE)
        if (error := self.failure()) is not None:
            raise error

    def sleep(self, seconds: float) -> None:
        """A pause between retries that an abort ends at once (then raises)."""
        if seconds >= self.remaining():
            self._aborted.wait(max(0.0, self.remaining()))
        else:
            self._aborted.wait(seconds)
        self.check()

    def watch(self, sock: socket.socket) -> None:
        """Keep a duplicate of `sock` to shut down on abort (a TLS socket wraps the same OS
        socket, so a duplicate taken before the handshake still reaches it)."""
        fileno = sock.fileno()
        if fileno < 0:
            return
        with self._lock:
            if any(original is sock for original, _duplicate in self._sockets):
                return
        duplicate = socket.fromfd(fileno, sock.family, sock.type)
        with self._lock:
            if self._finished:
                duplicate.close()
                return
            # Connections closed meanwhile (a retry's first) let go of their duplicates.
            closed = [pair for pair in self._sockets if pair[0].fileno() < 0]
            self._sockets = [pair for pair in self._sockets if pair[0].fileno() >= 0]
            self._sockets.append((sock, duplicate))
            aborted = self.reason is not None
        for _original, stale in closed:
            stale.close()
        if aborted:
            _shut(duplicate)
            self.check()

    def abort(self, reason: AbortReason) -> None:
        """End the call from any thread; the first reason counts."""
        with self._lock:
            if self._finished or self.reason is not None:
                return
            self.reason = reason
            sockets = [duplicate for _original, duplicate in self._sockets]
        self._aborted.set()
        for duplicate in sockets:
            _shut(duplicate)

    def finish(self) -> None:
        with self._lock:
            self._finished = True
            sockets = [duplicate for _original, duplicate in self._sockets]
            self._sockets = []
        for duplicate in sockets:
            duplicate.close()

    @contextmanager
    def running(self) -> Iterator["CallGuard"]:
        """This thread's current call for the duration; joined to the scopes bound here and
        watched by the watchdog."""
        scopes = list(_state.scopes)
        for scope in scopes:
            scope._add(self)
        previous, _state.call = _state.call, self
        _watchdog.add(self)
        try:
            self.check()
            yield self
        finally:
            _state.call = previous
            _watchdog.discard(self)
            for scope in scopes:
                scope._discard(self)
            self.finish()


def _shut(duplicate: socket.socket) -> None:
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:  # not connected (yet, or any more): nothing to interrupt
        log.debug("socket already down", exc_info=True)


class CallScope:
    """The calls of one piece of work, on whatever threads bind it; abortable as one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: set[CallGuard] = set()
        self._aborted = False

    @property
    def aborted(self) -> bool:
        return self._aborted

    @contextmanager
    def bound(self) -> Iterator["CallScope"]:
        """Calls made on this thread inside the block belong to this scope."""
        _state.scopes.append(self)
        try:
            yield self
        finally:
            _state.scopes.remove(self)

    def abort(self) -> None:
        """End the calls in flight at once; later calls in this scope fail before sending."""
        with self._lock:
            self._aborted = True
            calls = list(self._calls)
        for call in calls:
            call.abort(AbortReason.CANCELLED)

    def _add(self, call: CallGuard) -> None:
        with self._lock:
            self._calls.add(call)
            aborted = self._aborted
        if aborted:
            call.abort(AbortReason.CANCELLED)

    def _discard(self, call: CallGuard) -> None:
        with self._lock:
            self._calls.discard(call)


def current_scope() -> CallScope | None:
    """The innermost scope bound on this thread."""
    return _state.scopes[-1] if _state.scopes else None


class _Watchdog:
    """One daemon thread that aborts calls whose deadline has passed; it runs only while
    calls are in flight (no thread is left behind between calls)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._calls: set[CallGuard] = set()
        self._thread: threading.Thread | None = None

    def add(self, call: CallGuard) -> None:
        with self._condition:
            self._calls.add(call)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="api-deadlines",
                                                daemon=True)
                self._thread.start()
            else:
                self._condition.notify()

    def discard(self, call: CallGuard) -> None:
        with self._condition:
            self._calls.discard(call)
            self._condition.notify()

    def _watch(self) -> None:
        with self._condition:
            while self._calls:
                now = time.monotonic()
                expired = [call for call in self._calls if call.deadline <= now]
                for call in expired:
                    self._calls.discard(call)
                    call.abort(AbortReason.DEADLINE)
                if self._calls:
                    earliest = min(call.deadline for call in self._calls)
                    self._condition.wait(max(0.001, earliest - now))
            self._thread = None


_watchdog = _Watchdog()
