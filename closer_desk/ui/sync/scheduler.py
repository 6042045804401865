"""When the window syncs: on a timer, shortly after each change it writes, and when asked.

Each sync is one write through the door (``AgendaSource.write``), so it runs on the worker, in
order with every other job, and what it pulled reaches every room as a ``Changes``. A server
that cannot be reached is not an error: the agenda works as before, the changes wait, and the
next try (sooner than the usual interval) resumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from closer_desk.core.model import Changes
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.sync import words

if TYPE_CHECKING:
    from closer_desk.store import Agenda
    from closer_desk.store.sync.api import State

#: Minutes between two background syncs, unless the settings say otherwise.
DEFAULT_INTERVAL_MIN = 5
#: The setting holding that interval (minutes; 0 turns the timer off).
INTERVAL_KEY = "sync/interval_minutes"
#: How long after a change the window wrote it is sent (a few edits in a row go together).
AFTER_CHANGE_MS = 3000
#: How soon a sync is tried again while the server cannot be reached.
RETRY_MS = 30_000
#: The background sync waits less than the CLI for a server (it holds the one worker).
TIMEOUT_S = 15.0


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows.

    Attributes:
        states: one ``store.sync.api.State`` per synced closer.
        running: a sync is on the worker now.
        offline: the last sync could not reach a server (the changes wait).
        error: the one line of what stopped the last sync, or "".
    """

    states: tuple[State, ...] = field(default_factory=tuple)
    running: bool = False
    offline: bool = False
    error: str = ""

    @property
    def synced(self) -> bool:
        """True when at least one closer shares a calendar."""
        return bool(self.states)

    @property
    def pending(self) -> int:
        """Local changes not sent yet, over every synced closer."""
        return sum(s.pending for s in self.states)

    @property
    def conflicts(self) -> int:
        """Calls waiting for "mine or theirs"."""
        return sum(len(s.conflicts) for s in self.states)

    @property
    def last_sync(self) -> datetime | None:
        """When the most recent sync of any closer ended."""
        times = [s.account.last_sync for s in self.states if s.account.last_sync is not None]
        return max(times) if times else None

    def closer_ids(self) -> frozenset[int]:
        """The closers whose calls are shared."""
        return frozenset(s.account.closer_id for s in self.states)


def _sync_all(agenda: Agenda) -> list[Any]:
    from closer_desk.store.sync import api

    return api.sync(agenda, timeout=TIMEOUT_S)


def _read_states(agenda: Agenda) -> tuple[State, ...]:
    from closer_desk.store.sync import api

    return tuple(api.states(agenda))


class SyncScheduler(QObject):
    """Runs the background sync and keeps its state.

    Signals:
        state_changed(SyncState): after each sync, set-up or resolution (the status bar).
        synced(list): the reports of a sync that went through (one per closer).
        conflicts_found(int): a sync left calls waiting for a choice (how many now).
    """

    state_changed = Signal(object)
    synced = Signal(object)
    conflicts_found = Signal(int)

    def __init__(
        self,
        source: AgendaSource,
        settings: QSettings | None = None,
        parent: QObject | None = None,
        *,
        after_change_ms: int = AFTER_CHANGE_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.state = SyncState()
        self._running = False
        self._again = False
        self._absorbing = False
        self.retry_ms = retry_ms
        minutes = DEFAULT_INTERVAL_MIN
        if settings is not None:
            try:
                minutes = int(str(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_MIN)))
            except (TypeError, ValueError):
                minutes = DEFAULT_INTERVAL_MIN
        self._interval_ms = max(0, minutes) * 60_000
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(after_change_ms)
        self.soon.timeout.connect(self.sync_now)

    # -- when -------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the state, then sync now and on the timer."""
        self._arm(self._interval_ms)
        self.reload(then_sync=True)

    def _arm(self, interval_ms: int) -> None:
        if interval_ms <= 0:
            self.timer.stop()
            return
        self.timer.start(interval_ms)

    def on_changes(self, changes: Changes) -> None:
        """A write was announced: the window's own change to a shared closer's calls is sent
        shortly after (what a sync itself wrote is not sent back)."""
        if self._absorbing or not self.state.synced:
            return
        shared = self.state.closer_ids()
        if changes.unknown or (changes.appointments and changes.call_closers & shared):
            self.sync_soon()
        elif changes.closers or changes.people():
            self.reload()  # a closer added or renamed: the names of the status bar

    def sync_soon(self) -> None:
        """Sync a moment from now (a few changes in a row go together)."""
        if self.state.synced:
            self.soon.start()

    def sync_now(self) -> None:
        """Sync every shared closer now (after the sync on the worker, if one is running)."""
        self.soon.stop()
        if self._running:
            self._again = True
            return
        if not self.state.synced:
            return
        self._running = True
        self._publish(running=True)
        self.source.write(self, _sync_all, self._done, self._failed)

    # -- what came back ---------------------------------------------------------------------
    def _absorb(self) -> None:
        # The door announces the sync's own Changes right after success/failure, in the same
        # call: ignore them (the turn of the event loop after that ends it).
        self._absorbing = True
        QTimer.singleShot(0, self, self._absorbed)

    def _absorbed(self) -> None:
        self._absorbing = False

    def _done(self, reports: list[Any]) -> None:
        self._absorb()
        self._running = False
        self._arm(self._interval_ms)
        stopped = [r for r in reports if r.stopped is not None]
        error = ""
        if stopped:
            held = sum(r.held for r in stopped)
            error = self.tr("Not sent: %n; ", "", held) + words.problem_text(stopped[0].stopped)
        self.state = SyncState(self.state.states, offline=False, error=error)
        self.synced.emit(reports)
        self.reload()
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._absorb()
        self._running = False
        offline = words.is_offline(error)
        # Offline: try again sooner; anything else waits for the usual interval (or a fix).
        self._arm(self.retry_ms if offline else self._interval_ms)
        self.state = SyncState(self.state.states, offline=offline, error=words.sync_error(error))
        self.reload()
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.soon.start()

    def reload(self, *, then_sync: bool = False) -> None:
        """Read the sync's state again (after a set-up, a resolution, a sync)."""

        def read(states: tuple[State, ...]) -> None:
            before = self.state.conflicts
            self.state = SyncState(
                states, self._running, self.state.offline, self.state.error if states else ""
            )
            self.state_changed.emit(self.state)
            if self.state.conflicts and self.state.conflicts != before:
                self.conflicts_found.emit(self.state.conflicts)
            if then_sync:
                self.sync_now()

        self.source.query(self, _read_states, read, lambda _error: None)

    def _publish(self, *, running: bool) -> None:
        self.state = SyncState(self.state.states, running, self.state.offline, self.state.error)
        self.state_changed.emit(self.state)
