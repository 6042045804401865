"""Python's cyclic garbage collector, run on the GUI thread only (after qutebrowser's
``GarbageCollector``).

Left to itself, the collector runs in whichever thread happens to allocate when a generation
fills up: often the window's worker, in the middle of a job. A cycle it frees there may hold
the last reference to a Qt object (an icon, a list item, a wrapper of a widget) whose C++ side
the GUI thread is using at that very moment, with the GIL released inside Qt: the process
crashes, rarely and far from the cause. So automatic collection is switched off and a timer on
the GUI thread collects the generations that are due, as the collector itself would have.
Reference counting, which frees almost everything, is not affected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the generations' counts (a cheap check).
INTERVAL_MS = 100


def collect_due() -> None:
    """Collect the oldest generation whose count passed its threshold, if any (the same
    choice the automatic collector makes)."""
    thresholds, counts = gc.get_threshold(), gc.get_count()
    for generation in reversed(range(len(thresholds))):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


class GuiThreadCollector(QObject):
    """Switches automatic collection off and collects on this (the GUI) thread instead, for
    as long as it lives.

    ``running=False`` switches collection off at once but collects only from ``start()`` on
    (the window starts it once its first page is painted: no collection during start-up).
    """

    def __init__(self, parent: QObject | None = None, *, running: bool = True) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        if running:
            self._timer.start()
        self.destroyed.connect(_enable)

    def start(self) -> None:
        """Collect the due generations from now on (every ``INTERVAL_MS``)."""
        if not self._timer.isActive():
            self._timer.start()

    def running(self) -> bool:
        """Whether the due generations are being collected."""
        return self._timer.isActive()


def _enable() -> None:
    gc.enable()
