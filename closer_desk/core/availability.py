"""When each party can talk: opening windows built date by date in each party's own zone.

A window is a half-open span of UTC epoch seconds ``(start, end)``. Windows are built for one
local date at a time from that date's own UTC offsets, so a rule like "09:00–18:00" keeps its
wall-clock meaning across DST changes: today's offset is never applied to another date.

A minute belongs to a party's hours when its local wall time, on its local date, falls in that
date's intervals. In a fall-back overlap the repeated wall times therefore count twice (both
instants are in the hours), and in a spring-forward gap the missing wall times count for no
instant at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from closer_desk.core import holiday_data, tz
from closer_desk.core.model import (
    Closer,
    Company,
    DailyInterval,
    Prospect,
    WeeklyHours,
)

Span = tuple[int, int]
#: Default business hours of a prospect, in minutes from local midnight.
DEFAULT_BUSINESS_START = 9 * 60
DEFAULT_BUSINESS_END = 18 * 60
_SATURDAY_SUNDAY = frozenset({5, 6})


def epoch(instant: datetime) -> int:
    """Whole UTC epoch seconds of an aware datetime."""
    if instant.tzinfo is None:
        tz.require_aware(instant)  # raises
    return int(instant.timestamp())


@lru_cache(maxsize=512)
def zone_info(zone_key: str) -> ZoneInfo:
    """``tz.zone`` memoised: the sweep asks for the same few zones thousands of times."""
    return tz.zone(zone_key)


def from_epoch(seconds: int) -> datetime:
    """The aware UTC datetime of epoch seconds."""
    return datetime.fromtimestamp(seconds, UTC)


def _offset_at(seconds: int, zone_key: str) -> int:
    offset = datetime.fromtimestamp(seconds, zone_info(zone_key)).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def _day_start(day: date, zone_key: str) -> int:
    """Epoch seconds of the local midnight starting ``day``, as ``tz.day_bounds`` gives it.

    Most days are a day away from any offset change, and then midnight is simply
    ``midnight_as_utc - offset``: a few conversions instead of a localisation. Near a change
    (midnight may fall in a gap or an overlap) ``tz.day_bounds`` decides.
    """
    midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    offset = _offset_at(midnight, zone_key)
    if (
        _offset_at(midnight - 2 * 86400, zone_key)
        == offset
        == _offset_at(midnight + 2 * 86400, zone_key)
    ):
        return midnight - offset
    return epoch(tz.day_bounds(day, zone_key)[0])


def offset_segments(day: date, zone_key: str) -> list[tuple[int, int, int]]:
    """The local day ``day`` as ``(utc_start, utc_end, offset_seconds)`` pieces of constant
    offset (one piece, or two on the day of a DST change)."""
    lo, hi = _day_start(day, zone_key), _day_start(day + timedelta(days=1), zone_key)
    before, after = _offset_at(lo, zone_key), _offset_at(hi - 1, zone_key)
    if before == after:
        return [(lo, hi, before)]
    # Binary search for the first second with the new offset (rules change at most once a day).
    a, b = lo, hi - 1
    while b - a > 1:
        mid = (a + b) // 2
        if _offset_at(mid, zone_key) == before:
            a = mid
        else:
            b = mid
    return [(lo, b, before), (b, hi, after)]


def day_windows(day: date, zone_key: str, intervals: Iterable[DailyInterval]) -> list[Span]:
    """UTC spans whose local wall time on ``day`` in ``zone_key`` falls in ``intervals``."""
    midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    spans: list[Span] = []
    segments = offset_segments(day, zone_key)
    for interval in intervals:
        wall_lo = midnight + interval.start * 60
        wall_hi = midnight + interval.end * 60
        for seg_lo, seg_hi, offset in segments:
            # The segment shows wall times [seg_lo + offset, seg_hi + offset).
            lo = max(wall_lo, seg_lo + offset) - offset
            hi = min(wall_hi, seg_hi + offset) - offset
            if lo < hi:
                spans.append((lo, hi))
    return normalise(spans)


def normalise(spans: Iterable[Span]) -> list[Span]:
    """Sort and merge touching or overlapping spans."""
    merged: list[Span] = []
    for lo, hi in sorted(spans):
        if hi <= lo:
            continue
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """Spans in both sorted, disjoint lists (two-pointer sweep)."""
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """Spans of sorted, disjoint ``a`` not covered by sorted, disjoint ``b`` (sweep)."""
    out: list[Span] = []
    j = 0
    for lo, hi in a:
        while j < len(b) and b[j][1] <= lo:
            j += 1
        k = j
        cursor = lo
        while k < len(b) and b[k][0] < hi:
            if b[k][0] > cursor:
                out.append((cursor, b[k][0]))
            cursor = max(cursor, b[k][1])
            k += 1
        if cursor < hi:
            out.append((cursor, hi))
    return out


def dates_covering(lo: int, hi: int) -> list[date]:
    """Every calendar date that some zone's local day over ``[lo, hi)`` can fall on (UTC date
    range widened by a day each side: offsets run from -12 to +14 hours)."""
    first = from_epoch(lo).date() - timedelta(days=1)
    last = from_epoch(hi).date() + timedelta(days=1)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# -- the parties ---------------------------------------------------------------------------
def closer_zone_on(closer: Closer, day: date) -> str:
    """The zone the closer works from on ``day``: a travel period's zone, else home."""
    for travel in closer.travels:
        if travel.first_day <= day <= travel.last_day:
            return travel.zone
    return closer.zone


def closer_intervals_on(closer: Closer, day: date) -> tuple[DailyInterval, ...]:
    """The closer's hours on ``day``: a date override replaces the weekly rule."""
    for override in closer.overrides:
        if override.day == day:
            return override.intervals
    return closer.hours.on(day.weekday())


def closer_windows(
    closer: Closer, lo: int, hi: int, *, skip_days: frozenset[date] = frozenset()
) -> list[Span]:
    """The closer's working time over ``[lo, hi)``, each date in the zone they work from that
    date (travel periods switch the zone for their dates). ``skip_days`` are closer-local dates
    with no room left (daily cap reached)."""
    spans: list[Span] = []
    for day in dates_covering(lo, hi):
        if day in skip_days:
            continue
        spans.extend(
            day_windows(day, closer_zone_on(closer, day), closer_intervals_on(closer, day))
        )
    return intersect(normalise(spans), [(lo, hi)])


def weekly_windows(hours: WeeklyHours, zone_key: str, lo: int, hi: int) -> list[Span]:
    """Weekly hours in ``zone_key`` over ``[lo, hi)``."""
    spans: list[Span] = []
    for day in dates_covering(lo, hi):
        spans.extend(day_windows(day, zone_key, hours.on(day.weekday())))
    return intersect(normalise(spans), [(lo, hi)])


def company_windows(company: Company | None, lo: int, hi: int) -> list[Span]:
    """The company's narrowing of call hours in its zone; no narrowing means all the time."""
    if company is None or company.hours is None:
        return [(lo, hi)]
    return weekly_windows(company.hours, company.zone, lo, hi)


@lru_cache(maxsize=256)
def weekend_days(country: str) -> frozenset[int]:
    """Weekdays (Monday 0) of the weekend in ``country``, from the ``holidays`` package's data
    (Friday–Saturday in Saudi Arabia, Friday alone in Iran...); Saturday–Sunday if unknown."""
    if not country:
        return _SATURDAY_SUNDAY
    # Remembered: importing the package costs a third of a command's start.
    return holiday_data.weekend(country) or _SATURDAY_SUNDAY


def business_hours(prospect: Prospect) -> WeeklyHours:
    """The prospect's business hours: their own, or 09:00–18:00 on their country's working
    days."""
    if prospect.hours is not None:
        return prospect.hours
    weekend = weekend_days(prospect.country)
    return WeeklyHours.uniform(
        DEFAULT_BUSINESS_START,
        DEFAULT_BUSINESS_END,
        tuple(d for d in range(7) if d not in weekend),
    )


def prospect_windows(prospect: Prospect, lo: int, hi: int) -> list[Span]:
    """The prospect's business hours in their zone over ``[lo, hi)``."""
    return weekly_windows(business_hours(prospect), prospect.zone, lo, hi)


def local_date(seconds: int, zone_key: str) -> date:
    """The local calendar date of an instant in ``zone_key``."""
    return datetime.fromtimestamp(seconds, zone_info(zone_key)).date()


def closer_local_date(closer: Closer, seconds: int) -> date:
    """The closer's calendar date at an instant, in the zone they work from that day."""
    home_day = local_date(seconds, closer.zone)
    return local_date(seconds, closer_zone_on(closer, home_day))
