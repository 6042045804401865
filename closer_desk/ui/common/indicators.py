"""Radio buttons readable on a dark palette (``palette.readable_indicators``).

Qt's Fusion style rings a radio button with its window colour darkened and fills it with the
base colour: on a dark palette both are near black and the ring all but vanishes.
``ReadableIndicators`` draws the ring in the text colour toned down towards the base and the
checked dot in the highlight colour whenever the palette it paints with is dark; on a light
one it leaves the style's own drawing alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from closer_desk.ui.common.palette import _mix, ring_colour


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ReadableIndicators(QProxyStyle):
    """The application's style, with radio buttons drawn to read on a dark palette."""

    def drawPrimitive(  # Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorRadioButton or not _dark(option.palette):
            super().drawPrimitive(element, option, painter, widget)
            return
        palette: QPalette = option.palette
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(rect.width(), rect.height())
        rect = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        ring = palette.color(QPalette.ColorRole.Highlight) if focused else None
        painter.setPen(QPen(ring or ring_colour(palette, enabled), 1.5))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(rect)
        if state & QStyle.StateFlag.State_On:
            dot = palette.color(QPalette.ColorRole.Highlight) if enabled else ring_colour(palette)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(dot, palette.color(QPalette.ColorRole.Text), 0.75))
            inner = side * 0.28
            painter.drawEllipse(rect.center(), inner, inner)
        painter.restore()


def wrap_style(app: QApplication) -> None:
    """Wrap the application's style in ``ReadableIndicators`` (once)."""
    if isinstance(app.style(), ReadableIndicators):
        return
    palette = app.palette()
    app.setStyle(ReadableIndicators(app.style().name()))
    # A new style brings its own palette: the one in force stays.
    app.setPalette(palette)
