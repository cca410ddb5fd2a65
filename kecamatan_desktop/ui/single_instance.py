"""One window per database on a PC: a second start brings the running window to the front.

The running program listens on a local socket named after the database file; a second start
on the same file finds it, asks it to come forward, and quits. A start with `--db` naming
another file gets another name, and its own window.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kecamatan_desktop.paths import ServerDatabase

WAKE = b"tampilkan\n"


def server_name(db_path: Path) -> str:
    """Per user and per database file (resolved, case-folded for Windows paths)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name: the file alone still separates them
        user = ""
    where = str(db_path) if isinstance(db_path, ServerDatabase) else str(Path(db_path).resolve())
    key = f"{user}\n{where.casefold()}".encode()
    return "kecamatan-desktop-" + hashlib.sha256(key).hexdigest()[:24]


def wake_running(db_path: Path, timeout_ms: int = 500) -> bool:
    """True if a program already has this database open (it was asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(WAKE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same database; `woken` asks the window forward."""

    woken = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        name = server_name(db_path)
        if not self.server.listen(name):
            # a stale socket of a program that was killed (Unix): nobody answered above
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll()).startswith(WAKE.strip()):
            self.woken.emit()
        connection.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


def bring_forward(window) -> None:
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()
