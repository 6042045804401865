"""Exporting days of the agenda as one calendar file, for the closer's other calendars
("Export…" in the Calendar menu). Private notes and the client file are never exported.

The days and the file are asked on the GUI thread; the calls are read, and the file written,
on the worker (``export_between``).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from closer_desk.core import tz
from closer_desk.ui.common import i18n

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: What an export covers by default: the last month and the coming year (as the CLI).
EXPORT_BACK_DAYS = 30
EXPORT_AHEAD_DAYS = 365


def export_between(
    agenda: Agenda, first: date, last: date, zone: str, path: Path, language: str
) -> int:
    """Write the live calls from ``first`` to ``last`` (days in ``zone``) as one calendar to
    ``path``, in ``language``; the number of calls. Private notes and the client file are never
    in it (the invite's event builder leaves them out)."""
    from closer_desk.core.ics.export import export_calendar
    from closer_desk.store.ics_calls import calls_between

    start = tz.day_bounds(first, zone)[0]
    end = tz.day_bounds(last, zone)[1]
    calls = calls_between(agenda, start, end)
    path.write_bytes(export_calendar(calls, now=agenda.now(), language=language))
    return len(calls)


class ExportDialog(QDialog):
    """From which day to which day to export."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Calendar", "Export calendar"))
        self.first = QDateEdit(i18n.qdate(today - timedelta(days=EXPORT_BACK_DAYS)), self)
        self.last = QDateEdit(i18n.qdate(today + timedelta(days=EXPORT_AHEAD_DAYS)), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            i18n.follow_formats(edit)
        hint = QLabel(
            QCoreApplication.translate(
                "Calendar",
                "Your calls in these days, for your other calendars. Notes and the "
                "prospects' files are never exported.",
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(QCoreApplication.translate("Calendar", "From:"), self.first)
        form.addRow(QCoreApplication.translate("Calendar", "To:"), self.last)
        form.addRow(buttons)

    def days(self) -> tuple[date, date]:
        """The chosen days, earliest first."""
        a, b = i18n.pydate(self.first.date()), i18n.pydate(self.last.date())
        return (a, b) if a <= b else (b, a)
