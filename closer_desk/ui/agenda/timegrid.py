"""Day and Week views: a time grid in one zone with a second scale in another zone.

The grid's columns are days (the Day, Work week and Week views), or one day of several
closers side by side (the assistant's Day view). Its rows are the wall clock of one zone, the
closer's: calls of closers elsewhere sit at the instants they happen, and each such column
marks its own clock's hours and shades its closer's own working hours.

Calls are coloured blocks by company showing the prospect's local time; imported busy time is
hatched under them with its calendar's name; a red line marks now; day headers name public
holidays. Dragging a block moves it (with Ctrl held, a copy of it), dragging its lower edge
resizes it, double-clicking empty time asks for a new call; Tab, Shift+Tab and the Up/Down
arrows go from call to call. The grid only reports what the user did (signals with naive wall
times in the grid's zone); the window checks DST gaps and conflicts exactly as the CLI does.

This module is the widget: its state, its geometry (where a minute, a column, a block is), the
pointer, the keys and the signals. The calls laid out into blocks are in ``grid_blocks``, the
painting in ``grid_paint``, the day's picture behind the calls in ``grid_background``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from closer_desk.core import tz
from closer_desk.core.calendar_views import column_width
from closer_desk.core.day_marks import DayHolidays
from closer_desk.core.grid_time import DAY_MINUTES
from closer_desk.core.model import AgendaEntry, BusyBlock, Status, WeeklyHours
from closer_desk.ui.agenda.grid_blocks import (
    Block,
    BlockColors,
    BusyRect,
    GridColumn,
    busy_rects,
    lay_out,
)
from closer_desk.ui.agenda.grid_paint import BlockPalette, GridPainter
from closer_desk.ui.agenda.tooltips import drop_tooltip, show_tooltip
from closer_desk.ui.common import i18n, palette

# What the rest of the window and the tests take from here (the data lives in grid_blocks).
__all__ = [
    "COMFORTABLE_COLUMN",
    "MIN_COLUMN",
    "SNAP",
    "Block",
    "BlockColors",
    "BusyRect",
    "Drag",
    "GridColumn",
    "TimeGrid",
]

SNAP = 15
# Narrower than this, a column scrolls sideways instead of shrinking (a readable "Tue 3").
MIN_COLUMN = 50
# The width a column is comfortable at (the details pane gives way down to it).
COMFORTABLE_COLUMN = 88


class Drag(enum.Enum):
    """What dragging a block does: its body moves the call, its lower edge resizes it."""

    MOVE = enum.auto()
    RESIZE = enum.auto()


class TimeGrid(QAbstractScrollArea):
    """The Day, Work week and Week views, and the assistant's closers side by side.

    Signals:
        selected(int): a call was clicked.
        activated(int): a call was double-clicked (open it in the editor).
        move_requested(int, object, int): a call was dragged to a naive wall start (grid's
            zone) with a length in minutes.
        duplicate_requested(int, object): a call was dragged with Ctrl held: a copy of it at
            this naive wall start.
        menu_requested(object, object, QPoint): a right-click (or the menu key) on a call
            (its id, else None) or on empty time (its naive wall start, else None), at this
            global position.
        create_requested(object): empty time of a day column was double-clicked (naive wall
            start in the grid's zone).
        create_for_closer(object, int): empty time of a closer's column was double-clicked
            (naive wall start in the grid's zone, the closer's id).
        painted(): the grid's first paint is done (what waits for it comes after).
    """

    selected = Signal(int)
    activated = Signal(int)
    move_requested = Signal(int, object, int)
    duplicate_requested = Signal(int, object)
    create_requested = Signal(object)
    menu_requested = Signal(object, object, QPoint)
    create_for_closer = Signal(object, int)
    painted = Signal()

    gutter_width = 64

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.columns: list[GridColumn] = [GridColumn(clock().date())]
        self.zone = "UTC"
        self.second_zone: str | None = None
        self.hours: WeeklyHours | None = None
        self.hour_height = 64
        self.header_height = 46
        self.blocks: list[Block] = []
        self.busy: list[BusyRect] = []
        self.holidays: list[DayHolidays | None] = []
        self.selected_id: int | None = None
        self._drag: tuple[Block, Drag, QPointF] | None = None
        self._ghost: tuple[int, int, int] | None = None
        self._dark = palette.is_dark()
        self._block_palette = BlockPalette()
        self._painter = GridPainter(self, clock)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(self.hour_height // 4)
        self.horizontalScrollBar().setSingleStep(MIN_COLUMN // 2)
        self.paint_count = 0
        # A dot in a block's corner, per call id (the shell puts the invite's state there).
        self.marks: dict[int, QColor] = {}
        self._update_scroll_range()

    # -- what to show ----------------------------------------------------------------------
    @property
    def days(self) -> list[date]:
        """The date of each column."""
        return [c.day for c in self.columns]

    def set_zones(self, zone: str, second_zone: str | None) -> None:
        """The grid's zone (the closer's) and the second scale's zone (None hides it)."""
        self.zone = zone
        self.second_zone = second_zone if second_zone and second_zone != zone else None
        self._update_scroll_range()
        self.viewport().update()

    def set_days(self, days: Sequence[date]) -> None:
        """The columns: one day or a week, of every closer shown."""
        self.set_columns([GridColumn(d) for d in days])

    def set_columns(self, columns: Sequence[GridColumn]) -> None:
        """The columns (days, or closers' days); the calls are laid out again by the next
        ``set_entries``."""
        self.columns = list(columns) or [GridColumn(self._clock().date())]
        self.blocks = []
        self.busy = []
        self.holidays = []
        self._fit_header()
        self._update_scroll_range()
        self.viewport().update()

    def set_hours(self, hours: WeeklyHours | None) -> None:
        """The closer's weekly working hours (time outside them is shaded), for the columns
        that bring none of their own."""
        self.hours = hours
        self.viewport().update()

    def set_holidays(self, holidays: Sequence[DayHolidays | None]) -> None:
        """The public holidays of each column (the closer's, the selected prospect's)."""
        self.holidays = list(holidays)
        self._fit_header()
        self.viewport().update()

    def set_entries(
        self,
        entries: Sequence[AgendaEntry],
        markers: Mapping[int, tuple[str, str]] | None = None,
    ) -> None:
        """Lay out the calls of the visible columns (cancelled calls are not drawn);
        ``markers`` gives closers' colours and initials when several closers are shown."""
        self.blocks = lay_out(entries, self.columns, self.zone, markers or {})
        self._block_palette.color(self.blocks, self._dark)
        self._ghost = None
        drop_tooltip(self.viewport())
        self.viewport().update()

    def set_busy(self, blocks: Sequence[BusyBlock]) -> None:
        """Imported busy time of the closers in view, hatched under the calls with its
        calendar's name (a block over midnight shows on both days)."""
        self.busy = busy_rects(blocks, self.columns, self.zone)
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

    def comfortable_width(self) -> int:
        """The width at which every column is comfortably readable (the details pane beside
        the grid gives way down to it)."""
        return self._left() + COMFORTABLE_COLUMN * len(self.columns) + 2 * self.frameWidth()

    def column_width(self) -> float:
        """The width of one column (never under ``MIN_COLUMN``: the grid scrolls instead)."""
        available = self.viewport().width() - self._left()
        return column_width(available, len(self.columns), MIN_COLUMN)

    def y_of(self, minutes: float) -> float:
        """The viewport y of a minute of the grid's day."""
        return (
            self.header_height + minutes * self.hour_height / 60 - self.verticalScrollBar().value()
        )

    def x_of(self, day_index: int) -> float:
        """The viewport x where a column starts."""
        return self._left() + day_index * self.column_width() - self.horizontalScrollBar().value()

    def point_at(self, day_index: int, minutes: float) -> QPoint:
        """A viewport point inside a column at a minute of the day."""
        return QPoint(int(self.x_of(day_index) + self.column_width() / 2), int(self.y_of(minutes)))

    def column_at(self, x: float) -> int | None:
        """The column under a viewport x, or None."""
        if x < self._left():
            return None
        index = int((x - self.x_of(0)) // self.column_width())
        return index if 0 <= index < len(self.columns) else None

    def slot_at(self, pos: QPointF | QPoint) -> tuple[int, int] | None:
        """The (column, minutes) under a viewport point, or None outside the grid."""
        if pos.y() < self.header_height:
            return None
        day_index = self.column_at(pos.x())
        if day_index is None:
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

    def shows(self, appointment_id: int) -> bool:
        """The call is drawn (in the columns in view, not cancelled)."""
        return self.block_of(appointment_id) is not None

    def block_of(self, appointment_id: int) -> Block | None:
        """The block of a call, if it is in view."""
        return next((b for b in self.blocks if b.entry.appointment.id == appointment_id), None)

    def block_at(self, pos: QPointF | QPoint) -> Block | None:
        """The block under a viewport point."""
        point = QPointF(pos)
        if point.x() < self._left():
            return None
        for block in reversed(self.blocks):
            if self.block_rect(block).contains(point):
                return block
        return None

    def busy_at(self, pos: QPointF | QPoint) -> BusyRect | None:
        """The busy time under a viewport point."""
        slot = self.slot_at(pos)
        if slot is None:
            return None
        return next(
            (b for b in self.busy if b.day_index == slot[0] and b.start <= slot[1] < b.end), None
        )

    def wall_time(self, day_index: int, minutes: int) -> datetime:
        """The naive wall time (grid's zone) of a grid position."""
        day = self.columns[day_index].day
        return datetime(day.year, day.month, day.day) + timedelta(minutes=minutes)

    # -- Qt plumbing -----------------------------------------------------------------------
    def _update_scroll_range(self) -> None:
        content = DAY_MINUTES * self.hour_height // 60 + self.header_height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, content - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        wide = self._left() + self.column_width() * len(self.columns)
        across = self.horizontalScrollBar()
        across.setRange(0, max(0, int(wide - self.viewport().width())))
        across.setPageStep(self.viewport().width())

    def _fit_header(self) -> None:
        """Tall enough for the columns' second lines (a closer's clock, holidays)."""
        metrics = QFontMetrics(self.font())
        small = max(10, int(metrics.height() * 0.85))
        lines = max(
            (
                int(bool(c.subtitle))
                + (int(bool(h.closer)) + int(bool(h.prospect)) if h is not None else 0)
                for c, h in zip(self.columns, self._holidays_by_column(), strict=True)
            ),
            default=0,
        )
        self.header_height = max(46, 14 + metrics.height() + lines * small)
        self._update_scroll_range()

    def _holidays_by_column(self) -> list[DayHolidays | None]:
        marks = self.holidays
        return [marks[i] if i < len(marks) else None for i in range(len(self.columns))]

    def _holiday_lines(self, column: int) -> list[str]:
        marks = self._holidays_by_column()[column]
        if marks is None:
            return []
        lines = [marks.closer] if marks.closer else []
        if marks.prospect:
            lines.append(f"{marks.prospect_country}: {marks.prospect}")
        return lines

    def changeEvent(self, event: QEvent) -> None:
        # Follow the system when it switches between light and dark.
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ThemeChange,
        ):
            self._dark = palette.is_dark()
            self._block_palette.clear()
            self._block_palette.color(self.blocks, self._dark)
            self.viewport().update()
        elif event.type() == QEvent.Type.FontChange:
            self._painter.forget_fonts()
            self._fit_header()
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
            # A call stays with its closer: it moves across days, not to another's column.
            if self.columns[day_index].closer_id != self.columns[block.day_index].closer_id:
                day_index = block.day_index
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
        appointment = block.entry.appointment
        if mode == Drag.MOVE and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.duplicate_requested.emit(appointment.id, self.wall_time(day_index, start))
            return
        minutes = end - start if mode == Drag.RESIZE else appointment.minutes
        self.move_requested.emit(appointment.id, self.wall_time(day_index, start), minutes)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = event.pos()  # in the viewport, where it was delivered (a key: the grid's focus)
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # The menu key acts on the selected call, where it is drawn.
            block = self.block_of(self.selected_id) if self.selected_id is not None else None
            if block is not None:
                pos = self.block_rect(block).center().toPoint()
        block = self.block_at(pos)
        slot = self.slot_at(pos)
        wall = (
            self.wall_time(slot[0], _snap_down(slot[1]))
            if block is None and slot is not None
            else None
        )
        if block is None and wall is None:
            return
        if block is not None and block.entry.appointment.id != self.selected_id:
            self.select(block.entry.appointment.id)
            self.selected.emit(block.entry.appointment.id)
        self.menu_requested.emit(
            block.entry.appointment.id if block is not None else None,
            wall,
            self.viewport().mapToGlobal(pos),
        )

    # -- the keyboard ----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab goes from call to call (before Qt moves the focus on), and leaves the grid
        # after the last one.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            backwards = key == Qt.Key.Key_Backtab or (
                key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            tab = plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            if tab and self.select_next(-1 if backwards else 1):
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}
        step = steps.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() and self.select_next(step, wrap=True):
            return
        super().keyPressEvent(event)

    def select_next(self, step: int, *, wrap: bool = False) -> bool:
        """Select the next call in time (``step`` 1) or the previous one (-1); from none, the
        first or the last. False when there is none that way (``wrap``: stay on the last)."""
        order = sorted(self.blocks, key=lambda b: (b.day_index, b.start, b.column, b.end))
        if not order:
            return False
        ids = [b.entry.appointment.id for b in order]
        if self.selected_id in ids:
            at = ids.index(self.selected_id) + step
            if not 0 <= at < len(ids):
                if not wrap:
                    return False
                at = min(max(at, 0), len(ids) - 1)
        else:
            at = 0 if step > 0 else len(ids) - 1
        block = order[at]
        self.select(block.entry.appointment.id)
        self.ensure_visible(block)
        self.selected.emit(block.entry.appointment.id)
        return True

    def ensure_visible(self, block: Block) -> None:
        """Scroll so that ``block`` is in view (its top, if it is taller than the view)."""
        rect = self.block_rect(block)
        bar = self.verticalScrollBar()
        if rect.top() < self.header_height:
            bar.setValue(int(bar.value() + rect.top() - self.header_height - 8))
        elif rect.bottom() > self.viewport().height():
            overflow = rect.bottom() - self.viewport().height() + 8
            room = rect.top() - self.header_height - 8
            bar.setValue(int(bar.value() + min(overflow, room)))

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            show_tooltip(self.viewport(), event.globalPos(), self.tooltip_at(event.pos()))
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """What the tooltip says at a viewport point: the call, the busy time or the day's
        holidays."""
        block = self.block_at(pos)
        if block is not None:
            return f"{block.title}\n{block.subtitle}"
        busy = self.busy_at(pos)
        if busy is not None:
            b = busy.block
            start, end = tz.convert(b.start, self.zone), tz.convert(b.end, self.zone)
            return QCoreApplication.translate("TimeGrid", "Busy %1–%2 (imported from %3)").replace(
                "%1", i18n.format_time(start)
            ).replace("%2", i18n.format_time(end)).replace("%3", b.source or "?") + (
                f"\n{b.summary}" if b.summary else ""
            )
        if pos.y() < self.header_height and (column := self.column_at(pos.x())) is not None:
            return "\n".join(self._holiday_lines(column))
        return ""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        block = self.block_at(pos)
        if block is not None:
            self.activated.emit(block.entry.appointment.id)
            return
        slot = self.slot_at(pos)
        if slot is None:
            return
        wall = self.wall_time(slot[0], _snap_down(slot[1]))
        closer_id = self.columns[slot[0]].closer_id
        if closer_id is None:
            self.create_requested.emit(wall)
        else:
            self.create_for_closer.emit(wall, closer_id)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            self._painter.paint(painter, dark=self._dark, ghost=self._ghost)
        finally:
            painter.end()
        self.paint_count += 1
        if self.paint_count == 1:
            self.painted.emit()

    def _day_title(self, day: date, width: int, metrics: QFontMetrics) -> str:
        """The title the header gives a day in a column this wide (see ``GridPainter``)."""
        return self._painter.day_titles(width, metrics)[day]

    def _second_labels(self) -> dict[int, str]:
        """The second scale's labels by hour (see ``GridPainter``)."""
        return self._painter.second_labels()


def _snap(minutes: float) -> int:
    return round(minutes / SNAP) * SNAP


def _snap_down(minutes: int) -> int:
    return minutes - minutes % SNAP
