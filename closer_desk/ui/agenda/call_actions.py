"""What the agenda room does to one call: the editor, the drops, the menu and the outcomes.

The room (``room.py``) keeps what is looked at and reads it; this holds what the user does to
a call from the views, the details pane and the right-click menu: the editor opened for a new
call, a copy a week later or an edit (and the company the next new call starts with), a
drag's or a resize's drop and a Ctrl+drag's copy, join or call, cancel, delete and an
outcome. Each ends in ``CallOperations``, which asks what must be asked and writes through the
door; the room reads its page again when the ``Changes`` come back. Apart from the room so
that each file holds one concern; its words keep the room's translation context
("AgendaRoom"), where the French catalogue has them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from closer_desk.core import tz
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    AgendaEntry,
    Appointment,
    Booking,
    CallKind,
    Closer,
    OutcomeChoice,
    Status,
)
from closer_desk.core.new_call import default_start
from closer_desk.ui.agenda.call_menu import MenuActions, call_menu, empty_time_menu

if TYPE_CHECKING:  # the editor (when first opened) and the List view (when first shown)
    from closer_desk.ui.agenda.editor import AppointmentEditor
    from closer_desk.ui.agenda.listview import AgendaList
    from closer_desk.ui.agenda.room import AgendaRoom


class CallActions:
    """The actions on the calls of one ``AgendaRoom`` (which owns it and delegates to it),
    wired to the requests of its views and its details pane.

    Attributes:
        editor: the editor last opened (tests fill it in).
        context_menu: the right-click menu last shown (tests pick its actions).
        last_company_id: the company of the last call booked or edited here: the next new
            call's.
        desk_hosted: a desk under the details records outcomes (``AgendaRoom.host_desk``).
    """

    def __init__(self, room: AgendaRoom, clock: Callable[[], datetime]) -> None:
        self.room = room
        self._clock = clock
        self.editor: AppointmentEditor | None = None
        self.context_menu: QMenu | None = None
        self.last_company_id: int | None = None
        self.desk_hosted = False
        self._menu_extra: list[QAction] = []
        for view in (room.grid, room.month):
            view.activated.connect(self.edit_call)
        room.grid.move_requested.connect(self.on_move)
        room.grid.duplicate_requested.connect(self.on_duplicate)
        room.grid.create_requested.connect(lambda wall: self.new_call(wall))
        room.grid.menu_requested.connect(self.show_menu)
        room.grid.create_for_closer.connect(self.new_call_for)
        room.month.create_requested.connect(lambda wall: self.new_call(wall))
        room.details.outcome_requested.connect(self.on_outcome)
        room.details.edit_requested.connect(self.edit_call)
        room.details.cancel_requested.connect(lambda _id: self.cancel(room.selected_entry()))

    # -- the editor --------------------------------------------------------------------------
    def new_call(self, wall: datetime | None = None) -> AppointmentEditor | None:
        """Open the editor for a new call of the main closer (at ``wall``, naive in their
        zone)."""
        room = self.room
        if room.closer is None:
            return None
        if wall is None:
            wall = default_start(room.day, tz.convert(self._clock(), room.zone), self._taken())
        return self._book_with(room.closer, wall)

    def _taken(self) -> list[tuple[datetime, datetime]]:
        """The main closer's live calls in view, as naive wall spans on the room's clock."""
        room = self.room
        assert room.closer is not None
        spans = []
        for entry in room.entries:
            call = entry.appointment
            if call.closer_id == room.closer.id and call.status in ACTIVE_STATUSES:
                start = tz.convert(call.start, room.zone).replace(tzinfo=None)
                spans.append((start, start + timedelta(minutes=call.minutes)))
        return spans

    def new_call_for(self, wall: datetime, closer_id: int) -> AppointmentEditor | None:
        """Open the editor for a new call of another closer, at the grid's naive ``wall``
        (the main closer's clock): the editor gets that instant on the closer's own clock."""
        room = self.room
        closer = room.source.directory.closer(closer_id)
        if closer is None or room.closer is None:
            return None
        if closer.zone == room.zone:
            return self._book_with(closer, wall)
        instant = room.operations.resolve_or_ask(wall, room.zone)
        if instant is None:
            return None
        return self._book_with(closer, tz.convert(instant, closer.zone).replace(tzinfo=None))

    def _book_with(
        self, closer: Closer, wall: datetime, *, copy_of: Appointment | None = None
    ) -> AppointmentEditor:
        """The editor for a new call of ``closer`` at ``wall`` (naive in their zone; a copy of
        ``copy_of``'s company, prospect, kind, length, link and reminder)."""
        from closer_desk.ui.agenda.editor import AppointmentEditor

        room = self.room
        editor = AppointmentEditor(
            room.source,
            room.source.directory,
            closer,
            self._clock,
            start=wall,
            company_id=self.last_company_id,
            copy_of=copy_of,
            named=room.closer is not None and closer.id != room.closer.id,
            parent=room,
        )
        label = ""
        if copy_of is not None:
            label = QCoreApplication.translate("AgendaRoom", "Duplicate call")

        def book(draft: Booking) -> None:
            self.last_company_id = int(draft.company)
            room.operations.book(draft, answer=editor.answered, label=label)

        editor.submitted.connect(book)
        self._open(editor)
        return editor

    def duplicate_call(self, appointment_id: int) -> AppointmentEditor | None:
        """A new call like this one, a week later at the same time on its closer's clock (the
        editor opens on it)."""
        room = self.room
        entry = room.entry(appointment_id)
        if entry is None or room.closer is None:
            return None
        closer = room.source.directory.closer(entry.appointment.closer_id) or room.closer
        wall = tz.convert(entry.appointment.start, closer.zone).replace(tzinfo=None)
        return self._book_with(closer, wall + timedelta(days=7), copy_of=entry.appointment)

    def watch_list(self, view: AgendaList) -> None:
        """Hear the List view too, once the room has built it."""
        view.activated.connect(self.edit_call)
        view.menu_requested.connect(self.show_menu)

    def edit_call(
        self, appointment_id: int | None = None, *, focus_time: bool = False
    ) -> AppointmentEditor | None:
        """Open a call in the editor, on its own closer's clock (``focus_time``: with its date
        and time selected, to move it)."""
        from closer_desk.ui.agenda.editor import AppointmentEditor

        room = self.room
        entry = room.entry(appointment_id if appointment_id is not None else room.selected_id)
        if entry is None or room.closer is None:
            return None
        closer = room.source.directory.closer(entry.appointment.closer_id) or room.closer
        room.select(entry.appointment.id)
        editor = AppointmentEditor(
            room.source,
            room.source.directory,
            closer,
            self._clock,
            appointment=entry.appointment,
            named=room.closer is not None and closer.id != room.closer.id,
            parent=room,
        )

        def save(draft: Booking) -> None:
            self.last_company_id = int(draft.company)
            room.operations.edit(entry.appointment, draft, answer=editor.answered)

        editor.submitted.connect(save)
        self._open(editor)
        if focus_time:
            editor.when.line.setFocus()
            editor.when.line.selectAll()
        return editor

    def _open(self, editor: AppointmentEditor) -> None:
        self.editor = editor
        editor.finished.connect(editor.deleteLater)
        editor.open()

    # -- drops on the grid -------------------------------------------------------------------
    def on_move(self, appointment_id: int, wall: datetime, minutes: int) -> None:
        """A call dragged or resized on the grid: ``wall`` is its new start on the grid's clock
        (naive), ``minutes`` its length."""
        room = self.room
        entry = room.entry(appointment_id)
        if entry is not None:
            # Read on the grid's clock, kept on the call's closer's own.
            room.operations.move(
                entry.appointment, wall, minutes, room.zone, keep_in=entry.closer_zone
            )

    def on_duplicate(self, appointment_id: int, wall: datetime) -> None:
        """A call copied by Ctrl+drag to ``wall`` (naive, on the grid's clock)."""
        entry = self.room.entry(appointment_id)
        if entry is not None:
            self.room.operations.duplicate(entry.appointment, wall, self.room.zone)

    # -- the call's life ---------------------------------------------------------------------
    def reach(self, appointment_id: int) -> None:
        """Join the call's video link, or call its number (as the details pane's buttons)."""
        room = self.room
        entry = room.entry(appointment_id)
        if entry is None:
            return
        room.select(appointment_id)
        if entry.appointment.kind == CallKind.VIDEO:
            room.details.join()
        else:
            room.details.call()

    def cancel(self, entry: AgendaEntry | None) -> None:
        """Cancel a call still to come (the user confirms)."""
        if entry is not None and entry.appointment.status in (Status.PLANNED, Status.CONFIRMED):
            self.room.operations.cancel(entry.appointment, entry.prospect_name)

    def delete_selected(self) -> None:
        """Delete the selected call for good (the user confirms; undo brings it back)."""
        room = self.room
        entry = room.selected_entry()
        if entry is not None:
            room.operations.delete(entry.appointment, entry.prospect_name)
            room.selected_id = None

    def choose_outcome(self, appointment_id: int, outcome: OutcomeChoice) -> None:
        """Record an outcome chosen from a call's menu: by the desk under the details when
        there is one (its deal value, currency and reason), else here."""
        self.room.select(appointment_id)
        if self.desk_hosted:
            self.room.outcome_wanted.emit(appointment_id, outcome)
        else:
            self.on_outcome(appointment_id, outcome)

    def on_outcome(self, appointment_id: int, outcome: OutcomeChoice) -> None:
        """Record an outcome here, in the currency of the call's company's country."""
        from closer_desk.core.commission import deal_currency  # not before the first paint

        room = self.room
        entry = room.entry(appointment_id)
        if entry is None:
            return
        company = room.source.directory.company(entry.appointment.company_id)
        currency = deal_currency(company.country if company is not None else "")
        room.operations.set_outcome(entry.appointment, outcome, currency)

    # -- the right-click menu ----------------------------------------------------------------
    def add_context_actions(self, actions: Sequence[QAction]) -> None:
        """Offer ``actions`` too in a call's menu, after its own."""
        self._menu_extra.extend(actions)

    def show_menu(self, appointment_id: int | None, wall: datetime | None, at: QPoint) -> None:
        """The menu of a call (``appointment_id``), or of empty time at ``wall``, at ``at``."""
        room = self.room
        entry = room.entry(appointment_id)
        actions = MenuActions(
            edit=self.edit_call,
            move=lambda call: self.edit_call(call, focus_time=True),
            duplicate=self.duplicate_call,
            cancel=lambda call: self.cancel(room.entry(call)),
            outcome=self.choose_outcome,
            reach=self.reach,
            new_call=self.new_call,
        )
        if entry is not None:
            prospect = room.source.directory.prospect(entry.appointment.prospect_id)
            a = entry.appointment
            reachable = (
                bool(a.url)
                if a.kind == CallKind.VIDEO
                else bool(a.phone or (prospect and prospect.phone))
            )
            menu = call_menu(
                room, entry, self._clock(), actions, self._menu_extra, reachable=reachable
            )
        elif wall is not None:
            menu = empty_time_menu(room, wall, actions)
        else:
            return
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        menu.popup(at)
