"""The write right cached per synced closer: booking or changing a call whose calendar this
account may only read is refused before anything is written (it could never reach the others).

Small on purpose: ``store.agenda`` calls it inside its own transactions, and it must load
neither the CalDAV stack nor SQLAlchemy (SQL text on the transaction's DB-API connection).
"""

from __future__ import annotations

import sqlite3

from closer_desk.core.sync.errors import ReadOnlyCalendarError

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


_RIGHT = """
SELECT sync_calendars.url, sync_calendars.can_write, closers.name
FROM sync_calendars JOIN closers ON closers.id = sync_calendars.closer_id
WHERE sync_calendars.closer_id = ?"""


def refuse_if_read_only(db: sqlite3.Connection, closer_id: int) -> None:
    """Raise ``ReadOnlyCalendarError`` when the closer's shared calendar is read-only here
    (``db``: the DB-API connection of the write's transaction)."""
    row = db.execute(_RIGHT, (closer_id,)).fetchone()
    if row is not None and row[1] == 0:
        raise ReadOnlyCalendarError(row[2], row[0])
