"""The agenda room's views beside the details pane, and how wide the pane is.

The pane takes what the user wants of it (the width they dragged it to, or what a desk hosted
under the details needs), as long as the views stay readable; below that it gives way down to
its minimum, and the grid scrolls sideways (``core.calendar_views.pane_width``). Apart from the
room (``room.py``), which says how wide its current view must stay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from closer_desk.core import calendar_views

# The details pane's width before the user sets one.
PANE_WIDTH = 300


class ViewsAndPane(QSplitter):
    """The views on the left, the details pane on the right.

    Attributes:
        wanted: the pane's width the user (or a hosted desk) asked for.
    """

    def __init__(
        self,
        views: QWidget,
        pane: QWidget,
        views_minimum: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._pane = pane
        self._views_minimum = views_minimum
        self.wanted = PANE_WIDTH
        self.addWidget(views)
        self.addWidget(pane)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setCollapsible(0, False)
        self.setSizes([900, PANE_WIDTH])
        self.splitterMoved.connect(self._on_moved)

    def want(self, width: int) -> None:
        """Let the pane grow towards ``width`` pixels (never below what was wanted)."""
        self.wanted = max(self.wanted, width)
        self.fit()

    def fit(self) -> None:
        """Give the pane what is wanted of it as far as the views stay readable."""
        sizes = self.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0:
            return
        pane = calendar_views.pane_width(
            total, self.wanted, self._pane.minimumWidth(), self._views_minimum()
        )
        if pane != sizes[1]:
            self.setSizes([total - pane, pane])

    def _on_moved(self, _pos: int, _index: int) -> None:
        self.wanted = self.sizes()[1]
