"""Importing a calendar file: as busy time, or as updates of calls, with a progress bar and a
cancel button ("Import calendar…" in the Calendar menu). The import is one write through the
door: parsed and applied on the worker, in one transaction, like every other write; what it
changed reaches the views from there.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk.core.ics.importing import IcsRejected, ImportCancelled
from closer_desk.store.calendar_import import ImportReport, import_file
from closer_desk.ui.common.source import AgendaSource

if TYPE_CHECKING:
    from closer_desk.store import Agenda


def _tr(text: object) -> str:
    # The tables below hold QT_TRANSLATE_NOOP marks (typed ``object`` by PySide6's stubs).
    return QCoreApplication.translate("ImportDialog", str(text))


#: Why a file was refused whole (the CLI has the same codes in English).
REJECTIONS = {
    "too_large": QT_TRANSLATE_NOOP("ImportDialog", "The file is larger than the limit."),
    "line_too_long": QT_TRANSLATE_NOOP("ImportDialog", "A line is too long."),
    "too_deep": QT_TRANSLATE_NOOP("ImportDialog", "Components are nested too deeply."),
    "not_a_calendar": QT_TRANSLATE_NOOP("ImportDialog", "This is not an iCalendar file."),
    "unbalanced": QT_TRANSLATE_NOOP("ImportDialog", "BEGIN and END do not match."),
    "bad_line": QT_TRANSLATE_NOOP("ImportDialog", "A line is not valid iCalendar."),
    "bad_date": QT_TRANSLATE_NOOP("ImportDialog", "A date is impossible or malformed."),
    "unknown_zone": QT_TRANSLATE_NOOP(
        "ImportDialog", "A time zone is unknown and no VTIMEZONE defines it."
    ),
    "bad_value": QT_TRANSLATE_NOOP("ImportDialog", "A value is invalid."),
    "too_many_events": QT_TRANSLATE_NOOP("ImportDialog", "The file holds too many events."),
    "too_many_occurrences": QT_TRANSLATE_NOOP(
        "ImportDialog", "Recurring events repeat too many times."
    ),
    "too_slow": QT_TRANSLATE_NOOP("ImportDialog", "Reading the file took too long."),
    "not_utf8": QT_TRANSLATE_NOOP("ImportDialog", "The text is not UTF-8."),
}

#: Why one event was left out.
REFUSALS = {
    "not_our_call": QT_TRANSLATE_NOOP(
        "ImportDialog", "not a closer_desk call; import as busy time to block it"
    ),
    "recurring_call": QT_TRANSLATE_NOOP("ImportDialog", "a recurring event cannot update a call"),
    "older_sequence": QT_TRANSLATE_NOOP("ImportDialog", "an older version of the call"),
    "no_start": QT_TRANSLATE_NOOP("ImportDialog", "no start time"),
    "end_before_start": QT_TRANSLATE_NOOP("ImportDialog", "ends before it starts"),
    "free": QT_TRANSLATE_NOOP("ImportDialog", "marked free"),
}


class _Progress(QObject):
    """Carries the parser's progress from the worker to the dialog (a queued signal: it is
    emitted on the worker, received on the GUI thread).

    Signals:
        progressed(int, int): units parsed, units in the file.
    """

    progressed = Signal(int, int)


class ImportDialog(QDialog):
    """Import a calendar file: as busy time, or as updates of calls; progress and cancel.

    Signals:
        imported(object): an ``ImportReport`` after a successful import (refresh the views).
    """

    imported = Signal(object)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._running = False
        self._stop = threading.Event()
        self._progress = _Progress(self)
        self._progress.progressed.connect(self._on_progress)
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import calendar"))
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.busy_box = QCheckBox(self.tr("Block the time of every event (busy time)"), self)
        self.busy_box.setChecked(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Choose a calendar file (.ics)."), self)
        self.status.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._start_from_form)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    def is_running(self) -> bool:
        """True while an import is under way."""
        return self._running

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import calendar"), "", self.tr("Calendar files (*.ics);;All files (*)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _start_from_form(self) -> None:
        text = self.path_edit.text().strip()
        if not text or not Path(text).is_file():
            self.status.setText(self.tr("No such file."))
            return
        self.start(Path(text), busy=self.busy_box.isChecked())

    def start(self, path: Path, *, busy: bool, closer: int | None = None) -> None:
        """Import ``path`` (on the worker, through the door)."""
        if self._running:
            return
        self.report = None
        self.details.clear()
        self.progress.setRange(0, 0)  # busy indicator until the file is split
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.import_button.setEnabled(False)
        self.busy_box.setChecked(busy)
        self.cancel_button.setText(self.tr("Cancel"))
        self._stop.clear()
        self._running = True
        progress, stop = self._progress.progressed.emit, self._stop.is_set

        def run(agenda: Agenda) -> ImportReport:
            return import_file(
                agenda, path, busy=busy, closer=closer, progress=progress, cancelled=stop
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
        else:
            self.reject()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            self._on_cancelled()
        elif isinstance(error, IcsRejected):
            self._on_refused(error)
        else:
            self._on_failed(error)
        self._done_running()

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self._done_running()
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        # One plural per count: "1 événement : 1 ajouté", never "1 événements : 1 ajoutés".
        counts = [
            self.tr("%n added", "", report.added),
            self.tr("%n updated", "", report.updated),
            self.tr("%n unchanged", "", report.unchanged),
            self.tr("%n cancelled", "", report.cancelled),
            self.tr("%n refused", "", len(report.refused)),
        ]
        self.status.setText(
            self.tr("%1: %2.")
            .replace("%1", self.tr("%n event(s)", "", report.events))
            .replace("%2", self.tr(", ").join(counts))
        )
        lines = [
            self.tr("Line %1: %2")
            .replace("%1", str(r.line))
            .replace("%2", _tr(REFUSALS.get(r.code, r.code)))
            for r in report.refused
        ]
        if report.floating:
            lines.insert(
                0,
                self.tr("Times without a zone were read in %1.").replace(
                    "%1", report.floating_zone
                ),
            )
        self.details.setPlainText("\n".join(lines))
        self.imported.emit(report)

    @Slot(object)
    def _on_refused(self, error: IcsRejected) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        reason = _tr(REJECTIONS.get(error.code, error.code))
        where = self.tr("Line %1:").replace("%1", str(error.line)) + " " if error.line else ""
        self.status.setText(self.tr("Calendar refused, nothing imported.") + " " + where + reason)
        self.details.setPlainText(error.detail)

    @Slot()
    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Import cancelled, nothing imported."))

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Import failed: %1").replace("%1", str(error)))

    def _done_running(self) -> None:
        self._running = False
        self.import_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def done(self, result: int) -> None:
        """Closing while importing cancels first and waits (nothing half-written)."""
        if self._running:
            self._stop.set()
            self._source.tasks.wait()
        super().done(result)
