"""One window per agenda: a second start hands its arguments to the first and exits.

The first instance listens on a QLocalServer whose name is derived from the agenda's resolved
path (and the user), so two different agendas can each have their window, and two users never
see each other's. A second start connects, sends ``raise`` with its argv as one JSON line, waits
for ``ok`` and exits 0; the first brings its window forward. A socket left by a crashed
instance (nobody answers) is removed and taken over.

Who is first is settled before the window is built by a lock on a file named like the server
(``claim_first``; the system drops the lock when its process ends, however it ends), so the
first instance starts its server, and loads Qt's network module, only once its agenda is
painted; a second start that finds the lock taken waits for that server (``TIMEOUT_MS``).
Where files cannot be locked (no ``fcntl``), the first instance is found by trying to connect,
as before. Wiring (app.py, after the QApplication exists and before the window is built)::

    claim = claim_first(db_path, argv)
    if claim is None:
        return 0  # forwarded
    ...
    window.when_painted(lambda: claim.listen(lambda argv: bring_forward(window)))
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from closer_desk import APP_ID

if TYPE_CHECKING:  # Qt's network module loads when a server or a client is first needed
    from PySide6.QtNetwork import QLocalSocket

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
    from PySide6.QtNetwork import QLocalSocket

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
        from PySide6.QtNetwork import QLocalServer

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
        self._server.removeServer(self.name)
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
        from PySide6.QtNetwork import QLocalSocket

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


class InstanceClaim:
    """This process is the agenda's first instance: ``listen`` when the window is on screen.

    Attributes:
        name: the local-server name it will listen on.
    """

    def __init__(self, name: str, lock: int | None) -> None:
        self.name = name
        #: The locked file's descriptor, open for as long as the process lives (None: no lock).
        self.lock = lock

    def listen(self, on_activate: Activate) -> InstanceServer:
        """Start the server that hands second starts' arguments to ``on_activate``."""
        server = InstanceServer(self.name, on_activate, parent=QCoreApplication.instance())
        server.listen()
        return server


#: ``_lock``'s answer when another live process holds the agenda's lock.
_TAKEN = -1
#: The locks this process holds, by server name (a second window of the same process, as
#: tests open, is this same first instance).
_held: dict[str, int] = {}


def _lock(name: str) -> int | None:
    """The descriptor of the agenda's lock file, locked by this process; ``_TAKEN`` when
    another process holds it; None where files cannot be locked here."""
    if name in _held:
        return _held[name]
    try:
        import fcntl
    except ImportError:  # not a Unix
        return None
    path = os.path.join(tempfile.gettempdir(), f"{name}.lock")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # another user's file, a read-only folder: find out by connecting
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return _TAKEN
    except OSError:
        os.close(fd)
        return None
    os.set_inheritable(fd, False)
    _held[name] = fd
    return fd


def _forward_when_listening(name: str, argv: Sequence[str], timeout_ms: int) -> bool:
    """``forward`` to a first instance that may not listen yet (it is still opening its
    window): tried again until it answers or ``timeout_ms`` is over."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        left = int((deadline - time.monotonic()) * 1000)
        if left <= 0:
            return False
        if forward(name, argv, left):
            return True
        time.sleep(0.05)  # a second start, no window yet: nothing else to do meanwhile


def claim_first(
    db_path: Path | str, argv: Sequence[str] = (), timeout_ms: int = TIMEOUT_MS
) -> InstanceClaim | None:
    """This process's claim to be the agenda's first instance, or None when a first instance
    got ``argv`` (and brought its window forward: exit 0 then).

    Needs the QApplication to exist. A first instance that holds the lock but does not
    answer within ``timeout_ms`` (frozen) does not keep this one from opening.
    """
    name = server_name(db_path)
    lock = _lock(name)
    if lock == _TAKEN:
        if _forward_when_listening(name, argv, timeout_ms):
            return None
        return InstanceClaim(name, None)
    if lock is None and forward(name, argv):
        return None
    return InstanceClaim(name, lock)


def claim_or_forward(db_path: Path | str, on_activate: Activate, argv: Sequence[str] = ()) -> bool:
    """True when this process is the agenda's first instance (it now listens for others);
    False when another instance got ``argv`` and brought its window forward (exit 0 then).

    Needs the QApplication to exist; the listener lives as long as it.
    """
    claim = claim_first(db_path, argv)
    if claim is None:
        return False
    claim.listen(on_activate)
    return True


def bring_forward(window: QWidget | None) -> None:
    """Show ``window`` un-minimised, on top and focused (what a second start asks for)."""
    if window is None:
        return
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
