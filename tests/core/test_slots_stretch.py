"""Stretching the hours: a closer in Paris and prospects in Sydney or Los Angeles, whose days
never meet, meet up to an hour outside them; each such slot says whose hours it leaves."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from closer_desk.core import tz
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Closer, DailyInterval, Prospect, WeeklyHours
from closer_desk.core.slot_flags import SlotFlag
from closer_desk.core.slots import Slot, best_slots, find_slots

OUT_CLOSER, OUT_PROSPECT = SlotFlag.OUTSIDE_CLOSER_HOURS, SlotFlag.OUTSIDE_PROSPECT_HOURS
PARIS = Closer(1, "Camille", "Europe/Paris")  # Monday to Friday 09:00-18:00
SYDNEY = Prospect(1, "Jack Wilson", "Australia/Sydney", country="AU", subdivision="NSW")
LOS_ANGELES = Prospect(2, "Jessica Garcia", "America/Los_Angeles", country="US", subdivision="CA")
NOW = tz.localize(datetime(2026, 3, 1, 8, 0), "Europe/Paris")


def _search(prospect: Prospect, stretch: int, closer: Closer = PARIS) -> list[Slot]:
    # Tuesday 3 to Thursday 5 March 2026: Paris on UTC+1, Sydney on UTC+11, LA on UTC-8.
    start, _ = tz.day_bounds(date(2026, 3, 3), closer.zone)
    _, end = tz.day_bounds(date(2026, 3, 5), closer.zone)
    return find_slots(
        closer=closer,
        prospect=prospect,
        company=None,
        minutes=30,
        start=start,
        end=end,
        now=NOW,
        stretch=stretch,
    )


def _local(slot: Slot) -> tuple[str, str]:
    return f"{slot.closer_start:%a %H:%M}", f"{slot.prospect_start:%a %H:%M}"


@pytest.mark.parametrize("prospect", [SYDNEY, LOS_ANGELES], ids=["Sydney", "Los Angeles"])
def test_without_a_stretch_their_days_never_meet(prospect: Prospect) -> None:
    assert _search(prospect, 0) == []


def test_sydney_meets_paris_an_hour_early_for_the_closer_and_late_for_the_prospect() -> None:
    found = _search(SYDNEY, 60)
    # Paris 08:00-09:00 is Sydney 18:00-19:00: both an hour outside their day.
    assert [_local(s) for s in found if s.closer_start.day == 3] == [
        ("Tue 08:00", "Tue 18:00"),
        ("Tue 08:15", "Tue 18:15"),
        ("Tue 08:30", "Tue 18:30"),
    ]
    assert all({OUT_CLOSER, OUT_PROSPECT} <= s.flags for s in found)
    assert {SlotFlag.EARLY_FOR_CLOSER, SlotFlag.LATE_FOR_PROSPECT} <= found[0].flags


def test_los_angeles_meets_paris_on_one_side_or_the_other() -> None:
    found = [s for s in _search(LOS_ANGELES, 60) if s.closer_start.day == 3]
    # LA opens at 09:00 = 18:00 in Paris, when Camille's day ends: an hour on either side.
    assert _local(found[0]) == ("Tue 17:00", "Tue 08:00")
    assert _local(found[-1]) == ("Tue 18:30", "Tue 09:30")
    theirs = [_local(s) for s in found if s.flags & {OUT_CLOSER, OUT_PROSPECT} == {OUT_PROSPECT}]
    mine = [_local(s) for s in found if s.flags & {OUT_CLOSER, OUT_PROSPECT} == {OUT_CLOSER}]
    assert theirs == [
        ("Tue 17:00", "Tue 08:00"),
        ("Tue 17:15", "Tue 08:15"),
        ("Tue 17:30", "Tue 08:30"),
    ]
    assert mine == [
        ("Tue 18:00", "Tue 09:00"),
        ("Tue 18:15", "Tue 09:15"),
        ("Tue 18:30", "Tue 09:30"),
    ]
    # Across the edge (17:45-18:15 in Paris) is outside both.
    both = [_local(s) for s in found if {OUT_CLOSER, OUT_PROSPECT} <= s.flags]
    assert both == [("Tue 17:45", "Tue 08:45")]


def test_slots_inside_both_days_are_not_flagged_and_come_first_in_a_proposal() -> None:
    toronto = Prospect(3, "Gabriel", "America/Toronto", country="CA", subdivision="QC")
    plain = _search(toronto, 0)
    stretched = _search(toronto, 60)
    assert set(plain) <= set(stretched)
    assert all(not s.flags & {OUT_CLOSER, OUT_PROSPECT} for s in plain)
    extra = [s for s in stretched if s not in plain]
    assert extra and all(s.flags & {OUT_CLOSER, OUT_PROSPECT} for s in extra)
    assert all(s in plain for s in best_slots(stretched, 3))


def test_days_off_and_breaks_are_not_stretched() -> None:
    split = Closer(
        1,
        "Camille",
        "Europe/Paris",
        hours=WeeklyHours(
            tuple(
                (DailyInterval(9 * 60, 12 * 60), DailyInterval(14 * 60, 18 * 60)) if d < 5 else ()
                for d in range(7)
            )
        ),
    )
    anywhere = Prospect(
        4, "Ana", "Europe/Paris", hours=WeeklyHours.uniform(0, 24 * 60, tuple(range(7)))
    )
    found = _search(anywhere, 60, split)
    hours = {s.closer_start.hour for s in found}
    assert 12 not in hours and 13 not in hours  # the lunch break stays free
    assert 8 in hours and 18 in hours
    saturday_start, _ = tz.day_bounds(date(2026, 3, 7), "Europe/Paris")
    _, sunday_end = tz.day_bounds(date(2026, 3, 8), "Europe/Paris")
    weekend = find_slots(
        closer=split,
        prospect=anywhere,
        company=None,
        minutes=30,
        start=saturday_start,
        end=sunday_end,
        now=NOW,
        stretch=60,
    )
    assert weekend == []  # no day to stretch


@pytest.mark.parametrize("stretch", [-1, 181])
def test_a_stretch_out_of_range_is_refused(stretch: int) -> None:
    with pytest.raises(ValidationError) as refused:
        _search(SYDNEY, stretch)
    assert refused.value.field == "stretch"


def test_the_stretch_keeps_to_the_horizon_and_the_notice() -> None:
    found = _search(SYDNEY, 60)
    assert all(s.start >= NOW + timedelta(0) for s in found)
    last_day = tz.day_bounds(date(2026, 3, 5), "Europe/Paris")[1]
    assert all(s.end <= last_day for s in found)
