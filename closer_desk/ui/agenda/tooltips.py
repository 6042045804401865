"""The tooltips of the agenda's views, which name a call: gone when the calls are read again.

A tooltip stays up while the pointer rests; if the call it names moved meanwhile (a drag's
undo, the editor, another program's write), it would go on saying where the call was. The
views show their tooltips here, and drop theirs when they are handed a new page of calls.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip, QWidget

#: The widget whose tooltip is up (None: none of the views').
_owner: list[QWidget | None] = [None]


def show_tooltip(widget: QWidget, global_pos: QPoint, text: str) -> None:
    """Show ``text`` at ``global_pos`` for ``widget`` (hide any tooltip when it is empty)."""
    if text:
        QToolTip.showText(global_pos, text, widget)
        _owner[0] = widget
    else:
        QToolTip.hideText()
        _owner[0] = None


def drop_tooltip(widget: QWidget) -> None:
    """Hide the tooltip ``widget`` showed, if it is still up."""
    if _owner[0] is widget:
        if QToolTip.isVisible():
            QToolTip.hideText()
        _owner[0] = None
