"""Running slow work off the GUI thread (after Anki's ``taskman``).

All database work the window starts goes through one ``TaskManager``: a single worker thread
runs the jobs in order (so writes are serialised), and results come back to the GUI thread
through signals. Jobs never touch widgets. Rooms do not call it: they go through the one door,
``ui.common.source.AgendaSource``, which runs here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
#: What a job's answer is handed to on the GUI thread.
Deliver = Callable[[object], None]
Fail = Callable[[BaseException], object]


class _Relay(QObject):
    """Carries one job's result back to the thread that owns it (the GUI thread)."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.job_id = job_id
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the caller (its traceback with it)
            self.relay.failed.emit(self.job_id, exc)
        else:
            self.relay.succeeded.emit(self.job_id, result)


class TaskManager(QObject):
    """Runs callables on one worker thread, one at a time, and calls back on the GUI thread.

    Signals:
        busy_changed(bool): True while at least one job is queued or running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Deliver | None, Fail | None]] = {}

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        on_error: Fail | None = None,
    ) -> int:
        """Queue ``fn``; ``on_done(result)`` or ``on_error(exc)`` run later on this thread."""
        job_id = next(self._ids)

        def deliver(result: object) -> None:
            if on_done is not None:
                on_done(cast(T, result))  # the result of fn, carried as an object by Qt

        self._callbacks[job_id] = (deliver, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, fn, self._relay))
        return job_id

    def wait(self, msecs: int = -1) -> bool:
        """Block until the queue is empty (shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def is_busy(self) -> bool:
        """True while jobs are pending."""
        return bool(self._callbacks)

    @Slot(int, object)
    def _on_succeeded(self, job_id: int, result: object) -> None:
        on_done, _ = self._finish(job_id)
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        _, on_error = self._finish(job_id)
        if on_error is not None:
            on_error(exc)
        else:
            raise exc

    def _finish(self, job_id: int) -> tuple[Deliver | None, Fail | None]:
        callbacks = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks
