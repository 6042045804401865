"""Callbacks for worker results that outlive the widget that asked for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[[Any], Any]) -> Callable[[Any], None]:
    """``fn``, skipped once ``owner``'s C++ object is gone: a job may finish after its room
    was closed, and touching a deleted widget would raise in the event loop."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call
