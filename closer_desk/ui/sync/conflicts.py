"""The conflict dialog: each call whose same field was changed here and on the server, mine
against theirs, field by field; the user keeps one (``store.sync.api.resolve``, one write
through the door). "Mine" goes to the server at the next sync; "theirs" is applied now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.sync import words

if TYPE_CHECKING:
    from closer_desk.store import Agenda
    from closer_desk.store.sync.api import Conflict


def _conflicts(agenda: Agenda) -> list[Conflict]:
    from closer_desk.store.sync import api

    return api.conflicts(agenda)


class ConflictDialog(QDialog):
    """Mine or theirs, one call at a time.

    Attributes:
        calls: the calls waiting for a choice.
        fields: the fields of the chosen call changed on both sides: mine, theirs.
        keep_mine, keep_theirs: the choice for the chosen call.
        answer: the one line of the last answer.

    Signals:
        resolved(int): a conflict was settled (the appointment's id).
    """

    resolved = Signal(int)

    def __init__(self, source: AgendaSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These calls were changed here and on the server in the same place. "
                "Until you choose, this agenda keeps its own version."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.calls = QListWidget(self)
        self.calls.setMinimumWidth(220)
        self.calls.setMaximumWidth(300)
        body.addWidget(self.calls)
        self.fields = QTableWidget(0, 3, self)
        self.fields.setHorizontalHeaderLabels(
            [self.tr("Changed"), self.tr("Mine (this agenda)"), self.tr("Theirs (server)")]
        )
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        body.addWidget(self.fields, 1)
        layout.addLayout(body, 1)
        row = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.keep_theirs = QPushButton(self.tr("Keep theirs"), self)
        row.addWidget(self.keep_mine)
        row.addWidget(self.keep_theirs)
        self.answer = QLabel(self)
        row.addWidget(self.answer, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.calls.currentRowChanged.connect(self._show)
        self.keep_mine.clicked.connect(lambda _c=False: self.keep("mine"))
        self.keep_theirs.clicked.connect(lambda _c=False: self.keep("theirs"))
        self._enable(False)
        self.load()

    def _enable(self, on: bool) -> None:
        self.keep_mine.setEnabled(on)
        self.keep_theirs.setEnabled(on)

    def load(self) -> None:
        """Read the conflicts again."""
        self.source.query(self, _conflicts, self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.answer.setText(words.sync_error(error))
        self._enable(self.current() is not None)

    def _loaded(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        self.calls.clear()
        for c in conflicts:
            call = c.mine or c.theirs  # as this agenda shows it
            when = i18n.call_time(call.start, str(call.start.tzinfo))
            self.calls.addItem(f"{call.prospect_name} — {c.closer}\n{when}")
        if conflicts:
            self.calls.setCurrentRow(0)
        else:
            self.fields.setRowCount(0)
            self._enable(False)
            if not self.answer.text():
                self.answer.setText(self.tr("No conflict waits."))

    def current(self) -> Conflict | None:
        """The chosen conflict."""
        row = self.calls.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show(self, row: int) -> None:
        conflict = self.current()
        self.fields.setRowCount(0)
        self._enable(conflict is not None)
        if conflict is None:
            return
        names = conflict.fields or ("start",)
        self.fields.setRowCount(len(names))
        for i, name in enumerate(names):
            cells = (
                words.field_text(name),
                words.value_text(conflict.mine, name),
                words.value_text(conflict.theirs, name),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.fields.setItem(i, column, item)
        self.fields.resizeRowsToContents()

    def keep(self, side: str) -> None:
        """Settle the chosen conflict: ``"mine"`` or ``"theirs"``."""
        conflict = self.current()
        if conflict is None:
            return
        key = conflict.appointment_id if conflict.appointment_id is not None else conflict.uid

        def resolve(agenda: Agenda) -> int:
            from closer_desk.store.sync import api

            return api.resolve(agenda, key, side)

        def done(appointment_id: int) -> None:
            self.answer.setText(
                self.tr("Kept mine: it goes to the server at the next sync.")
                if side == "mine"
                else self.tr("Kept theirs: the server's version is in the agenda.")
            )
            self.resolved.emit(appointment_id)
            self.load()

        self._enable(False)
        self.source.write(self, resolve, done, self._failed)
