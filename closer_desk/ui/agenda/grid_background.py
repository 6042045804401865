"""The time grid's day behind the calls: off hours shaded per column, hour and half-hour lines.

It is the same picture from one week to the next of a closer (the same hours, the same size),
so it is painted once into a pixmap as tall as the whole day and copied into each paint at the
scroll position: a week switch then paints the calls, the gutters and the header only (the
dotted half-hour lines alone cost a frame's twentieth). Whatever the picture shows is in its
key; another key paints it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap

from closer_desk.core.grid_time import DAY_MINUTES
from closer_desk.ui.common.palette import GridColors

#: Each column's working spans (minutes of the grid's day), or None for no shading at all.
Working = tuple[tuple[int, int], ...] | None


@dataclass(frozen=True)
class DayPicture:
    """What the day's picture shows, and so its key: column ``i`` starts at ``xs[i]`` and is
    ``column`` wide, shaded outside ``working[i]``; lines run from ``left`` to ``width``."""

    xs: tuple[float, ...]
    column: float
    working: tuple[Working, ...]
    left: float
    width: int
    hour_height: int
    ratio: float
    colors: tuple[int, int, int, int]  # background, off hours, line, half line (RGBA)

    @property
    def day_height(self) -> int:
        return DAY_MINUTES * self.hour_height // 60 + 1


class GridBackground:
    """The day's background of a time grid, kept as a pixmap while what it shows holds."""

    def __init__(self) -> None:
        self._shown: DayPicture | None = None
        self._pixmap: QPixmap | None = None

    def paint(
        self,
        painter: QPainter,
        colors: GridColors,
        day: DayPicture,
        *,
        day_top: float,
        clip_top: float,
        height: int,
    ) -> None:
        """Copy the day into ``painter`` below ``clip_top`` and right of ``day.left``, the
        day's midnight at ``day_top``."""
        if day != self._shown or self._pixmap is None:
            self._pixmap = _day_picture(colors, day)
            self._shown = day
        # The rows of the day in view, from the pixmap's to the viewport's.
        ratio, left, width = day.ratio, day.left, day.width
        source_top = clip_top - day_top
        rows = min(height - clip_top, day.day_height - source_top)
        if rows > 0:
            painter.drawPixmap(
                QRectF(left, clip_top, width - left, rows),
                self._pixmap,
                QRectF(left * ratio, source_top * ratio, (width - left) * ratio, rows * ratio),
            )


def picture_colors(colors: GridColors) -> tuple[int, int, int, int]:
    """The colours a day's picture is painted with, as its key holds them."""
    return (
        colors.background.rgba(),
        colors.off_hours.rgba(),
        colors.line.rgba(),
        colors.half_line.rgba(),
    )


def _day_picture(colors: GridColors, day: DayPicture) -> QPixmap:
    width, day_height, column = day.width, day.day_height, day.column
    pixmap = QPixmap(QSize(max(1, round(width * day.ratio)), max(1, round(day_height * day.ratio))))
    pixmap.setDevicePixelRatio(day.ratio)
    pixmap.fill(colors.background)
    painter = QPainter(pixmap)
    try:
        scale = (day_height - 1) / DAY_MINUTES
        for x, spans in zip(day.xs, day.working, strict=True):
            if spans is None or x + column < 0 or x > width:
                continue
            painter.fillRect(QRectF(x, 0, column, day_height - 1), colors.off_hours)
            for start, end in spans:
                painter.fillRect(
                    QRectF(x, start * scale, column, (end - start) * scale), colors.background
                )
        painter.setPen(QPen(colors.line, 1))
        for hour in range(25):
            y = hour * 60 * scale
            painter.drawLine(QPointF(day.left, y), QPointF(width, y))
        painter.setPen(QPen(colors.half_line, 1, Qt.PenStyle.DotLine))
        for hour in range(24):
            y = (hour * 60 + 30) * scale
            painter.drawLine(QPointF(day.left, y), QPointF(width, y))
    finally:
        painter.end()
    return pixmap
