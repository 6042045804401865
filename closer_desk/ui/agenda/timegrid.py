"""Day and Week views: a time grid in the closer's zone with a second scale in another zone.

Calls are coloured blocks by company showing the prospect's local time; a red line marks now.
Dragging a block moves it, dragging its lower edge resizes it, double-clicking empty time asks
for a new call. The grid only reports what the user did (signals with naive wall times in the
closer's zone); the window checks DST gaps and conflicts exactly as the CLI does.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from closer_desk.core import tz
from closer_desk.core.errors import CloserDeskError
from closer_desk.core.model import AgendaEntry, Status, WeeklyHours
from closer_desk.core.overlap import side_by_side
from closer_desk.ui.common import i18n, palette

SNAP = 15
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
DAY_MINUTES = 24 * 60


class Drag(enum.Enum):
    """What dragging a block does: its body moves the call, its lower edge resizes it."""

    MOVE = enum.auto()
    RESIZE = enum.auto()


@dataclass
class Block:
    """Where one call sits in the grid (minutes of the closer's wall clock)."""

    entry: AgendaEntry
    day_index: int
    start: int
    end: int
    title: str
    subtitle: str
    column: int = 0
    columns: int = 1


class TimeGrid(QAbstractScrollArea):
    """The Day (one column) and Week (seven columns) views.

    Signals:
        selected(int): a call was clicked.
        activated(int): a call was double-clicked (open it in the editor).
        move_requested(int, object, int): a call was dragged to a naive wall start (closer's
            zone) with a length in minutes.
        create_requested(object): empty time was double-clicked (naive wall start).
    """

    selected = Signal(int)
    activated = Signal(int)
    move_requested = Signal(int, object, int)
    create_requested = Signal(object)

    header_height = 46
    gutter_width = 64

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.days: list[date] = [clock().date()]
        self.zone = "UTC"
        self.second_zone: str | None = None
        self.hours: WeeklyHours | None = None
        self.hour_height = 64
        self.blocks: list[Block] = []
        self.selected_id: int | None = None
        self._drag: tuple[Block, Drag, QPointF] | None = None
        self._ghost: tuple[int, int, int] | None = None
        self._dark = palette.is_dark()
        self._color_cache: dict[
            tuple[str, bool, bool], tuple[QColor, QPen, QColor, QColor, QPen]
        ] = {}
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(self.hour_height // 4)
        self.paint_count = 0
        #: A dot in a block's corner, per call id (the shell puts the invite's state there).
        self.marks: dict[int, QColor] = {}
        self._update_scroll_range()

    # -- what to show ----------------------------------------------------------------------
    def set_zones(self, zone: str, second_zone: str | None) -> None:
        """The closer's zone (the grid) and the second scale's zone (None hides it)."""
        self.zone = zone
        self.second_zone = second_zone if second_zone and second_zone != zone else None
        self.viewport().update()

    def set_days(self, days: Sequence[date]) -> None:
        """The columns: one day or a week."""
        self.days = list(days)
        self.blocks = []
        self.viewport().update()

    def set_hours(self, hours: WeeklyHours | None) -> None:
        """The closer's working hours (time outside them is shaded)."""
        self.hours = hours
        self.viewport().update()

    def set_entries(self, entries: Sequence[AgendaEntry]) -> None:
        """Lay out the calls of the visible days (cancelled calls are not drawn)."""
        index = {d: i for i, d in enumerate(self.days)}
        blocks: list[Block] = []
        pattern = QCoreApplication.translate("TimeGrid", "%1 %2 · %3")  # once, not per call
        for entry in entries:
            a = entry.appointment
            if a.status == Status.CANCELLED:
                continue
            local = tz.convert(a.start, self.zone)
            day_index = index.get(local.date())
            if day_index is None:
                continue
            start = local.hour * 60 + local.minute
            end = min(DAY_MINUTES, start + a.minutes)
            theirs = tz.convert(a.start, entry.prospect_zone)
            title = f"{i18n.format_time(local)} {entry.prospect_name}"
            # The prospect's local time first: it is what the closer says on the phone.
            subtitle = (
                pattern.replace("%1", i18n.format_time(theirs))
                .replace("%2", i18n.city(entry.prospect_zone))
                .replace("%3", entry.company_name)
            )
            blocks.append(Block(entry, day_index, start, max(end, start + 10), title, subtitle))
        self.blocks = _columns(blocks)
        self._ghost = None
        self.viewport().update()

    def set_marks(self, marks: dict[int, QColor]) -> None:
        """Dots in the corner of these calls' blocks (others: none)."""
        self.marks = marks
        self.viewport().update()

    def drop_ghost(self) -> None:
        """Forget where a call was dragged to (the move was refused: it stays where it is)."""
        self._ghost = None
        self.viewport().update()

    def select(self, appointment_id: int | None) -> None:
        """Highlight a call."""
        self.selected_id = appointment_id
        self.viewport().update()

    def scroll_to_minutes(self, minutes: int) -> None:
        """Scroll so that ``minutes`` past midnight is near the top."""
        self.verticalScrollBar().setValue(int(minutes * self.hour_height / 60))

    # -- geometry (public so tests can aim) --------------------------------------------------
    def _left(self) -> int:
        return self.gutter_width * (2 if self.second_zone else 1)

    def column_width(self) -> float:
        """The width of one day's column."""
        return max(1.0, (self.viewport().width() - self._left()) / max(1, len(self.days)))

    def y_of(self, minutes: float) -> float:
        """The viewport y of a minute of the closer's day."""
        return (
            self.header_height + minutes * self.hour_height / 60 - self.verticalScrollBar().value()
        )

    def x_of(self, day_index: int) -> float:
        """The viewport x where a day's column starts."""
        return self._left() + day_index * self.column_width()

    def point_at(self, day_index: int, minutes: float) -> QPoint:
        """A viewport point inside a day's column at a minute of the day."""
        return QPoint(int(self.x_of(day_index) + self.column_width() / 2), int(self.y_of(minutes)))

    def slot_at(self, pos: QPointF | QPoint) -> tuple[int, int] | None:
        """The (day index, minutes) under a viewport point, or None outside the grid."""
        if pos.x() < self._left() or pos.y() < self.header_height:
            return None
        day_index = int((pos.x() - self._left()) // self.column_width())
        if not 0 <= day_index < len(self.days):
            return None
        minutes = (
            (pos.y() - self.header_height + self.verticalScrollBar().value())
            * 60
            / self.hour_height
        )
        return day_index, int(max(0, min(DAY_MINUTES - 1, minutes)))

    def block_rect(self, block: Block) -> QRectF:
        """The viewport rectangle of a block."""
        width = self.column_width() / block.columns
        x = self.x_of(block.day_index) + block.column * width
        top = self.y_of(block.start)
        return QRectF(x + 1, top + 1, width - 3, self.y_of(block.end) - top - 2)

    def block_of(self, appointment_id: int) -> Block | None:
        """The block of a call, if it is in view."""
        return next((b for b in self.blocks if b.entry.appointment.id == appointment_id), None)

    def block_at(self, pos: QPointF | QPoint) -> Block | None:
        """The block under a viewport point."""
        point = QPointF(pos)
        for block in reversed(self.blocks):
            if self.block_rect(block).contains(point):
                return block
        return None

    def wall_time(self, day_index: int, minutes: int) -> datetime:
        """The naive wall time (closer's zone) of a grid position."""
        day = self.days[day_index]
        return datetime(day.year, day.month, day.day) + timedelta(minutes=minutes)

    # -- Qt plumbing -----------------------------------------------------------------------
    def _update_scroll_range(self) -> None:
        content = DAY_MINUTES * self.hour_height // 60 + self.header_height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, content - self.viewport().height()))
        bar.setPageStep(self.viewport().height())

    def changeEvent(self, event: QEvent) -> None:
        # Follow the system when it switches between light and dark.
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ThemeChange,
        ):
            self._dark = palette.is_dark()
            self._color_cache.clear()
            self.viewport().update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scroll_range()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            # The context menu acts on the call under the pointer: select it first.
            if (under := self.block_at(event.position())) is not None:
                self.select(under.entry.appointment.id)
                self.selected.emit(under.entry.appointment.id)
            return super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        block = self.block_at(pos)
        if block is None:
            return
        self.select(block.entry.appointment.id)
        self.selected.emit(block.entry.appointment.id)
        if block.entry.appointment.status in (Status.PLANNED, Status.CONFIRMED):
            mode = Drag.RESIZE if pos.y() > self.block_rect(block).bottom() - 6 else Drag.MOVE
            self._drag = (block, mode, pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is None:
            block = self.block_at(pos)
            near_edge = block is not None and pos.y() > self.block_rect(block).bottom() - 6
            self.viewport().setCursor(
                Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor
            )
            return
        block, mode, origin = self._drag
        delta = _snap((pos.y() - origin.y()) * 60 / self.hour_height)
        if mode == Drag.RESIZE:
            end = max(block.start + SNAP, min(DAY_MINUTES, block.end + delta))
            self._ghost = (block.day_index, block.start, end)
        else:
            slot = self.slot_at(
                QPointF(max(pos.x(), self._left() + 1), max(pos.y(), self.header_height))
            )
            day_index = slot[0] if slot else block.day_index
            length = block.end - block.start
            start = max(0, min(DAY_MINUTES - length, block.start + delta))
            self._ghost = (day_index, start, start + length)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        block, mode, _ = self._drag
        self._drag = None
        ghost = self._ghost
        if ghost is None or ghost == (block.day_index, block.start, block.end):
            self._ghost = None
            self.viewport().update()
            return
        day_index, start, end = ghost
        minutes = end - start if mode == Drag.RESIZE else block.entry.appointment.minutes
        self.move_requested.emit(
            block.entry.appointment.id, self.wall_time(day_index, start), minutes
        )

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            block = self.block_at(event.pos())
            if block is not None:
                QToolTip.showText(
                    event.globalPos(), f"{block.title}\n{block.subtitle}", self.viewport()
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        block = self.block_at(pos)
        if block is not None:
            self.activated.emit(block.entry.appointment.id)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.create_requested.emit(self.wall_time(slot[0], _snap_down(slot[1])))

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            self._paint(painter)
        finally:
            painter.end()
        self.paint_count += 1

    def _paint(self, painter: QPainter) -> None:
        colors = palette.grid_colors(self.palette(), self._dark)
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(0, 0, width, height, colors.background)
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        left = self._left()
        col = self.column_width()
        # Off hours shading, per day.
        if self.hours is not None:
            for i, day in enumerate(self.days):
                intervals = self.hours.on(day.weekday())
                x = self.x_of(i)
                painter.fillRect(
                    QRectF(x, self.y_of(0), col, self.y_of(DAY_MINUTES) - self.y_of(0)),
                    colors.off_hours,
                )
                for interval in intervals:
                    top = self.y_of(interval.start)
                    painter.fillRect(
                        QRectF(x, top, col, self.y_of(interval.end) - top), colors.background
                    )
        # Hour lines and the closer's scale.
        painter.setFont(small)
        metrics = QFontMetrics(small)
        second_labels = self._second_labels()
        for hour in range(25):
            y = self.y_of(hour * 60)
            if y < self.header_height - 1 or y > height + self.hour_height:
                continue
            painter.setPen(QPen(colors.line, 1))
            painter.drawLine(QPointF(left, y), QPointF(width, y))
            painter.setPen(QPen(colors.half_line, 1, Qt.PenStyle.DotLine))
            half = self.y_of(hour * 60 + 30)
            if hour < 24:
                painter.drawLine(QPointF(left, half), QPointF(width, half))
            # Labels are centred on their line: skip those the fixed header would cut.
            if hour == 0 or hour == 24 or y - metrics.height() / 2 < self.header_height:
                continue
            painter.setPen(colors.muted)
            label = i18n.format_time(datetime(2000, 1, 1, hour, 0))
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, self.gutter_width - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            if hour in second_labels:
                painter.drawText(
                    QRectF(
                        self.gutter_width,
                        y - metrics.height() / 2,
                        self.gutter_width - 6,
                        metrics.height(),
                    ),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    second_labels[hour],
                )
        # Day separators.
        painter.setPen(QPen(colors.line, 1))
        for i in range(len(self.days) + 1):
            x = self.x_of(i)
            painter.drawLine(QPointF(x, self.header_height), QPointF(x, height))
        if self.second_zone:
            painter.drawLine(
                QPointF(self.gutter_width, self.header_height), QPointF(self.gutter_width, height)
            )
        # Calls.
        painter.setFont(font)
        self._paint_blocks(painter, font, small)
        if self._ghost is not None:
            day_index, start, end = self._ghost
            rect = QRectF(
                self.x_of(day_index) + 1,
                self.y_of(start),
                col - 3,
                self.y_of(end) - self.y_of(start),
            )
            painter.setPen(QPen(colors.today, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setFont(small)
            painter.drawText(
                rect.adjusted(4, 2, -2, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                i18n.format_time(datetime(2000, 1, 1) + timedelta(minutes=start)),
            )
        self._paint_now(painter, colors)
        self._paint_header(painter, colors, font, small)

    def _second_labels(self) -> dict[int, str]:
        if not self.second_zone or not self.days:
            return {}
        day = self.days[0]
        labels = {}
        for hour in range(1, 24):
            try:
                instant = tz.localize(datetime(day.year, day.month, day.day, hour), self.zone)
            except CloserDeskError:
                continue
            labels[hour] = i18n.format_time(tz.convert(instant, self.second_zone))
        return labels

    def _paint_blocks(self, painter: QPainter, font: QFont, small: QFont) -> None:
        # The hot loop of a week switch (300 calls): geometry is inlined, colours come
        # ready-made, and text is elided only when a cheap estimate says it may not fit.
        bold = QFont(font)
        bold.setBold(True)
        title_metrics, small_metrics = QFontMetrics(bold), QFontMetrics(small)
        title_h, small_h = title_metrics.height(), small_metrics.height()
        title_char, small_char = title_metrics.maxWidth() * 0.6, small_metrics.maxWidth() * 0.6
        narrowest = max(2.0, small_metrics.horizontalAdvance("i"))
        col = self.column_width()
        left = self._left()
        scale = self.hour_height / 60
        top0 = self.header_height - self.verticalScrollBar().value()
        height = self.viewport().height()
        selected = self.selected_id
        marks = self.marks
        elide = Qt.TextElideMode.ElideRight
        placed = []
        for block in self.blocks:
            top = top0 + block.start * scale + 1
            bottom = top0 + block.end * scale - 1
            if bottom < self.header_height or top > height:
                continue
            colors = self._colors(block)
            width = col / block.columns
            x = left + block.day_index * col + block.column * width + 1
            painter.setPen(colors[4] if block.entry.appointment.id == selected else colors[1])
            painter.setBrush(colors[0])
            painter.drawRoundedRect(QRectF(x, top, width - 3, bottom - top), 4, 4)
            painter.fillRect(QRectF(x, top, 4, bottom - top), colors[1].color())
            mark = marks.get(block.entry.appointment.id) if marks else None
            if mark is not None and width > 16 and bottom - top > 10:
                painter.save()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawEllipse(QRectF(x + width - 12, top + 3, 6, 6))
                painter.restore()
            if width > 21:
                placed.append((block, colors, x + 7, top + 2, width - 13, bottom))
        # Text in two passes, so fonts and pens change a few times rather than per call.
        # Narrow blocks are clipped by drawText; eliding pays off only where "…" has room.
        pen = None
        painter.setFont(bold)
        for block, colors, x, top, text_w, _bottom in placed:
            # Narrow week columns show the name alone: the block's place already says the time.
            title = block.title if text_w > 200 else block.entry.prospect_name
            if len(title) * title_char > text_w:
                title = (
                    title_metrics.elidedText(title, elide, int(text_w))
                    if text_w > 60
                    else title[: int(text_w / narrowest) + 1]  # shaping clipped text costs too
                )
            if colors[2] is not pen:
                pen = colors[2]
                painter.setPen(pen)
            painter.drawText(QRectF(x, top, text_w, title_h), _TOP_LEFT, title)
        painter.setFont(small)
        for block, colors, x, top, text_w, bottom in placed:
            if top + title_h + small_h > bottom:
                continue
            subtitle = block.subtitle
            if len(subtitle) * small_char > text_w:
                subtitle = (
                    small_metrics.elidedText(subtitle, elide, int(text_w))
                    if text_w > 60
                    else subtitle[: int(text_w / narrowest) + 1]
                )
            if colors[3] is not pen:
                pen = colors[3]
                painter.setPen(pen)
            painter.drawText(QRectF(x, top + title_h, text_w, small_h), _TOP_LEFT, subtitle)

    def _colors(self, block: Block) -> tuple[QColor, QPen, QColor, QColor, QPen]:
        """Fill, border pen, text, muted text and selected border pen of a block (cached)."""
        faded = block.entry.appointment.status in (Status.NO_SHOW, Status.DONE)
        key = (block.entry.company_color, faded, self._dark)
        found = self._color_cache.get(key)
        if found is None:
            c = palette.block_colors(key[0], self._dark, faded=faded)
            found = (c.fill, QPen(c.border, 1), c.text, c.muted, QPen(c.border, 2.5))
            self._color_cache[key] = found
        return found

    def _paint_now(self, painter: QPainter, colors: palette.GridColors) -> None:
        now = tz.convert(self._clock(), self.zone)
        if now.date() not in self.days:
            return
        i = self.days.index(now.date())
        y = self.y_of(now.hour * 60 + now.minute)
        if y < self.header_height:
            return
        painter.setPen(QPen(colors.now, 2))
        painter.drawLine(QPointF(self._left(), y), QPointF(self.viewport().width(), y))
        painter.setBrush(colors.now)
        painter.drawEllipse(QPointF(self.x_of(i) + 1, y), 4, 4)

    def _paint_header(
        self, painter: QPainter, colors: palette.GridColors, font: QFont, small: QFont
    ) -> None:
        width = self.viewport().width()
        painter.fillRect(QRectF(0, 0, width, self.header_height), colors.alt_background)
        painter.setPen(QPen(colors.line, 1))
        painter.drawLine(
            QPointF(0, self.header_height - 0.5), QPointF(width, self.header_height - 0.5)
        )
        today = tz.convert(self._clock(), self.zone).date()
        bold = QFont(font)
        bold.setBold(True)
        for i, day in enumerate(self.days):
            rect = QRectF(self.x_of(i), 0, self.column_width(), self.header_height)
            painter.setFont(bold if day == today else font)
            painter.setPen(colors.today if day == today else colors.text)
            text = (
                i18n.format_date(day, long=True)
                if len(self.days) == 1
                else i18n.format_day_header(day)
            )
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.setFont(small)
        painter.setPen(colors.muted)
        metrics = QFontMetrics(small)
        gutters = [(0, self.zone)] + (
            [(self.gutter_width, self.second_zone)] if self.second_zone else []
        )
        for x, zone_name in gutters:
            label = metrics.elidedText(
                i18n.city(zone_name), Qt.TextElideMode.ElideRight, self.gutter_width - 6
            )
            painter.drawText(
                QRectF(x, 0, self.gutter_width - 4, self.header_height - 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                label,
            )


def _snap(minutes: float) -> int:
    return round(minutes / SNAP) * SNAP


def _snap_down(minutes: int) -> int:
    return minutes - minutes % SNAP


def _columns(blocks: list[Block]) -> list[Block]:
    """The blocks by day and start, each in its column beside the calls it overlaps."""
    blocks.sort(key=lambda b: (b.day_index, b.start, b.end))
    for block, (column, columns) in zip(
        blocks, side_by_side([(b.day_index, b.start, b.end) for b in blocks]), strict=True
    ):
        block.column, block.columns = column, columns
    return blocks
