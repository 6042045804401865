"""Where a new call starts when the closer has not pointed at a time: the next full hour today
(not before 9:00), 10:00 on another day."""

from __future__ import annotations

from datetime import date, datetime

#: The hour a new call starts on a day other than today.
OTHER_DAY_HOUR = 10
#: The earliest hour offered today.
FIRST_HOUR = 9


def default_start(day: date, now: datetime) -> datetime:
    """The naive wall time a new call on ``day`` starts at, ``now`` being the closer's wall
    clock (aware or not: only its date and hour are read). Late in the evening it is the last
    hour of the day rather than one past midnight."""
    if day != now.date():
        return datetime(day.year, day.month, day.day, OTHER_DAY_HOUR)
    hour = min(23, max(now.hour + 1, FIRST_HOUR))
    return datetime(day.year, day.month, day.day, hour)
