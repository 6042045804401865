"""Colours for calls and the grid, readable on light and dark palettes.

The window follows the system's colour scheme (``QStyleHints.colorScheme``); a company's colour
is mixed towards the background so the text on a block keeps enough contrast in both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


def is_dark() -> bool:
    """True when the system (or the palette) asks for dark colours."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _mix(a: QColor, b: QColor, weight: float) -> QColor:
    """``weight`` of ``a`` and the rest of ``b``."""
    return QColor(
        round(a.red() * weight + b.red() * (1 - weight)),
        round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )


@dataclass(frozen=True)
class BlockColors:
    """How one call's block is painted."""

    fill: QColor
    border: QColor
    text: QColor
    muted: QColor


def block_colors(company_color: str, dark: bool, faded: bool = False) -> BlockColors:
    """Fill, border and text colours for a call of a company of ``company_color``."""
    base = QColor(company_color)
    if not base.isValid():
        base = QColor("#3b82f6")
    if dark:
        fill = _mix(base, QColor("#1e1e1e"), 0.45)
        text, muted = QColor("#f5f5f5"), QColor("#cfcfcf")
        border = base.lighter(130)
    else:
        fill = _mix(base, QColor("#ffffff"), 0.22)
        text, muted = QColor("#111111"), QColor("#3d3d3d")
        border = base.darker(115)
    if faded:
        background = QColor("#1e1e1e") if dark else QColor("#ffffff")
        fill = _mix(fill, background, 0.4)
        text = _mix(text, background, 0.6)
        muted = text
    return BlockColors(fill, border, text, muted)


@dataclass(frozen=True)
class GridColors:
    """The grid's own colours."""

    background: QColor
    alt_background: QColor
    line: QColor
    half_line: QColor
    text: QColor
    muted: QColor
    now: QColor
    today: QColor
    off_hours: QColor


def grid_colors(palette: QPalette, dark: bool) -> GridColors:
    """Grid colours derived from the widget palette."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return GridColors(
        background=base,
        alt_background=_mix(base, text, 0.96),
        line=_mix(text, base, 0.18),
        half_line=_mix(text, base, 0.08),
        text=text,
        muted=_mix(text, base, 0.6),
        now=QColor("#ff5a5a") if dark else QColor("#d92b2b"),
        today=palette.color(QPalette.ColorRole.Highlight),
        off_hours=_mix(base, text, 0.93),
    )
