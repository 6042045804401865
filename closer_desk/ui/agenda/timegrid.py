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
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QStaticText,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from closer_desk.core import tz
from closer_desk.core.calendar_views import column_width
from closer_desk.core.day_marks import DayHolidays
from closer_desk.core.errors import CloserDeskError
from closer_desk.core.grid_time import DAY_MINUTES
from closer_desk.core.model import AgendaEntry, BusyBlock, Status, WeeklyHours
from closer_desk.ui.agenda.grid_background import GridBackground
from closer_desk.ui.agenda.grid_blocks import (
    _FADED,
    Block,
    BlockColors,
    BusyRect,
    GridColumn,
    busy_rects,
    lay_out,
)
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
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Narrower than this, a column scrolls sideways instead of shrinking (a readable "Tue 3").
MIN_COLUMN = 50
# The width a column is comfortable at (the details pane gives way down to it).
COMFORTABLE_COLUMN = 88
# A block's text needs room for about three characters; narrower blocks show none (the
# tooltip names the call): two clipped letters say nothing and cost as much to draw.
MIN_TEXT = 18
_HOLIDAY = (QColor("#c62828"), QColor("#ff8a80"))  # light, dark
_THEIR_HOLIDAY = (QColor("#8a5a00"), QColor("#ffd180"))


class Drag(enum.Enum):
    """What dragging a block does: its body moves the call, its lower edge resizes it."""

    MOVE = enum.auto()
    RESIZE = enum.auto()


class _TextCache:
    """Laid-out text, kept between paints (after Qt's own advice for text drawn often): a
    repaint, a scroll or a week seen before draws prepared glyphs instead of shaping again."""

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._texts: OrderedDict[tuple[str, str], QStaticText] = OrderedDict()
        self._elided: dict[tuple[str, str, int], str] = {}

    def clear(self) -> None:
        self._texts.clear()
        self._elided.clear()

    def text(self, text: str, font_key: str) -> QStaticText:
        key = (text, font_key)
        found = self._texts.get(key)
        if found is None:
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            self._texts[key] = found
            if len(self._texts) > self._size:
                self._texts.popitem(last=False)
        return found

    def elided(self, text: str, font_key: str, metrics: QFontMetrics, width: int) -> str:
        key = (text, font_key, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > self._size:
                self._elided.clear()
            found = self._elided[key] = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return found


# Shared by every grid (the week and the month of one window show the same names).
_TEXTS = _TextCache()


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
        self._color_cache: dict[
            tuple[str, bool, bool], tuple[QColor, QPen, QColor, QColor, QPen]
        ] = {}
        self._second_cache: tuple[tuple[date, str, str], dict[int, str]] | None = None
        self._header_cache: dict[tuple[date, int, bool], str] = {}
        self._background = GridBackground()
        self._fonts: tuple[str, QFont, QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(self.hour_height // 4)
        self.horizontalScrollBar().setSingleStep(MIN_COLUMN // 2)
        self.paint_count = 0
        #: A dot in a block's corner, per call id (the shell puts the invite's state there).
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
        self._color_blocks()
        self._ghost = None
        self.viewport().update()

    def _color_blocks(self) -> None:
        """Give each block its colours (once per layout and per palette, not per paint): a week
        has a few companies, so a few tuples, shared."""
        ready: dict[tuple[str, bool, str], BlockColors] = {}
        for block in self.blocks:
            entry = block.entry
            key = (entry.company_color, entry.appointment.status in _FADED, block.marker)
            found = ready.get(key)
            if found is None:
                fill, border, text, muted, chosen = self._colors(block)
                stripe = QColor(block.marker) if block.marker else border.color()
                found = ready[key] = (fill, border, text, muted, chosen, stripe)
            block.colors = found

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

    def changeEvent(self, event: QEvent) -> None:
        # Follow the system when it switches between light and dark.
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ThemeChange,
        ):
            self._dark = palette.is_dark()
            self._color_cache.clear()
            self._color_blocks()
            self.viewport().update()
        elif event.type() == QEvent.Type.FontChange:
            self._fonts = None
            self._header_cache.clear()
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
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
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
            self._paint(painter)
        finally:
            painter.end()
        self.paint_count += 1
        if self.paint_count == 1:
            self.painted.emit()

    def _font_set(self) -> tuple[str, QFont, QFont, QFont, QFontMetrics, QFontMetrics]:
        """The grid's fonts, made once per font change rather than once per paint."""
        if self._fonts is None:
            font = QFont(self.font())
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            bold = QFont(font)
            bold.setBold(True)
            self._fonts = (font.key(), font, small, bold, QFontMetrics(bold), QFontMetrics(small))
        return self._fonts

    def _paint(self, painter: QPainter) -> None:
        colors = palette.grid_colors(self.palette(), self._dark)
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(0, 0, width, height, colors.background)
        _key, font, small, _bold, _bm, metrics = self._font_set()
        left = self._left()
        col = self.column_width()
        top = self.y_of(0)
        painter.setClipRect(QRectF(left, self.header_height, width - left, height))
        # Off hours shading per column and the hour lines: one picture of the day, reused.
        self._background.paint(
            painter,
            colors,
            xs=[self.x_of(i) for i in range(len(self.columns))],
            column=col,
            working=[self._working_of(column) for column in self.columns],
            left=left,
            width=width,
            day_top=top,
            clip_top=self.header_height,
            height=height,
            hour_height=self.hour_height,
            ratio=self.devicePixelRatioF(),
        )
        hours = [h for h in range(25) if self.header_height - 1 <= self.y_of(h * 60) <= height]
        # Column separators.
        painter.setPen(QPen(colors.line, 1))
        for i in range(len(self.columns) + 1):
            x = self.x_of(i)
            painter.drawLine(QPointF(x, self.header_height), QPointF(x, height))
        self._paint_column_clocks(painter, colors, small, metrics)
        self._paint_busy(painter, colors, small, metrics)
        painter.setFont(font)
        self._paint_blocks(painter)
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
                _TOP_LEFT,
                i18n.format_time(datetime(2000, 1, 1) + timedelta(minutes=start)),
            )
        self._paint_now(painter, colors)
        painter.setClipping(False)
        self._paint_gutters(painter, colors, small, metrics, hours)
        self._paint_header(painter, colors, font, small)

    def _working_of(self, column: GridColumn) -> tuple[tuple[int, int], ...] | None:
        """A column's working spans (its own, else the grid's weekly hours), None: no shading."""
        if column.working is not None:
            return tuple(column.working)
        if self.hours is None:
            return None
        return tuple((w.start, w.end) for w in self.hours.on(column.day.weekday()))

    def _paint_gutters(
        self,
        painter: QPainter,
        colors: palette.GridColors,
        small: QFont,
        metrics: QFontMetrics,
        hours: list[int],
    ) -> None:
        """The grid's scale and the second zone's, fixed on the left while columns scroll."""
        left = self._left()
        height = self.viewport().height()
        painter.fillRect(QRectF(0, self.header_height, left, height), colors.background)
        painter.setPen(QPen(colors.line, 1))
        painter.drawLine(QPointF(left, self.header_height), QPointF(left, height))
        if self.second_zone:
            painter.drawLine(
                QPointF(self.gutter_width, self.header_height), QPointF(self.gutter_width, height)
            )
        painter.setFont(small)
        painter.setPen(colors.muted)
        second_labels = self._second_labels()
        line_h = metrics.height()
        for hour in hours:
            y = self.y_of(hour * 60)
            # Labels are centred on their line: skip those the fixed header would cut.
            if hour in (0, 24) or y - line_h / 2 < self.header_height:
                continue
            label = i18n.format_time(datetime(2000, 1, 1, hour, 0))
            rect = QRectF(0, y - line_h / 2, self.gutter_width - 6, line_h)
            painter.drawText(rect, _RIGHT, label)
            if hour in second_labels:
                painter.drawText(rect.translated(self.gutter_width, 0), _RIGHT, second_labels[hour])

    def _paint_column_clocks(
        self, painter: QPainter, colors: palette.GridColors, small: QFont, metrics: QFontMetrics
    ) -> None:
        """A closer's own clock down their column, when it is not the grid's."""
        if not any(c.marks for c in self.columns):
            return
        painter.setFont(small)
        painter.setPen(colors.muted)
        line_h = metrics.height()
        col = self.column_width()
        for i, column in enumerate(self.columns):
            x = self.x_of(i)
            for row, hour in column.marks:
                y = self.y_of(row)
                if 0 < row < DAY_MINUTES and y - line_h / 2 > self.header_height:
                    label = i18n.format_time(datetime(2000, 1, 1, hour, 0))
                    painter.drawText(QRectF(x + 3, y + 1, col - 6, line_h), _TOP_LEFT, label)

    def _paint_busy(
        self, painter: QPainter, colors: palette.GridColors, small: QFont, metrics: QFontMetrics
    ) -> None:
        """Imported busy time: hatched, with its calendar's name where there is room."""
        if not self.busy:
            return
        col = self.column_width()
        hatch = QBrush(colors.muted, Qt.BrushStyle.BDiagPattern)
        tint = QColor(colors.muted)
        tint.setAlpha(40)
        painter.setPen(QPen(colors.muted, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(small)
        line_h = metrics.height()
        placed = []
        for busy in self.busy:
            x = self.x_of(busy.day_index)
            top, bottom = self.y_of(busy.start), self.y_of(busy.end)
            if bottom < self.header_height or top > self.viewport().height():
                continue
            rect = QRectF(x + 1, top, col - 2, bottom - top)
            painter.fillRect(rect, tint)
            painter.fillRect(rect, hatch)
            painter.drawRect(rect)
            if bottom - top > line_h and col > MIN_TEXT * 2:
                placed.append((rect, busy.label))
        painter.setPen(colors.text)
        for rect, label in placed:
            # The label where it can be read: at the top of the part in view.
            shown = QRectF(rect.x() + 4, max(rect.y(), self.header_height) + 1, rect.width(), 0)
            text = _TEXTS.elided(label, "busy", metrics, int(rect.width() - 8))
            size = metrics.boundingRect(text)
            back = QColor(colors.background)
            back.setAlpha(200)
            painter.fillRect(QRectF(shown.x() - 1, shown.y(), size.width() + 3, line_h), back)
            shown.setSize(QSizeF(rect.width() - 8, line_h))
            painter.drawText(shown, _TOP_LEFT, text)

    def _second_labels(self) -> dict[int, str]:
        if not self.second_zone or not self.columns:
            return {}
        day = self.columns[0].day
        key = (day, self.zone, self.second_zone)
        if self._second_cache is not None and self._second_cache[0] == key:
            return self._second_cache[1]
        labels = {}
        for hour in range(1, 24):
            try:
                instant = tz.localize(datetime(day.year, day.month, day.day, hour), self.zone)
            except CloserDeskError:
                continue
            labels[hour] = i18n.format_time(tz.convert(instant, self.second_zone))
        self._second_cache = (key, labels)
        return labels

    def _paint_blocks(self, painter: QPainter) -> None:
        # The hot loop of a week switch (300 calls): geometry is inlined, colours, fonts and
        # laid-out text come ready-made, and text is elided only when a cheap estimate says
        # it may not fit.
        font_key, _font, small, bold, title_metrics, small_metrics = self._font_set()
        title_h, small_h = title_metrics.height(), small_metrics.height()
        title_char, small_char = title_metrics.maxWidth() * 0.6, small_metrics.maxWidth() * 0.6
        col = self.column_width()
        left = self.x_of(0)
        scale = self.hour_height / 60
        top0 = self.header_height - self.verticalScrollBar().value()
        height = self.viewport().height()
        width_px = self.viewport().width()
        gutter = self._left()
        selected = self.selected_id
        marks = self.marks
        placed = []
        pen: object = None  # the pen or text colour last set, not to set it again
        brush: object = None
        for block in self.blocks:
            top = top0 + block.start * scale + 1
            bottom = top0 + block.end * scale - 1
            if bottom < self.header_height or top > height:
                continue
            width = col / block.columns
            x = left + block.day_index * col + block.column * width + 1
            if x > width_px or x + width < gutter:
                continue
            colors = block.colors
            assert colors is not None
            # Plain rectangles, filled and outlined in one call: a rounded one costs four
            # times as much.
            if colors[0] is not brush:
                brush = colors[0]
                painter.setBrush(colors[0])
            border = colors[4] if block.entry.appointment.id == selected else colors[1]
            if border is not pen:
                pen = border
                painter.setPen(border)
            painter.drawRect(QRectF(x, top, width - 3, bottom - top))
            painter.fillRect(QRectF(x, top, 5 if block.marker else 4, bottom - top), colors[5])
            mark = marks.get(block.entry.appointment.id) if marks else None
            if mark is not None and width > 16 and bottom - top > 10:
                painter.save()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawEllipse(QRectF(x + width - 12, top + 3, 6, 6))
                painter.restore()
            if width - 13 >= MIN_TEXT:
                placed.append((block, colors, x + 7, top + 2, width - 13, bottom))
        # Text in two passes, so fonts and pens change a few times rather than per call.
        painter.setFont(bold)
        for block, colors, x, top, text_w, _bottom in placed:
            # Narrow week columns show the name alone: the block's place already says the time.
            title = block.title if text_w > 200 else block.short or block.entry.prospect_name
            if len(title) * title_char > text_w:
                title = _TEXTS.elided(title, font_key, title_metrics, int(text_w))
            if colors[2] is not pen:
                pen = colors[2]
                painter.setPen(pen)
            painter.drawStaticText(QPointF(x, top), _TEXTS.text(title, font_key + "b"))
        painter.setFont(small)
        for block, colors, x, top, text_w, bottom in placed:
            if top + title_h + small_h > bottom:
                continue
            subtitle = block.subtitle
            if len(subtitle) * small_char > text_w:
                subtitle = _TEXTS.elided(subtitle, font_key + "s", small_metrics, int(text_w))
            if colors[3] is not pen:
                pen = colors[3]
                painter.setPen(pen)
            painter.drawStaticText(QPointF(x, top + title_h), _TEXTS.text(subtitle, font_key + "s"))

    def _colors(self, block: Block) -> tuple[QColor, QPen, QColor, QColor, QPen]:
        """Fill, border pen, text, muted text and selected border pen of a block (cached)."""
        faded = block.entry.appointment.status in _FADED
        key = (block.entry.company_color, faded, self._dark)
        found = self._color_cache.get(key)
        if found is None:
            c = palette.block_colors(key[0], self._dark, faded=faded)
            found = (c.fill, QPen(c.border, 1), c.text, c.muted, QPen(c.border, 2.5))
            self._color_cache[key] = found
        return found

    def _paint_now(self, painter: QPainter, colors: palette.GridColors) -> None:
        now = tz.convert(self._clock(), self.zone)
        columns = [i for i, c in enumerate(self.columns) if c.day == now.date()]
        if not columns:
            return
        y = self.y_of(now.hour * 60 + now.minute)
        if y < self.header_height:
            return
        painter.setPen(QPen(colors.now, 2))
        painter.drawLine(QPointF(self._left(), y), QPointF(self.viewport().width(), y))
        painter.setBrush(colors.now)
        for i in columns:
            painter.drawEllipse(QPointF(self.x_of(i) + 1, y), 4, 4)

    def _holiday_lines(self, column: int) -> list[str]:
        marks = self._holidays_by_column()[column]
        if marks is None:
            return []
        lines = [marks.closer] if marks.closer else []
        if marks.prospect:
            lines.append(f"{marks.prospect_country}: {marks.prospect}")
        return lines

    def _day_title(self, day: date, width: int, metrics: QFontMetrics) -> str:
        """The longest title of a day that fits its column: ``Tuesday 3 March 2026`` alone,
        ``Tue 3 Mar``, ``Tue 3``, ``T 3``, then ``3``."""
        key = (day, width, len(self.columns) == 1)
        found = self._header_cache.get(key)
        if found is None:
            choices = [i18n.format_date(day, long=True)] if len(self.columns) == 1 else []
            choices += [
                i18n.format_day_month(day),
                i18n.format_day_header(day),
                f"{_narrow_day_name(day)} {day.day}",
                str(day.day),
            ]
            found = next((c for c in choices if metrics.horizontalAdvance(c) <= width), choices[-1])
            if len(self._header_cache) > 512:
                self._header_cache.clear()
            self._header_cache[key] = found
        return found

    def _paint_header(
        self, painter: QPainter, colors: palette.GridColors, font: QFont, small: QFont
    ) -> None:
        width = self.viewport().width()
        left = self._left()
        painter.fillRect(QRectF(0, 0, width, self.header_height), colors.alt_background)
        today = tz.convert(self._clock(), self.zone).date()
        _key, _font, _small, bold, _bm, small_metrics = self._font_set()
        main_metrics = QFontMetrics(bold)
        col = self.column_width()
        main_h, small_h = main_metrics.height(), small_metrics.height()
        holidays = self._holidays_by_column()
        dark = int(self._dark)
        painter.setClipRect(QRectF(left, 0, width - left, self.header_height))
        for i, column in enumerate(self.columns):
            x = self.x_of(i)
            if x + col < left or x > width:
                continue
            marks = holidays[i]
            if marks is not None and marks.closer:
                tint = QColor(_HOLIDAY[dark])
                tint.setAlpha(36)
                painter.fillRect(QRectF(x, 0, col, self.header_height), tint)
            if column.color:  # the closer's colour under their name
                painter.fillRect(
                    QRectF(x + 1, self.header_height - 4, col - 2, 3), QColor(column.color)
                )
            is_today = column.day == today and not column.title
            painter.setFont(bold if is_today or column.title else font)
            painter.setPen(colors.today if is_today else colors.text)
            inner = int(col) - 6
            text = (
                _TEXTS.elided(column.title, "header", main_metrics, inner)
                if column.title
                else self._day_title(column.day, inner, main_metrics)
            )
            y = 6.0
            painter.drawText(QRectF(x + 3, y, inner, main_h), _CENTER, text)
            y += main_h
            painter.setFont(small)
            lines: list[tuple[str, QColor]] = []
            if column.subtitle:
                lines.append((column.subtitle, colors.muted))
            if marks is not None and marks.closer:
                lines.append((marks.closer, _HOLIDAY[dark]))
            if marks is not None and marks.prospect:
                lines.append((f"{marks.prospect_country}: {marks.prospect}", _THEIR_HOLIDAY[dark]))
            for line, color in lines:
                painter.setPen(color)
                shown = _TEXTS.elided(line, "header-small", small_metrics, inner)
                painter.drawText(QRectF(x + 3, y, inner, small_h), _CENTER, shown)
                y += small_h
            if marks is not None and marks.prospect:
                # The prospect's holiday is underlined with dashes in its own colour.
                painter.setPen(QPen(_THEIR_HOLIDAY[dark], 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + 6, y), QPointF(x + col - 6, y))
        painter.setClipping(False)
        painter.setPen(QPen(colors.line, 1))
        painter.drawLine(
            QPointF(0, self.header_height - 0.5), QPointF(width, self.header_height - 0.5)
        )
        painter.setFont(small)
        painter.setPen(colors.muted)
        gutters = [(0, self.zone)] + (
            [(self.gutter_width, self.second_zone)] if self.second_zone else []
        )
        for x, zone_name in gutters:
            label = small_metrics.elidedText(
                i18n.city(zone_name), Qt.TextElideMode.ElideRight, self.gutter_width - 6
            )
            painter.drawText(
                QRectF(x, 0, self.gutter_width - 4, self.header_height - 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                label,
            )


def _narrow_day_name(day: date) -> str:
    """``T`` for Tuesday (``M`` for mardi): the narrowest a day header gets before the date
    alone."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.NarrowFormat)


def _snap(minutes: float) -> int:
    return round(minutes / SNAP) * SNAP


def _snap_down(minutes: int) -> int:
    return minutes - minutes % SNAP
