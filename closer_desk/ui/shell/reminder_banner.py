"""Reminders in the window itself: a band above the rooms, one line per call coming up, with
Open, Snooze (5, 10 or 15 minutes) and Dismiss.

It needs no system tray (many desktops have none, and the offscreen and Wayland platforms
often neither), never takes the keyboard from what the closer is typing, and stays until it
is answered. The times come from the scheduler's injected clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.ui.shell.reminders import Reminder, reminder_texts

#: The snoozes offered, in minutes.
SNOOZES = (5, 10, 15)


class ReminderLine(QFrame):
    """One reminder: what and when, and its three buttons.

    Attributes:
        reminder: the reminder shown.
        title, message: its two lines.
        open_button, snooze_button, dismiss_button: what the closer can answer.
    """

    def __init__(self, reminder: Reminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.title)
        texts.addWidget(self.message)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.snooze_button = QToolButton(self)
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            # A reminder never takes the keyboard from the field the closer is typing in.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(texts, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.snooze_button)
        layout.addWidget(self.dismiss_button)

    def show_texts(self, title: str, message: str) -> None:
        """Write the reminder's two lines."""
        self.title.setText(title)
        self.message.setText(message)


class ReminderBanner(QWidget):
    """The reminders due, shown above the rooms until they are answered (hidden when there are
    none).

    Signals:
        open_requested(int): show this call in the agenda.
        snoozed(object, int): remind of this ``Reminder`` again in so many minutes.
        dismissed(object): this ``Reminder`` was dismissed.
    """

    open_requested = Signal(int)
    snoozed = Signal(object, int)
    dismissed = Signal(object)

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._lines: dict[int, ReminderLine] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 4)
        self._layout.setSpacing(2)
        self.hide()

    def lines(self) -> list[ReminderLine]:
        """The reminders shown, oldest first."""
        return list(self._lines.values())

    def show_reminder(self, reminder: Reminder) -> ReminderLine:
        """Show a reminder that is due (a call's earlier reminder, if shown, is replaced)."""
        line = self._lines.get(reminder.appointment_id)
        if line is None:
            line = ReminderLine(reminder, self)
            self._lines[reminder.appointment_id] = line
            self._layout.addWidget(line)
            line.open_button.clicked.connect(lambda: self._open(line))
            line.dismiss_button.clicked.connect(lambda: self.dismiss(line))
            for minutes in SNOOZES:
                action = line.snooze_menu.addAction(self.tr("%n min", "", minutes))
                action.triggered.connect(lambda _checked=False, m=minutes: self.snooze(line, m))
        line.reminder = reminder
        line.show_texts(*reminder_texts(reminder, self._now()))
        self.show()
        return line

    def snooze(self, line: ReminderLine, minutes: int) -> None:
        """Put the reminder away for ``minutes``."""
        self._remove(line)
        self.snoozed.emit(line.reminder, minutes)

    def dismiss(self, line: ReminderLine) -> None:
        """Put the reminder away for good."""
        self._remove(line)
        self.dismissed.emit(line.reminder)

    def forget(self, appointment_id: int) -> None:
        """Take a call's reminder away (the call was cancelled, or opened)."""
        line = self._lines.get(appointment_id)
        if line is not None:
            self._remove(line)

    def keep_only(self, appointment_ids: frozenset[int]) -> None:
        """Take away the reminders of calls no longer coming (cancelled, moved away)."""
        for appointment_id in [i for i in self._lines if i not in appointment_ids]:
            self.forget(appointment_id)

    def _open(self, line: ReminderLine) -> None:
        self._remove(line)
        self.open_requested.emit(line.reminder.appointment_id)

    def _remove(self, line: ReminderLine) -> None:
        self._lines.pop(line.reminder.appointment_id, None)
        line.hide()
        line.deleteLater()
        self.setVisible(bool(self._lines))
