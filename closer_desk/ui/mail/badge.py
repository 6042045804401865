"""The invite badge of the selected call, in the details pane: where its invite stands (not
sent, queued, sent, failed with the reason, the prospect's answer, a new time proposed), with
"Send invite" and, for a proposed new time, Accept and Decline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from closer_desk.core import tz
from closer_desk.core.mail.state import InviteState, InviteStatus
from closer_desk.core.model import Changes
from closer_desk.ui.common import i18n
from closer_desk.ui.common.button_rows import ButtonRows
from closer_desk.ui.common.room import Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.mail import jobs
from closer_desk.ui.mail.words import invite_state_text, stored_reason

#: Badge colours (background, text), readable on light and dark themes alike.
_COLOURS = {
    InviteState.NOT_SENT: ("#e0e0e0", "#212121"),
    InviteState.QUEUED: ("#fff3c4", "#5d4037"),
    InviteState.SENT: ("#d6e9ff", "#0d3c73"),
    InviteState.FAILED: ("#ffd6d6", "#8e0000"),
    InviteState.ACCEPTED: ("#d4f5d4", "#1b5e20"),
    InviteState.DECLINED: ("#ffd6d6", "#8e0000"),
    InviteState.TENTATIVE: ("#fff3c4", "#5d4037"),
    InviteState.COUNTER: ("#ead9ff", "#4a148c"),
}

#: The dot on a call's block in the grid: the invites the prospect has, and their answers
#: (saturated enough for light and dark grids; none for a call never sent).
MARKS = {
    InviteState.QUEUED: "#fb8c00",
    InviteState.SENT: "#1e88e5",
    InviteState.FAILED: "#e53935",
    InviteState.ACCEPTED: "#43a047",
    InviteState.DECLINED: "#e53935",
    InviteState.TENTATIVE: "#fb8c00",
    InviteState.COUNTER: "#8e24aa",
}


class InviteBadge(QWidget):
    """The selected call's invite.

    Attributes:
        status: what was last read (None before, or with no call).
        badge: the state's word; ``detail`` the reason or the proposed time.

    Signals:
        requested(object): never (a ``Room``).
        send_requested(int): send that call's invite now.
        counter_answered(int, bool): accept (True) or decline the proposed new time.
        loaded(): the badge shows what the agenda holds.
    """

    requested = Signal(object)
    send_requested = Signal(int)
    counter_answered = Signal(int, bool)
    loaded = Signal()

    def __init__(
        self, source: AgendaSource, zone: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._zone = zone
        self.appointment_id: int | None = None
        self.status: InviteStatus | None = None
        self.badge = QLabel(self)
        self.badge.setObjectName("invite_badge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send invite"), self)
        self.accept_button = QPushButton(self.tr("Accept new time"), self)
        self.decline_button = QPushButton(self.tr("Decline new time"), self)
        self.send_button.clicked.connect(self._send)
        self.accept_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        # The badge beside its button, or above it in a narrow pane; the same for the answers.
        top = ButtonRows()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge)
        top.addWidget(self.send_button)
        counter = ButtonRows()
        counter.setContentsMargins(0, 0, 0, 0)
        counter.addWidget(self.accept_button)
        counter.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addLayout(counter)
        self._staleness = Staleness(self, self.reload)
        self._show(None)

    def set_appointment(self, appointment_id: int | None) -> None:
        """Show the invite of this call (None: of no call)."""
        self.appointment_id = appointment_id
        if appointment_id is None:
            self._show(None)
            return
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        """Read again when this call, or its invite, changed."""
        call = self.appointment_id
        if call is not None and (
            changes.unknown or call in changes.invites or call in changes.appointments
        ):
            self._staleness.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Read what changed while hidden."""
        self._staleness.shown()
        super().showEvent(event)

    def reload(self) -> None:
        """Read the call's invite state (worker)."""
        call = self.appointment_id
        if call is None:
            return

        def shown(status: InviteStatus) -> None:
            if call == self.appointment_id:
                self._show(status)

        def gone(_error: BaseException) -> None:
            if call == self.appointment_id:
                self._show(None)

        self._source.query(self, lambda agenda: jobs.invite_status(agenda, call), shown, gone)

    def _show(self, status: InviteStatus | None) -> None:
        self.status = status
        self.setVisible(status is not None)
        if status is None:
            self.loaded.emit()
            return
        background, text = _COLOURS[status.state]
        self.badge.setText(invite_state_text(status.state))
        self.badge.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border-radius: 8px;"
            " padding: 2px 8px; font-weight: bold; }"
        )
        detail = ""
        if status.state == InviteState.FAILED and status.reason:
            detail = stored_reason(status.reason)
        elif status.state == InviteState.COUNTER and status.proposed:
            start = tz.convert(status.proposed[0], self._zone())
            detail = (
                self.tr("The prospect proposes %1 at %2.")
                .replace("%1", i18n.format_day_month(start.date()))
                .replace("%2", i18n.format_time(start))
            )
        elif status.sent is not None:
            sent = tz.convert(status.sent, self._zone())
            detail = (
                self.tr("Last sent %1 at %2.")
                .replace("%1", i18n.format_day_month(sent.date()))
                .replace("%2", i18n.format_time(sent))
            )
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.send_button.setText(
            self.tr("Send invite")
            if status.state in (InviteState.NOT_SENT, InviteState.FAILED)
            else self.tr("Send again")
        )
        self.send_button.setEnabled(status.state != InviteState.QUEUED)
        counter = status.state == InviteState.COUNTER
        self.accept_button.setVisible(counter)
        self.decline_button.setVisible(counter)
        self.loaded.emit()

    def _send(self) -> None:
        if self.appointment_id is not None:
            self.send_requested.emit(self.appointment_id)

    def _answer(self, accept: bool) -> None:
        if self.appointment_id is not None:
            self.counter_answered.emit(self.appointment_id, accept)
