"""The window's Calendar menu: import a calendar file, export a stretch of the agenda, save
or copy the selected call's invite (restoring from a backup is added by ``ui.shell``).

The work itself lives in ``importing``, ``invites`` and ``export`` beside this module; this
module only asks the user (dates, file names) and says what was done. What is read from the
agenda, and every file written, goes through the door, on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from closer_desk.core import tz
from closer_desk.ui.calendars.export import ExportDialog, export_between
from closer_desk.ui.common.places import suggested
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:  # imported when first used: they load icalendar and the store's SQL
    from closer_desk.ui.calendars.busy_calendars import BusyCalendarsDialog
    from closer_desk.ui.calendars.importing import ImportDialog
    from closer_desk.ui.common.prompts import Prompts


class CalendarActions(QObject):
    """The Calendar menu's actions, on the window's agenda.

    Attributes:
        import_dialog: the last import dialog opened, or None.
        busy_dialog: the last busy calendars dialog opened, or None.
        last_export: where the last export was written, or None.
        last_invite: where the last invite was saved, or None.

    Signals:
        invite_saved(object): the invite's ``Path``, once written.
        invite_copied(): the invite is on the clipboard.
        exported(object, int): the export's ``Path`` and how many calls it holds.
    """

    invite_saved = Signal(object)
    invite_copied = Signal()
    exported = Signal(object, int)

    def __init__(
        self,
        window: QWidget,
        source: AgendaSource,
        clock: Callable[[], datetime],
        selected_id: Callable[[], int | None],
        zone: Callable[[], str],
        say: Callable[[str], object],
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._source = source
        self._clock = clock
        self.selected_id = selected_id
        self._zone = zone
        self._say = say
        self._prompts = prompts
        self.import_dialog: ImportDialog | None = None
        self.busy_dialog: BusyCalendarsDialog | None = None
        self.last_export: Path | None = None
        self.last_invite: Path | None = None
        self.actions: dict[str, QAction] = {}

    def install(self, menu: QMenu) -> None:
        """Add the actions to ``menu`` (the window's Calendar menu)."""
        for key, text, slot, keys in (
            (
                "import",
                QCoreApplication.translate("Calendar", "&Import calendar…"),
                self.import_calendar,
                "Ctrl+I",
            ),
            (
                "busy_calendars",
                QCoreApplication.translate("Calendar", "&Busy calendars…"),
                self.busy_calendars,
                "",
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
        self._say(text)

    # -- invites -------------------------------------------------------------------------------
    def _selected_invite(self, then: Callable[[tuple[bytes, str]], object]) -> None:
        """Read the selected call's invite and its file name on the worker, for ``then``."""
        from closer_desk.ui.calendars.invites import invite_data

        appointment_id = self.selected_id()
        if appointment_id is None:
            self._status(QCoreApplication.translate("Calendar", "Select a call first."))
            return
        self._source.query(self, lambda agenda: invite_data(agenda, appointment_id), then)

    def save_invite(self) -> None:
        """Save the selected call's invite (its cancellation if cancelled) to a file."""
        from closer_desk.ui.calendars.invites import ask_where

        def ask(invite: tuple[bytes, str]) -> None:
            data, name = invite
            path = ask_where(self.window, name)
            if path is not None:
                self._source.query(self, lambda _agenda: _written(path, data), saved)

        def saved(path: Path) -> None:
            self.last_invite = path
            self._status(
                QCoreApplication.translate("Calendar", "Invite saved to %1.").replace(
                    "%1", str(path)
                )
            )
            self.invite_saved.emit(path)

        self._selected_invite(ask)

    def copy_invite(self) -> None:
        """Put the selected call's invite on the clipboard."""
        from closer_desk.ui.calendars.invites import put_on_clipboard

        def copy(invite: tuple[bytes, str]) -> None:
            put_on_clipboard(invite[0])
            self._status(
                QCoreApplication.translate("Calendar", "Invite copied: paste it in your message.")
            )
            self.invite_copied.emit()

        self._selected_invite(copy)

    # -- import and export ---------------------------------------------------------------------
    def import_calendar(self) -> ImportDialog:
        """Open the import dialog (what it writes reaches the views through the door)."""
        from closer_desk.ui.calendars.importing import ImportDialog

        dialog = ImportDialog(self._source, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def busy_calendars(self) -> BusyCalendarsDialog:
        """Open the list of a closer's busy calendars (import again, remove)."""
        from closer_desk.ui.calendars.busy_calendars import BusyCalendarsDialog

        dialog = BusyCalendarsDialog(self._source, self.window, prompts=self._prompts)
        dialog.finished.connect(dialog.deleteLater)
        self.busy_dialog = dialog
        dialog.open()
        return dialog

    def export_calendar(self, dialog: ExportDialog | None = None) -> None:
        """Ask for the days and a file, then write the calendar there (on the worker)."""
        zone = self._zone()
        today = tz.convert(self._clock(), zone).date()
        dialog = dialog or ExportDialog(today, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = dialog.days()
        name = f"closer_desk-{first:%Y%m%d}-{last:%Y%m%d}.ics"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Calendar", "Export calendar"),
            suggested(name),
            QCoreApplication.translate("Calendar", "Calendar files (*.ics)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        language = "fr" if QLocale().language() == QLocale.Language.French else "en"

        def written(count: int) -> None:
            self.last_export = path
            self._status(self.tr("%n call(s) exported to %1.", "", count).replace("%1", str(path)))
            self.exported.emit(path, count)

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            self._status(
                QCoreApplication.translate("Calendar", "Not exported: %1").replace("%1", str(error))
            )

        self._source.query(
            self,
            lambda agenda: export_between(agenda, first, last, zone, path, language),
            written,
            failed,
        )


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
