"""The time grid's columns for what the agenda room shows: a column per day, or (the
assistant's Day view) a column per closer, each with the rows its closer works and, when its
clock is not the grid's, how far it is and its own hours.

The room (``room.py``) says which days, closers and zone are in view; this turns them into
``GridColumn`` values, and keeps each closer's working rows per day and zone, since every
reload of a week asks for them again. Its words keep the room's translation context
("AgendaRoom"), where the French catalogue has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from closer_desk.core import grid_time
from closer_desk.core.availability import normalise
from closer_desk.core.model import Closer
from closer_desk.ui.agenda.closer_picker import closer_color
from closer_desk.ui.agenda.timegrid import GridColumn
from closer_desk.ui.common import i18n

Spans = tuple[tuple[int, int], ...]
# Working rows kept before the cache starts again (a closer, a day, a zone each).
_KEPT = 512


class ColumnsInView:
    """The grid's columns, with the shown closers' working rows cached."""

    def __init__(self) -> None:
        self._working: dict[tuple[Closer, date, str], Spans] = {}

    def clear(self) -> None:
        """Forget the working rows (the closers' hours changed)."""
        self._working.clear()

    def columns(
        self, days: Sequence[date], closers: Sequence[Closer], zone: str, *, per_closer: bool
    ) -> list[GridColumn]:
        """Days of the ``closers``' calls on the clock of ``zone``, or, when ``per_closer``
        (the Day view) and several are shown, a column per closer, each with their own hours,
        and their clock when it is not the grid's."""
        if len(closers) > 1 and per_closer:
            day = days[0]
            return [self._closer_column(c, day, zone) for c in closers]
        return [
            GridColumn(
                d,
                working=tuple(
                    normalise(span for c in closers for span in self._working_minutes(c, d, zone))
                ),
            )
            for d in days
        ]

    def _working_minutes(self, closer: Closer, day: date, zone: str) -> Spans:
        key = (closer, day, zone)
        found = self._working.get(key)
        if found is None:
            if len(self._working) > _KEPT:
                self._working.clear()
            found = self._working[key] = grid_time.working_minutes(closer, day, zone)
        return found

    def _closer_column(self, closer: Closer, day: date, zone: str) -> GridColumn:
        ahead = grid_time.offset_minutes(day, zone, closer.zone)
        city = i18n.city(closer.zone)
        subtitle = city
        if ahead:
            hours = f"{abs(ahead) // 60}" + (f":{abs(ahead) % 60:02d}" if ahead % 60 else "")
            if ahead > 0:
                words = QCoreApplication.translate("AgendaRoom", "%1, %2 h ahead")
            else:
                words = QCoreApplication.translate("AgendaRoom", "%1, %2 h behind")
            subtitle = words.replace("%1", city).replace("%2", hours)
        return GridColumn(
            day,
            closer.id,
            title=closer.name,
            subtitle=subtitle,
            zone=closer.zone,
            working=self._working_minutes(closer, day, zone),
            marks=grid_time.hour_marks(day, zone, closer.zone) if ahead else (),
            color=closer_color(closer.id),
        )
