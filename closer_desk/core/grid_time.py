"""Where instants fall on a day of the agenda grid, whose rows are the wall clock of one zone.

The grid of a day in ``zone`` has a row per minute of that zone's wall clock (0 to 1440). A
closer working from another zone has their hours and their own clock's hours drawn on it at
the instants they happen, so calls, hours and busy time of several zones line up in time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from closer_desk.core.availability import closer_windows, epoch, zone_info
from closer_desk.core.model import Closer
from closer_desk.core.tz import day_bounds

DAY_MINUTES = 24 * 60


def wall_minutes(seconds: int, day: date, zone: str) -> int:
    """The minute of the grid of ``day`` in ``zone`` an instant falls on: its wall time there,
    counted from that day's midnight (negative before it, past 1440 after it)."""
    local = datetime.fromtimestamp(seconds, zone_info(zone))
    return (local.date() - day).days * DAY_MINUTES + local.hour * 60 + local.minute


def clipped_minutes(lo: int, hi: int, day: date, zone: str) -> tuple[int, int] | None:
    """The rows ``[lo, hi)`` (UTC epoch seconds) covers on the grid of ``day``, or None."""
    start = max(0, wall_minutes(lo, day, zone))
    end = min(DAY_MINUTES, wall_minutes(hi, day, zone))
    return (start, end) if start < end else None


def working_minutes(closer: Closer, day: date, zone: str) -> tuple[tuple[int, int], ...]:
    """The rows of the grid of ``day`` in ``zone`` where ``closer`` works: their hours, date
    overrides and travel, each date in the zone they work from."""
    lo, hi = (epoch(b) for b in day_bounds(day, zone))
    spans = (clipped_minutes(a, b, day, zone) for a, b in closer_windows(closer, lo, hi))
    return tuple(s for s in spans if s is not None)


def hour_marks(day: date, zone: str, other: str) -> tuple[tuple[int, int], ...]:
    """``(row, hour)`` for each whole hour of ``other``'s clock on the grid of ``day`` in
    ``zone``: where another zone's hours fall (at half rows for a zone half an hour apart)."""
    lo, hi = (epoch(b) for b in day_bounds(day, zone))
    first = datetime.fromtimestamp(lo, zone_info(other))
    # The first whole hour of the other clock at or after the grid's midnight.
    instant = lo + (-(first.minute * 60 + first.second)) % 3600
    marks = []
    while instant < hi:
        local = datetime.fromtimestamp(instant, zone_info(other))
        if local.minute == 0:  # not the odd instant a 30-minute DST shift lands on
            marks.append((wall_minutes(instant, day, zone), local.hour))
        instant += 3600
    return tuple(marks)


def offset_minutes(day: date, zone: str, other: str) -> int:
    """How far ``other``'s clock is ahead of ``zone``'s at noon UTC of ``day`` (minutes)."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    ahead = noon.astimezone(zone_info(other)).utcoffset()
    behind = noon.astimezone(zone_info(zone)).utcoffset()
    assert ahead is not None and behind is not None
    return int((ahead - behind).total_seconds() // 60)
