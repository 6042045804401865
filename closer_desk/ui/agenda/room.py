"""The agenda room: the Day, Work week, Week, Month and List views of the calls and the
details pane.

It keeps what is being looked at (day, view, closer and the closers shown beside them,
filters, search, selection), asks the ``AgendaSource`` for the calls in range and reads its
page again when a write touched the calls or busy time of the closers it shows, or the people
it shows. What is done to a call (the editor, a drag's drop, the menu, an outcome) is
``call_actions.CallActions``'s, which hands it to ``CallOperations``; the days of a view are
``view_days``', the grid's columns ``columns_in_view``', the holidays ``holiday_marks``', the
pane's width ``views_and_pane``' and paper ``printing``'s: the room asks them.

Several closers (an assistant's view): the Day view has a column per closer, rows being the
main closer's clock and each column marking its closer's own hours and clock; the Week views
show everyone's calls in the day columns, each marked with its closer's colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QMenu, QStackedWidget, QVBoxLayout, QWidget

from closer_desk.core import calendar_views, tz
from closer_desk.core.calendar_views import LIST_DAYS, View
from closer_desk.core.model import AgendaEntry, BusyBlock, Changes, Closer, OutcomeChoice
from closer_desk.ui.agenda.call_actions import CallActions
from closer_desk.ui.agenda.closer_picker import (
    SETTINGS_KEY,
    CloserPicker,
    closer_color,
    initials,
    read_shown,
)
from closer_desk.ui.agenda.columns_in_view import ColumnsInView
from closer_desk.ui.agenda.details import DetailsPane, OpenUrl, desktop_open
from closer_desk.ui.agenda.holiday_marks import HolidayMarks
from closer_desk.ui.agenda.monthview import MonthView
from closer_desk.ui.agenda.operations import CallOperations
from closer_desk.ui.agenda.timegrid import TimeGrid
from closer_desk.ui.agenda.view_days import FIRST_VIEW, days_in_view, range_in_view
from closer_desk.ui.agenda.views_and_pane import ViewsAndPane
from closer_desk.ui.common import i18n
from closer_desk.ui.common.source import AgendaSource, Directory, EntriesPage

if TYPE_CHECKING:  # the editor, printing and the List view are imported when first used
    from closer_desk.ui.agenda.editor import AppointmentEditor
    from closer_desk.ui.agenda.listview import AgendaList
    from closer_desk.ui.agenda.printing import AgendaSheet

__all__ = ["FIRST_VIEW", "LIST_DAYS", "AgendaRoom", "View", "days_in_view", "range_in_view"]

PREFETCH_DELAY_MS = 150
# The month view is comfortable from this width on (a name and a time per line).
MONTH_COMFORTABLE = 7 * 96
_GRID_VIEWS = (View.DAY, View.WORK_WEEK, View.WEEK)


class AgendaRoom(QWidget):
    """The views of the calls with a details pane.

    Attributes:
        closer: the main closer (picked in the sidebar): the grid is on their clock.
        picked: the closers shown beside them (ids).
        week_start: the first day of the week views and the month (Monday 0).

    Signals:
        title_changed(str): what the views show ("Week of 2 Mar 2026").
        loaded(): the calls of the current range are on screen.
        requested(Request): what only another room can do (none yet).
        call_shown(object): the details pane shows another call (its id), or none (None).
        outcome_wanted(int, object): the user chose an outcome for call ``int`` from its
            menu, and a desk hosted under the details records outcomes (``host_desk``).
        exported(object): a PDF of the view was written (its ``Path``).
        view_changed(object): another view is shown (its ``View``), whoever asked for it.
    """

    title_changed = Signal(str)
    loaded = Signal()
    requested = Signal(object)
    call_shown = Signal(object)
    outcome_wanted = Signal(int, object)
    exported = Signal(object)
    view_changed = Signal(object)

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
        self.picked: frozenset[int] = frozenset()
        self.week_start = i18n.week_start()
        self.day: date = clock().date()
        self.shown_companies: frozenset[int] | None = None
        self.pinned_zone = ""
        self.selected_id: int | None = None
        self.entries: tuple[AgendaEntry, ...] = ()
        self.busy: tuple[BusyBlock, ...] = ()
        #: The last answer from the source (None until the first one arrives).
        self.page: EntriesPage | None = None
        self._settings: QSettings | None = None
        self._scrolled = False
        self._columns = ColumnsInView()

        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_neighbours)
        self.picker = CloserPicker(self)
        self.grid = TimeGrid(clock, self)
        self.month = MonthView(clock, self)
        self.month.set_week_start(self.week_start)
        self._list: AgendaList | None = None
        self.views = QStackedWidget(self)
        self.views.addWidget(self.grid)
        self.views.addWidget(self.month)
        self.details = DetailsPane(clock, open_url, self)
        self._split = ViewsAndPane(self.views, self.details, self._views_minimum, self)
        # View > Details pane: fold the pane away on a small window, and bring it back.
        self.details_action = QAction(self.tr("&Details pane"), self)
        self.details_action.setCheckable(True)
        self.details_action.setChecked(True)
        self.details_action.setShortcut("F9")
        self.details_action.toggled.connect(lambda shown: self._split.set_folded(not shown))
        self._split.folded_changed.connect(
            lambda folded: self.details_action.setChecked(not folded)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.picker)
        layout.addWidget(self._split, 1)

        source.entries_loaded.connect(self._on_entries)
        source.directory_loaded.connect(self._on_directory)
        source.people_loaded.connect(self._on_people)
        self._holidays = HolidayMarks(self)
        operations.refused.connect(lambda _why: self.grid.drop_ghost())
        for view in (self.grid, self.month):
            view.selected.connect(self.select)
        self.month.day_chosen.connect(self._open_day)
        self.picker.changed.connect(self.set_picked)
        self.details.shown_changed.connect(self.call_shown)
        # What is done to the calls (it hears the views' and the pane's requests): the
        # editor, the drops, the menu, the outcomes.
        self.calls = CallActions(self, clock)

    # -- what is shown ---------------------------------------------------------------------
    @property
    def list_view(self) -> AgendaList:
        """The List view, built the first time it is shown or searched (a table's first build
        and its model's module are about 15 ms of a cold start that opens on the week)."""
        if self._list is None:
            from closer_desk.ui.agenda.listview import AgendaList

            self._list = AgendaList(self)
            self.views.addWidget(self._list)
            self._list.selected.connect(self.select)
            self.calls.watch_list(self._list)
        return self._list

    @property
    def zone(self) -> str:
        """The main closer's zone (the grid's)."""
        return self.closer.zone if self.closer else "UTC"

    def today(self) -> date:
        """Today in the closer's zone."""
        return tz.convert(self._clock(), self.zone).date()

    def days(self) -> list[date]:
        """The days in view."""
        return days_in_view(self.view, self.day, self.week_start)

    def shown_closers(self) -> list[Closer]:
        """The closers in view: the main one first, then those picked beside them."""
        if self.closer is None:
            return []
        others = [
            c for c in self.source.directory.closers if c.id in self.picked and c != self.closer
        ]
        return [self.closer, *others]

    def several(self) -> bool:
        """Whether several closers share the views (the assistant's view)."""
        return len(self.shown_closers()) > 1

    def title(self) -> str:
        """What is in view, in words."""
        days = self.days()
        if self.view == View.DAY:
            return i18n.format_date(self.day, long=True)
        if self.view in (View.WEEK, View.WORK_WEEK):
            return self.tr("Week of %1").replace("%1", i18n.format_date(days[0], long=True))
        if self.view == View.MONTH:
            return QLocale().toString(i18n.qdate(self.day), "MMMM yyyy")
        return (
            self.tr("%1 to %2")
            .replace("%1", i18n.format_date(days[0]))
            .replace("%2", i18n.format_date(days[-1]))
        )

    def set_view(self, view: View) -> None:
        """Day, work week, week, month or list."""
        changed = View(view) != self.view
        self.view = View(view)
        if changed:
            self.view_changed.emit(self.view)
        shown: QWidget = self.grid
        if self.view == View.LIST:
            shown = self.list_view
        elif self.view == View.MONTH:
            shown = self.month
        self.views.setCurrentWidget(shown)
        self.reload()
        self._split.fit()

    def set_date(self, day: date) -> None:
        """Show the day (or its week, or its month)."""
        self.day = day
        self.reload()

    def go_today(self) -> None:
        """Back to today."""
        self.set_date(self.today())

    def step(self, days: int) -> None:
        """Move by ``days`` (negative goes back)."""
        self.set_date(self.day + timedelta(days=days))

    def step_view(self, pages: int) -> None:
        """Move by whole pages of the view: days, weeks or months (negative goes back)."""
        self.set_date(calendar_views.step(self.view, self.day, pages))

    def set_week_start(self, weekday: int) -> None:
        """The first day of the week views and the month (Monday 0 ... Sunday 6)."""
        self.week_start = weekday % 7
        self.month.set_week_start(self.week_start)
        self.reload()

    def set_closer(self, closer_id: int) -> None:
        """Show another closer's agenda (the main one)."""
        closer = self.source.directory.closer(closer_id)
        if closer is not None:
            self.closer = closer
            self.selected_id = None
            self.picker.set_main(closer.id)
            self._hours_changed()
            self.reload()

    def set_picked(self, closer_ids: frozenset[int]) -> None:
        """Show these closers beside the main one (remembered in the settings)."""
        self.picked = frozenset(closer_ids)
        self.picker.set_picked(self.picked)
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, [str(i) for i in sorted(self.picked)])
        self.reload()
        self._split.fit()

    def use_settings(self, settings: QSettings) -> None:
        """Remember the closers picked beside the main one in ``settings`` (and start from
        those remembered)."""
        self._settings = settings
        self.picked = read_shown(settings)

    def set_shown_companies(self, company_ids: frozenset[int] | None) -> None:
        """Only these companies' calls (None: all)."""
        self.shown_companies = company_ids
        self.reload()

    def set_search(self, text: str) -> None:
        """Search in the list (switching to it when the user types)."""
        self.list_view.set_search(text)
        if text and self.view != View.LIST:
            self.set_view(View.LIST)
        elif self.view == View.LIST:
            self._follow_selection()

    def set_pinned_zone(self, zone: str) -> None:
        """Pin the second scale to ``zone`` ("" follows the selected prospect)."""
        self.pinned_zone = zone
        self._update_zones()

    def on_changes(self, changes: Changes) -> None:
        """Read the page again when calls or busy time of a closer in view were written. When
        people changed, the door reads the directory again first and its answer brings a new
        page (``_on_directory``)."""
        if self.closer is None or changes.people():
            return
        shown = {c.id for c in self.shown_closers()}
        if any(changes.calls_of(i) for i in shown) or changes.busy & shown:
            self.reload()

    # -- what the shell adds ---------------------------------------------------------------
    def add_to_details(self, widget: QWidget) -> None:
        """Put ``widget`` under the selected call's details (the invite buttons)."""
        self.details.set_extra(widget)

    def host_desk(self, desk: QWidget, width: int) -> None:
        """Put the call's desk under the details: it has its own outcome buttons (with the
        deal's value and the reason); the pane grows towards ``width`` pixels as far as the
        grid keeps its columns readable."""
        self.details.outcomes.hide()
        self.calls.desk_hosted = True
        self.details.set_extra(desk)
        self._split.want(width)

    def add_context_actions(self, actions: Sequence[QAction]) -> None:
        """Right-click on a call in the grid or the list offers ``actions`` too (after its
        own: edit, join, move, duplicate, outcome, cancel), on the call it selects first."""
        self.calls.add_context_actions(actions)

    # -- the pane beside the views -----------------------------------------------------------
    def _views_minimum(self) -> int:
        if self.view in _GRID_VIEWS:
            return self.grid.comfortable_width()
        return MONTH_COMFORTABLE if self.view == View.MONTH else 480

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._split.fit()

    # -- reading -----------------------------------------------------------------------------
    def _page_closer(self) -> int | None:
        """Whose calls a page holds: the main closer's, or everyone's (then filtered)."""
        return None if self.several() else (self.closer.id if self.closer else None)

    def reload(self) -> None:
        """Ask for the calls in view (the answer arrives in ``_on_entries``)."""
        if self.closer is None:
            return
        days = self.days()
        if self.view in _GRID_VIEWS:
            columns = self._columns.columns(
                days, self.shown_closers(), self.zone, per_closer=self.view == View.DAY
            )
            self.grid.set_columns(columns)
            self._holidays.show()
        elif self.view == View.MONTH:
            self.month.set_days(days, self.day)
            self._holidays.show()
        self.title_changed.emit(self.title())
        self.source.load_entries(
            *range_in_view(self.view, self.day, self.zone, self.week_start),
            self._page_closer(),
            self.shown_companies,
        )

    def _prefetch_neighbours(self) -> None:
        """Read the previous and next page while the closer looks at this one."""
        if self.closer is None:
            return
        ranges = [
            range_in_view(self.view, day, self.zone, self.week_start)
            for day in (calendar_views.step(self.view, self.day, s) for s in (1, -1))
        ]
        self.source.prefetch(ranges, self._page_closer(), self.shown_companies)

    def _on_directory(self, directory: Directory) -> None:
        keep = self.closer.id if self.closer else None
        self.closer = directory.closer(keep) or directory.closer(None)
        if self.closer is None:
            return
        self._hours_changed()
        self.picker.set_closers(directory.closers, self.closer.id, self.picked)
        if not self._scrolled:
            self.day = self.today()
        self.reload()

    def _hours_changed(self) -> None:
        self._columns.clear()
        self.grid.set_hours(self.closer.hours if self.closer else None)

    def _on_people(self, directory: Directory) -> None:
        # The full record (a first page may have been read before everything was loaded).
        if self.closer is not None and (fresh := directory.closer(self.closer.id)) is not None:
            self.closer = fresh
        self.picker.set_closers(
            directory.closers, self.closer.id if self.closer else None, self.picked
        )
        # The closers remembered beside the main one are known now; and the first page,
        # read before the agenda was opened, lacks the busy time.
        if self.picked & {c.id for c in directory.closers} or (
            self.page is not None and self.page.busy is None
        ):
            self.reload()
        self._show_details()

    def _on_entries(self, page: EntriesPage) -> None:
        self.page = page
        shown = {c.id for c in self.shown_closers()}
        several = len(shown) > 1
        entries = page.entries
        busy = page.busy or ()
        if page.closer_id is None:
            entries = tuple(e for e in entries if e.appointment.closer_id in shown)
            busy = tuple(b for b in busy if b.closer_id in shown)
        self.entries = entries
        self.busy = busy
        names = {c.id: initials(c.name) for c in self.shown_closers()}
        # Calls of several closers in one column carry their closer's colour and initials
        # (the assistant's Day view has a column per closer instead).
        overlay = several and self.view != View.DAY
        markers = {c: (closer_color(c), names[c]) for c in shown} if overlay else {}
        self.grid.set_zones(self.zone, self._second_zone())
        if self.view == View.LIST:
            self.list_view.set_entries(entries, self.zone)
            self.list_view.select(self.selected_id)
        elif self.view == View.MONTH:
            self.month.set_entries(entries, self.zone, markers)
            self.month.select(self.selected_id)
        else:
            self.grid.set_entries(entries, markers)
            self.grid.set_busy(busy)
            self.grid.select(self.selected_id)
            if not self._scrolled:
                self._scroll_to_morning()
        self._follow_selection()
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

    def _open_day(self, day: date) -> None:
        self.day = day
        self.set_view(View.DAY)

    # -- selection and details -------------------------------------------------------------
    def entry(self, appointment_id: int | None) -> AgendaEntry | None:
        """The call in view with this id, if it is in view."""
        return next((e for e in self.entries if e.appointment.id == appointment_id), None)

    def selected_entry(self) -> AgendaEntry | None:
        """The selected call, if it is in view."""
        return self.entry(self.selected_id)

    def _follow_selection(self) -> None:
        """The details, the second scale and the prospect's holidays follow the selected
        call while the view shows it; a call it no longer shows (another month, cancelled,
        left out by the search) is no longer selected, in every view."""
        view: TimeGrid | MonthView | AgendaList = self.grid
        if self.view in (View.LIST, View.MONTH):
            view = self.list_view if self.view == View.LIST else self.month
        if self.selected_id is not None and not view.shows(self.selected_id):
            self.selected_id = None
            self.grid.select(None)
            self.month.select(None)
            self._update_zones()
        self._holidays.follow()
        self._show_details()

    def select(self, appointment_id: int | None) -> None:
        """Select a call."""
        before = self.selected_entry()
        self.selected_id = appointment_id
        self.grid.select(appointment_id)
        self.month.select(appointment_id)
        entry = self.selected_entry()
        if (before and before.appointment.prospect_id) != (entry and entry.appointment.prospect_id):
            self._holidays.show()  # another prospect: their holidays
        self._update_zones()
        self._show_details()

    def _second_zone(self) -> str | None:
        if self.pinned_zone:
            return self.pinned_zone
        entry = self.selected_entry()
        return entry.prospect_zone if entry else None

    def _update_zones(self) -> None:
        self.grid.set_zones(self.zone, self._second_zone())
        self._split.fit()

    def _show_details(self) -> None:
        entry = self.selected_entry()
        directory = self.source.directory
        if entry is None:
            self.details.show_entry(None)
            return
        a = entry.appointment
        # Another closer's call is told in that closer's time.
        mine = a.closer_id == (self.closer.id if self.closer else None)
        self.details.show_entry(
            entry,
            directory.prospect(a.prospect_id),
            directory.company(a.company_id),
            self.zone if mine else None,
            someone_else=not mine,
        )

    # -- what is done to the calls (``call_actions.CallActions``) ---------------------------
    @property
    def editor(self) -> AppointmentEditor | None:
        """The editor last opened (tests fill it in)."""
        return self.calls.editor

    @property
    def context_menu(self) -> QMenu | None:
        """The right-click menu last shown (tests pick its actions)."""
        return self.calls.context_menu

    def new_call(self, wall: datetime | None = None) -> AppointmentEditor | None:
        """Open the editor for a new call of the main closer (at ``wall``, naive in their
        zone)."""
        return self.calls.new_call(wall)

    def edit_call(
        self, appointment_id: int | None = None, *, focus_time: bool = False
    ) -> AppointmentEditor | None:
        """Open a call (by default the selected one) in the editor."""
        return self.calls.edit_call(appointment_id, focus_time=focus_time)

    def cancel_selected(self) -> None:
        """Cancel the selected call (the user confirms)."""
        self.calls.cancel(self.selected_entry())

    def delete_selected(self) -> None:
        """Delete the selected call for good (the user confirms; undo brings it back)."""
        self.calls.delete_selected()

    def choose_outcome(self, appointment_id: int, outcome: OutcomeChoice) -> None:
        """Record an outcome chosen from a call's menu (by the desk under the details when
        there is one)."""
        self.calls.choose_outcome(appointment_id, outcome)

    # -- paper (``printing``) ----------------------------------------------------------------
    def print_sheet(self) -> AgendaSheet:
        """What a print of the view shows (``printing.sheet_in_view``)."""
        from closer_desk.ui.agenda import printing

        return printing.sheet_in_view(self)

    def print_view(self) -> None:
        """Print what is in view (the system's print dialog)."""
        from closer_desk.ui.agenda import printing

        printing.print_dialog(self, self.print_sheet())

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write what is in view as a PDF (``printing.export_view``)."""
        from closer_desk.ui.agenda import printing

        return printing.export_view(self, path)
