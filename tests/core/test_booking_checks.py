"""Booking warnings are codes computed from plain data (no Qt, no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from closer_desk.core import booking_checks as checks
from closer_desk.core.model import (
    AgendaEntry,
    Appointment,
    BusyBlock,
    Closer,
    Company,
    DailyInterval,
    DateOverride,
    Prospect,
    Status,
    WeeklyHours,
)
from tests.helpers.factories import at

PARIS = Closer(1, "Camille", "Europe/Paris")
TORONTO = Prospect(1, "Gabriel", "America/Toronto", country="CA")


def codes(found: list[checks.BookingWarning]) -> list[tuple[str, str]]:
    return [(w.code, w.party) for w in found]


def test_resolve_refuses_to_guess_in_a_gap_and_an_overlap() -> None:
    gap = checks.resolve(datetime(2026, 3, 29, 2, 30), "Europe/Paris")
    assert gap.start is None and gap.dst == "gap"
    assert gap.earlier is not None and gap.later is not None and gap.earlier < gap.later
    chosen = checks.resolve(datetime(2026, 3, 29, 2, 30), "Europe/Paris", "later")
    assert chosen.start == gap.later
    overlap = checks.resolve(datetime(2026, 10, 25, 2, 30), "Europe/Paris")
    assert overlap.dst == "overlap" and overlap.start is None
    plain = checks.resolve(datetime(2026, 3, 3, 15, 0), "Europe/Paris")
    assert plain.start == at("2026-03-03 15:00", "Europe/Paris") and plain.dst == ""


def test_a_good_time_has_no_warning() -> None:
    found = checks.warnings_for(
        checks.resolve(datetime(2026, 3, 3, 15, 0), "Europe/Paris"),
        45,
        closer=PARIS,
        prospect=TORONTO,
    )
    assert found == []


def test_hours_weekend_past_and_conflicts() -> None:
    other = Appointment(9, 1, 1, 2, at("2026-03-03 15:30", "Europe/Paris"), 30)
    found = checks.warnings_for(
        checks.resolve(datetime(2026, 3, 3, 15, 0), "Europe/Paris"),
        45,
        closer=PARIS,
        prospect=Prospect(2, "Haruto", "Asia/Tokyo"),
        conflicts=[other],
        now=datetime(2026, 3, 4, tzinfo=UTC),
    )
    assert codes(found) == [("conflict", "closer"), ("in_past", ""), ("outside_hours", "prospect")]
    assert found[0].appointments == (other,)
    saturday = checks.warnings_for(
        checks.resolve(datetime(2026, 3, 7, 15, 0), "Europe/Paris"),
        30,
        closer=PARIS,
        prospect=TORONTO,
    )
    assert codes(saturday) == [("outside_hours", "closer"), ("weekend", "prospect")]


def test_a_call_across_the_closers_midnight_is_outside_hours() -> None:
    night_owl = Closer(
        1, "Owl", "Europe/Paris", hours=WeeklyHours.uniform(18 * 60, 24 * 60, tuple(range(7)))
    )
    assert checks.within_hours(
        at("2026-03-03 23:00", "Europe/Paris"), 60, night_owl.hours, "Europe/Paris"
    )
    assert not checks.within_hours(
        at("2026-03-03 23:30", "Europe/Paris"), 60, night_owl.hours, "Europe/Paris"
    )


def test_a_date_override_replaces_the_weekly_hours() -> None:
    off = Closer(1, "Camille", "Europe/Paris", overrides=(DateOverride(date(2026, 3, 3), ()),))
    late = Closer(
        1,
        "Camille",
        "Europe/Paris",
        overrides=(DateOverride(date(2026, 3, 3), (DailyInterval(19 * 60, 21 * 60),)),),
    )
    start = checks.resolve(datetime(2026, 3, 3, 19, 30), "Europe/Paris")
    assert ("outside_hours", "closer") in codes(checks.warnings_for(start, 30, closer=off))
    assert checks.warnings_for(start, 30, closer=late) == []


def test_company_hours_are_read_in_the_companys_zone() -> None:
    montreal = Company(
        1, "Érable", zone="America/Toronto", hours=WeeklyHours.uniform(9 * 60, 17 * 60)
    )
    early = checks.resolve(datetime(2026, 3, 3, 14, 0), "Europe/Paris")  # 08:00 in Toronto
    assert codes(checks.warnings_for(early, 30, closer=PARIS, company=montreal)) == [
        ("outside_hours", "company")
    ]


def test_weekends_by_country() -> None:
    assert checks.weekend_days("FR") == frozenset({5, 6})
    assert checks.weekend_days("SA") == frozenset({4, 5})
    assert checks.weekend_days("") == checks.SATURDAY_SUNDAY
    assert checks.weekend_days("ZZ") == checks.SATURDAY_SUNDAY


# -- the closer's booking rules, as warnings for a time chosen by hand ------------------------
RULED = Closer(
    1, "Camille", "Europe/Paris", buffer_before=15, buffer_after=10, min_notice=120, daily_cap=2
)
THREE_PM = checks.resolve(datetime(2026, 3, 3, 15, 0), "Europe/Paris")


def _call(call_id: int, wall: str, minutes: int = 30, **kw: object) -> Appointment:
    return Appointment(call_id, 1, 1, 2, at(wall, "Europe/Paris"), minutes, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # the closer keeps 15 min free before this call (14:45-15:00): one ending 14:50 is in
        (_call(2, "2026-03-03 14:20"), ["in_buffer"]),
        (_call(2, "2026-03-03 14:15"), []),  # ends 14:45: just clear of the 15 min before
        (_call(2, "2026-03-03 15:35"), ["in_buffer"]),  # 10 min after ours (ends 15:30) kept
        (_call(2, "2026-03-03 15:40"), []),
        (_call(2, "2026-03-03 15:10"), ["conflict"]),  # overlapping: a conflict, not a buffer
        (_call(2, "2026-03-03 14:20", status=Status.CANCELLED), []),
        (_call(2, "2026-03-03 14:20", status=Status.NO_SHOW), []),
    ],
)
def test_buffers_around_the_closers_other_calls(other: Appointment, expected: list[str]) -> None:
    found = checks.warnings_for(
        THREE_PM, 30, closer=RULED, around=checks.Surroundings(calls=(other,))
    )
    assert [w.code for w in found] == expected
    assert all(w.appointments == (other,) for w in found)


def test_the_daily_cap_counts_the_closers_live_calls_of_that_day() -> None:
    day = (_call(2, "2026-03-03 09:00"), _call(3, "2026-03-03 11:00"))
    capped = checks.warnings_for(THREE_PM, 30, closer=RULED, around=checks.Surroundings(day))
    assert [w.code for w in capped] == ["daily_cap"] and capped[0].appointments == day
    other_days = (_call(2, "2026-03-02 09:00"), _call(3, "2026-03-04 11:00"))
    assert (
        checks.warnings_for(THREE_PM, 30, closer=RULED, around=checks.Surroundings(other_days))
        == []
    )
    one_cancelled = (day[0], replace(day[1], status=Status.CANCELLED))
    assert (
        checks.warnings_for(THREE_PM, 30, closer=RULED, around=checks.Surroundings(one_cancelled))
        == []
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at("2026-03-03 12:30", "Europe/Paris"), []),  # two and a half hours ahead
        (at("2026-03-03 13:30", "Europe/Paris"), ["short_notice"]),  # under 120 min
        (at("2026-03-03 15:00", "Europe/Paris"), ["short_notice"]),  # now: not yet past
        (at("2026-03-03 15:01", "Europe/Paris"), ["in_past"]),
    ],
)
def test_minimum_notice_and_the_past(now: datetime, expected: list[str]) -> None:
    found = checks.warnings_for(THREE_PM, 30, closer=RULED, now=now)
    assert [w.code for w in found] == expected


def test_imported_busy_time_and_the_prospects_other_closer() -> None:
    dentist = BusyBlock(
        1,
        1,
        at("2026-03-03 15:15", "Europe/Paris"),
        at("2026-03-03 16:00", "Europe/Paris"),
        "Dentist",
    )
    earlier = BusyBlock(
        2, 1, at("2026-03-03 14:00", "Europe/Paris"), at("2026-03-03 15:00", "Europe/Paris"), "Gym"
    )
    theirs = AgendaEntry(
        replace(_call(7, "2026-03-03 15:20"), closer_id=2),
        "Acme", "#000000", "Gabriel", "America/Toronto", "Sam", "America/Toronto",
    )  # fmt: skip
    found = checks.warnings_for(
        THREE_PM,
        30,
        closer=PARIS,
        prospect=TORONTO,
        around=checks.Surroundings(prospect_calls=(theirs,), busy=(dentist, earlier)),
    )
    assert codes(found) == [("conflict", "prospect"), ("busy_time", "closer")]
    assert found[0].entries == (theirs,) and found[1].busy == (dentist,)
