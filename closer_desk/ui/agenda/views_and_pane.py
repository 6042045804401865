"""The agenda room's views beside the details pane, and how wide the pane is.

The pane takes what the user wants of it (the width they dragged it to, or what a desk hosted
under the details needs), as long as the views stay readable; below that it gives way down to
its minimum, and the grid scrolls sideways (``core.calendar_views.pane_width``). On a small
window the user can also fold the pane away (drag it to the window's edge, or View > Details
pane) and give the whole width to the views; it stays folded, whatever is selected, until
they unfold it. The views never get narrower than ``VIEWS_MINIMUM``, however far the pane is
dragged. Apart from the room (``room.py``), which says how wide its current view must stay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from closer_desk.core import calendar_views

# The details pane's width before the user sets one.
PANE_WIDTH = 300
# The narrowest the views get when the pane is dragged wide: a day or three still readable.
VIEWS_MINIMUM = 360


class ViewsAndPane(QSplitter):
    """The views on the left, the details pane on the right.

    Attributes:
        wanted: the pane's width the user (or a hosted desk) asked for.
        folded: the user folded the pane away (it has no width until unfolded).

    Signals:
        folded_changed(bool): the pane was folded away (True) or unfolded (False).
    """

    folded_changed = Signal(bool)

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
        self.folded = False
        views.setMinimumWidth(VIEWS_MINIMUM)
        self.addWidget(views)
        self.addWidget(pane)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setCollapsible(0, False)
        self.setCollapsible(1, True)
        self.setSizes([900, PANE_WIDTH])
        self.splitterMoved.connect(self._on_moved)

    def want(self, width: int) -> None:
        """Let the pane grow towards ``width`` pixels (never below what was wanted)."""
        self.wanted = max(self.wanted, width)
        self.fit()

    def set_folded(self, folded: bool) -> None:
        """Fold the pane away (the views take the whole width) or bring it back."""
        if folded == self.folded:
            return
        self.folded = folded
        if folded:
            self.setSizes([sum(self.sizes()), 0])
        self.fit()
        self.folded_changed.emit(folded)

    def fit(self) -> None:
        """Give the pane what is wanted of it as far as the views stay readable."""
        sizes = self.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0 or self.folded:
            return
        # Never more than leaves the views their minimum, whatever was wanted.
        minimum = self._pane.minimumWidth()
        pane = max(
            minimum,
            min(
                total - VIEWS_MINIMUM,
                calendar_views.pane_width(total, self.wanted, minimum, self._views_minimum()),
            ),
        )
        if pane != sizes[1]:
            self.setSizes([total - pane, pane])

    def _on_moved(self, _pos: int, _index: int) -> None:
        width = self.sizes()[1]
        if width == 0:
            # Dragged against the edge: folded, until the user brings it back.
            if not self.folded:
                self.folded = True
                self.folded_changed.emit(True)
            return
        self.wanted = width
        if self.folded:
            self.folded = False
            self.folded_changed.emit(False)
