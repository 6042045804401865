"""Colours for calls and the grid, readable on light and dark palettes, and the theme.

The window follows the system's colour scheme (``QStyleHints.colorScheme``) unless the closer
chose light or dark (``apply_theme``, from the preferences); a company's colour is mixed
towards the background so the text on a block keeps enough contrast in both.

Qt's Fusion style rings a radio button with its window colour darkened and fills it with the
base colour: on a dark palette both are near black and the ring all but vanishes (the choice
of a DST change, the zone a time is typed in). In a dark theme the application's style is
wrapped in ``ReadableIndicators`` (``_indicator_style``), which draws the ring in the text
colour toned down towards the base and the checked dot in the highlight colour whenever the
palette it paints with is dark; on a light one it leaves the style's own drawing alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProxyStyle


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


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes (for a desktop that offers none)."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2a2a2a"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"),
        (role.BrightText, "#ffffff"),
        (role.Highlight, "#3d7fd9"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8ab4f8"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e8e8e8"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.Light, "#4a4a4a"),
        (role.Midlight, "#3e3e3e"),
        (role.Mid, "#2f2f2f"),
        (role.Dark, "#1a1a1a"),
        (role.Shadow, "#000000"),
    ):
        p.setColor(r, QColor(c))
    for r in (role.Text, role.ButtonText, role.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return p


_themed = False


def apply_theme(app: QApplication, theme: str) -> None:
    """Light, dark, or the desktop's ("system") colours, now: every widget repaints.

    The colour scheme is asked of the desktop too, so that what follows it (Qt's own dialogs,
    the style) agrees; where the desktop offers no dark palette (Xvfb, a bare window manager)
    the window's own is used.
    """
    global _themed
    hints = app.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        _readable_indicators(app)
        app.setPalette(dark_palette())
        _themed = True
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
        _themed = True
    elif _themed:  # back to the desktop's (at start, nothing was changed: nothing to undo)
        hints.unsetColorScheme()
        # An empty palette is resolved against the desktop's, and follows it when it changes.
        app.setPalette(QPalette())
        _themed = False
    if theme == "system" and is_dark():
        _readable_indicators(app)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(color: QColor, background: QColor, text: QColor, ratio: float = 4.5) -> QColor:
    """``color``, moved towards ``text`` until it reads on ``background``."""
    weight = 1.0
    mixed = QColor(color)
    while contrast(mixed, background) < ratio and weight > 0:
        weight = round(weight - 0.1, 2)
        mixed = _mix(color, text, weight)
    return mixed


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
    header = _mix(base, text, 0.96)
    return GridColors(
        background=base,
        alt_background=header,
        line=_mix(text, base, 0.18),
        half_line=_mix(text, base, 0.08),
        text=text,
        muted=_mix(text, base, 0.6),
        now=QColor("#ff5a5a") if dark else QColor("#d92b2b"),
        # The highlight colour marks today; a dark theme's (a deep blue) can vanish into the
        # header: lightened towards the text until it reads there.
        today=readable(palette.color(QPalette.ColorRole.Highlight), header, text),
        off_hours=_mix(base, text, 0.93),
    )


def ring_colour(palette: QPalette, enabled: bool = True) -> QColor:
    """The ring of a radio button on a dark ``palette``."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return _mix(text, base, 0.7 if enabled else 0.4)


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@lru_cache(maxsize=1)
def _indicator_style() -> type[QProxyStyle]:
    """``ReadableIndicators``, the application's style with radio buttons drawn to read on a
    dark palette: made the first time a dark theme needs it, when PySide builds QStyle's
    Python types (their enums are about 10 ms of a start in a light theme, which never uses
    them)."""
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption

    class ReadableIndicators(QProxyStyle):
        """The application's style, with radio buttons drawn to read on a dark palette."""

        def drawPrimitive(  # Qt's name
            self,
            element: QStyle.PrimitiveElement,
            option: QStyleOption,
            painter: QPainter,
            widget: QWidget | None = None,
        ) -> None:
            if element != QStyle.PrimitiveElement.PE_IndicatorRadioButton or not _dark(
                option.palette
            ):
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
                dot = (
                    palette.color(QPalette.ColorRole.Highlight) if enabled else ring_colour(palette)
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_mix(dot, palette.color(QPalette.ColorRole.Text), 0.75))
                inner = side * 0.28
                painter.drawEllipse(rect.center(), inner, inner)
            painter.restore()

    return ReadableIndicators


def _readable_indicators(app: QApplication) -> None:
    """Wrap the application's style in ``ReadableIndicators`` (once)."""
    style = _indicator_style()
    if isinstance(app.style(), style):
        return
    palette = app.palette()
    app.setStyle(style(app.style().name()))
    # A new style brings its own palette: the one in force stays.
    app.setPalette(palette)
