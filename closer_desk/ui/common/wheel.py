"""The mouse wheel scrolls what is under it, and changes a choice only where the user is typing.

Qt's combo and spin boxes take the wheel whenever the pointer is over them: scrolling the desk
over its Temperature box turned Warm into Cold, and saved it. One filter on the application
(installed by ``app.py``) makes every combo box, spin box and date field in the window take the
wheel only when it has the keyboard focus; otherwise the wheel goes on to what holds it (the
desk's scroll area, a dialog's list), and the wheel never gives them the focus either.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


def _focused(widget: QWidget) -> bool:
    """The widget or its own line edit (an editable combo's) has the keyboard focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class WheelGuard(QObject):
    """Keeps the wheel away from combo and spin boxes that do not have the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL and isinstance(watched, _GUARDED) and not _focused(watched):
            # Handled here but not accepted: Qt hands the wheel on to the parent.
            event.ignore()
            return True
        if kind == _POLISH and isinstance(watched, QWidget):
            _steady(watched)
        return False


def _steady(widget: QWidget) -> None:
    """A guarded box the wheel no longer gives the keyboard focus to."""
    if isinstance(widget, _GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Guard every combo and spin box of ``app`` (once: the guard is a child of ``app``),
    those that exist already included.

    ``app.py`` installs it once the window's first page is painted: a Python filter on the
    application sees every event, and the first event of each Qt class through it makes
    PySide build that class's Python type (about 50 ms for the classes of the window's first
    page, none of which can be turned by a wheel before they are on screen).
    """
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        if isinstance(app, QApplication):
            for widget in app.allWidgets():
                _steady(widget)
    return guard
