"""One running OrderDesk per account (backend URL + user): a second start for the same
account brings the running window to the front instead of opening a second writer of the
same cache (and a second user of the same remembered login, whose refresh would revoke the
first one's); another account runs beside it.

A QLockFile in the caches folder decides who runs (Qt checks the holder's process id, so a
crashed instance's lock is taken over); a QLocalServer (a Unix socket, on Windows a named
pipe) of the running instance hears "show" from a second start.
"""

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["InstanceGuard", "account_key"]

log = logging.getLogger(__name__)

SHOW = b"show\n"
CONNECT_MS = 2_000


def account_key(backend_url: str, username: str) -> str:
    """The account as the lock sees it: the login (and so the cache) of one user."""
    return f"{backend_url.strip().rstrip('/').lower()}\n{username.strip().casefold()}"


class InstanceGuard(QObject):
    """`acquire()` once at start; `activated` when another start for the account asks to be
    shown; `release()` at the end (also done by the OS when the process dies)."""

    activated = Signal()

    def __init__(self, key: str, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        folder.mkdir(parents=True, exist_ok=True)
        self.lock_path = folder / f"instance-{digest}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its holder is gone
        # Socket names are global on a machine (and /tmp on Linux): the user and the folder
        # go into it, so two users or two test runs never meet.
        owner = hashlib.sha256(f"{getpass.getuser()}\n{folder.resolve()}".encode()).hexdigest()
        self.server_name = f"orderdesk-{owner[:12]}-{digest}"
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._server is not None

    def acquire(self) -> bool:
        """True: this process runs the account (and listens for later starts)."""
        if self._server is not None:
            return True
        if not self._lock.tryLock(100):
            log.info("OrderDesk already runs for this account (%s)", self.lock_path)
            return False
        QLocalServer.removeServer(self.server_name)  # a crashed holder's socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            log.warning("a second start cannot reach this one: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def show_running(self) -> bool:
        """Ask the instance that holds the lock to bring its window to the front."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_MS):
            log.warning("the running OrderDesk did not answer: %s", socket.errorString())
            return False
        socket.write(SHOW)
        sent = socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return sent

    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            log.info("another start for this account: the window comes to the front")
            self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
            self._lock.unlock()
