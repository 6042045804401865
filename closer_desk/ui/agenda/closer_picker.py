"""The assistant's closer picker: which closers the agenda shows side by side.

A row of toggles above the agenda, one per closer, each with the colour that marks that
closer's calls when several share a view (it is the legend too). The closer picked in the
sidebar is always shown; the others are added beside them. Hidden while the agenda has one
closer. The choice is remembered in the settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from closer_desk.core.model import Closer

# Where the picked closers are remembered.
SETTINGS_KEY = "agenda/shown_closers"
# Marker colours, told apart on light and dark backgrounds and from the usual company
# colours; a closer keeps theirs (by id) whoever else is shown.
CLOSER_COLORS = (
    "#1565c0",
    "#d81b60",
    "#2e7d32",
    "#6a1b9a",
    "#ef6c00",
    "#00838f",
    "#827717",
    "#5d4037",
)


def closer_color(closer_id: int) -> str:
    """The marker colour of a closer."""
    return CLOSER_COLORS[(closer_id - 1) % len(CLOSER_COLORS)]


def initials(name: str) -> str:
    """``CD`` for Camille Durand: how a block says whose call it is without colour."""
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    return "".join(p[0].upper() for p in parts[:2]) or name[:2]


def _dot(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def read_shown(settings: QSettings | None) -> frozenset[int]:
    """The closers remembered as shown (ids)."""
    if settings is None:
        return frozenset()
    value = settings.value(SETTINGS_KEY, [])
    items = value if isinstance(value, list) else [value] if value else []
    return frozenset(int(str(v)) for v in items if str(v).isdigit())


class CloserPicker(QWidget):
    """A toggle per closer.

    Signals:
        changed(object): the ids of the closers picked beside the main one (frozenset).
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(4)
        self.label = QLabel(self.tr("Side by side:"), self)
        self._layout.addWidget(self.label)
        self._layout.addStretch(1)
        self.buttons: dict[int, QToolButton] = {}
        self.picked: frozenset[int] = frozenset()
        self.main_id: int | None = None
        self.hide()

    def set_closers(
        self, closers: Sequence[Closer], main_id: int | None, picked: frozenset[int]
    ) -> None:
        """The closers to pick from, the one always shown, and those picked beside them."""
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        known = {c.id for c in closers}
        self.picked = frozenset(picked & known)
        self.main_id = main_id
        for closer in closers:
            button = QToolButton(self)
            button.setText(closer.name)
            button.setIcon(_dot(closer_color(closer.id)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, c=closer.id: self._toggled(c, on))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons[closer.id] = button
        self._sync()
        self.setVisible(len(closers) > 1)

    def _sync(self) -> None:
        for closer_id, button in self.buttons.items():
            main = closer_id == self.main_id
            button.blockSignals(True)
            button.setChecked(main or closer_id in self.picked)
            button.blockSignals(False)
            button.setToolTip(
                self.tr("Picked in the sidebar: always shown")
                if main
                else self.tr("Show this closer's calls beside the others")
            )

    def set_picked(self, picked: frozenset[int]) -> None:
        """Show these as picked (without telling anyone)."""
        self.picked = frozenset(picked & self.buttons.keys())
        self._sync()

    def set_main(self, main_id: int | None) -> None:
        """Another closer was picked in the sidebar."""
        self.main_id = main_id
        self._sync()

    def _toggled(self, closer_id: int, on: bool) -> None:
        if closer_id == self.main_id:
            # The closer picked in the sidebar stays in view: unticking them does nothing
            # (their toggle stays bright, unlike a disabled one, which would read "not shown").
            self._sync()
            return
        self.picked = self.picked | {closer_id} if on else self.picked - {closer_id}
        self.changed.emit(self.picked)
