"""Under the selected call's details: what a sync found about it ("To rebook: overlaps the call
with … booked before it"), when two calls of one closer were booked at the same hour on two
machines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from closer_desk.core.model import AgendaEntry, Changes
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:  # built before the window's first paint: the sync's modules come later
    from closer_desk.core.sync.overlaps import Flag
    from closer_desk.store import Agenda

Found = tuple["Flag", AgendaEntry | None] | None


def _flag_of(agenda: Agenda, appointment_id: int) -> Found:
    from closer_desk.core.errors import NotFoundError
    from closer_desk.store.sync import api

    for flagged in api.flags(agenda):
        if flagged.appointment_id == appointment_id:
            try:
                other: AgendaEntry | None = agenda.entry(flagged.other_id)
            except NotFoundError:
                other = None
            return flagged.flag, other
    return None


class SyncFlagNote(QLabel):
    """The sync's flag of the call in the details pane (hidden when it has none).

    Signals:
        requested(Request): never emitted (a ``Room``: it hears every change).
    """

    requested = Signal(object)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.appointment_id: int | None = None
        self.flag: Flag | None = None
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 4px; }"
        )
        self.hide()

    def set_appointment(self, appointment_id: int | None) -> None:
        """Show the flag of this call (None: no call)."""
        self.appointment_id = appointment_id
        self._read()

    def on_changes(self, changes: Changes) -> None:
        """A sync (an outside change) may have flagged or cleared this call."""
        if self.appointment_id is not None and (
            changes.unknown or self.appointment_id in changes.appointments
        ):
            self._read()

    def _read(self) -> None:
        wanted = self.appointment_id
        if wanted is None:
            self._show(None)
            return

        def shown(found: Found) -> None:
            if wanted == self.appointment_id:
                self._show(found)

        self.source.query(self, lambda agenda: _flag_of(agenda, wanted), shown, lambda _e: None)

    def _show(self, found: Found) -> None:
        self.flag = found[0] if found else None
        if found is None:
            self.hide()
            return
        from closer_desk.core.sync.overlaps import Flag

        flag, other = found
        name = other.prospect_name if other is not None else "?"
        when = (
            i18n.call_time(other.appointment.start, other.closer_zone) if other is not None else ""
        )
        if flag == Flag.REBOOK:
            text = self.tr("To rebook: overlaps the call with %1 (%2), booked before it.")
        else:
            text = self.tr("Overlaps the call with %1 (%2), booked after it: that one moves.")
        self.setText(text.replace("%1", name).replace("%2", when))
        self.show()
