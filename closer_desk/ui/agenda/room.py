"""The agenda room: the Day, Week and List views of one closer's calls and the details pane.

It keeps what is being looked at (day, view, closer, filters, search, selection), asks the
``AgendaSource`` for the calls in range, hands user intentions to ``CallOperations`` and reads
its page again when a write touched this closer's calls or the people it shows.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from closer_desk.core import tz
from closer_desk.core.commission import deal_currency
from closer_desk.core.model import AgendaEntry, Changes, Closer, OutcomeChoice, Status
from closer_desk.core.new_call import default_start
from closer_desk.ui.agenda.details import DetailsPane, OpenUrl, desktop_open
from closer_desk.ui.agenda.listview import AgendaList
from closer_desk.ui.agenda.operations import CallOperations
from closer_desk.ui.agenda.timegrid import TimeGrid
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource, Directory, EntriesPage

if TYPE_CHECKING:  # the editor module is imported when a call is first opened
    from closer_desk.ui.agenda.editor import AppointmentEditor


class View(enum.StrEnum):
    """How the agenda shows the calls: one day, a week, or a list of four weeks."""

    DAY = "day"
    WEEK = "week"
    LIST = "list"


LIST_DAYS = 28
FIRST_VIEW = View.WEEK
PREFETCH_DELAY_MS = 150


def days_in_view(view: View, day: date) -> list[date]:
    """The days a view shows around ``day``: the day, its week, or four weeks from its first
    day (the week starts on the closer's chosen day, ``i18n.week_start``)."""
    if view == View.DAY:
        return [day]
    first = i18n.first_day_of_week(day)
    return [first + timedelta(days=i) for i in range(LIST_DAYS if view == View.LIST else 7)]


def range_in_view(view: View, day: date, zone: str) -> tuple[datetime, datetime]:
    """The instants a view covers in ``zone`` (what the agenda is asked for)."""
    days = days_in_view(view, day)
    return tz.day_bounds(days[0], zone)[0], tz.day_bounds(days[-1], zone)[1]


class AgendaRoom(QWidget):
    """Day/Week/List of calls with a details pane.

    Signals:
        title_changed(str): what the views show ("Week of 2 Mar 2026").
        loaded(): the calls of the current range are on screen.
        requested(Request): what only another room can do (none yet).
        call_shown(object): the details pane shows another call (its id), or none (None).
    """

    title_changed = Signal(str)
    loaded = Signal()
    requested = Signal(object)
    call_shown = Signal(object)

    def __init__(
        self,
        source: AgendaSource,
        operations: CallOperations,
        clock: Callable[[], datetime],
        open_url: OpenUrl = desktop_open,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.operations = operations
        self._clock = clock
        self.view: View = FIRST_VIEW
        self.closer: Closer | None = None
        self.day: date = clock().date()
        self.shown_companies: frozenset[int] | None = None
        self.pinned_zone = ""
        self.selected_id: int | None = None
        self.entries: tuple[AgendaEntry, ...] = ()
        #: The last answer from the source (None until the first one arrives).
        self.page: EntriesPage | None = None
        self.editor: AppointmentEditor | None = None
        self._scrolled = False

        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_neighbours)
        self.grid = TimeGrid(clock, self)
        self.list = AgendaList(self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.grid)
        self.views.addWidget(self.list)
        self.details = DetailsPane(clock, open_url, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.views)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 300])
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        source.entries_loaded.connect(self._on_entries)
        source.directory_loaded.connect(self._on_directory)
        source.people_loaded.connect(self._on_people)
        operations.refused.connect(lambda _why: self.grid.drop_ghost())
        for view in (self.grid, self.list):
            view.selected.connect(self.select)
            view.activated.connect(self.edit_call)
        self.grid.move_requested.connect(self._on_move)
        self.grid.create_requested.connect(lambda wall: self.new_call(wall))
        self.details.outcome_requested.connect(self._on_outcome)
        self.details.edit_requested.connect(self.edit_call)
        self.details.cancel_requested.connect(lambda _id: self.cancel_selected())
        self.details.shown_changed.connect(self.call_shown)

    # -- what is shown ---------------------------------------------------------------------
    @property
    def zone(self) -> str:
        """The closer's zone (the grid's)."""
        return self.closer.zone if self.closer else "UTC"

    def today(self) -> date:
        """Today in the closer's zone."""
        return tz.convert(self._clock(), self.zone).date()

    def days(self) -> list[date]:
        """The days in view."""
        return days_in_view(self.view, self.day)

    def title(self) -> str:
        """What is in view, in words."""
        days = self.days()
        if self.view == View.DAY:
            return i18n.format_date(self.day, long=True)
        if self.view == View.WEEK:
            return self.tr("Week of %1").replace("%1", i18n.format_date(days[0], long=True))
        return (
            self.tr("%1 to %2")
            .replace("%1", i18n.format_date(days[0]))
            .replace("%2", i18n.format_date(days[-1]))
        )

    def set_view(self, view: View) -> None:
        """Day, week or list."""
        self.view = View(view)
        self.views.setCurrentWidget(self.list if self.view == View.LIST else self.grid)
        self.reload()

    def set_date(self, day: date) -> None:
        """Show the day (or its week)."""
        self.day = day
        self.reload()

    def go_today(self) -> None:
        """Back to today."""
        self.set_date(self.today())

    def step(self, days: int) -> None:
        """Move by ``days`` (negative goes back)."""
        self.set_date(self.day + timedelta(days=days))

    def set_closer(self, closer_id: int) -> None:
        """Show another closer's agenda."""
        closer = self.source.directory.closer(closer_id)
        if closer is not None:
            self.closer = closer
            self.selected_id = None
            self.reload()

    def set_shown_companies(self, company_ids: frozenset[int] | None) -> None:
        """Only these companies' calls (None: all)."""
        self.shown_companies = company_ids
        self.reload()

    def set_search(self, text: str) -> None:
        """Search in the list (switching to it when the user types)."""
        self.list.set_search(text)
        if text and self.view != View.LIST:
            self.set_view(View.LIST)

    def set_pinned_zone(self, zone: str) -> None:
        """Pin the second scale to ``zone`` ("" follows the selected prospect)."""
        self.pinned_zone = zone
        self._update_zones()

    def on_changes(self, changes: Changes) -> None:
        """Read the page again when this closer's calls were written. When people changed, the
        door reads the directory again first and its answer brings a new page
        (``_on_directory``)."""
        if self.closer is None or changes.people():
            return
        if changes.calls_of(self.closer.id):
            self.reload()

    # -- what the shell adds ---------------------------------------------------------------
    def add_to_details(self, widget: QWidget) -> None:
        """Put ``widget`` under the selected call's details (the invite buttons)."""
        self.details.set_extra(widget)

    def host_desk(self, desk: QWidget, width: int) -> None:
        """Put the call's desk under the details: it has its own outcome buttons (with the
        deal's value and the reason), and the pane gets at least ``width`` pixels."""
        self.details.outcomes.hide()
        self.details.set_extra(desk)
        sizes = self._splitter.sizes()
        if len(sizes) == 2 and sizes[1] < width:
            self._splitter.setSizes([max(sum(sizes) - width, 0), width])

    def add_context_actions(self, actions: Sequence[QAction]) -> None:
        """Right-click on a call in the grid or the list offers ``actions`` (it selects the
        call first)."""
        for view in (self.grid.viewport(), self.list.table.viewport()):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(list(actions))

    def reload(self) -> None:
        """Ask for the calls in view (the answer arrives in ``_on_entries``)."""
        if self.closer is None:
            return
        days = self.days()
        if self.view != View.LIST:
            self.grid.set_days(days)
        self.title_changed.emit(self.title())
        self.source.load_entries(
            *range_in_view(self.view, self.day, self.zone), self.closer.id, self.shown_companies
        )

    def _prefetch_neighbours(self) -> None:
        """Read the previous and next day or week while the closer looks at this one."""
        if self.closer is None:
            return
        days = self.days()
        stride = timedelta(days=7 if self.view == View.WEEK else len(days))
        ranges = [
            self._bounds(days[0] + sign * stride, days[-1] + sign * stride) for sign in (1, -1)
        ]
        self.source.prefetch(ranges, self.closer.id, self.shown_companies)

    def _bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        return tz.day_bounds(first, self.zone)[0], tz.day_bounds(last, self.zone)[1]

    def _on_directory(self, directory: Directory) -> None:
        keep = self.closer.id if self.closer else None
        self.closer = directory.closer(keep) or directory.closer(None)
        if self.closer is None:
            return
        self.grid.set_hours(self.closer.hours)
        if not self._scrolled:
            self.day = self.today()
        self.reload()

    def _on_people(self, directory: Directory) -> None:
        # The full record (a first page may have been read before everything was loaded).
        if self.closer is not None and (fresh := directory.closer(self.closer.id)) is not None:
            self.closer = fresh
        self._show_details()

    def _on_entries(self, page: EntriesPage) -> None:
        self.page = page
        self.entries = page.entries
        self.grid.set_zones(self.zone, self._second_zone())
        if self.view == View.LIST:
            self.list.set_entries(page.entries, self.zone)
            self.list.select(self.selected_id)
        else:
            self.grid.set_entries(page.entries)
            self.grid.select(self.selected_id)
            if not self._scrolled:
                self._scroll_to_morning()
        self._show_details()
        self.loaded.emit()
        # After the paint this answer causes, not during it (the worker would hold the GIL).
        self._prefetch_timer.start()

    def _scroll_to_morning(self) -> None:
        self._scrolled = True
        starts = [i.start for day in (self.closer.hours.days if self.closer else ()) for i in day]
        self.grid.scroll_to_minutes(max(0, min(starts, default=8 * 60) - 60))

    def show_appointment(self, appointment_id: int) -> None:
        """Go to a call's day and select it."""

        def found(entry: AgendaEntry) -> None:
            self.selected_id = entry.appointment.id
            self.set_date(tz.convert(entry.appointment.start, self.zone).date())

        self.source.query(self, lambda agenda: agenda.entry(appointment_id), found)

    # -- selection and details -------------------------------------------------------------
    def selected_entry(self) -> AgendaEntry | None:
        """The selected call, if it is in view."""
        return next((e for e in self.entries if e.appointment.id == self.selected_id), None)

    def select(self, appointment_id: int | None) -> None:
        """Select a call."""
        self.selected_id = appointment_id
        self.grid.select(appointment_id)
        self._update_zones()
        self._show_details()

    def _second_zone(self) -> str | None:
        if self.pinned_zone:
            return self.pinned_zone
        entry = self.selected_entry()
        return entry.prospect_zone if entry else None

    def _update_zones(self) -> None:
        self.grid.set_zones(self.zone, self._second_zone())

    def _show_details(self) -> None:
        entry = self.selected_entry()
        directory = self.source.directory
        if entry is None:
            self.details.show_entry(None)
            return
        a = entry.appointment
        self.details.show_entry(
            entry, directory.prospect(a.prospect_id), directory.company(a.company_id), self.zone
        )

    # -- actions ---------------------------------------------------------------------------
    def new_call(self, wall: datetime | None = None) -> AppointmentEditor | None:
        """Open the editor for a new call (at ``wall``, naive in the closer's zone)."""
        from closer_desk.ui.agenda.editor import AppointmentEditor

        if self.closer is None:
            return None
        if wall is None:
            wall = default_start(self.day, tz.convert(self._clock(), self.zone))
        editor = AppointmentEditor(
            self.source, self.source.directory, self.closer, self._clock, start=wall, parent=self
        )
        editor.accepted.connect(lambda: self._booked(editor))
        self._open(editor)
        return editor

    def edit_call(self, appointment_id: int | None = None) -> AppointmentEditor | None:
        """Open a call in the editor."""
        from closer_desk.ui.agenda.editor import AppointmentEditor

        target = appointment_id if appointment_id is not None else self.selected_id
        entry = next((e for e in self.entries if e.appointment.id == target), None)
        if entry is None or self.closer is None:
            return None
        self.select(entry.appointment.id)
        editor = AppointmentEditor(
            self.source,
            self.source.directory,
            self.closer,
            self._clock,
            appointment=entry.appointment,
            parent=self,
        )
        editor.accepted.connect(lambda: self._edited(editor, entry))
        self._open(editor)
        return editor

    def _open(self, editor: AppointmentEditor) -> None:
        self.editor = editor
        editor.finished.connect(editor.deleteLater)
        editor.open()

    def _booked(self, editor: AppointmentEditor) -> None:
        draft = editor.draft()
        if draft is not None:
            self.operations.book(draft)

    def _edited(self, editor: AppointmentEditor, entry: AgendaEntry) -> None:
        draft = editor.draft()
        if draft is not None:
            self.operations.edit(entry.appointment, draft)

    def _on_move(self, appointment_id: int, wall: datetime, minutes: int) -> None:
        entry = next((e for e in self.entries if e.appointment.id == appointment_id), None)
        if entry is not None:
            self.operations.move(entry.appointment, wall, minutes, self.zone)

    def cancel_selected(self) -> None:
        """Cancel the selected call (the user confirms)."""
        entry = self.selected_entry()
        if entry is not None and entry.appointment.status in (Status.PLANNED, Status.CONFIRMED):
            self.operations.cancel(entry.appointment, entry.prospect_name)

    def delete_selected(self) -> None:
        """Delete the selected call for good (the user confirms; undo brings it back)."""
        entry = self.selected_entry()
        if entry is not None:
            self.operations.delete(entry.appointment, entry.prospect_name)
            self.selected_id = None

    def _on_outcome(self, appointment_id: int, outcome: OutcomeChoice) -> None:
        entry = next((e for e in self.entries if e.appointment.id == appointment_id), None)
        if entry is None:
            return
        company = self.source.directory.company(entry.appointment.company_id)
        currency = deal_currency(company.country if company is not None else "")
        self.operations.set_outcome(entry.appointment, outcome, currency)
