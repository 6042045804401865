"""The one range of dates closer_desk accepts, from a user or from a file.

Python's ``datetime`` spans years 1 to 9999, but converting a time near either end between
zones or adding a call's length overflows (``OverflowError``), and no closing call is booked
for year 9999. Every date and time that comes in (typed, imported, synced) is checked here
before anything is written, so that the rest of the code never meets an edge of the calendar.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from closer_desk.core.errors import ValidationError

#: First and last year accepted, inclusive. Wide enough for any real agenda and history, and
#: far enough from datetime's edges that a zone conversion, a call's length or a recurrence
#: horizon of a year can never overflow.
FIRST_YEAR = 1900
LAST_YEAR = 2199


def in_range(value: date | datetime) -> bool:
    """True when ``value`` (a date, or a datetime read in its own zone) lies in the range."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def check_in_range(value: date | datetime, field: str) -> None:
    """Raise ``ValidationError(field, "year_out_of_range", value)`` for a date outside
    ``FIRST_YEAR``..``LAST_YEAR``."""
    if not in_range(value):
        raise ValidationError(field, "year_out_of_range", value)


def check_call_in_range(start: datetime, minutes: int) -> None:
    """Raise ``ValidationError("end", "year_out_of_range", end)`` when a call of ``minutes``
    from the aware ``start`` ends outside the range (``end`` read in ``start``'s zone): a call
    at 23:30 on the last day of ``LAST_YEAR`` would end in a year nothing else accepts."""
    # On the UTC line, as ``Appointment.end``: the same instant the call is stored with.
    end = (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)
    check_in_range(end, "end")
