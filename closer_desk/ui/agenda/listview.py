"""The List view: the calls of the coming weeks as a sortable, searchable table; Tab and
Shift+Tab go from call to call like the arrows, a right-click offers what can be done to one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from closer_desk.core.model import AgendaEntry
from closer_desk.ui.agenda.model import ENTRY_ROLE, PROSPECT, WHEN, AgendaFilter, AgendaModel
from closer_desk.ui.common.table import table_view


class AgendaList(QWidget):
    """A table of calls.

    Signals:
        selected(int): a call was picked.
        activated(int): a call was double-clicked or Enter was pressed on it.
        menu_requested(object, object, QPoint): a right-click on a call (its id; then None,
            no empty time here) at this global position.
    """

    selected = Signal(int)
    activated = Signal(int)
    menu_requested = Signal(object, object, QPoint)

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
        self.table.setTabKeyNavigation(False)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab and Shift+Tab go to the next and previous call (out of the table at its ends)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                back = key == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                return self.select_next(-1 if back else 1)
        return super().eventFilter(watched, event)

    def select_next(self, step: int) -> bool:
        """Select the row after (``step`` 1) or before (-1) the current one; False at an end."""
        rows = self.proxy.rowCount()
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else rows - 1)
        if not 0 <= row < rows:
            return False
        self.table.selectRow(row)
        return True

    def _on_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if (appointment_id := self._id_at(index)) is None:
            return
        self.table.selectRow(index.row())
        self.menu_requested.emit(appointment_id, None, self.table.viewport().mapToGlobal(pos))

    def set_entries(self, entries: Sequence[AgendaEntry], zone: str) -> None:
        """Show these calls, written in ``zone``."""
        self.model.set_entries(entries, zone)

    def set_search(self, text: str) -> None:
        """Keep only calls whose prospect or company contains ``text``."""
        self.proxy.set_search(text)

    def shows(self, appointment_id: int) -> bool:
        """The call is listed (in the days shown, and found by the search)."""
        row = self.model.row_of_call(appointment_id)
        return row >= 0 and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

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
