"""A strip of hours across the zones of a call: one row per party, each with its own local
hours written in and its working time shaded; the free slots on a last row.

The widget only paints what it is given (rows of spans and labels computed by the planner from
core); it reads no clock and no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

HOURS = 24
_LABEL_WIDTH = 150
_ROW_HEIGHT = 26


@dataclass(frozen=True, slots=True)
class StripRow:
    """One row of the strip.

    Attributes:
        label: who and where ("Camille · Paris").
        hour_labels: the row's local time at each of the 24 hour marks.
        spans: shaded parts, as fractions of the day ``[0, 1]``.
        color: the shade.
    """

    label: str
    hour_labels: tuple[str, ...]
    spans: tuple[tuple[float, float], ...] = ()
    color: str = "#3b82f6"


@dataclass(frozen=True, slots=True)
class StripContent:
    """What the strip shows: the parties' rows, the free slots and the selected one."""

    title: str = ""
    rows: tuple[StripRow, ...] = ()
    free: tuple[tuple[float, float], ...] = ()
    selected: tuple[float, float] | None = None
    free_label: str = ""


class HourStrip(QWidget):
    """Custom-painted hours of one day across zones.

    Attributes:
        content: what is painted (set with ``set_content``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = StripContent()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Hours across time zones"))

    def set_content(self, content: StripContent) -> None:
        """Show ``content``."""
        self.content = content
        self.updateGeometry()
        self.update()

    def _row_count(self) -> int:
        return len(self.content.rows) + 1

    def sizeHint(self) -> QSize:
        return QSize(_LABEL_WIDTH + HOURS * 28, (self._row_count() + 1) * _ROW_HEIGHT + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(_LABEL_WIDTH + HOURS * 12, (self._row_count() + 1) * _ROW_HEIGHT + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(60)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width = max(1.0, float(self.width() - _LABEL_WIDTH - 4))
        hour = width / HOURS
        font = painter.font()
        painter.setPen(text)
        painter.drawText(
            QRectF(4, 0, self.width() - 8, _ROW_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.content.title,
        )
        rows = [
            *self.content.rows,
            StripRow(self.content.free_label, (), self.content.free, "#16a34a"),
        ]
        small = painter.font()
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        for n, row in enumerate(rows):
            top = (n + 1) * _ROW_HEIGHT
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(
                QRectF(4, top, _LABEL_WIDTH - 8, _ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.fontMetrics().elidedText(
                    row.label, Qt.TextElideMode.ElideRight, _LABEL_WIDTH - 8
                ),
            )
            shade = QColor(row.color)
            shade.setAlpha(110)
            for lo, hi in row.spans:
                painter.fillRect(
                    QRectF(
                        _LABEL_WIDTH + lo * width,
                        top + 3,
                        max(1.0, (hi - lo) * width),
                        _ROW_HEIGHT - 6,
                    ),
                    shade,
                )
            painter.setFont(small)
            painter.setPen(text)
            for h, label in enumerate(row.hour_labels[:HOURS]):
                if h % 3 == 0:
                    painter.drawText(
                        QRectF(_LABEL_WIDTH + h * hour + 2, top, hour * 3, _ROW_HEIGHT),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        label,
                    )
        painter.setPen(grid)
        bottom = (len(rows) + 1) * _ROW_HEIGHT
        for h in range(HOURS + 1):
            x = _LABEL_WIDTH + h * hour
            painter.drawLine(int(x), _ROW_HEIGHT, int(x), bottom)
        if self.content.selected is not None:
            lo, hi = self.content.selected
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(
                QRectF(
                    _LABEL_WIDTH + lo * width,
                    _ROW_HEIGHT,
                    max(2.0, (hi - lo) * width),
                    bottom - _ROW_HEIGHT,
                )
            )

    @staticmethod
    def fractions(
        spans: Sequence[tuple[int, int]], day_lo: int, day_hi: int
    ) -> tuple[tuple[float, float], ...]:
        """Epoch-second spans as fractions of ``[day_lo, day_hi)``, clipped."""
        length = float(day_hi - day_lo)
        out = []
        for lo, hi in spans:
            a, b = max(lo, day_lo), min(hi, day_hi)
            if a < b:
                out.append(((a - day_lo) / length, (b - day_lo) / length))
        return tuple(out)
