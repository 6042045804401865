"""Questions the window asks the user, behind one object so tests can answer them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from closer_desk.core.errors import (
    AgendaVersionError,
    AmbiguousNameError,
    AmbiguousTimeError,
    CloserDeskError,
    ConflictError,
    DuplicateError,
    NonExistentTimeError,
    NotFoundError,
    UnknownZoneError,
    ValidationError,
)
from closer_desk.core.model import Appointment
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
            .replace("%1", f"{error.wall:%H:%M}")
            .replace("%2", error.zone)
        )
    if isinstance(error, AmbiguousTimeError):
        return (
            QCoreApplication.translate("Messages", "%1 happens twice in %2: the clocks go back.")
            .replace("%1", f"{error.wall:%H:%M}")
            .replace("%2", error.zone)
        )
    if isinstance(error, ConflictError):
        times = ", ".join(_when(c.start) for c in error.conflicts if isinstance(c, Appointment))
        return QCoreApplication.translate(
            "Messages", "This overlaps another call of the closer: %1."
        ).replace("%1", times)
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
    if isinstance(error, CloserDeskError):
        return str(error)
    return QCoreApplication.translate("Messages", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__
    )


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
