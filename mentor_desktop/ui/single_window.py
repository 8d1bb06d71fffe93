"""One database, one window: a lock next to the file, and a hand-over to the open window.

The first window on a database holds `<db>.lock` (a QLockFile: a lock left by a process that
died is taken over) and listens on a local socket named after the database's path. A second
start on the same database finds the lock held, asks the first window to come to the front
through that socket, and exits with a one-line message.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

#: How long a second start tries to reach the first window (it may still be starting).
HAND_OVER_MS = 4000
RAISE = b"raise\n"


def server_name(db_path: Path) -> str:
    """The local socket's name for `db_path`: the same for every spelling of the path."""
    digest = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:24]
    return f"mentor-desktop-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WindowLock(QObject):
    """The lock on one database for this window, and the socket a second start calls.

    Signals:
        raise_requested(): a second start on the same database asked for this window.
    """

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._lock = QLockFile(str(lock_path(db_path)))
        self._lock.setStaleLockTime(0)  # only a dead holder's lock is stale, never a slow one
        self._server: QLocalServer | None = None
        self._callers: list[QLocalSocket] = []

    def try_lock(self) -> bool:
        """True unless another window holds the database. Where no lock can be made at all
        (a read-only folder), True: opening the database then says what is wrong."""
        if not self._lock.tryLock(0):
            return self._lock.error() != QLockFile.LockError.LockFailedError
        with suppress(OSError):
            os.chmod(lock_path(self.db_path), 0o600)
        return True

    def holder_pid(self) -> int | None:
        info = self._lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else None
        return pid if isinstance(pid, int) and pid > 0 else None

    def listen(self) -> None:
        """Answer second starts from now on (call once the window is up; again: no-op)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.db_path)
        QLocalServer.removeServer(name)  # a socket left by a process that died
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            return
        server.newConnection.connect(self._answer)
        self._server = server

    def _answer(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._callers.append(socket)
            socket.readyRead.connect(partial(self._read, socket))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._callers:
            return
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self._callers.remove(socket)
            socket.disconnectFromServer()
            socket.deleteLater()
            self.raise_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def ask_first_window(db_path: Path, wait_ms: int = HAND_OVER_MS) -> bool:
    """Ask the window that holds `db_path` to come to the front; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = QDeadlineTimer(wait_ms)
    while not deadline.hasExpired():
        socket = QLocalSocket()
        socket.connectToServer(server_name(db_path))
        if socket.waitForConnected(500):
            socket.write(RAISE)
            socket.flush()
            sent = socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            return sent or socket.state() == QLocalSocket.LocalSocketState.UnconnectedState
        QThread.msleep(200)
    return False


def hand_over(lock: WindowLock) -> int:
    """A second start: bring the first window forward, say so in one line; the exit code."""
    import sys

    if ask_first_window(lock.db_path):
        print(
            f"mentor-desktop: {lock.db_path} is already open in a Mentor Desktop window; "
            "brought that window to the front."
        )
        return 0
    pid = lock.holder_pid()
    holder = f" (process {pid})" if pid else ""
    print(
        f"mentor-desktop: {lock.db_path} is already open in another Mentor Desktop "
        f"window{holder}, which did not answer; close it, then start again.",
        file=sys.stderr,
    )
    return 2


def bring_forward(window: QWidget) -> None:
    """Show `window` in front of the others (restored if it was minimised)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    if window.windowState() & Qt.WindowState.WindowMinimized:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)
