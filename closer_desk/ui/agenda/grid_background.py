"""The time grid's day behind the calls: off hours shaded per column, hour and half-hour lines.

It is the same picture from one week to the next of a closer (the same hours, the same size),
so it is painted once into a pixmap as tall as the whole day and copied into each paint at the
scroll position: a week switch then paints the calls, the gutters and the header only (the
dotted half-hour lines alone cost a frame's twentieth). Whatever the picture shows is in its
key; another key paints it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap

from closer_desk.core.grid_time import DAY_MINUTES
from closer_desk.ui.common.palette import GridColors

#: Each column's working spans (minutes of the grid's day), or None for no shading at all.
Working = tuple[tuple[int, int], ...] | None


class GridBackground:
    """The day's background of a time grid, kept as a pixmap while its key holds."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._pixmap: QPixmap | None = None

    def paint(
        self,
        painter: QPainter,
        colors: GridColors,
        *,
        xs: Sequence[float],
        column: float,
        working: Sequence[Working],
        left: float,
        width: int,
        day_top: float,
        clip_top: float,
        height: int,
        hour_height: int,
        ratio: float,
    ) -> None:
        """Copy the day into ``painter`` below ``clip_top`` and right of ``left``: column ``i``
        starts at ``xs[i]`` and is ``column`` wide, the day's midnight is at ``day_top``."""
        day_height = DAY_MINUTES * hour_height // 60 + 1
        key = (
            tuple(xs),
            column,
            tuple(working),
            left,
            width,
            hour_height,
            ratio,
            colors.background.rgba(),
            colors.off_hours.rgba(),
            colors.line.rgba(),
            colors.half_line.rgba(),
        )
        if key != self._key or self._pixmap is None:
            self._pixmap = _day_picture(colors, xs, column, working, left, width, day_height, ratio)
            self._pixmap.setDevicePixelRatio(ratio)
            self._key = key
        # The rows of the day in view, from the pixmap's to the viewport's.
        source_top = clip_top - day_top
        rows = min(height - clip_top, day_height - source_top)
        if rows > 0:
            painter.drawPixmap(
                QRectF(left, clip_top, width - left, rows),
                self._pixmap,
                QRectF(left * ratio, source_top * ratio, (width - left) * ratio, rows * ratio),
            )


def _day_picture(
    colors: GridColors,
    xs: Sequence[float],
    column: float,
    working: Sequence[Working],
    left: float,
    width: int,
    day_height: int,
    ratio: float,
) -> QPixmap:
    pixmap = QPixmap(QSize(max(1, round(width * ratio)), max(1, round(day_height * ratio))))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(colors.background)
    painter = QPainter(pixmap)
    try:
        scale = (day_height - 1) / DAY_MINUTES
        for x, spans in zip(xs, working, strict=True):
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
            painter.drawLine(QPointF(left, y), QPointF(width, y))
        painter.setPen(QPen(colors.half_line, 1, Qt.PenStyle.DotLine))
        for hour in range(24):
            y = (hour * 60 + 30) * scale
            painter.drawLine(QPointF(left, y), QPointF(width, y))
    finally:
        painter.end()
    return pixmap
