"""A date and time as typed: ``2027-03-28 02:30``, the command line's format.

A wall time with no zone attached: the editor reads it in the zone the call is agreed in
(``core.booking_checks.resolve``), never in this machine's, so 02:30 on a night the clocks
jump here or there is kept as typed and the editor asks which instant it means. It is a plain
text field (click anywhere, select all, type), with a calendar to pick the day and the arrow
keys to step it: Up/Down 15 minutes, Page Up/Down a day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from closer_desk.core import parse
from closer_desk.core.errors import ValidationError
from closer_desk.core.timerange import FIRST_YEAR, LAST_YEAR
from closer_desk.ui.common import i18n

FORMAT = "%Y-%m-%d %H:%M"
STEP_MINUTES = 15


class _Line(QLineEdit):
    stepped = Signal(object)  # a timedelta

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: timedelta(minutes=STEP_MINUTES),
            Qt.Key.Key_Down: timedelta(minutes=-STEP_MINUTES),
            Qt.Key.Key_PageUp: timedelta(days=1),
            Qt.Key.Key_PageDown: timedelta(days=-1),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
        else:
            self.stepped.emit(step)


class WallTimeEdit(QWidget):
    """A naive date and time typed as ``YYYY-MM-DD HH:MM`` (years 1900 to 2199).

    Attributes:
        line: the text field.
        calendar_button: opens a month to pick the day (the time is kept).

    Signals:
        changed(): the text changed (it may not be a date and time yet).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = _Line(self)
        self.line.setPlaceholderText("2027-03-28 14:30")
        self.line.setMaxLength(40)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick the day"))
        self.calendar_button.setAccessibleName(self.tr("Pick the day"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        i18n.follow_formats(self.calendar)  # the week starting on the chosen day
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_day)
        self.calendar_button.setMenu(menu)
        self.calendar.clicked.connect(lambda day: self._pick_day(i18n.pydate(day), menu))
        self.calendar.activated.connect(lambda day: self._pick_day(i18n.pydate(day), menu))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(lambda _text: self.changed.emit())
        self.line.stepped.connect(self._step)

    def wall(self) -> datetime | None:
        """The naive date and time typed, or None while it is not one (in the years taken)."""
        try:
            return parse.parse_wall_time(self.line.text())
        except ValidationError:
            return None

    def set_wall(self, wall: datetime) -> None:
        """Show ``wall`` (naive)."""
        self.line.setText(wall.strftime(FORMAT))

    def _step(self, step: timedelta) -> None:
        wall = self.wall()
        if wall is None:
            return
        moved = wall + step  # naive: a step of the wall clock, DST is the editor's question
        if FIRST_YEAR <= moved.year <= LAST_YEAR:
            self.set_wall(moved)

    def _show_day(self) -> None:
        wall = self.wall()
        if wall is not None:
            self.calendar.setSelectedDate(i18n.qdate(wall.date()))

    def _pick_day(self, day: date, menu: QMenu) -> None:
        wall = self.wall() or datetime(day.year, day.month, day.day, 9, 0)
        self.set_wall(datetime.combine(day, wall.time()))
        menu.hide()
        self.line.setFocus()
