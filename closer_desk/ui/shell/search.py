"""The search's page: every call of the prospects and companies whose names contain what was
typed in the sidebar, past and future, listed by date; Enter or a double-click opens one in
the agenda.

The calls are read on the worker (``store.search``) a moment after the typing stops, so a
word typed fast is searched once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from closer_desk.core.model import AgendaEntry, Changes
from closer_desk.ui.agenda.model import ENTRY_ROLE, WHEN, AgendaFilter, AgendaModel
from closer_desk.ui.common import i18n
from closer_desk.ui.common.room import ShowCall
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view

if TYPE_CHECKING:
    from closer_desk.store import Agenda
    from closer_desk.store.search import CallSearch

#: How long the typing pauses before the search runs.
TYPING_PAUSE_MS = 250


class FoundCalls(AgendaModel):
    """The calls found: the agenda's list columns, with the year in "When" (a search spans
    years)."""

    def _when(self, entry: AgendaEntry) -> str:
        return i18n.call_time(entry.appointment.start, self.zone)


class SearchPage(QWidget):
    """What a search found, as a table by date, with a line that says how many.

    Attributes:
        model: the calls found; ``proxy`` sorts them for the ``view``.
        summary: how many calls match, or that none does.
        found: the last answer, or None.

    Signals:
        requested(Request): ``ShowCall`` for the call opened.
        searched(): an answer is on screen.
        escaped(): Escape was pressed in the results.
    """

    requested = Signal(object)
    searched = Signal()
    escaped = Signal()

    def __init__(
        self,
        source: AgendaSource,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._text = ""
        self._closer_id: int | None = None
        self.found: CallSearch | None = None
        self.model = FoundCalls(self)
        self.proxy = AgendaFilter(self)
        self.proxy.setSourceModel(self.model)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        # Every column as wide as what it holds, the prospect's name first of all.
        self.view = table_view(self.proxy, self, sort_by=WHEN, alternating=True)
        self.view.setWordWrap(False)
        # Escape leaves the search from the results too.
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.view)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.escaped)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.view.activated.connect(self._open)

    def set_text(self, text: str, closer_id: int | None, zone: str) -> None:
        """Search for ``text`` in ``closer_id``'s calls (written in ``zone``) once the typing
        pauses."""
        self._text = text
        self._closer_id = closer_id
        self.model.zone = zone
        self._pause.start()

    def search_now(self) -> None:
        """Run the search at once (the pause is over, or Enter was pressed)."""
        self._pause.stop()
        text, closer_id = self._text, self._closer_id
        if not text.strip():
            return
        self.summary.setText(self.tr("Searching…"))

        def job(agenda: Agenda) -> CallSearch:
            from closer_desk.store.search import search_calls

            return search_calls(agenda, text, closer_id=closer_id)

        self._source.query(self, job, self._show)

    def _show(self, found: CallSearch) -> None:
        if found.text != self._text:
            return  # an older answer: the newer search is on its way
        self.found = found
        self.model.set_entries(found.entries, self.model.zone)
        quoted = f"“{found.text.strip()}”"
        if not found.entries:
            self.summary.setText(
                self.tr("No call matches %1: try part of a name, or another spelling.").replace(
                    "%1", quoted
                )
            )
        elif found.truncated:
            self.summary.setText(
                self.tr(
                    "%n call(s) match %1; the first %2 are listed: type more to narrow.",
                    "",
                    found.total,
                )
                .replace("%1", quoted)
                .replace("%2", str(len(found.entries)))
            )
        else:
            self.summary.setText(
                self.tr("%n call(s) match %1.", "", found.total).replace("%1", quoted)
            )
        if found.entries:
            # The past is above, the future below: start on the next call to come.
            now = self._clock()
            rows = range(self.proxy.rowCount())
            first = next((r for r in rows if self._entry(r).appointment.end > now), 0)
            self.view.selectRow(first)
            self.view.scrollTo(self.proxy.index(first, 0))
        self.searched.emit()

    def _entry(self, row: int) -> AgendaEntry:
        entry = self.proxy.data(self.proxy.index(row, 0), ENTRY_ROLE)
        assert isinstance(entry, AgendaEntry)
        return entry

    def open_current(self) -> bool:
        """Open the selected call (Enter in the search box); False when none is listed."""
        index = self.view.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if not index.isValid():
            return False
        self._open(index)
        return True

    def focus_results(self) -> None:
        """Put the keyboard in the list (Down from the search box)."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.selectRow(0)

    def _open(self, index: QModelIndex) -> None:
        entry = self.proxy.data(index, ENTRY_ROLE)
        if isinstance(entry, AgendaEntry):
            self.requested.emit(ShowCall(entry.appointment.id))

    def on_changes(self, changes: Changes) -> None:
        """A call or a name written: search again, if a search is on screen."""
        written = changes.unknown or changes.appointments or changes.people()
        if self.found is not None and self.isVisible() and written:
            self.search_now()
