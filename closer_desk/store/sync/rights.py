"""The write right cached per synced closer: booking or changing a call whose calendar this
account may only read is refused before anything is written (it could never reach the others).

Small on purpose: ``store.agenda`` calls it inside its own transactions, and it must not load
the CalDAV stack.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from closer_desk.core.sync.errors import ReadOnlyCalendarError
from closer_desk.store.schema import closers, sync_calendars

#: Appointment columns that travel to the shared calendar: a change to one of them must reach
#: the server (notes, deal values and ticks stay on this machine and are always allowed).
SHARED_COLUMNS = frozenset(
    {
        "wall_start",
        "zone",
        "fold",
        "minutes",
        "start_utc",
        "end_utc",
        "kind",
        "url",
        "phone",
        "status",
        "outcome",
        "reminder_minutes",
        "company_id",
        "prospect_id",
    }
)


def refuse_if_read_only(conn: Connection, closer_id: int) -> None:
    """Raise ``ReadOnlyCalendarError`` when the closer's shared calendar is read-only here."""
    row = conn.execute(
        select(sync_calendars.c.url, sync_calendars.c.can_write, closers.c.name)
        .join(closers, closers.c.id == sync_calendars.c.closer_id)
        .where(sync_calendars.c.closer_id == closer_id)
    ).first()
    if row is not None and row.can_write == 0:
        raise ReadOnlyCalendarError(row.name, row.url)
