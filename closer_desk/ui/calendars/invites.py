"""A call's invite: saved to a file or put on the clipboard ("Save invite…" and "Copy invite"
in the Calendar menu and under the call's details). Private notes and the client file are
never in it (the invite's event builder leaves them out).

The invite is built from the agenda on the worker (``invite_data``); only asking where to save
it and the clipboard happen on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from closer_desk.core.ics.invite import invite
from closer_desk.core.model import Status
from closer_desk.store.ics_calls import parties_of
from closer_desk.ui.common.places import suggested

if TYPE_CHECKING:
    from closer_desk.store import Agenda

ICS_MIME = "text/calendar"


def invite_data(agenda: Agenda, appointment_id: int) -> tuple[bytes, str]:
    """The invite to send for a call (CANCEL if it is cancelled) and a file name for it."""
    appointment = agenda.appointment(appointment_id)
    data = invite(appointment, parties_of(agenda, appointment), now=agenda.now())
    kind = "cancel" if appointment.status == Status.CANCELLED else "invite"
    return data, f"{kind}-{appointment.id}-{appointment.start:%Y%m%d-%H%M}.ics"


def ask_where(parent: QWidget | None, name: str) -> Path | None:
    """ "Save invite…": where to save the invite called ``name``; None if the user cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save invite"),
        suggested(name),
        QCoreApplication.translate("ImportDialog", "Calendar files (*.ics)"),
    )
    return Path(chosen) if chosen else None


def put_on_clipboard(data: bytes) -> None:
    """ "Copy invite": the invite on the clipboard as text/calendar (and as plain text, for
    pasting into a mail)."""
    mime = QMimeData()
    mime.setData(ICS_MIME, data)
    mime.setText(data.decode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)
