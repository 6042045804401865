"""Bare keys belong to the field being typed in.

The agenda's one-key shortcuts (T, D, W, L, arrows, Page Up/Down, Return, Delete) are window
shortcuts. Qt's text fields claim most of them while they have the focus, but not all (Return
in a line edit opened the selected call instead of finishing the search; Page Up/Down in a
text box paged the agenda), and a spin box or an editable combo claims fewer. While a text
field has the focus, every key pressed without Ctrl, Alt or Meta goes to the field.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_text_field(widget: QObject | None) -> bool:
    """A widget the user types text into (a read-only one included: it selects and scrolls
    with the keys)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


class TextFieldKeys(QObject):
    """While a text field of ``window`` has the focus, a key without Ctrl, Alt or Meta reaches
    it, never a shortcut (Escape aside: it still closes dialogs and leaves the search; and
    F1... which type nothing).

    Only the focused field is watched (its filter is moved with the focus): the rest of the
    window's events never pass through Python for this.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        watched = self._watched
        if watched is not None and shiboken6.isValid(watched):  # (it may be gone)
            watched.removeEventFilter(self)
        self._watched = None
        if new is not None and is_text_field(new) and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & _CHORD
            and event.key() != Qt.Key.Key_Escape
            and not Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35  # (they never type)
        ):
            event.accept()  # the key is delivered to the field as a key press
        return False
