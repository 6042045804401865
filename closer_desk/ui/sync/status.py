"""The sync's state in the status bar: last sync, changes waiting, offline, and the conflicts
(a button that opens the conflict dialog)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from closer_desk.core import tz
from closer_desk.ui.common import i18n
from closer_desk.ui.sync.scheduler import SyncState

#: The widest the state may be in the status bar.
MOST_PX = 520


class SyncStatus(QWidget):
    """One line: "Synced 14:05 · 2 changes to send", "Offline: …", and "1 conflict".

    Attributes:
        label: the state in words.
        conflicts: the button naming the conflicts (hidden when there are none).
    """

    def __init__(
        self, clock: Callable[[], datetime], zone: str = "UTC", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.zone = zone
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.conflicts = QPushButton(self)
        self.conflicts.setFlat(True)
        # Bold and underlined, not coloured: a link colour is unreadable on some dark themes.
        self.conflicts.setStyleSheet(
            "QPushButton { font-weight: bold; text-decoration: underline; padding: 0 4px; }"
        )
        self.conflicts.hide()
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts)
        self.hide()

    def _when(self, instant: datetime) -> str:
        local = tz.convert(instant, self.zone)
        today = tz.convert(self.clock(), self.zone).date()
        if local.date() == today:
            return i18n.format_time(local)
        return f"{i18n.format_day_month(local.date())} {i18n.format_time(local)}"

    def show_state(self, state: SyncState) -> None:
        """Show ``state`` (nothing at all while no closer shares a calendar)."""
        self.setVisible(state.synced)
        if not state.synced:
            return
        parts = []
        if state.running:
            parts.append(self.tr("Syncing…"))
        elif state.offline:
            parts.append(self.tr("Offline: the sync resumes when the server answers"))
        elif state.error:
            parts.append(state.error)
        elif state.last_sync is not None:
            parts.append(self.tr("Synced %1").replace("%1", self._when(state.last_sync)))
        else:
            parts.append(self.tr("Not synced yet"))
        if state.pending:
            parts.append(self.tr("To send: %n", "", state.pending))
        # A long error must not push the rest of the status bar away: the whole of it is in
        # the tooltip.
        text = " · ".join(parts)
        self.label.setText(
            self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, MOST_PX)
        )
        tip = [text] if state.error else []
        tip += [f"{s.account.closer}: {s.account.url}" for s in state.states]
        self.label.setToolTip("\n".join(tip))
        self.conflicts.setVisible(bool(state.conflicts))
        self.conflicts.setText(self.tr("Conflicts: %n", "", state.conflicts))
