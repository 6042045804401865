"""One window per agenda: a second start hands its arguments to the first and exits.

The first instance listens on a QLocalServer whose name is derived from the agenda's resolved
path (and the user), so two different agendas can each have their window, and two users never
see each other's. A second start connects, sends ``raise`` with its argv as one JSON line, waits
for ``ok`` and exits 0; the first brings its window forward. A socket left by a crashed
instance (nobody answers) is removed and taken over.

Wiring (app.py, after the QApplication exists and before the window is built)::

    if not claim_or_forward(db_path, lambda argv: bring_forward(window_holder())):
        return 0
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from closer_desk import APP_ID

#: How long a second instance waits for the first to answer (a frozen first instance must not
#: make the second hang forever).
TIMEOUT_MS = 3000
Activate = Callable[[list[str]], None]


def server_name(db_path: Path | str) -> str:
    """The local-server name for an agenda: the app id, the user and a hash of the path."""
    resolved = str(Path(db_path).expanduser().resolve())
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def forward(name: str, argv: Sequence[str], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Send ``raise`` and ``argv`` to the instance listening on ``name``; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    message = json.dumps({"command": "raise", "argv": list(argv)}) + "\n"
    socket.write(message.encode())
    answered = socket.waitForBytesWritten(timeout_ms) and _read_line(socket, timeout_ms) == b"ok"
    socket.disconnectFromServer()
    return answered


def _read_line(socket: QLocalSocket, timeout_ms: int) -> bytes:
    while not socket.canReadLine():
        if not socket.waitForReadyRead(timeout_ms):
            return b""
    return bytes(socket.readLine().data()).strip()


class InstanceServer(QObject):
    """The first instance's listener: calls ``on_activate(argv)`` for each second start.

    Attributes:
        name: the local-server name it listens on.
    """

    def __init__(self, name: str, on_activate: Activate, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._on_activate = on_activate
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen, removing a socket file left by a crashed instance; False if taken."""
        if self._server.listen(self.name):
            return True
        # The name is taken but nobody answered (the caller tried to forward first): a stale
        # socket from a crash. Remove it and listen again.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        """Stop listening."""
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            # The socket is the server's child; sender() finds it again, so no Python
            # closure outlives it.
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            self._answer(socket)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._answer(socket)

    def _answer(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            try:
                message = json.loads(line)
                argv = [str(a) for a in message.get("argv", [])]
                ok = message.get("command") == "raise"
            except (ValueError, AttributeError, TypeError):
                ok = False
            if not ok:
                socket.write(b"error\n")
                continue
            socket.write(b"ok\n")
            socket.flush()
            self._on_activate(argv)


def claim_or_forward(db_path: Path | str, on_activate: Activate, argv: Sequence[str] = ()) -> bool:
    """True when this process is the agenda's first instance (it now listens for others);
    False when another instance got ``argv`` and brought its window forward (exit 0 then).

    Needs the QApplication to exist; the listener lives as long as it.
    """
    name = server_name(db_path)
    if forward(name, argv):
        return False
    server = InstanceServer(name, on_activate, parent=QCoreApplication.instance())
    if server.listen():
        return True
    # Someone started listening between our attempt and now: hand over to them.
    server.deleteLater()
    return not forward(name, argv)


def bring_forward(window: QWidget | None) -> None:
    """Show ``window`` un-minimised, on top and focused (what a second start asks for)."""
    if window is None:
        return
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
