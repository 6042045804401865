"""Booking warnings are codes computed from plain data (no Qt, no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from closer_desk.core import booking_checks as checks
from closer_desk.core.model import (
    Appointment,
    Closer,
    Company,
    DailyInterval,
    DateOverride,
    Prospect,
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
