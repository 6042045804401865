"""The window's Calendar menu: import a calendar file, export a stretch of the agenda, save
or copy the selected call's invite, and restore the agenda from a backup.

The work itself lives in ``ui.calendars.importing``, ``core.ics.export`` and ``ui.shell.backups_dialog``;
this module only asks the user (dates, file names) and tells the window what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from closer_desk.core import tz
from closer_desk.core.model import Changes

#: What an export covers by default: the last month and the coming year (as the CLI).
EXPORT_BACK_DAYS = 30
EXPORT_AHEAD_DAYS = 365


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def export_between(agenda: Any, first: date, last: date, zone: str, path: Path) -> int:
    """Write the live calls from ``first`` to ``last`` (days in ``zone``) as one calendar to
    ``path``, in the window's language; the number of calls. Private notes and the client file
    are never in it (the invite's event builder leaves them out)."""
    from closer_desk.core.ics.export import export_calendar
    from closer_desk.store.ics_calls import calls_between

    start = tz.day_bounds(first, zone)[0]
    end = tz.day_bounds(last, zone)[1]
    calls = calls_between(agenda, start, end)
    language = "fr" if QLocale().language() == QLocale.Language.French else "en"
    path.write_bytes(export_calendar(calls, now=agenda.now(), language=language))
    return len(calls)


class ExportDialog(QDialog):
    """From which day to which day to export."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Calendar", "Export calendar"))
        self.first = QDateEdit(_qdate(today - timedelta(days=EXPORT_BACK_DAYS)), self)
        self.last = QDateEdit(_qdate(today + timedelta(days=EXPORT_AHEAD_DAYS)), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
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
        a, b = _day(self.first.date()), _day(self.last.date())
        return (a, b) if a <= b else (b, a)


class CalendarActions(QObject):
    """The Calendar menu's actions, on the window's agenda.

    Attributes:
        import_dialog: the last import dialog opened, or None.
        last_export: where the last export was written, or None.
        last_invite: where the last invite was saved, or None.
    """

    def __init__(
        self,
        window: Any,
        agenda: Callable[[], Any],
        selected_id: Callable[[], int | None],
        *,
        on_written: Callable[[Changes], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.agenda = agenda
        self.selected_id = selected_id
        self.on_written = on_written
        self.import_dialog: Any = None
        self.last_export: Path | None = None
        self.last_invite: Path | None = None
        self.actions: dict[str, QAction] = {}

    def install(self, menu: Any) -> None:
        """Add the actions to ``menu`` (the window's Calendar menu)."""
        for key, text, slot, keys in (
            (
                "import",
                QCoreApplication.translate("Calendar", "&Import calendar…"),
                self.import_calendar,
                "Ctrl+I",
            ),
            (
                "export",
                QCoreApplication.translate("Calendar", "&Export…"),
                self.export_calendar,
                "Ctrl+Shift+E",
            ),
            ("", "", None, ""),
            (
                "save_invite",
                QCoreApplication.translate("Calendar", "&Save invite…"),
                self.save_invite,
                "Ctrl+Shift+S",
            ),
            (
                "copy_invite",
                QCoreApplication.translate("Calendar", "&Copy invite"),
                self.copy_invite,
                "Ctrl+Shift+C",
            ),
        ):
            if slot is None:
                menu.addSeparator()
                continue
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.window.addAction(action)
            self.actions[key] = action

    def _status(self, text: str) -> None:
        self.window.status.setText(text)

    # -- invites -------------------------------------------------------------------------------
    def save_invite(self) -> Path | None:
        """Save the selected call's invite (its cancellation if cancelled) to a file."""
        from closer_desk.ui.calendars.importing import save_invite

        appointment_id = self.selected_id()
        if appointment_id is None:
            self._status(QCoreApplication.translate("Calendar", "Select a call first."))
            return None
        saved = save_invite(self.agenda(), appointment_id, self.window)
        if saved is not None:
            self.last_invite = saved
            self._status(
                QCoreApplication.translate("Calendar", "Invite saved to %1.").replace(
                    "%1", str(saved)
                )
            )
        return saved

    def copy_invite(self) -> bool:
        """Put the selected call's invite on the clipboard."""
        from closer_desk.ui.calendars.importing import copy_invite

        appointment_id = self.selected_id()
        if appointment_id is None:
            self._status(QCoreApplication.translate("Calendar", "Select a call first."))
            return False
        copy_invite(self.agenda(), appointment_id)
        self._status(
            QCoreApplication.translate("Calendar", "Invite copied: paste it in your message.")
        )
        return True

    # -- import and export ---------------------------------------------------------------------
    def import_calendar(self) -> Any:
        """Open the import dialog; the views reload after an import."""
        from closer_desk.ui.calendars.importing import ImportDialog

        dialog = ImportDialog(self.agenda(), self.window)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, report: Any) -> None:
        if self.on_written is not None:
            self.on_written(Changes(busy=True, prospects=True, companies=True))

    def export_calendar(self, dialog: ExportDialog | None = None) -> Path | None:
        """Ask for the days and a file, write the calendar there."""
        closer = self.window.agenda.closer
        zone = closer.zone if closer is not None else "UTC"
        today = tz.convert(self.agenda().now(), zone).date()
        dialog = dialog or ExportDialog(today, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        first, last = dialog.days()
        name = f"closer_desk-{first:%Y%m%d}-{last:%Y%m%d}.ics"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Calendar", "Export calendar"),
            name,
            QCoreApplication.translate("Calendar", "Calendar files (*.ics)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            count = export_between(self.agenda(), first, last, zone, path)
        except OSError as error:
            self._status(
                QCoreApplication.translate("Calendar", "Not exported: %1").replace("%1", str(error))
            )
            return None
        self.last_export = path
        self._status(
            QCoreApplication.translate("Calendar", "%1 calls exported to %2.")
            .replace("%1", str(count))
            .replace("%2", str(path))
        )
        return path
