"""Importing a calendar file: as busy time of a closer (in a calendar the user names), or as
updates of calls ("Import calendar…" in the Calendar menu), with the stage, a progress bar and
Cancel. The import is one write through the door: read, parsed (in this process, or on every
core for a big file) and applied on the worker, in one transaction; Cancel is heard in each
stage and nothing is written then. What it changed reaches the views from there.

The report lists what was added, updated, removed; the warnings; and every event skipped, with
its line, UID and reason (``import_words`` puts them in words).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.ics.importing import IcsRejected, ImportCancelled, ImportOptions, Skipped
from closer_desk.core.model import Closer
from closer_desk.core.text import one_line
from closer_desk.store.calendar_import import (
    READING,
    WRITING,
    ImportReport,
    import_file,
    source_name,
)
from closer_desk.ui.calendars.import_words import ImportWords
from closer_desk.ui.common.places import suggested
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import Column, RowsModel, table_view

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: Files from this size on are read in a worker process: a long scan of a big file holds the
#: GIL, and in this process the GUI thread would stall with it (half a second for 25 MB).
ISOLATE_FROM = 1024 * 1024


class _Progress(QObject):
    """Carries the import's stage and progress from the worker to the dialog (queued
    signals: emitted on the worker, received on the GUI thread).

    Signals:
        progressed(int, int): event units parsed, units in the file.
        staged(str): ``READING`` or ``WRITING``.
    """

    progressed = Signal(int, int)
    staged = Signal(str)


def _reason(skipped: Skipped) -> str:
    return ImportWords.reason(skipped.code, skipped.detail)


class SkippedModel(RowsModel[Skipped]):
    """The events an import left out: line, UID, reason (a model, so that a file of 100,000
    broken events is listed without building 100,000 widgets)."""

    def extra_data(self, row: Skipped, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return _reason(row) if column == 2 else row.uid
        return None

    context = "ImportDialog"
    columns = (
        Column[Skipped](
            QT_TRANSLATE_NOOP("ImportDialog", "Line"), lambda s: str(s.line), lambda s: s.line
        ),
        Column[Skipped](QT_TRANSLATE_NOOP("ImportDialog", "UID"), lambda s: s.uid or "—"),
        Column[Skipped](QT_TRANSLATE_NOOP("ImportDialog", "Reason"), _reason),
    )


class ImportDialog(QDialog):
    """Import a calendar file: as busy time, or as updates of calls; stages, progress, Cancel
    and the report.

    Signals:
        imported(object): an ``ImportReport`` after a successful import (refresh the views).
        stopped(): the import was cancelled; nothing was written.
    """

    imported = Signal(object)
    stopped = Signal()

    def __init__(
        self, source: AgendaSource, parent: QWidget | None = None, *, closer_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._words = ImportWords(self)
        self._running = False
        self._stop = threading.Event()
        #: the worker's stage and progress signals, for whoever follows the import
        self.relay = _Progress(self)
        self.relay.progressed.connect(self._on_progress)
        self.relay.staged.connect(self._on_stage)
        self._path: Path | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import calendar"))
        self.path_edit = QLineEdit(self)
        self.path_edit.textChanged.connect(self._suggest_name)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.busy_box = QCheckBox(self.tr("Block the time of every event (busy time)"), self)
        self.busy_box.setChecked(True)
        self.closer_box = QComboBox(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setToolTip(
            self.tr("A new import of the same calendar replaces its busy time.")
        )
        self.busy_box.toggled.connect(self.name_edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow("", self.busy_box)
        form.addRow(self.tr("Closer:"), self.closer_box)
        form.addRow(self.tr("Calendar name:"), self.name_edit)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()  # shown while an import runs
        self.status = QLabel(self.tr("Choose a calendar file (.ics)."), self)
        self.status.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.skipped_title = QLabel(self)
        self.skipped_title.hide()
        self.skipped = SkippedModel(self)
        self.skipped_view = table_view(
            self.skipped, self, stretch=2, resize=QHeaderView.ResizeMode.Interactive
        )
        self.skipped_view.setWordWrap(False)  # one line per event; the whole reason on hover
        self.skipped_view.setColumnWidth(0, 60)
        self.skipped_view.setColumnWidth(1, 200)
        self.skipped_view.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._start_from_form)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.notes)
        layout.addWidget(self.skipped_title)
        layout.addWidget(self.skipped_view, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self._closer_id = closer_id
        source.query(self, lambda agenda: agenda.closers(), self._fill_closers)

    def is_running(self) -> bool:
        """True while an import is under way."""
        return self._running

    def _fill_closers(self, closers: list[Closer]) -> None:
        wanted = self._closer_id if self._closer_id is not None else self.closer_box.currentData()
        self.closer_box.clear()
        for closer in closers:
            self.closer_box.addItem(closer.name, closer.id)
        found = self.closer_box.findData(wanted)
        self.closer_box.setCurrentIndex(max(found, 0))

    def _suggest_name(self, text: str) -> None:
        self.name_edit.setPlaceholderText(source_name(text.strip()) if text.strip() else "")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import calendar"),
            suggested(),
            self.tr("Calendar files (*.ics);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _start_from_form(self) -> None:
        text = self.path_edit.text().strip()
        if not text or not Path(text).is_file():
            self.status.setText(self.tr("No such file."))
            return
        closer = self.closer_box.currentData()
        self.start(
            Path(text),
            busy=self.busy_box.isChecked(),
            closer=closer if isinstance(closer, int) else None,
            name=self.name_edit.text(),
        )

    def start(self, path: Path, *, busy: bool, closer: int | None = None, name: str = "") -> None:
        """Import ``path`` (on the worker, through the door): busy time of ``closer`` (None:
        the first one) in the calendar ``name`` (empty: named after the file)."""
        if self._running:
            return
        self.report = None
        self._path = path
        self._show_report(None)
        self.path_edit.setText(str(path))
        self.name_edit.setText(name.strip())
        if closer is not None:
            self._closer_id = closer
            self.closer_box.setCurrentIndex(max(self.closer_box.findData(closer), 0))
        self.busy_box.setChecked(busy)
        for widget in self._form():
            widget.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setEnabled(True)
        self.progress.show()
        self._on_stage(READING)
        self._stop.clear()
        self._running = True
        relay, stop = self.relay, self._stop.is_set
        chosen = name.strip() or None

        def run(agenda: Agenda) -> ImportReport:
            who = agenda.closer(closer)
            options = ImportOptions(who.zone, agenda.now(), isolate_from=ISOLATE_FROM)
            return import_file(
                agenda,
                path,
                busy=busy,
                closer=who.id,
                source=chosen,
                options=options,
                progress=relay.progressed.emit,
                cancelled=stop,
                stage=relay.staged.emit,
            )

        # Undo takes back the whole import: what it added is removed, what it updated or
        # cancelled is put back as it was.
        self._source.write(
            self, run, self._on_finished, self._on_error, undo=self.tr("Import calendar")
        )

    @Slot()
    def cancel(self) -> None:
        """Cancel the running import (nothing is written), or close the dialog."""
        if self._running:
            self._stop.set()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    @Slot(str)
    def _on_stage(self, stage: str) -> None:
        if not self._running and stage != READING:
            return  # a late signal of an import already over
        name = self._path.name if self._path is not None else ""
        if stage == WRITING:
            self.status.setText(self.tr("Writing to the agenda…"))
        else:
            self.status.setText(self.tr("Reading %1…").replace("%1", name))
        self.progress.setRange(0, 0)  # no measure of these stages: a busy indicator

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._running or self._stop.is_set():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.status.setText(
            self.tr("Reading the events: %1 of %2…")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _on_error(self, error: BaseException) -> None:
        self._done_running()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled):
            self.status.setText(self._words.cancelled())
            self.stopped.emit()
        elif isinstance(error, IcsRejected):
            self.status.setText(self._words.rejection(error))
        else:
            text = one_line(str(error))
            self.status.setText(
                self.tr("Import failed, nothing imported: %1").replace(
                    "%1", text if len(text) <= 200 else text[:199] + "…"
                )
            )

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self._done_running()
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._show_report(report)
        self.imported.emit(report)

    def _show_report(self, report: ImportReport | None) -> None:
        notes = self._words.notes(report) if report is not None else []
        refused = report.refused if report is not None else ()
        if report is not None:
            self.status.setText(self._words.summary(report))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.skipped_title.setText(self._words.skipped_title(len(refused)))
        self.skipped.set_rows(refused)
        for widget in (self.skipped_title, self.skipped_view):
            widget.setVisible(bool(refused))

    def _form(self) -> tuple[QWidget, ...]:
        """What the user fills in: idle while an import runs."""
        return (
            self.path_edit,
            self.browse_button,
            self.busy_box,
            self.closer_box,
            self.name_edit,
            self.import_button,
        )

    def _done_running(self) -> None:
        self._running = False
        self.progress.hide()
        for widget in self._form():
            widget.setEnabled(True)
        self.name_edit.setEnabled(self.busy_box.isChecked())
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def done(self, result: int) -> None:
        """Closing while importing cancels first and waits (nothing half-written)."""
        if self._running:
            self._stop.set()
            self._source.tasks.wait()
        super().done(result)
