"""The companies, prospects and closers rooms: a filter box, a sortable table, New and Edit.

Each room loads its rows through the door (never from paint or model code), shows them
through a ``DirectoryFilterProxy``, opens the matching editor on double-click or Enter, and
loads them again when a write concerns its kind of row (now if in view, else when shown).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QVBoxLayout, QWidget

from closer_desk.core.model import Changes, Closer, Company, Prospect
from closer_desk.ui.common.room import EditMailAccount, Staleness
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.common.table import table_view
from closer_desk.ui.common.zonepicker import Clock
from closer_desk.ui.directory.availability import AvailabilityDialog
from closer_desk.ui.directory.closer_dialog import CloserDialog
from closer_desk.ui.directory.company_dialog import CompanyDialog
from closer_desk.ui.directory.field_errors import describe
from closer_desk.ui.directory.form import EditDialog, Row
from closer_desk.ui.directory.models import (
    CloserTableModel,
    CompanyTableModel,
    DirectoryFilterProxy,
    ProspectTableModel,
    RowTableModel,
)
from closer_desk.ui.directory.prospect_dialog import ProspectDialog

if TYPE_CHECKING:
    from closer_desk.store import Agenda

#: The widest a column gets when sized to its contents, in pixels.
MAX_COLUMN_WIDTH = 260


class DirectoryRoom(QWidget, Generic[Row]):
    """A table room over one kind of directory row.

    Attributes:
        model: the plain-row table model.
        proxy: the sort and filter proxy the view shows.
        view: the table.
        filter_edit: the filter box.
        editor: the editor dialog last opened (None before).

    Signals:
        loaded(): the rows were (re)loaded into the model.
        load_failed(str): loading the rows failed, with the reason.
        requested(Request): what only another room can do (the Closers room: open a
            closer's mail account).
    """

    loaded = Signal()
    load_failed = Signal(str)
    requested = Signal(object)

    #: What a subclass declares: its table model and its editor (called as
    #: ``EDITOR(source, row, clock=, parent=)``).
    MODEL: type[RowTableModel[Row]]
    EDITOR: Callable[..., EditDialog[Row]]

    def __init__(
        self,
        source: AgendaSource,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        model: RowTableModel[Row] = self.MODEL()
        self._source = source
        self._stale = Staleness(self, self.reload)
        self._clock = clock
        self._select_after_load: int | None = None
        #: Which load the rows on screen should come from: an older answer is dropped.
        self._generation = 0
        self.editor: EditDialog[Row] | None = None
        self.model: RowTableModel[Row] = model
        model.setParent(self)
        self.proxy = DirectoryFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.filter_hint())
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setEnabled(False)

        self.view = table_view(
            self.proxy,
            self,
            sort_by=0,
            resize=QHeaderView.ResizeMode.Interactive,
            alternating=True,
        )
        self.view.setWordWrap(False)

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.filter_edit, 1)
        self.toolbar.addWidget(self.new_button)
        self.toolbar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)

        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_selected)
        # activated covers double-click and Enter/Return on every platform style.
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        # Nothing is read yet: the first showing reads the rows (a write before then is no
        # condition for it).
        self._stale.concerned()

    # -- loading -----------------------------------------------------------------------
    def filter_hint(self) -> str:
        """The filter box's placeholder."""
        return self.tr("Filter…")

    def load_rows(self, agenda: Agenda) -> Sequence[Row]:
        """Read the rows from the agenda (runs on the worker thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Reload the rows off the GUI thread; ``loaded`` when they are in (only the newest
        load's rows are shown)."""
        self._generation += 1
        generation = self._generation

        def answered(rows: Sequence[Row]) -> None:
            if generation == self._generation:
                self._set_rows(rows)

        self._source.query(self, self.load_rows, answered, self._on_load_failed)

    def _set_rows(self, rows: Sequence[Row]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        # One very long organisation name must not push every other column out of sight:
        # cap the width, the full text is in the tooltip.
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), MAX_COLUMN_WIDTH))
        if self._select_after_load is not None:
            self.select_id(self._select_after_load)
            self._select_after_load = None
        self.loaded.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self.load_failed.emit(describe(error))

    def on_changes(self, changes: Changes) -> None:
        """Reload when a write (an editor here, the window, an import) concerns this room's
        rows: now if it is in view, else when it is next shown."""
        if changes.unknown or self.concerned_by(changes):
            self._stale.concerned()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """Rows written while the room was hidden are read now."""
        self._stale.shown()
        super().showEvent(event)

    def concerned_by(self, changes: Changes) -> bool:
        """Whether ``changes`` touch this room's rows."""
        raise NotImplementedError

    # -- selection ---------------------------------------------------------------------
    def selected_row(self) -> Row | None:
        """The core object of the selected line, or None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_id(self, row_id: int) -> None:
        """Select and show the line of ``row_id`` (when it passes the filter)."""
        source = self.model.row_of_id(row_id)
        if source < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_row() is not None)

    # -- editing -----------------------------------------------------------------------
    def make_editor(self, row: Row | None) -> EditDialog[Row]:
        """The editor for ``row`` (None: a new one)."""
        return self.EDITOR(self._source, row, clock=self._clock, parent=self)

    def open_editor(self, row: Row | None) -> EditDialog[Row]:
        """Open the editor for ``row`` (None: a new one), window-modal; returns it."""
        dialog = self.make_editor(row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        self.editor = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> EditDialog[Row] | None:
        """Edit the selected row, if any."""
        row = self.selected_row()
        return self.open_editor(row) if row is not None else None

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_editor(self.model.row_at(self.proxy.mapToSource(index).row()))

    def _on_saved(self, row: Row) -> None:
        # The door announces the write; the reload it brings selects the row saved.
        self._select_after_load = row.id


class CompaniesRoom(DirectoryRoom[Company]):
    """The client companies."""

    MODEL = CompanyTableModel
    EDITOR = CompanyDialog

    def concerned_by(self, changes: Changes) -> bool:
        """A company was added or edited."""
        return bool(changes.companies)

    def filter_hint(self) -> str:
        """The filter box's placeholder."""
        return self.tr("Filter companies…")

    def load_rows(self, agenda: Agenda) -> Sequence[Company]:
        """Every company (worker thread)."""
        return agenda.companies()


class ProspectsRoom(DirectoryRoom[Prospect]):
    """The prospects (their private client file is only shown in the editor)."""

    MODEL = ProspectTableModel
    EDITOR = ProspectDialog

    def concerned_by(self, changes: Changes) -> bool:
        """A prospect was added or edited."""
        return bool(changes.prospects)

    def filter_hint(self) -> str:
        """The filter box's placeholder."""
        return self.tr("Filter prospects by name, organisation, phone…")

    def load_rows(self, agenda: Agenda) -> Sequence[Prospect]:
        """Every prospect (worker thread)."""
        return agenda.prospects()


class ClosersRoom(DirectoryRoom[Closer]):
    """The closers of the agenda, with their availability settings.

    Attributes:
        availability_button: opens the availability dialog of the selected closer.
        availability: the availability dialog last opened (None before).
    """

    MODEL = CloserTableModel
    EDITOR = CloserDialog

    def __init__(
        self,
        source: AgendaSource,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(source, clock=clock, parent=parent)
        self.availability: AvailabilityDialog | None = None
        self.availability_button = QPushButton(self.tr("&Availability…"), self)
        self.availability_button.setEnabled(False)
        self.toolbar.addWidget(self.availability_button)
        self.availability_button.clicked.connect(self.edit_availability)
        self.mail_button = QPushButton(self.tr("&Mail account…"), self)
        self.mail_button.setEnabled(False)
        self.toolbar.addWidget(self.mail_button)
        self.mail_button.clicked.connect(self.edit_mail_account)

    def filter_hint(self) -> str:
        """The filter box's placeholder."""
        return self.tr("Filter closers…")

    def concerned_by(self, changes: Changes) -> bool:
        """A closer was added or edited."""
        return bool(changes.closers)

    def load_rows(self, agenda: Agenda) -> Sequence[Closer]:
        """Every closer (worker thread)."""
        return agenda.closers()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        self.availability_button.setEnabled(self.selected_row() is not None)
        self.mail_button.setEnabled(self.selected_row() is not None)

    def edit_mail_account(self) -> None:
        """Ask for the mail account of the selected closer (the shell opens it)."""
        closer = self.selected_row()
        if closer is not None:
            self.requested.emit(EditMailAccount(closer.id))

    def edit_availability(self) -> AvailabilityDialog | None:
        """Open the availability settings of the selected closer."""
        closer = self.selected_row()
        if closer is None:
            return None
        dialog = AvailabilityDialog(self._source, closer, clock=self._clock, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        self.availability = dialog
        dialog.open()
        return dialog
