"""The public holidays marked on the days the agenda room shows.

Each day is marked with its closer's holidays (in the assistant's Day view, each column's
closer's), and the selected call's prospect's beside them. The holidays' tables take a third
of a second to load (``core.day_marks.holidays_loaded``): the worker loads them once the
agenda is on screen, and until then the days are shown unmarked. Apart from the room
(``room.py``), which says when what it shows has changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from closer_desk.core.calendar_views import View
from closer_desk.core.day_marks import DayHolidays, day_holidays, holidays_loaded, load_holidays
from closer_desk.core.model import Prospect
from closer_desk.ui.common import i18n

if TYPE_CHECKING:
    from closer_desk.ui.agenda.room import AgendaRoom


class HolidayMarks:
    """The holidays of one ``AgendaRoom``'s days (which owns it)."""

    def __init__(self, room: AgendaRoom) -> None:
        self.room = room
        self._asked = False
        #: The prospect whose holidays the days show beside the closer's (None: nobody's).
        self.marked_for: int | None = None
        room.grid.painted.connect(self.load)
        room.month.painted.connect(self.load)

    def show(self) -> None:
        """Mark the days in view: the closer's holidays (each column's closer's), and the
        selected call's prospect's (unmarked until the tables are loaded, see ``load``)."""
        if not holidays_loaded():
            self.load()
            return
        room = self.room
        prospect = self._prospect()
        self.marked_for = prospect.id if prospect else None
        country = prospect.country if prospect else ""
        region = prospect.subdivision if prospect else ""
        language = i18n.language()
        if room.view == View.MONTH:
            room.month.set_holidays(
                day_holidays(room.days(), room.closer, country, region, language)
            )
            return
        by_id = {c.id: c for c in room.shown_closers()}
        marks: list[DayHolidays | None] = []
        for column in room.grid.columns:
            closer = by_id.get(column.closer_id) if column.closer_id else room.closer
            marks.append(
                day_holidays([column.day], closer, country, region, language).get(column.day)
            )
        room.grid.set_holidays(marks)

    def follow(self) -> None:
        """Mark the days again if they show another prospect's holidays than the selected
        call's (the selection went with the page it was on)."""
        prospect = self._prospect()
        if (prospect.id if prospect else None) != self.marked_for:
            self.show()

    def _prospect(self) -> Prospect | None:
        entry = self.room.selected_entry()
        directory = self.room.source.directory
        return directory.prospect(entry.appointment.prospect_id) if entry else None

    def load(self) -> None:
        """Have the worker load the holidays' tables once the agenda is on screen (after its
        first paint), then mark the days."""
        room = self.room
        if holidays_loaded() or self._asked:
            return
        if not (room.grid.paint_count or room.month.paint_count):
            return  # the first paint asks again
        self._asked = True
        room.source.compute(room, load_holidays, lambda _none: self.show(), self._not_loaded)

    def _not_loaded(self, _error: BaseException) -> None:
        # The days stay unmarked (holidays mark them; they are not worth an error dialog) and
        # the next showing of the days asks again.
        self._asked = False
