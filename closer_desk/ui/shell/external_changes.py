"""Telling the window that the agenda file changed under it (the CLI booked a call).

Wiring (app.py)::

    watcher = ExternalChangeWatcher(agenda.path, parent=window)
    watcher.changed.connect(window.reload)    # re-query what is on screen
    watcher.start()

The probe also sees the window's own commits (they come from other connections than the
probe's); call ``resync()`` after a write the window already shows to skip one reload.
"""

from __future__ import annotations

import sqlite3
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
        self._last = self._probe()

    @Slot()
    def poll(self) -> None:
        """Check once; emit ``changed`` if the file moved."""
        try:
            now = self._probe()
        except sqlite3.Error:
            return  # a busy or momentarily replaced file: the next tick retries
        if now != self._last:
            self._last = now
            self.changed.emit()
