"""Questions the window asks the user, behind one object so tests can answer them."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from closer_desk.core import tz
from closer_desk.core.errors import (
    AgendaStorageError,
    AgendaVersionError,
    AmbiguousNameError,
    AmbiguousTimeError,
    CallStateError,
    CloserDeskError,
    ConflictError,
    DuplicateError,
    NonExistentTimeError,
    NotFoundError,
    StorageProblem,
    UndoConflictError,
    UnknownZoneError,
    ValidationError,
)
from closer_desk.core.model import AgendaEntry, Appointment, Closer, Company, Prospect
from closer_desk.ui.common import i18n


def _when(dt: datetime) -> str:
    offset = dt.strftime("%z")
    day = i18n.format_day_month(dt.date())
    return f"{day} {i18n.format_time(dt)} (UTC{offset[:3]}:{offset[3:]})"


def describe(error: BaseException) -> str:
    """One sentence in the user's language for an error from core or store."""
    if isinstance(error, UnknownZoneError):
        return QCoreApplication.translate("Messages", "Unknown time zone “%1”.").replace(
            "%1", error.name
        )
    if isinstance(error, NonExistentTimeError):
        return (
            QCoreApplication.translate(
                "Messages", "%1 does not exist in %2: the clocks jump forward."
            )
            .replace("%1", i18n.format_time(error.wall))
            .replace("%2", error.zone)
        )
    if isinstance(error, AmbiguousTimeError):
        return (
            QCoreApplication.translate("Messages", "%1 happens twice in %2: the clocks go back.")
            .replace("%1", i18n.format_time(error.wall))
            .replace("%2", error.zone)
        )
    if isinstance(error, ConflictError):
        return describe_conflict(error)
    if isinstance(error, CallStateError):
        return _call_state(error)
    if isinstance(error, AmbiguousNameError):
        return QCoreApplication.translate("Messages", "Several match “%1”.").replace(
            "%1", str(error.key)
        )
    if isinstance(error, NotFoundError):
        return QCoreApplication.translate(
            "Messages", "This %1 is no longer in the agenda."
        ).replace("%1", error.kind)
    if isinstance(error, DuplicateError):
        return QCoreApplication.translate("Messages", "“%1” already exists.").replace(
            "%1", error.name
        )
    if isinstance(error, ValidationError):
        if error.code == "scheme":
            return QCoreApplication.translate(
                "Messages", "Only https:// links are accepted for calls."
            )
        if error.code == "bad_phone":
            return QCoreApplication.translate(
                "Messages",
                "This is not a valid phone number (use the international form, e.g. +33 6 12 34 56 78).",  # noqa: E501
            )
        if error.code == "empty":
            return QCoreApplication.translate("Messages", "This field cannot be empty.")
        return QCoreApplication.translate("Messages", "Invalid value for %1.").replace(
            "%1", error.field
        )
    if isinstance(error, AgendaVersionError):
        return (
            QCoreApplication.translate(
                "Messages",
                "This agenda was written by a newer version of closer_desk (schema %1; this version knows up to %2). "  # noqa: E501
                "It was not changed. Update closer_desk to open it.",
            )
            .replace("%1", error.found)
            .replace("%2", error.known)
        )
    if isinstance(error, AgendaStorageError):
        return _storage(error)
    if isinstance(error, UndoConflictError):
        return QCoreApplication.translate(
            "Messages",
            "it was changed since (in another program, perhaps), so it was left as it is.",
        )
    # Imported here: the window's first paint loads this module, not the sync's.
    from closer_desk.core.sync.errors import ReadOnlyCalendarError

    if isinstance(error, ReadOnlyCalendarError):  # booking for a closer shared read-only
        return QCoreApplication.translate(
            "Messages",
            "%1's shared calendar is read-only for this account: their calls cannot be booked "
            "or changed here.",
        ).replace("%1", error.closer)
    if isinstance(error, CloserDeskError):
        return str(error)
    return QCoreApplication.translate("Messages", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__
    )


class Counted(QObject):
    """Sentences with a count, in Qt's plural forms (pyside6-lupdate gives plural forms to
    ``tr`` alone, not to ``QCoreApplication.translate``)."""

    def overlaps(self, count: int) -> str:
        """This overlaps ``count`` other calls of the closer (%1: which)."""
        return self.tr("This overlaps %n other calls of the closer: %1.", "", count)


class _Names(Protocol):
    """Where the names and zones of calls are looked up (the door's ``Directory``)."""

    def company(self, company_id: int) -> Company | None: ...

    def prospect(self, prospect_id: int) -> Prospect | None: ...

    def closer(self, closer_id: int | None) -> Closer | None: ...


def describe_conflict(
    error: ConflictError, names: _Names | None = None, zone: str | None = None
) -> str:
    """The calls a change would overlap, each named (prospect, company) with its time in
    ``zone`` (the closer's: what they see on their grid), else in the closer's own zone."""
    parts = []
    if error.conflicts:
        calls = []
        for call in error.conflicts:
            assert isinstance(call, Appointment)
            prospect = names.prospect(call.prospect_id) if names else None
            company = names.company(call.company_id) if names else None
            closer = names.closer(call.closer_id) if names else None
            shown_in = zone or (closer.zone if closer else tz.zone_name(call.start))
            when = _when(tz.convert(call.start, shown_in))
            calls.append(
                QCoreApplication.translate("Messages", "%1 (%2) at %3")
                .replace("%1", prospect.name if prospect else "?")
                .replace("%2", company.name if company else "?")
                .replace("%3", when)
                if prospect or company
                else when
            )
        # English says "another call" for one; French has its own forms for every count.
        count = len(calls)
        if count == 1:
            overlap = QCoreApplication.translate(
                "Messages", "This overlaps another call of the closer: %1."
            )
        else:
            overlap = Counted().overlaps(count)
        parts.append(overlap.replace("%1", "; ".join(calls)))
    for entry in error.prospect_calls:
        assert isinstance(entry, AgendaEntry)
        parts.append(
            QCoreApplication.translate(
                "Messages", "%1 already has a call at this time with %2 (%3)."
            )
            .replace("%1", entry.prospect_name)
            .replace("%2", entry.closer_name)
            .replace("%3", _when(tz.convert(entry.appointment.start, zone or entry.closer_zone)))
        )
    return " ".join(parts)


def _storage(error: AgendaStorageError) -> str:
    """A full disk, a lock, a read-only file: never "damaged", never "restore a backup"
    (that would lose the latest work)."""
    if error.problem is StorageProblem.FULL:
        return QCoreApplication.translate(
            "Messages",
            "The disk holding the agenda is full: nothing was saved. "
            "Free some space and try again (the agenda is not damaged).",
        )
    if error.problem is StorageProblem.BUSY:
        return QCoreApplication.translate(
            "Messages", "The agenda is busy in another program; try again."
        )
    if error.problem is StorageProblem.READ_ONLY:
        return QCoreApplication.translate("Messages", "The agenda is read-only: nothing was saved.")
    if error.problem is StorageProblem.READ_ONLY_OLD:
        return QCoreApplication.translate(
            "Messages",
            "The agenda is read-only and from an older version of closer_desk: "
            "make it writable once so that it can be upgraded.",
        )
    return QCoreApplication.translate(
        "Messages",
        "The system could not read or write the agenda (%1): nothing was saved. "
        "Check the disk, then try again.",
    ).replace("%1", error.detail)


def not_started_text() -> str:
    """Why no outcome can be recorded yet: said on refusal and on the greyed buttons."""
    return QCoreApplication.translate(
        "Messages", "This call has not happened yet: record how it went once it has started."
    )


def _call_state(error: CallStateError) -> str:
    """Why the life of a call refuses a change (``core.lifecycle``), in words."""
    if error.code == "not_started":
        if error.action == "move":
            return QCoreApplication.translate(
                "Messages",
                "This call was already held or missed: it cannot move to a time still to come.",
            )
        return not_started_text()
    if error.code == "cancelled":
        return QCoreApplication.translate("Messages", "This call is cancelled.")
    if error.code == "has_outcome":
        return QCoreApplication.translate(
            "Messages", "This call has an outcome: doing this would remove it, with its deal."
        )
    return QCoreApplication.translate("Messages", "This call was already held or missed.")


class Prompts:
    """Modal questions; tests replace this object with one that answers by itself."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Yes or no."""
        answer = QMessageBox.question(
            parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell something that went wrong."""
        QMessageBox.warning(parent, title, text)

    def choose_instant(
        self, parent: QWidget | None, text: str, earlier: datetime, later: datetime
    ) -> datetime | None:
        """Pick one of the two instants a DST gap/overlap allows (None: give up)."""
        options = [_when(earlier), _when(later)]
        picked, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("Messages", "Which time?"), text, options, 0, False
        )
        if not ok:
            return None
        return earlier if picked == options[0] else later

    def ask_amount(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A deal value as typed (None: cancelled)."""
        value, ok = QInputDialog.getText(parent, title, text)
        return value if ok else None
