"""Where a new call starts when the closer has not pointed at a time: the next full hour today
(not before 9:00), 10:00 on another day, or the first quarter hour after it that the closer's
calls leave free."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

#: The hour a new call starts on a day other than today.
OTHER_DAY_HOUR = 10
#: The earliest hour offered today.
FIRST_HOUR = 9


#: The steps a new call's start moves by to leave the closer's calls free.
_STEP = timedelta(minutes=15)


def default_start(
    day: date,
    now: datetime,
    taken: Sequence[tuple[datetime, datetime]] = (),
    minutes: int = 30,
) -> datetime:
    """The naive wall time a new call on ``day`` starts at, ``now`` being the closer's wall
    clock (aware or not: only its date and hour are read). Late in the evening it is the last
    hour of the day rather than one past midnight.

    ``taken`` are the closer's calls that day as naive wall spans on the same clock: the start
    moves on by quarter hours until ``minutes`` fit beside them, within the day; a day with no
    such room keeps the first time (the editor then names the overlap)."""
    if day != now.date():
        first = datetime(day.year, day.month, day.day, OTHER_DAY_HOUR)
    else:
        first = datetime(day.year, day.month, day.day, min(23, max(now.hour + 1, FIRST_HOUR)))
    length = timedelta(minutes=minutes)
    last = datetime(day.year, day.month, day.day) + timedelta(days=1) - length
    start = first
    while start <= last:
        if not any(lo < start + length and start < hi for lo, hi in taken):
            return start
        start += _STEP
    return first
