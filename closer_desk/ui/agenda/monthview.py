"""The Month view: the weeks of a month as a grid of days, each listing its calls.

A day shows its number, its public holidays (the closer's, and the selected prospect's in
another colour) and its calls in time order as "10:00 Name" lines in the company's colour;
what does not fit is counted ("+2 more"). Clicking a call selects it, double-clicking opens
it, clicking a day's number or its "more" opens that day, double-clicking empty room in a day
asks for a new call on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from closer_desk.core import tz
from closer_desk.core.availability import zone_info
from closer_desk.core.day_marks import DayHolidays
from closer_desk.core.model import AgendaEntry, Status
from closer_desk.core.new_call import default_start
from closer_desk.ui.agenda.tooltips import drop_tooltip, show_tooltip
from closer_desk.ui.common import i18n, palette

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_HOLIDAY = (QColor("#c62828"), QColor("#ff8a80"))  # light, dark
_THEIR_HOLIDAY = (QColor("#8a5a00"), QColor("#ffd180"))


class MonthView(QWidget):
    """Weeks of days with their calls.

    Signals:
        selected(int): a call was clicked.
        activated(int): a call was double-clicked.
        day_chosen(object): a day's number (or its "more") was clicked: show that day.
        create_requested(object): empty room in a day was double-clicked (naive wall time).
        painted(): the month's first paint is done.
    """

    selected = Signal(int)
    activated = Signal(int)
    day_chosen = Signal(object)
    create_requested = Signal(object)
    painted = Signal()

    heading_height = 24

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.days: list[date] = []
        self.month = (clock().year, clock().month)
        self.zone = "UTC"
        self.week_start = 0
        self.by_day: dict[date, list[AgendaEntry]] = {}
        self.markers: Mapping[int, tuple[str, str]] = {}
        self.holidays: Mapping[date, DayHolidays] = {}
        self.selected_id: int | None = None
        self.paint_count = 0
        # What was drawn where at the last paint (calls, day numbers, "more").
        self.call_rects: list[tuple[QRectF, AgendaEntry]] = []
        self.day_rects: list[tuple[QRectF, date]] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(7 * 40, 200))

    # -- what to show ------------------------------------------------------------------------
    def set_week_start(self, weekday: int) -> None:
        """The first day of each row (Monday 0)."""
        self.week_start = weekday

    def set_days(self, days: Sequence[date], focus: date) -> None:
        """The days of the grid (whole weeks) and the day whose month it is."""
        self.days = list(days)
        self.month = (focus.year, focus.month)
        self.by_day = {}
        self.update()

    def set_entries(
        self,
        entries: Sequence[AgendaEntry],
        zone: str,
        markers: Mapping[int, tuple[str, str]] | None = None,
    ) -> None:
        """The calls, by day in ``zone`` (cancelled calls left out); ``markers`` gives
        closers' colours when several closers are shown."""
        self.zone = zone
        self.markers = markers or {}
        place = zone_info(zone)
        by_day: dict[date, list[AgendaEntry]] = {}
        for entry in sorted(entries, key=lambda e: e.appointment.start_utc):
            if entry.appointment.status == Status.CANCELLED:
                continue
            by_day.setdefault(entry.appointment.start.astimezone(place).date(), []).append(entry)
        self.by_day = by_day
        # Where the calls were painted, and a tooltip naming one, are the old page's.
        self.call_rects = []
        drop_tooltip(self)
        self.update()

    def shows(self, appointment_id: int) -> bool:
        """The call is on one of the days shown (cancelled calls are not)."""
        return any(e.appointment.id == appointment_id for d in self.by_day.values() for e in d)

    def set_holidays(self, holidays: Mapping[date, DayHolidays]) -> None:
        """The public holidays of the days shown."""
        self.holidays = holidays
        self.update()

    def select(self, appointment_id: int | None) -> None:
        """Highlight a call."""
        self.selected_id = appointment_id
        self.update()

    # -- geometry ----------------------------------------------------------------------------
    def cell_rect(self, index: int) -> QRectF:
        """The rectangle of the ``index``-th day of the grid."""
        rows = max(1, len(self.days) // 7)
        width = self.width() / 7
        height = (self.height() - self.heading_height) / rows
        row, column = divmod(index, 7)
        return QRectF(column * width, self.heading_height + row * height, width, height)

    def day_at(self, pos: QPointF) -> date | None:
        """The day under a point."""
        for i, day in enumerate(self.days):
            if self.cell_rect(i).contains(pos):
                return day
        return None

    def call_at(self, pos: QPointF) -> AgendaEntry | None:
        """The call line under a point (as last painted)."""
        return next((e for r, e in self.call_rects if r.contains(pos)), None)

    # -- input -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        entry = self.call_at(pos)
        if entry is not None:
            self.select(entry.appointment.id)
            self.selected.emit(entry.appointment.id)
            return
        day = next((d for r, d in self.day_rects if r.contains(pos)), None)
        if day is not None:
            self.day_chosen.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        entry = self.call_at(pos)
        if entry is not None:
            self.activated.emit(entry.appointment.id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.create_requested.emit(default_start(day, tz.convert(self._clock(), self.zone)))

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            show_tooltip(self, event.globalPos(), self.tooltip_at(QPointF(event.pos())))
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """The call under a point, or the day's holidays."""
        entry = self.call_at(pos)
        if entry is not None:
            a = entry.appointment
            mine = tz.convert(a.start, self.zone)
            theirs = tz.convert(a.start, entry.prospect_zone)
            return (
                f"{i18n.format_time(mine)} {entry.prospect_name}\n"
                f"{i18n.format_time(theirs)} {i18n.city(entry.prospect_zone)} · "
                f"{entry.company_name}"
            )
        day = self.day_at(pos)
        marks = self.holidays.get(day) if day is not None else None
        if marks is None:
            return ""
        lines = [marks.closer] if marks.closer else []
        if marks.prospect:
            lines.append(f"{marks.prospect_country}: {marks.prospect}")
        return "\n".join(lines)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()
        self.paint_count += 1
        if self.paint_count == 1:
            self.painted.emit()

    def _paint(self, painter: QPainter) -> None:
        dark = palette.is_dark()
        colors = palette.grid_colors(self.palette(), dark)
        painter.fillRect(self.rect(), colors.background)
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        bold = QFont(font)
        bold.setBold(True)
        metrics, small_metrics = QFontMetrics(font), QFontMetrics(small)
        line_h = small_metrics.height() + 2
        today = tz.convert(self._clock(), self.zone).date()
        width = self.width() / 7
        self.call_rects, self.day_rects = [], []
        # Weekday names over the columns.
        painter.fillRect(QRectF(0, 0, self.width(), self.heading_height), colors.alt_background)
        painter.setPen(colors.muted)
        painter.setFont(small)
        for column, day in enumerate(self.days[:7]):
            name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRectF(column * width, 0, width, self.heading_height),
                int(Qt.AlignmentFlag.AlignCenter),
                name,
            )
        for index, day in enumerate(self.days):
            cell = self.cell_rect(index)
            inside = (day.year, day.month) == self.month
            if not inside:
                painter.fillRect(cell, colors.off_hours)
            marks = self.holidays.get(day)
            if marks is not None and marks.closer:
                tint = QColor(_HOLIDAY[int(dark)])
                tint.setAlpha(30)
                painter.fillRect(cell, tint)
            painter.setPen(QPen(colors.line, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            # The day's number (a link to the day).
            painter.setFont(bold if day == today else font)
            ink = colors.text if inside else colors.muted
            painter.setPen(colors.today if day == today else ink)
            number = QRectF(cell.x() + 4, cell.y() + 2, cell.width() - 8, metrics.height())
            label = str(day.day) if day.day != 1 else i18n.format_day_month(day).split(" ", 1)[-1]
            painter.drawText(number, _LEFT, label)
            self.day_rects.append((QRectF(number.x(), number.y(), 40, number.height()), day))
            y = number.bottom() + 1
            painter.setFont(small)
            for text, color in self._holiday_lines(marks, dark):
                painter.setPen(color)
                elided = small_metrics.elidedText(
                    text, Qt.TextElideMode.ElideRight, int(cell.width() - 8)
                )
                painter.drawText(QRectF(cell.x() + 4, y, cell.width() - 8, line_h), _LEFT, elided)
                y += line_h
            self._paint_calls(painter, colors, small_metrics, cell, y, line_h, day)

    def _holiday_lines(self, marks: DayHolidays | None, dark: bool) -> list[tuple[str, QColor]]:
        if marks is None:
            return []
        lines = [(marks.closer, _HOLIDAY[int(dark)])] if marks.closer else []
        if marks.prospect:
            lines.append((f"{marks.prospect_country}: {marks.prospect}", _THEIR_HOLIDAY[int(dark)]))
        return lines

    def _paint_calls(
        self,
        painter: QPainter,
        colors: palette.GridColors,
        metrics: QFontMetrics,
        cell: QRectF,
        y: float,
        line_h: int,
        day: date,
    ) -> None:
        calls = self.by_day.get(day, [])
        room = int((cell.bottom() - y - 2) // line_h)
        shown = calls if len(calls) <= room else calls[: max(0, room - 1)]
        chosen = next((e for e in calls if e.appointment.id == self.selected_id), None)
        if chosen is not None and chosen not in shown and shown:
            # The selected call is on show (its details are beside it): in the last line.
            shown = [*shown[:-1], chosen]
        place = zone_info(self.zone)
        for entry in shown:
            a = entry.appointment
            line = QRectF(cell.x() + 3, y, cell.width() - 6, line_h - 1)
            faded = a.status in (Status.NO_SHOW, Status.DONE)
            block = palette.block_colors(entry.company_color, palette.is_dark(), faded=faded)
            painter.fillRect(line, block.fill)
            painter.fillRect(QRectF(line.x(), line.y(), 3, line.height()), block.border)
            text_x = line.x() + 6
            marker = self.markers.get(a.closer_id)
            if marker:
                painter.setBrush(QColor(marker[0]))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(QPointF(text_x + 3, line.center().y()), 3, 3)
                text_x += 9
            if a.id == self.selected_id:
                painter.setPen(QPen(block.border, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(line)
            painter.setPen(block.text)
            text = f"{i18n.format_time(a.start.astimezone(place))} {entry.prospect_name}"
            width = int(line.right() - text_x - 2)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(text_x, line.y(), width, line.height()), _LEFT, elided)
            self.call_rects.append((line, entry))
            y += line_h
        hidden = len(calls) - len(shown)
        if hidden:
            painter.setPen(colors.muted)
            more = QRectF(cell.x() + 4, y, cell.width() - 8, line_h)
            painter.drawText(more, _LEFT, self.tr("+%n more", "", hidden))
            self.day_rects.append((more, day))
