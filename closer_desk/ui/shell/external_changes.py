"""Telling the window that the agenda file changed under it (the CLI booked a call).

Wiring (app.py)::

    watcher = ExternalChangeWatcher(db_path, parent=window)
    watcher.changed.connect(source.refresh)    # every room reads again what it shows
    source.watch_own_writes(watcher)           # the window's own commits are not news
    watcher.start()

The probe also sees the window's own commits (they come from other connections than the
probe's): the door reads the version before and after each write it makes (``version``, from
the worker) and hands the pair back (``absorb``), so that a drag does not come back a second
later as "anything may have changed". A commit of another process that lands while the window
itself is writing is taken for the window's own; the next outside commit brings it in.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
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
        # The door probes from the worker, the timer from the GUI thread: one at a time.
        self._probing = threading.Lock()
        self._last = probe()
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

    def absorb(self, before: int, after: int) -> None:
        """The window's own write moved the version from ``before`` to ``after``: unless an
        outside change was already pending, it is not one."""
        if self._last == before:
            self._last = after

    @Slot()
    def poll(self) -> None:
        """Check once; emit ``changed`` if the file moved."""
        now = self.version()
        if now is None:
            return  # a busy or momentarily replaced file: the next tick retries
        if now != self._last:
            self._last = now
            self.changed.emit()
