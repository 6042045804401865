"""Work-arounds for the Qt binding, in one place.

PySide6 6.12.0's ``abi3`` wheels hand ``None`` back from every void method (``QPainter.fillRect``,
``QWidget.update``...) and ``True`` back from ``Signal.emit`` without taking a new reference.
On CPython 3.12+ these objects are immortal and nothing happens; on 3.11 each call lowers their
reference count by one, and after some 30,000 calls (a minute of painting the agenda) the
interpreter aborts with "Fatal Python error: none_dealloc" (or ``bool_dealloc``). Until the
binding is fixed or the project moves to Python 3.12, their counts are raised once, far beyond
anything a session can use up.
"""

from __future__ import annotations

import sys

#: Enough references for ~10^12 void calls: a session never gets there.
_BALLAST = 1 << 40


def keep_none_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on CPython < 3.12 (no-op
    elsewhere; idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt comes first
        if refcount.value < _BALLAST:
            refcount.value += _BALLAST
