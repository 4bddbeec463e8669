"""HTTP transport: one requests.Session per thread, retries with backoff, timeouts always.

Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are retried on connection failures and
on 429/502/503/504 with exponential backoff and jitter, honouring Retry-After up to
`ApiSettings.max_retry_after`. POST is retried only when it carries an Idempotency-Key: such
requests go through a second session whose Retry allows POST. Every request gets
`timeout=(connect, read)` and `verify=ca_bundle or True`; there is no way to send without.
A long-poll (`long_poll=True`, with its own longer `timeout`) is not retried after a read
timeout: a retry would wait all over again, and the caller's listening loop reconnects anyway.

Every call also has an overall deadline and can be aborted from another thread
(desktop_app/api/calls.py): the connections below register their sockets with the call, the
retry pauses wait on it, and no retry starts after it ended. The body is read in chunks up
to the call's byte bound (desktop_app/api/limits.py) and refused once it passes it.
"""

import socket
import sys
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool, HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.poolmanager import PoolManager
from urllib3.response import BaseHTTPResponse
from urllib3.util.connection import allowed_gai_family
from urllib3.util.retry import Retry

from desktop_app.api.calls import AbortReason, CallGuard, current_call
from desktop_app.api.errors import ApiError, OfflineError, ServerError, TlsError
from desktop_app.api.limits import ResponseTooLargeError
from desktop_app.api.settings import ApiSettings

CHUNK_BYTES = 64 * 1024

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"
ACCEPT_ENCODING = "gzip"


class CappedRetry(Retry):
    """urllib3 Retry whose Retry-After sleep is capped at what a person will wait for."""

    def __init__(self, *args: Any, max_retry_after: float = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_retry_after = max_retry_after

    def new(self, **kw: Any) -> "CappedRetry":
        kw.setdefault("max_retry_after", self.max_retry_after)
        renewed = super().new(**kw)
        assert isinstance(renewed, CappedRetry)
        return renewed

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        try:
            retry_after = super().get_retry_after(response)
        except Exception:  # a malformed header: fall back to the backoff
            return None
        if retry_after is None:
            return None
        return max(0.0, min(retry_after, self.max_retry_after))

    def increment(self, method: str | None = None, url: str | None = None,
                  response: BaseHTTPResponse | None = None, error: Exception | None = None,
                  _pool: ConnectionPool | None = None,
                  _stacktrace: TracebackType | None = None) -> "CappedRetry":
        """No retry once the call was aborted, nor one whose pause would outlast the call's
        deadline (the last answer or error stands)."""
        call = current_call()
        if call is not None:
            call.check()
        renewed = super().increment(method, url, response, error, _pool, _stacktrace)
        assert isinstance(renewed, CappedRetry)
        if call is not None and renewed.pause(response) >= call.remaining():
            raise MaxRetryError(_pool, url or "", error)  # type: ignore[arg-type]
        return renewed

    def pause(self, response: BaseHTTPResponse | None) -> float:
        """What `sleep` will wait: Retry-After if the server gave one, else the backoff."""
        retry_after = (self.get_retry_after(response)
                       if self.respect_retry_after_header and response else None)
        return retry_after or self.get_backoff_time()

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        seconds = self.pause(response)
        call = current_call()
        if call is not None:
            call.sleep(seconds)  # an abort ends the pause (and the call) at once
        elif seconds > 0:
            super().sleep(response)


class _WatchedConnection(HTTPConnection):
    """A connection whose socket the current call can shut down from another thread."""

    def _new_conn(self) -> socket.socket:
        call = current_call()
        if call is None:
            return super()._new_conn()
        call.check()
        try:
            sock = _connect_watched(call, (self._dns_host, self.port), self.timeout,
                                    self.source_address, self.socket_options)
        except ApiError:
            raise
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e
        except TimeoutError as e:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})",
            ) from e
        except OSError as e:
            call.check()  # shut down by an abort: say that, not "cannot connect"
            raise NewConnectionError(self, f"Failed to establish a new connection: {e}") from e
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> None:
        call = current_call()
        if call is not None:
            call.check()
            if self.sock is not None:  # a kept-alive connection: this call uses it now
                call.watch(self.sock)
        super().request(method, url, *args, **kwargs)


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


def _connect_watched(call: CallGuard, address: tuple[str, int], timeout: Any,
                     source_address: tuple[str, int] | None,
                     socket_options: Any) -> socket.socket:
    """urllib3's create_connection, with the socket watched by `call` before it connects
    (so that an abort interrupts a connect that hangs)."""
    host, port = address
    if host.startswith("["):
        host = host.strip("[]")
    error: OSError | None = None
    for family, kind, proto, _name, target in socket.getaddrinfo(
            host, port, allowed_gai_family(), socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            if isinstance(timeout, int | float) or timeout is None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            call.watch(sock)
            sock.connect(target)
            return sock
        except BaseException as failed:
            sock.close()
            if not isinstance(failed, OSError):
                raise
            error = failed
    raise error if error is not None else OSError("getaddrinfo returns an empty list")


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter over the watched connections (direct and through a proxy)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, PoolManager) and not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager


class LongPollRetry(CappedRetry):
    """CappedRetry that gives up at once on a read timeout: for a long-poll that is the wait
    running out on a silent server, and each retry would wait that long again."""

    def increment(self, method: str | None = None, url: str | None = None,
                  response: BaseHTTPResponse | None = None, error: Exception | None = None,
                  _pool: ConnectionPool | None = None,
                  _stacktrace: TracebackType | None = None) -> "LongPollRetry":
        if isinstance(error, ReadTimeoutError):
            raise error.with_traceback(_stacktrace)
        renewed = super().increment(method, url, response, error, _pool, _stacktrace)
        assert isinstance(renewed, LongPollRetry)
        return renewed


def build_retry(settings: ApiSettings, *, allow_post: bool,
                long_poll: bool = False) -> CappedRetry:
    methods = IDEMPOTENT_METHODS | {"POST"} if allow_post else IDEMPOTENT_METHODS
    retry_class = LongPollRetry if long_poll else CappedRetry
    return retry_class(
        total=settings.max_retries,
        connect=settings.max_retries,
        read=settings.max_retries,
        status=settings.max_retries,
        other=0,
        redirect=0,
        allowed_methods=methods,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=settings.backoff_factor,
        backoff_jitter=settings.backoff_factor,
        backoff_max=max(settings.max_retry_after, settings.backoff_factor),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
        max_retry_after=settings.max_retry_after,
    )


class _NoAuth(AuthBase):
    """Set as the session's auth so requests never reads ~/.netrc (it would replace the
    bearer token); proxy settings from the environment still apply."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


class TimeoutSession(requests.Session):
    """A Session that cannot send without a timeout and never with verify=False."""

    def __init__(self, settings: ApiSettings, *, allow_post_retry: bool,
                 long_poll: bool = False) -> None:
        super().__init__()
        self._timeout = settings.timeout
        self._verify = settings.verify
        self.verify = settings.verify
        self.auth = _NoAuth()
        self.headers["User-Agent"] = settings.user_agent
        self.headers["Accept"] = "application/json"
        # Feed pages come gzipped when asked (~6x fewer bytes); urllib3 decodes them while
        # the body is read, at most a chunk at a time, so _read_body's bound counts the
        # decoded bytes and a gzip bomb is refused like any oversized answer.
        self.headers["Accept-Encoding"] = ACCEPT_ENCODING
        adapter = _WatchedAdapter(max_retries=build_retry(settings, allow_post=allow_post_retry,
                                                      long_poll=long_poll))
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def request(self, method: str | bytes, url: str | bytes,
                *args: Any, **kwargs: Any) -> requests.Response:
        if args:
            raise TypeError("pass request arguments by keyword")
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._timeout
        if not kwargs.get("verify"):  # None, False or "": never unverified
            kwargs["verify"] = self._verify
        return super().request(method, url, **kwargs)


class Transport:
    """Sends requests below `settings.base_url`, mapping transport failures to ApiError."""

    def __init__(self, settings: ApiSettings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        # Each session with the thread that made it: a pool or listener thread that ended
        # leaves its session (and a kept-alive socket) behind; the next new one closes them.
        self._sessions: list[tuple[threading.Thread, TimeoutSession]] = []
        self._calls: set[CallGuard] = set()  # in flight, on any thread (close() ends them)
        self._closing = False

    def _session(self, *, idempotent_post: bool, long_poll: bool = False) -> TimeoutSession:
        name = ("post_session" if idempotent_post else
                "poll_session" if long_poll else "session")
        session: TimeoutSession | None = getattr(self._local, name, None)
        if session is None:
            session = TimeoutSession(self.settings, allow_post_retry=idempotent_post,
                                     long_poll=long_poll and not idempotent_post)
            setattr(self._local, name, session)
            with self._lock:
                ended = [old for owner, old in self._sessions if not owner.is_alive()]
                self._sessions = [(owner, kept) for owner, kept in self._sessions
                                  if owner.is_alive()]
                self._sessions.append((threading.current_thread(), session))
            for old in ended:
                old.close()
        return session

    def url(self, path: str) -> str:
        return self.settings.base_url + "/" + path.lstrip("/")

    def request(self, method: str, path: str, *,
                params: Mapping[str, str | int] | None = None,
                json: Any = None,
                headers: Mapping[str, str] | None = None,
                idempotency_key: str | None = None,
                timeout: tuple[float, float] | None = None,
                long_poll: bool = False,
                deadline: float | None = None,
                max_bytes: int | None = None) -> requests.Response:
        """One request with retries; raises OfflineError, TlsError or ServerError on failure.

        HTTP error statuses are returned, not raised: the caller maps them. `timeout`
        (connect, read) replaces the settings' for this call; `long_poll`: a read timeout is
        not retried (the server holds the request, up to its wait, on purpose).
        `deadline` (seconds, default `settings.call_deadline`) bounds the whole call: past
        it, DeadlineError. The body is read here, at most `max_bytes` of it (default
        `settings.max_response_bytes`), else ResponseTooLargeError. A call aborted from
        another thread (its CallScope, or `close()`) raises CallAborted.
        """
        method = method.upper()
        all_headers = dict(headers or {})
        if idempotency_key is not None:
            all_headers[IDEMPOTENCY_HEADER] = idempotency_key
        session = self._session(idempotent_post=method == "POST" and idempotency_key is not None,
                                long_poll=long_poll)
        limit = self.settings.max_response_bytes if max_bytes is None else max_bytes
        call = CallGuard(self.settings.call_deadline if deadline is None else deadline,
                         self.settings.host)
        with self._lock:
            if self._closing:
                call.abort(AbortReason.CLOSED)
            self._calls.add(call)
        try:
            with call.running():
                try:
                    response = session.request(
                        method, self.url(path), params=params, json=json,
                        headers=all_headers, timeout=timeout or self.settings.timeout,
                        verify=self.settings.verify, allow_redirects=False, stream=True)
                    _read_body(response, limit, call, f"{method} {path.split('?', 1)[0]}")
                except requests.RequestException as error:
                    raise call.failure() or self.map_exception(error) from None
                except OSError:  # a socket shut down under the reader, outside urllib3
                    if (failure := call.failure()) is not None:
                        raise failure from None
                    raise
                return response
        finally:
            with self._lock:
                self._calls.discard(call)

    def map_exception(self, error: requests.RequestException) -> ApiError:
        host = self.settings.host
        if isinstance(error, requests.exceptions.SSLError):
            return TlsError(host, custom_ca=self.settings.ca_bundle is not None)
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return OfflineError(host)
        if isinstance(error, requests.exceptions.ReadTimeout):
            return OfflineError(host, timed_out=True)
        if isinstance(error, requests.exceptions.RetryError):
            return ServerError(None)
        if isinstance(error, requests.exceptions.ConnectionError | requests.exceptions.Timeout
                      | requests.exceptions.ChunkedEncodingError):
            return OfflineError(host)
        return ServerError(None)

    def abort_calls(self) -> None:
        """End every call in flight on any thread (CallAborted); later ones go ahead."""
        with self._lock:
            calls = list(self._calls)
        for call in calls:
            call.abort(AbortReason.CLOSED)

    def close(self) -> None:
        """Ends the calls in flight and closes the sessions of every thread (call once, when
        the app shuts down; a call started afterwards fails at once)."""
        with self._lock:
            self._closing = True
            sessions, self._sessions = self._sessions, []
        self.abort_calls()
        for _owner, session in sessions:
            session.close()
        self._local = threading.local()


def _read_body(response: requests.Response, max_bytes: int, call: CallGuard,
               subject: str) -> None:
    """Read the body into `response.content`, refusing it once it passes `max_bytes` (a
    declared Content-Length over the bound is refused before reading anything). The bound
    is on the decoded bytes: iter_content yields them decoded (Content-Encoding), and
    urllib3 (>= 2.6) inflates no more than the chunk asked for at a time."""
    try:
        declared = int(response.headers.get("Content-Length", "") or -1)
    except ValueError:
        declared = -1
    if declared > max_bytes:
        response.close()
        raise ResponseTooLargeError(subject, max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > max_bytes:
                chunks.clear()
                raise ResponseTooLargeError(subject, max_bytes)
            chunks.append(chunk)
            call.check()
        call.check()  # an abort may have ended a body early without an error: never keep it
    except BaseException:
        response.close()  # the connection is not reused
        raise
    response._content = b"".join(chunks)
    setattr(response, "_content_consumed", True)  # noqa: B010 (requests' private flag)
