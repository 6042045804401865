"""Callbacks for worker results that outlive the widget that asked for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from closer_desk.ui.common.tasks import TaskManager


def while_alive(owner: QObject, fn: Callable[[Any], Any]) -> Callable[[Any], None]:
    """``fn``, skipped once ``owner``'s C++ object is gone: a job may finish after its room
    was closed, and touching a deleted widget would raise in the event loop."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


class AliveRunner:
    """Mixin for a widget that queues work on its ``_tasks`` and must not be called back once
    deleted (put it before the Qt base: ``class Room(AliveRunner, QWidget)``)."""

    _tasks: TaskManager

    def _run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], Any],
        failed: Callable[[Any], Any] | None = None,
    ) -> None:
        """Run ``work`` on the worker; ``done``/``failed`` only if this widget still exists."""
        owner = cast(QObject, self)
        self._tasks.run(
            work, while_alive(owner, done), while_alive(owner, failed) if failed else None
        )
