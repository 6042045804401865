"""The window's Calendar menu: import a calendar file, export a stretch of the agenda, save
or copy the selected call's invite, and restore the agenda from a backup.

The work itself lives in ``importing``, ``invites`` and ``export`` beside this module (and in
``ui.shell.backups_dialog``); this module only asks the user (dates, file names) and tells the
window what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
)

from closer_desk.core import tz
from closer_desk.core.model import Changes
from closer_desk.ui.calendars.export import ExportDialog, export_between


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
        from closer_desk.ui.calendars.invites import save_invite

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
        from closer_desk.ui.calendars.invites import copy_invite

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
