"""How the time grid is drawn: the day's picture, the gutters and the header, the busy
time, the calls' blocks, the ghost of a drag and the now line.

Apart from the widget (``timegrid``, which owns the state and the pointer) so that the paint,
the grid's hot path, reads on its own. ``GridPainter`` belongs to one grid and reads its state
and geometry; what a paint needs often is made once and kept here: the fonts, the day titles,
the second scale's labels and the laid-out text (``_TextCache``). ``BlockPalette`` colours the
blocks when they are laid out, not when they are drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QStaticText

from closer_desk.core import tz
from closer_desk.core.errors import CloserDeskError
from closer_desk.core.grid_time import DAY_MINUTES
from closer_desk.ui.agenda.grid_background import DayPicture, GridBackground, picture_colors
from closer_desk.ui.agenda.grid_blocks import _FADED, Block, BlockColors, GridColumn
from closer_desk.ui.common import i18n, palette

if TYPE_CHECKING:  # the grid holds its painter
    from closer_desk.ui.agenda.timegrid import TimeGrid

_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# A block's text needs room for about three characters; narrower blocks show none (the
# tooltip names the call): two clipped letters say nothing and cost as much to draw.
MIN_TEXT = 18
_HOLIDAY = (QColor("#c62828"), QColor("#ff8a80"))  # light, dark
_THEIR_HOLIDAY = (QColor("#8a5a00"), QColor("#ffd180"))


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


class BlockPalette:
    """A grid's block colours by company, fade and theme: made once, shared by the blocks."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, bool, bool], tuple[QColor, QPen, QColor, QColor, QPen]] = {}

    def clear(self) -> None:
        """Forget the colours made (the palette changed)."""
        self._made.clear()

    def color(self, blocks: Sequence[Block], dark: bool) -> None:
        """Give each block its colours (once per layout and per palette, not per paint): a
        week has a few companies, so a few tuples, shared."""
        ready: dict[tuple[str, bool, str], BlockColors] = {}
        for block in blocks:
            entry = block.entry
            key = (entry.company_color, entry.appointment.status in _FADED, block.marker)
            found = ready.get(key)
            if found is None:
                fill, border, text, muted, chosen = self._colors(block, dark)
                stripe = QColor(block.marker) if block.marker else border.color()
                found = ready[key] = (fill, border, text, muted, chosen, stripe)
            block.colors = found

    def _colors(self, block: Block, dark: bool) -> tuple[QColor, QPen, QColor, QColor, QPen]:
        """Fill, border pen, text, muted text and selected border pen of a block (cached)."""
        faded = block.entry.appointment.status in _FADED
        key = (block.entry.company_color, faded, dark)
        found = self._made.get(key)
        if found is None:
            c = palette.block_colors(key[0], dark, faded=faded)
            found = (c.fill, QPen(c.border, 1), c.text, c.muted, QPen(c.border, 2.5))
            self._made[key] = found
        return found


class GridPainter:
    """Draws one grid: what it shows, where its geometry puts it."""

    def __init__(self, grid: TimeGrid, clock: Callable[[], datetime]) -> None:
        self._grid = grid
        self._clock = clock
        self._second_cache: tuple[tuple[date, str, str], dict[int, str]] | None = None
        self._header_cache: dict[tuple[tuple[date, ...], int, bool], dict[date, str]] = {}
        self._background = GridBackground()
        self._fonts: tuple[str, QFont, QFont, QFont, QFontMetrics, QFontMetrics] | None = None

    def forget_fonts(self) -> None:
        """The grid's font changed: make the fonts and the day titles again."""
        self._fonts = None
        self._header_cache.clear()

    def _font_set(self) -> tuple[str, QFont, QFont, QFont, QFontMetrics, QFontMetrics]:
        """The grid's fonts, made once per font change rather than once per paint."""
        if self._fonts is None:
            font = QFont(self._grid.font())
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            bold = QFont(font)
            bold.setBold(True)
            self._fonts = (font.key(), font, small, bold, QFontMetrics(bold), QFontMetrics(small))
        return self._fonts

    def paint(self, painter: QPainter, *, dark: bool, ghost: tuple[int, int, int] | None) -> None:
        """Draw the grid on its viewport: ``dark`` theme or not, ``ghost`` the (column,
        start, end) a call is being dragged to."""
        grid = self._grid
        colors = palette.grid_colors(grid.palette(), dark)
        width, height = grid.viewport().width(), grid.viewport().height()
        painter.fillRect(0, 0, width, height, colors.background)
        _key, font, small, _bold, _bm, metrics = self._font_set()
        left = grid._left()
        col = grid.column_width()
        top = grid.y_of(0)
        painter.setClipRect(QRectF(left, grid.header_height, width - left, height))
        # Off hours shading per column and the hour lines: one picture of the day, reused.
        day = DayPicture(
            xs=tuple(grid.x_of(i) for i in range(len(grid.columns))),
            column=col,
            working=tuple(self._working_of(column) for column in grid.columns),
            left=left,
            width=width,
            hour_height=grid.hour_height,
            ratio=grid.devicePixelRatioF(),
            colors=picture_colors(colors),
        )
        self._background.paint(
            painter, colors, day, day_top=top, clip_top=grid.header_height, height=height
        )
        hours = [h for h in range(25) if grid.header_height - 1 <= grid.y_of(h * 60) <= height]
        # Column separators.
        painter.setPen(QPen(colors.line, 1))
        for i in range(len(grid.columns) + 1):
            x = grid.x_of(i)
            painter.drawLine(QPointF(x, grid.header_height), QPointF(x, height))
        self._paint_column_clocks(painter, colors, small, metrics)
        self._paint_busy(painter, colors, small, metrics)
        painter.setFont(font)
        self._paint_blocks(painter)
        if ghost is not None:
            day_index, start, end = ghost
            rect = QRectF(
                grid.x_of(day_index) + 1,
                grid.y_of(start),
                col - 3,
                grid.y_of(end) - grid.y_of(start),
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
        self._paint_header(painter, colors, font, small, dark)

    def _working_of(self, column: GridColumn) -> tuple[tuple[int, int], ...] | None:
        """A column's working spans (its own, else the grid's weekly hours), None: no shading."""
        grid = self._grid
        if column.working is not None:
            return tuple(column.working)
        if grid.hours is None:
            return None
        return tuple((w.start, w.end) for w in grid.hours.on(column.day.weekday()))

    def _paint_gutters(
        self,
        painter: QPainter,
        colors: palette.GridColors,
        small: QFont,
        metrics: QFontMetrics,
        hours: list[int],
    ) -> None:
        """The grid's scale and the second zone's, fixed on the left while columns scroll."""
        grid = self._grid
        left = grid._left()
        height = grid.viewport().height()
        painter.fillRect(QRectF(0, grid.header_height, left, height), colors.background)
        painter.setPen(QPen(colors.line, 1))
        painter.drawLine(QPointF(left, grid.header_height), QPointF(left, height))
        if grid.second_zone:
            painter.drawLine(
                QPointF(grid.gutter_width, grid.header_height), QPointF(grid.gutter_width, height)
            )
        painter.setFont(small)
        painter.setPen(colors.muted)
        second_labels = self.second_labels()
        line_h = metrics.height()
        for hour in hours:
            y = grid.y_of(hour * 60)
            # Labels are centred on their line: skip those the fixed header would cut.
            if hour in (0, 24) or y - line_h / 2 < grid.header_height:
                continue
            label = i18n.format_time(datetime(2000, 1, 1, hour, 0))
            rect = QRectF(0, y - line_h / 2, grid.gutter_width - 6, line_h)
            painter.drawText(rect, _RIGHT, label)
            if hour in second_labels:
                painter.drawText(rect.translated(grid.gutter_width, 0), _RIGHT, second_labels[hour])

    def _paint_column_clocks(
        self, painter: QPainter, colors: palette.GridColors, small: QFont, metrics: QFontMetrics
    ) -> None:
        """A closer's own clock down their column, when it is not the grid's."""
        grid = self._grid
        if not any(c.marks for c in grid.columns):
            return
        painter.setFont(small)
        painter.setPen(colors.muted)
        line_h = metrics.height()
        col = grid.column_width()
        for i, column in enumerate(grid.columns):
            x = grid.x_of(i)
            for row, hour in column.marks:
                y = grid.y_of(row)
                if 0 < row < DAY_MINUTES and y - line_h / 2 > grid.header_height:
                    label = i18n.format_time(datetime(2000, 1, 1, hour, 0))
                    painter.drawText(QRectF(x + 3, y + 1, col - 6, line_h), _TOP_LEFT, label)

    def _paint_busy(
        self, painter: QPainter, colors: palette.GridColors, small: QFont, metrics: QFontMetrics
    ) -> None:
        """Imported busy time: hatched, with its calendar's name where there is room."""
        grid = self._grid
        if not grid.busy:
            return
        col = grid.column_width()
        hatch = QBrush(colors.muted, Qt.BrushStyle.BDiagPattern)
        tint = QColor(colors.muted)
        tint.setAlpha(40)
        painter.setPen(QPen(colors.muted, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(small)
        line_h = metrics.height()
        placed = []
        for busy in grid.busy:
            x = grid.x_of(busy.day_index)
            top, bottom = grid.y_of(busy.start), grid.y_of(busy.end)
            if bottom < grid.header_height or top > grid.viewport().height():
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
            shown = QRectF(rect.x() + 4, max(rect.y(), grid.header_height) + 1, rect.width(), 0)
            text = _TEXTS.elided(label, "busy", metrics, int(rect.width() - 8))
            size = metrics.boundingRect(text)
            back = QColor(colors.background)
            back.setAlpha(200)
            painter.fillRect(QRectF(shown.x() - 1, shown.y(), size.width() + 3, line_h), back)
            shown.setSize(QSizeF(rect.width() - 8, line_h))
            painter.drawText(shown, _TOP_LEFT, text)

    def second_labels(self) -> dict[int, str]:
        """The second zone's time at each of the grid's hours (1 to 23) of the first column's
        day, hours that do not exist on the grid's clock left out."""
        grid = self._grid
        if not grid.second_zone or not grid.columns:
            return {}
        day = grid.columns[0].day
        key = (day, grid.zone, grid.second_zone)
        if self._second_cache is not None and self._second_cache[0] == key:
            return self._second_cache[1]
        labels = {}
        for hour in range(1, 24):
            try:
                instant = tz.localize(datetime(day.year, day.month, day.day, hour), grid.zone)
            except CloserDeskError:
                continue
            labels[hour] = i18n.format_time(tz.convert(instant, grid.second_zone))
        self._second_cache = (key, labels)
        return labels

    def _paint_blocks(self, painter: QPainter) -> None:
        # The hot loop of a week switch (300 calls): geometry is inlined, colours, fonts and
        # laid-out text come ready-made, and text is elided only when a cheap estimate says
        # it may not fit.
        grid = self._grid
        font_key, _font, small, bold, title_metrics, small_metrics = self._font_set()
        title_h, small_h = title_metrics.height(), small_metrics.height()
        title_char, small_char = title_metrics.maxWidth() * 0.6, small_metrics.maxWidth() * 0.6
        col = grid.column_width()
        left = grid.x_of(0)
        scale = grid.hour_height / 60
        top0 = grid.header_height - grid.verticalScrollBar().value()
        height = grid.viewport().height()
        width_px = grid.viewport().width()
        gutter = grid._left()
        selected = grid.selected_id
        marks = grid.marks
        placed = []
        pen: object = None  # the pen or text colour last set, not to set it again
        brush: object = None
        for block in grid.blocks:
            top = top0 + block.start * scale + 1
            bottom = top0 + block.end * scale - 1
            if bottom < grid.header_height or top > height:
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

    def _paint_now(self, painter: QPainter, colors: palette.GridColors) -> None:
        grid = self._grid
        now = tz.convert(self._clock(), grid.zone)
        columns = [i for i, c in enumerate(grid.columns) if c.day == now.date()]
        if not columns:
            return
        y = grid.y_of(now.hour * 60 + now.minute)
        if y < grid.header_height:
            return
        painter.setPen(QPen(colors.now, 2))
        painter.drawLine(QPointF(grid._left(), y), QPointF(grid.viewport().width(), y))
        painter.setBrush(colors.now)
        for i in columns:
            painter.drawEllipse(QPointF(grid.x_of(i) + 1, y), 4, 4)

    def day_titles(self, width: int, metrics: QFontMetrics) -> dict[date, str]:
        """The titles of the days shown, all in one format: the longest that fits every
        column (``Tuesday 3 March 2026`` alone, ``Tue 3 Mar``, ``Tue 3``), then the narrow
        day names (``T 3``) only where no two days shown share a letter, else ``3``."""
        grid = self._grid
        days = tuple(dict.fromkeys(c.day for c in grid.columns if not c.title))
        key = (days, width, len(grid.columns) == 1)
        found = self._header_cache.get(key)
        if found is None:
            found = _day_titles(days, width, metrics, alone=key[2])
            if len(self._header_cache) > 512:
                self._header_cache.clear()
            self._header_cache[key] = found
        return found

    def _paint_header(
        self, painter: QPainter, colors: palette.GridColors, font: QFont, small: QFont, dark: bool
    ) -> None:
        grid = self._grid
        width = grid.viewport().width()
        left = grid._left()
        painter.fillRect(QRectF(0, 0, width, grid.header_height), colors.alt_background)
        today = tz.convert(self._clock(), grid.zone).date()
        _key, _font, _small, bold, _bm, small_metrics = self._font_set()
        main_metrics = QFontMetrics(bold)
        col = grid.column_width()
        main_h, small_h = main_metrics.height(), small_metrics.height()
        holidays = grid._holidays_by_column()
        titles = self.day_titles(int(col) - 6, main_metrics)
        shade = int(dark)
        painter.setClipRect(QRectF(left, 0, width - left, grid.header_height))
        for i, column in enumerate(grid.columns):
            x = grid.x_of(i)
            if x + col < left or x > width:
                continue
            marks = holidays[i]
            if marks is not None and marks.closer:
                tint = QColor(_HOLIDAY[shade])
                tint.setAlpha(36)
                painter.fillRect(QRectF(x, 0, col, grid.header_height), tint)
            if column.color:  # the closer's colour under their name
                painter.fillRect(
                    QRectF(x + 1, grid.header_height - 4, col - 2, 3), QColor(column.color)
                )
            is_today = column.day == today and not column.title
            painter.setFont(bold if is_today or column.title else font)
            painter.setPen(colors.today if is_today else colors.text)
            inner = int(col) - 6
            text = (
                _TEXTS.elided(column.title, "header", main_metrics, inner)
                if column.title
                else titles[column.day]
            )
            y = 6.0
            painter.drawText(QRectF(x + 3, y, inner, main_h), _CENTER, text)
            y += main_h
            painter.setFont(small)
            lines: list[tuple[str, QColor]] = []
            if column.subtitle:
                lines.append((column.subtitle, colors.muted))
            if marks is not None and marks.closer:
                lines.append((marks.closer, _HOLIDAY[shade]))
            if marks is not None and marks.prospect:
                lines.append((f"{marks.prospect_country}: {marks.prospect}", _THEIR_HOLIDAY[shade]))
            for line, color in lines:
                painter.setPen(color)
                shown = _TEXTS.elided(line, "header-small", small_metrics, inner)
                painter.drawText(QRectF(x + 3, y, inner, small_h), _CENTER, shown)
                y += small_h
            if marks is not None and marks.prospect:
                # The prospect's holiday is underlined with dashes in its own colour.
                painter.setPen(QPen(_THEIR_HOLIDAY[shade], 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + 6, y), QPointF(x + col - 6, y))
        painter.setClipping(False)
        painter.setPen(QPen(colors.line, 1))
        painter.drawLine(
            QPointF(0, grid.header_height - 0.5), QPointF(width, grid.header_height - 0.5)
        )
        painter.setFont(small)
        painter.setPen(colors.muted)
        gutters = [(0, grid.zone)] + (
            [(grid.gutter_width, grid.second_zone)] if grid.second_zone else []
        )
        for x, zone_name in gutters:
            label = small_metrics.elidedText(
                i18n.city(zone_name), Qt.TextElideMode.ElideRight, grid.gutter_width - 6
            )
            painter.drawText(
                QRectF(x, 0, grid.gutter_width - 4, grid.header_height - 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                label,
            )


def _day_titles(
    days: tuple[date, ...], width: int, metrics: QFontMetrics, *, alone: bool
) -> dict[date, str]:
    """One format for every day (columns side by side that abbreviate differently read as
    noise): the first of the formats whose every title fits ``width``."""
    formats: list[Callable[[date], str]] = [_long_date] if alone else []
    formats += [i18n.format_day_month, i18n.format_day_header, _undotted_day_header]
    for make in formats:
        if (titles := _fitting(days, make, width, metrics)) is not None:
            return titles
    # "M 29 · M 30" (mardi, mercredi) cannot be told apart: the day alone says less but
    # never misleads.
    distinct = len({_narrow_day_name(d) for d in days}) == len({d.isoweekday() for d in days})
    if distinct and (titles := _fitting(days, _narrow_day_header, width, metrics)) is not None:
        return titles
    return {d: str(d.day) for d in days}


def _fitting(
    days: tuple[date, ...], make: Callable[[date], str], width: int, metrics: QFontMetrics
) -> dict[date, str] | None:
    """Every day's title in format ``make``, or None when one is wider than ``width``."""
    titles = {}
    for day in days:
        title = titles[day] = make(day)
        if metrics.horizontalAdvance(title) > width:
            return None
    return titles


def _long_date(day: date) -> str:
    return i18n.format_date(day, long=True)


def _narrow_day_header(day: date) -> str:
    return f"{_narrow_day_name(day)} {day.day}"


def _undotted_day_header(day: date) -> str:
    """``mar 3`` for ``mar. 3``: the day header a few pixels narrower."""
    return i18n.format_day_header(day).replace(".", "")


def _narrow_day_name(day: date) -> str:
    """``T`` for Tuesday (``M`` for mardi): the narrowest a day header gets before the date
    alone."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.NarrowFormat)
