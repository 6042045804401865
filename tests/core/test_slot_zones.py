"""Slots across the zones that break naive code, on their DST days and in the weeks where the
EU and US (or north and south) change their clocks on different dates."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from closer_desk.core import tz
from closer_desk.core.model import Closer, DailyInterval, Prospect, TravelPeriod, WeeklyHours
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot, find_slots
from tests.core.slot_reference import MATRIX_ZONES, reference_slots

ALL_DAY = WeeklyHours(((DailyInterval(0, 24 * 60),),) * 7)
NOW = datetime(2025, 12, 1, tzinfo=UTC)


@cache
def transition_days(zone: str, year: int = 2026) -> tuple[date, ...]:
    """Local dates on which ``zone`` changes its UTC offset (scanned every 15 minutes)."""
    zi = ZoneInfo(zone)
    t = datetime(year, 1, 1, tzinfo=UTC)
    previous = t.astimezone(zi).utcoffset()
    days = []
    while t.year == year:
        offset = t.astimezone(zi).utcoffset()
        if offset != previous:
            days.append(t.astimezone(zi).date())
        previous = offset
        t += timedelta(minutes=15)
    return tuple(days)


def _cases() -> list[tuple[str, date]]:
    cases = []
    for zone in MATRIX_ZONES:
        days = transition_days(zone) or (date(2026, 3, 29), date(2026, 10, 25))
        cases += [(zone, d) for d in days]
    return cases


def _slots(
    prospect: Prospect, day: date, minutes: int = 15, closer: Closer | None = None
) -> list[Slot]:
    closer = closer or Closer(1, "C", "UTC", hours=ALL_DAY)
    start, _ = tz.day_bounds(day - timedelta(days=1), prospect.zone)
    _, end = tz.day_bounds(day + timedelta(days=1), prospect.zone)
    return find_slots(
        closer=closer,
        prospect=prospect,
        company=None,
        minutes=minutes,
        start=start,
        end=end,
        now=NOW,
    )


def _on(slots: list[Slot], day: date) -> list[Slot]:
    return [s for s in slots if s.prospect_start.date() == day]


@pytest.mark.parametrize(("zone", "day"), _cases())
def test_a_round_the_clock_day_has_as_many_quarters_as_the_day_is_long(
    zone: str, day: date
) -> None:
    prospect = Prospect(1, "P", zone, hours=ALL_DAY)
    first, last = tz.day_bounds(day, zone)
    quarters = int((tz.to_utc(last) - tz.to_utc(first)).total_seconds() // 900)
    assert len(_on(_slots(prospect, day), day)) == quarters
    assert quarters != 96 or zone in (
        "America/Sao_Paulo",
        "Asia/Kathmandu",
        "Pacific/Apia",
        "Asia/Tokyo",
        "America/Bogota",
    )


@pytest.mark.parametrize(("zone", "day"), _cases())
def test_business_hours_keep_their_wall_clock_on_dst_days(zone: str, day: date) -> None:
    prospect = Prospect(1, "P", zone, hours=WeeklyHours.uniform(9 * 60, 18 * 60, tuple(range(7))))
    for d in (day - timedelta(days=1), day, day + timedelta(days=1)):
        starts = [f"{s.prospect_start:%H:%M}" for s in _on(_slots(prospect, day, 30), d)]
        assert starts[0] == "09:00" and starts[-1] == "17:30" and len(starts) == 35


@pytest.mark.parametrize(("zone", "day"), _cases())
def test_night_hours_through_the_change_agree_with_the_minute_by_minute_reference(
    zone: str, day: date
) -> None:
    hours = WeeklyHours(((DailyInterval(30, 5 * 60), DailyInterval(22 * 60, 24 * 60)),) * 7)
    prospect = Prospect(1, "P", zone, hours=hours)
    closer = Closer(
        1, "C", "Europe/Paris", hours=ALL_DAY, travels=(TravelPeriod(day, day, "America/New_York"),)
    )
    start, _ = tz.day_bounds(day - timedelta(days=1), zone)
    _, end = tz.day_bounds(day + timedelta(days=1), zone)
    args = dict(
        closer=closer, prospect=prospect, company=None, minutes=45, start=start, end=end, now=NOW
    )
    found = [s.start for s in find_slots(**args)]  # type: ignore[arg-type]
    assert found == reference_slots(appointments=[], busy=[], **args)  # type: ignore[arg-type]
    assert found


# -- the weeks where two zones' changes do not line up --------------------------------------
PARIS = Closer(1, "Camille", "Europe/Paris")


def _day_slots(prospect_zone: str, day: date) -> list[Slot]:
    prospect = Prospect(1, "P", prospect_zone, hours=ALL_DAY)
    closer = Closer(1, "C", "Europe/Paris", hours=ALL_DAY)
    return _on(_slots(prospect, day, 30, closer), day)


@pytest.mark.parametrize(
    ("prospect_zone", "shifted", "usual"),
    [
        (
            "America/New_York",
            [date(2026, 3, 10), date(2026, 3, 26), date(2026, 10, 28)],
            [date(2026, 3, 5), date(2026, 3, 31), date(2026, 7, 15), date(2026, 11, 3)],
        ),
        (
            "Australia/Sydney",
            [date(2026, 4, 1), date(2026, 10, 12)],
            [date(2026, 1, 15), date(2026, 7, 15), date(2026, 11, 10)],
        ),
        (
            "Australia/Lord_Howe",
            [date(2026, 4, 1), date(2026, 10, 12)],
            [date(2026, 1, 15), date(2026, 7, 15)],
        ),
        ("Pacific/Chatham", [date(2026, 10, 1)], [date(2026, 1, 15), date(2026, 7, 15)]),
        ("America/Sao_Paulo", [], [date(2026, 3, 10), date(2026, 7, 15)]),
        ("Asia/Tokyo", [], [date(2026, 3, 10), date(2026, 3, 31), date(2026, 10, 28)]),
        ("Asia/Kathmandu", [], [date(2026, 3, 10), date(2026, 10, 28)]),
        ("America/Bogota", [], [date(2026, 3, 10), date(2026, 10, 28)]),
        ("Pacific/Apia", [], [date(2026, 3, 10), date(2026, 10, 28)]),
    ],
)
def test_dst_shift_flag_marks_only_the_mismatch_weeks(
    prospect_zone: str, shifted: list[date], usual: list[date]
) -> None:
    for day in shifted:
        slots = _day_slots(prospect_zone, day)
        assert slots and all(SlotFlag.DST_SHIFT in s.flags for s in slots), day
    for day in usual:
        slots = _day_slots(prospect_zone, day)
        assert slots and not any(SlotFlag.DST_SHIFT in s.flags for s in slots), day


def test_paris_and_new_york_overlap_one_hour_longer_in_the_march_mismatch_weeks() -> None:
    new_york = Prospect(1, "P", "America/New_York", country="US")

    def last_start(day: date) -> str:
        slots = _on(_slots(new_york, day, 30, PARIS), day)
        return f"{slots[-1].prospect_start:%H:%M}/{slots[-1].closer_start:%H:%M}"

    assert last_start(date(2026, 3, 5)) == "11:30/17:30"
    assert last_start(date(2026, 3, 10)) == "12:30/17:30"  # US moved, EU not yet
    assert last_start(date(2026, 3, 31)) == "11:30/17:30"
    assert last_start(date(2026, 10, 28)) == "12:30/17:30"  # EU moved back, US not yet
    assert last_start(date(2026, 11, 3)) == "11:30/17:30"


def test_casablanca_business_hours_follow_the_ramadan_clock() -> None:
    casablanca = Prospect(1, "P", "Africa/Casablanca", country="MA")
    utc_starts = {
        day: _on(_slots(casablanca, day, 30), day)[0].start.strftime("%H:%M")
        for day in (date(2026, 2, 12), date(2026, 3, 3), date(2026, 3, 24))
    }
    assert utc_starts == {
        date(2026, 2, 12): "08:00",
        date(2026, 3, 3): "09:00",
        date(2026, 3, 24): "08:00",
    }


def test_kathmandu_and_chatham_slots_sit_on_their_own_quarter_hours() -> None:
    for zone in ("Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe"):
        slots = _on(
            _slots(
                Prospect(1, "P", zone), date(2026, 6, 9), 30, Closer(1, "C", "UTC", hours=ALL_DAY)
            ),
            date(2026, 6, 9),
        )
        assert {s.prospect_start.minute for s in slots} == {0, 15, 30, 45}
        assert f"{slots[0].prospect_start:%H:%M}" == "09:00"


def test_weekend_and_holiday_flags_use_the_prospects_country() -> None:
    riyadh = Prospect(
        1,
        "P",
        "Asia/Riyadh",
        country="SA",
        hours=WeeklyHours.uniform(9 * 60, 18 * 60, tuple(range(7))),
    )
    flags_by_weekday = Counter()
    for offset in range(7):
        day = date(2026, 6, 8) + timedelta(days=offset)
        for slot in _on(_slots(riyadh, day), day):
            if SlotFlag.PROSPECT_WEEKEND in slot.flags:
                flags_by_weekday[day.weekday()] += 1
    assert set(flags_by_weekday) == {4, 5}  # Friday and Saturday
    # By default a Saudi prospect is not offered their weekend at all.
    default_hours = Prospect(1, "P", "Asia/Riyadh", country="SA")
    assert not _on(_slots(default_hours, date(2026, 6, 12)), date(2026, 6, 12))
    assert _on(_slots(default_hours, date(2026, 6, 14)), date(2026, 6, 14))  # Sunday works
    quebec = Prospect(1, "P", "America/Toronto", country="CA", subdivision="QC")
    st_jean = _on(_slots(quebec, date(2026, 6, 24)), date(2026, 6, 24))
    assert st_jean and all(SlotFlag.PROSPECT_HOLIDAY in s.flags for s in st_jean)
    ontario = Prospect(1, "P", "America/Toronto", country="CA", subdivision="ON")
    assert not any(
        SlotFlag.PROSPECT_HOLIDAY in s.flags
        for s in _on(_slots(ontario, date(2026, 6, 24)), date(2026, 6, 24))
    )


def test_early_and_late_flags_mark_the_edges_of_each_partys_day() -> None:
    prospect = Prospect(1, "P", "America/New_York", country="US")
    slots = _on(_slots(prospect, date(2026, 6, 9), 30, PARIS), date(2026, 6, 9))
    first, last = slots[0], slots[-1]
    assert (
        SlotFlag.EARLY_FOR_PROSPECT in first.flags and SlotFlag.EARLY_FOR_CLOSER not in first.flags
    )
    assert SlotFlag.LATE_FOR_CLOSER in last.flags and SlotFlag.LATE_FOR_PROSPECT not in last.flags


def test_flags_of_the_sweep_agree_with_slot_flags_one_by_one() -> None:
    from closer_desk.core.availability import closer_intervals_on, day_windows, epoch, local_date
    from closer_desk.core.slot_flags import slot_flags

    closer = Closer(
        1,
        "C",
        "Europe/Paris",
        travels=(TravelPeriod(date(2026, 3, 24), date(2026, 3, 26), "Asia/Tokyo"),),
    )
    prospect = Prospect(1, "P", "America/New_York", country="US", subdivision="NY", hours=ALL_DAY)
    start, end = (
        tz.day_bounds(date(2026, 3, 20), "UTC")[0],
        tz.day_bounds(date(2026, 4, 6), "UTC")[0],
    )
    slots = find_slots(
        closer=closer, prospect=prospect, company=None, minutes=30, start=start, end=end, now=NOW
    )
    assert {s.closer_zone for s in slots} == {"Europe/Paris", "Asia/Tokyo"}
    for slot in slots:
        s = epoch(slot.start)
        closer_day = local_date(s, slot.closer_zone)
        prospect_day = local_date(s, prospect.zone)
        expected = slot_flags(
            s,
            s + 1800,
            closer_zone=slot.closer_zone,
            prospect_zone=prospect.zone,
            prospect_country="US",
            prospect_subdivision="NY",
            closer_day_windows=day_windows(
                closer_day, slot.closer_zone, closer_intervals_on(closer, closer_day)
            ),
            prospect_day_windows=day_windows(
                prospect_day, prospect.zone, ALL_DAY.on(prospect_day.weekday())
            ),
        )
        assert slot.flags == expected


def test_the_closers_public_holiday_is_flagged_on_their_own_day() -> None:
    # Christmas Day in Paris, a working day for this Emirati prospect: still the closer's day off.
    dubai = Prospect(1, "P", "Asia/Dubai", country="AE")
    paris = Closer(1, "C", "Europe/Paris", hours=ALL_DAY)
    christmas = _on(_slots(dubai, date(2026, 12, 25), closer=paris), date(2026, 12, 25))
    noon_in_paris = [s for s in christmas if 9 <= s.closer_start.hour < 17]
    assert noon_in_paris and all(SlotFlag.CLOSER_HOLIDAY in s.flags for s in noon_in_paris)
    eve = _on(_slots(dubai, date(2026, 12, 23), closer=paris), date(2026, 12, 23))
    assert eve and not any(SlotFlag.CLOSER_HOLIDAY in s.flags for s in eve)
