"""A closer's busy calendars ("Busy calendars…" in the Calendar menu): each imported calendar
with its file, how many events it held, its busy blocks and when it was last imported; import
one again in place from its file, remove one, or import a new one.

Reads and writes go through the door; a removal is one write whose ``Changes`` (the closer's
busy time) redraws the views, and this dialog reads its list again whenever that closer's busy
time changed, from here, from an import, or from another process.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core import tz
from closer_desk.core.model import Changes, Closer
from closer_desk.store.busy import BusyCalendar, busy_calendars, remove_busy_source
from closer_desk.ui.calendars.importing import ImportDialog
from closer_desk.ui.common.prompts import Prompts, describe
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import Column, Index, RowsModel, table_view

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def _when(moment: datetime | None, zone: str) -> str:
    """A moment on the closer's clock, in the user's format."""
    if moment is None:
        return "—"
    wall = tz.convert(moment, zone)
    shown = QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


class BusyCalendarsModel(RowsModel[BusyCalendar]):
    """One line per busy calendar of the closer (times on the closer's clock: ``zone``)."""

    context = "BusyCalendars"
    zone = "UTC"
    columns = (
        Column[BusyCalendar](QT_TRANSLATE_NOOP("BusyCalendars", "Calendar"), lambda c: c.source),
        Column[BusyCalendar](
            QT_TRANSLATE_NOOP("BusyCalendars", "File"),
            lambda c: Path(c.file).name if c.file else "—",
        ),
        Column[BusyCalendar](
            QT_TRANSLATE_NOOP("BusyCalendars", "Events"),
            lambda c: str(c.events) if c.events is not None else "—",
            lambda c: c.events or 0,
        ),
        Column[BusyCalendar](
            QT_TRANSLATE_NOOP("BusyCalendars", "Busy blocks"),
            lambda c: str(c.blocks),
            lambda c: c.blocks,
        ),
        Column[BusyCalendar](
            QT_TRANSLATE_NOOP("BusyCalendars", "Last import"),
            lambda c: _when(c.imported, "UTC"),  # shown on the closer's clock by ``data``
            lambda c: c.imported.timestamp() if c.imported else 0.0,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_of(index)
        if row is not None and index.column() == 4 and role == Qt.ItemDataRole.DisplayRole:
            return _when(row.imported, self.zone)
        return super().data(index, role)

    def extra_data(self, row: BusyCalendar, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and row.file:
                return row.file  # the whole path: the column shows the name
            if column == 0:
                return row.source
        return None


class BusyCalendarsDialog(QDialog):
    """The busy calendars of one closer: list, import again, remove, import a new one.

    Signals:
        listed(): the list was read again (tests wait on it).
    """

    listed = Signal()

    def __init__(
        self,
        source: AgendaSource,
        parent: QWidget | None = None,
        *,
        prompts: Prompts | None = None,
        closer_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._prompts = prompts or Prompts()
        self._closer_id = closer_id
        self._zones: dict[int, str] = {}
        self.import_dialog: ImportDialog | None = None
        self.setWindowTitle(self.tr("Busy calendars"))
        self.closer_box = QComboBox(self)
        self.closer_box.currentIndexChanged.connect(self._on_closer)
        form = QFormLayout()
        form.addRow(self.tr("Closer:"), self.closer_box)
        self.model = BusyCalendarsModel(self)
        self.view = table_view(
            self.model, self, stretch=0, resize=QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.setWordWrap(False)  # a long calendar name is cut, whole on hover
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.view.doubleClicked.connect(lambda _index: self.reimport())
        self.empty = QLabel(self.tr("No busy calendar imported for this closer yet."), self)
        self.empty.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Import a calendar…"), self)
        self.reimport_button = QPushButton(self.tr("Import again"), self)
        self.reimport_button.setToolTip(
            self.tr("Read the calendar's file again: its busy time is replaced in place.")
        )
        self.remove_button = QPushButton(self.tr("Remove"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.add_button, self.reimport_button, self.remove_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.import_new())
        self.reimport_button.clicked.connect(lambda: self.reimport())
        self.remove_button.clicked.connect(lambda: self.remove())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 360)
        self._enable()
        source.changed.connect(self._on_changes)
        source.query(self, lambda agenda: agenda.closers(), self._fill_closers)

    # -- reading -------------------------------------------------------------------------------
    def closer_id(self) -> int | None:
        """The closer shown."""
        data = self.closer_box.currentData()
        return data if isinstance(data, int) else None

    def _fill_closers(self, closers: list[Closer]) -> None:
        self.closer_box.blockSignals(True)
        self.closer_box.clear()
        self._zones = {closer.id: closer.zone for closer in closers}
        for closer in closers:
            self.closer_box.addItem(closer.name, closer.id)
        self.closer_box.setCurrentIndex(max(self.closer_box.findData(self._closer_id), 0))
        self.closer_box.blockSignals(False)
        self.reload()

    def _on_closer(self) -> None:
        self._closer_id = self.closer_id()
        self.reload()

    def reload(self) -> None:
        """Read the closer's busy calendars again (on the worker)."""
        closer = self.closer_id()
        if closer is None:
            return

        def read(agenda: Agenda) -> list[BusyCalendar]:
            return busy_calendars(agenda, closer)

        self._source.query(self, read, self._show)

    def _show(self, calendars: list[BusyCalendar]) -> None:
        if calendars and calendars[0].closer_id != self.closer_id():
            return  # an answer for the closer shown before
        chosen = self.selected()
        self.model.zone = self._zones.get(self.closer_id() or 0, "UTC")
        self.model.set_rows(calendars)
        for row, found in enumerate(calendars):
            if chosen is not None and found.source == chosen.source:
                self.view.selectRow(row)
        self.empty.setVisible(not calendars)
        self._enable()
        self.listed.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.unknown or changes.closers or self.closer_id() in changes.busy:
            self.reload()

    def selected(self) -> BusyCalendar | None:
        """The calendar selected in the list, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_of(rows[0]) if rows else None

    def select(self, name: str) -> None:
        """Select the calendar ``name`` in the list."""
        for row, found in enumerate(self.model.rows()):
            if found.source == name:
                self.view.selectRow(row)

    def _enable(self) -> None:
        chosen = self.selected()
        self.reimport_button.setEnabled(chosen is not None and bool(chosen.file))
        self.remove_button.setEnabled(chosen is not None)

    def done(self, result: int) -> None:
        """Closing while one of its imports runs cancels that import first (nothing written)."""
        running = self.import_dialog
        if running is not None and shiboken6.isValid(running) and running.is_running():
            running.done(0)
        super().done(result)

    # -- writing -------------------------------------------------------------------------------
    def _import_dialog(self) -> ImportDialog:
        dialog = ImportDialog(self._source, self, closer_id=self.closer_id())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def import_new(self) -> ImportDialog:
        """Open the import dialog for this closer (a new calendar, or any file)."""
        return self._import_dialog()

    def reimport(self) -> ImportDialog | None:
        """Import the selected calendar again from its file, in place (its blocks replaced)."""
        chosen = self.selected()
        if chosen is None or not chosen.file:
            return None
        path = Path(chosen.file)
        if not path.is_file():
            self.status.setText(
                self.tr(
                    "The file %1 is not there any more: import it again from where it is now."
                ).replace("%1", chosen.file)
            )
            return None
        dialog = self._import_dialog()
        dialog.start(path, busy=True, closer=chosen.closer_id, name=chosen.source)
        return dialog

    def remove(self) -> None:
        """Remove the selected calendar's busy time, after asking."""
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr("Remove the calendar “%1” and its %n busy block(s)?", "", chosen.blocks)
        if not self._prompts.confirm(
            self, self.tr("Remove"), question.replace("%1", chosen.source)
        ):
            return
        name, closer = chosen.source, chosen.closer_id

        def run(agenda: Agenda) -> int:
            return remove_busy_source(agenda, name, closer=closer)

        def done(removed: int) -> None:
            text = self.tr("Calendar “%1” removed: %n busy block(s) freed.", "", removed)
            self.status.setText(text.replace("%1", name))

        def failed(error: BaseException) -> None:
            self.status.setText(describe(error))

        self._source.write(self, run, done, failed, undo=self.tr("Remove busy calendar"))
