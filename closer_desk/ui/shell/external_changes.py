"""Telling the window that the agenda file changed under it (the CLI booked a call).

Wiring (app.py)::

    watcher = ExternalChangeWatcher(db_path, parent=window)
    watcher.changed.connect(source.refresh)    # every room reads again what it shows
    source.watch_own_writes(watcher)           # the window's own commits are not news
    watcher.start()

The probe also sees the window's own commits (they come from other connections than the
probe's): the door runs each write inside ``own_write()`` on the worker, which reads the
version before and after it and takes the pair as seen, so that a drag does not come back a
second later as "anything may have changed". A poll that falls during such a write skips its
turn (it would see the window's commit before the write is over and call it news). A commit
of another process that lands while the window itself is writing is taken for the window's
own; the next outside commit brings it in.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from closer_desk.store.changes import DataVersion


class ExternalChangeWatcher(QObject):
    """Polls the agenda's data version on a timer; cheap enough for every second.

    Signals:
        changed(): the file was committed to by another connection since the last poll.
    """

    changed = Signal()

    def __init__(
        self,
        path: Path | str,
        *,
        interval_ms: int = 1000,
        probe: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._version: DataVersion | None = None
        if probe is None:
            self._version = DataVersion(path)
            probe = self._version.current
        self._probe = probe
        # The door's writes (worker thread) and the timer's polls (GUI thread): one at a time.
        self._probing = threading.RLock()
        # A busy file: the first poll that reads it sets the version.
        self._last: int | None = self.version()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self.destroyed.connect(self._timer.stop)

    def start(self) -> None:
        """Start polling."""
        self._timer.start()

    def stop(self) -> None:
        """Stop polling and release the file."""
        self._timer.stop()
        if self._version is not None:
            self._version.close()
            self._version = None

    def resync(self) -> None:
        """Take the current version as seen (after a write the window made itself)."""
        if (now := self.version()) is not None:
            self._last = now

    def version(self) -> int | None:
        """The file's data version now (from any thread); None while it cannot be read (a
        busy or momentarily replaced file)."""
        with self._probing:
            try:
                return self._probe()
            except sqlite3.Error:
                return None

    @contextlib.contextmanager
    def own_write(self) -> Iterator[None]:
        """Around one write of the window's own (on the worker): the versions it moves the
        file through are not an outside change, unless one was already pending."""
        with self._probing:
            before = self.version()
            try:
                yield
            finally:
                after = self.version()
                if before is not None and after is not None and self._last == before:
                    self._last = after

    @Slot()
    def poll(self) -> None:
        """Check once; emit ``changed`` if the file moved."""
        if not self._probing.acquire(blocking=False):
            return  # the window is writing: its own commit is not news; the next tick looks
        try:
            now = self.version()
            if now is None or now == self._last:
                return  # unchanged, or a busy or momentarily replaced file: retried next tick
            self._last = now
        finally:
            self._probing.release()
        self.changed.emit()
