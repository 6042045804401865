"""The List view: the calls of the coming weeks as a sortable, searchable table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from closer_desk.core.model import AgendaEntry
from closer_desk.ui.agenda.model import ENTRY_ROLE, PROSPECT, WHEN, AgendaFilter, AgendaModel
from closer_desk.ui.common.table import table_view


class AgendaList(QWidget):
    """A table of calls.

    Signals:
        selected(int): a call was picked.
        activated(int): a call was double-clicked or Enter was pressed on it.
    """

    selected = Signal(int)
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaModel(self)
        self.proxy = AgendaFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy, self, stretch=PROSPECT, sort_by=WHEN, alternating=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)

    def set_entries(self, entries: Sequence[AgendaEntry], zone: str) -> None:
        """Show these calls, written in ``zone``."""
        self.model.set_entries(entries, zone)

    def set_search(self, text: str) -> None:
        """Keep only calls whose prospect or company contains ``text``."""
        self.proxy.set_search(text)

    def select(self, appointment_id: int | None) -> None:
        """Select a call's row if it is listed."""
        row = -1 if appointment_id is None else self.model.row_of_call(appointment_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def _id_at(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        entry = self.proxy.data(index, ENTRY_ROLE)
        return entry.appointment.id if isinstance(entry, AgendaEntry) else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if (appointment_id := self._id_at(current)) is not None:
            self.selected.emit(appointment_id)

    def _on_activated(self, index: QModelIndex) -> None:
        if (appointment_id := self._id_at(index)) is not None:
            self.activated.emit(appointment_id)
