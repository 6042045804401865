"""What a closer should know about a slot before proposing it: codes, not sentences.

``SlotFlag`` values are stable strings (used in ``--json``); the CLI and the window turn them
into words.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from closer_desk.core import holiday_data, tz
from closer_desk.core.availability import Span, local_date, weekend_days, zone_info

#: A difference between two zones' offsets held for fewer days than this in a year is not the
#: usual one: it only exists because the two zones change their clocks on different dates.
_RARE_DAYS = 61
_EDGE_SECONDS = 3600


class SlotFlag(enum.StrEnum):
    """Something to know about a slot."""

    PROSPECT_HOLIDAY = "prospect-holiday"
    #: A public holiday where the closer works that day (the country of their zone then).
    CLOSER_HOLIDAY = "closer-holiday"
    PROSPECT_WEEKEND = "prospect-weekend"
    DST_SHIFT = "dst-shift"
    EARLY_FOR_CLOSER = "early-for-closer"
    LATE_FOR_CLOSER = "late-for-closer"
    EARLY_FOR_PROSPECT = "early-for-prospect"
    LATE_FOR_PROSPECT = "late-for-prospect"
    #: Found only by stretching the hours (``find_slots(stretch=...)``): outside that party's.
    OUTSIDE_CLOSER_HOURS = "outside-closer-hours"
    OUTSIDE_PROSPECT_HOURS = "outside-prospect-hours"


@lru_cache(maxsize=4096)
def public_holiday(country: str, subdivision: str, day: date, language: str = "") -> str | None:
    """The name of the public holiday on ``day`` in a country (and region), if any; in
    ``language`` (one of the ``holidays`` package's codes for that country, see
    ``day_marks.holiday_language``), else in the country's own."""
    if not country:
        return None
    return holiday_data.holidays_in(country, subdivision, day.year, language).get(day.isoformat())


def _offset_minutes(instant: datetime, zone_key: str) -> int:
    offset = instant.astimezone(zone_info(zone_key)).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


@lru_cache(maxsize=256)
def usual_differences(zone_a: str, zone_b: str, year: int) -> frozenset[int]:
    """The offset differences (minutes, b minus a) that hold for a good part of ``year``.

    Sampled daily at noon UTC. Paris–New York keeps -360 most of the year; -300 only lasts the
    weeks between the US and EU changes, so it is not usual. Paris–Sydney alternates between
    two usual values (opposite seasons) with a rare third one between their changes.
    """
    counts: Counter[int] = Counter()
    day = datetime(year, 1, 1, 12, tzinfo=UTC)
    while day.year == year:
        counts[_offset_minutes(day, zone_b) - _offset_minutes(day, zone_a)] += 1
        day += timedelta(days=1)
    usual = frozenset(d for d, n in counts.items() if n >= _RARE_DAYS)
    # A zone pair whose difference keeps changing has no usual value: flag nothing.
    return usual or frozenset(counts)


def is_dst_shift(instant: datetime, closer_zone: str, prospect_zone: str) -> bool:
    """True when the closer–prospect offset difference at ``instant`` is not a usual one."""
    difference = _offset_minutes(instant, prospect_zone) - _offset_minutes(instant, closer_zone)
    return difference not in usual_differences(closer_zone, prospect_zone, instant.year)


def day_flags(
    country: str, subdivision: str, weekend: frozenset[int], day: date
) -> frozenset[SlotFlag]:
    """Flags that hold for a whole prospect-local date: public holiday, weekend."""
    flags: set[SlotFlag] = set()
    if public_holiday(country, subdivision, day):
        flags.add(SlotFlag.PROSPECT_HOLIDAY)
    if day.weekday() in weekend:
        flags.add(SlotFlag.PROSPECT_WEEKEND)
    return frozenset(flags)


def edge_flags(
    start: int, end: int, first: int, last: int, early: SlotFlag, late: SlotFlag
) -> set[SlotFlag]:
    """Early if ``[start, end)`` begins in the first hour after ``first`` (the start of that
    party's working day), late if it ends in the last hour before ``last``."""
    flags: set[SlotFlag] = set()
    if start < first + _EDGE_SECONDS:
        flags.add(early)
    if end > last - _EDGE_SECONDS:
        flags.add(late)
    return flags


def _edge_flags(
    start: int, end: int, windows: Sequence[Span], early: SlotFlag, late: SlotFlag
) -> set[SlotFlag]:
    if not windows:
        return set()
    return edge_flags(
        start, end, min(w[0] for w in windows), max(w[1] for w in windows), early, late
    )


def slot_flags(
    start: int,
    end: int,
    *,
    closer_zone: str,
    prospect_zone: str,
    prospect_country: str,
    prospect_subdivision: str,
    prospect_weekend: frozenset[int] | None = None,
    closer_day_windows: Sequence[Span] = (),
    prospect_day_windows: Sequence[Span] = (),
) -> frozenset[SlotFlag]:
    """The flags of the slot ``[start, end)`` (UTC epoch seconds); early/late need each
    party's windows of that local date."""
    weekend = weekend_days(prospect_country) if prospect_weekend is None else prospect_weekend
    flags = set(
        day_flags(prospect_country, prospect_subdivision, weekend, local_date(start, prospect_zone))
    )
    if public_holiday(tz.zone_country(closer_zone), "", local_date(start, closer_zone)):
        flags.add(SlotFlag.CLOSER_HOLIDAY)
    if is_dst_shift(datetime.fromtimestamp(start, UTC), closer_zone, prospect_zone):
        flags.add(SlotFlag.DST_SHIFT)
    flags |= _edge_flags(
        start, end, closer_day_windows, SlotFlag.EARLY_FOR_CLOSER, SlotFlag.LATE_FOR_CLOSER
    )
    flags |= _edge_flags(
        start, end, prospect_day_windows, SlotFlag.EARLY_FOR_PROSPECT, SlotFlag.LATE_FOR_PROSPECT
    )
    return frozenset(flags)
