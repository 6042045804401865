"""The editor's warnings carry the slot engine's day flags: the prospect's public holiday and
the weeks where the two countries' clocks have not changed together."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from closer_desk.core import booking_checks as checks
from closer_desk.core.availability import epoch
from closer_desk.core.model import Closer, Prospect, TravelPeriod
from closer_desk.core.slot_flags import SlotFlag, slot_flags

PARIS = Closer(1, "Camille", "Europe/Paris")
TORONTO = Prospect(1, "Gabriel", "America/Toronto", country="CA", subdivision="ON")
QUEBEC = Prospect(2, "Léa", "America/Toronto", country="CA", subdivision="QC")


def warn(wall: str, prospect: Prospect) -> list[checks.BookingWarning]:
    return checks.warnings_for(
        checks.resolve(datetime.fromisoformat(wall), "Europe/Paris"),
        45,
        closer=PARIS,
        prospect=prospect,
    )


def test_the_prospects_public_holiday_is_named() -> None:
    # Wednesday 1 July 2026, 15:00 in Paris is 09:00 in Toronto on Canada Day.
    found = warn("2026-07-01 15:00", TORONTO)
    holiday = [w for w in found if w.code == checks.PROSPECT_HOLIDAY]
    assert len(holiday) == 1 and holiday[0].party == "prospect"
    assert "Canada" in holiday[0].detail


def test_the_closers_own_public_holiday_is_named_where_they_work_that_day() -> None:
    # Christmas Day in Paris: the closer's day off, whoever the prospect is.
    [mine] = [w for w in warn("2026-12-25 11:00", TORONTO) if w.code == checks.CLOSER_HOLIDAY]
    assert mine.party == "closer" and "Christmas" in mine.detail
    # Canada Day is the prospect's holiday, not the Paris closer's...
    assert checks.CLOSER_HOLIDAY not in {w.code for w in warn("2026-07-01 15:00", TORONTO)}
    # ...but it is theirs the week they work from Montréal.
    away = Closer(
        1,
        "Camille",
        "Europe/Paris",
        travels=(TravelPeriod(date(2026, 6, 29), date(2026, 7, 3), "America/Toronto"),),
    )
    found = checks.warnings_for(
        checks.resolve(datetime(2026, 7, 1, 15, 0), "Europe/Paris"),
        45,
        closer=away,
        prospect=QUEBEC,
    )
    assert "Canada" in next(w.detail for w in found if w.code == checks.CLOSER_HOLIDAY)


def test_a_regional_holiday_counts_only_in_its_region() -> None:
    # 24 June is the Fête nationale in Québec, a working day in Ontario.
    assert checks.PROSPECT_HOLIDAY in {w.code for w in warn("2026-06-24 15:00", QUEBEC)}
    assert checks.PROSPECT_HOLIDAY not in {w.code for w in warn("2026-06-24 15:00", TORONTO)}


def test_the_weeks_between_the_two_dst_changes_are_flagged() -> None:
    # Canada moved its clocks on 8 March 2026, France only on 29 March: 5 h apart, not 6.
    assert checks.DST_SHIFT in {w.code for w in warn("2026-03-17 15:00", TORONTO)}
    assert checks.DST_SHIFT not in {w.code for w in warn("2026-03-03 15:00", TORONTO)}
    assert checks.DST_SHIFT not in {w.code for w in warn("2026-04-07 15:00", TORONTO)}


def test_no_prospect_no_day_flags() -> None:
    found = checks.warnings_for(
        checks.resolve(datetime(2026, 7, 1, 15, 0), "Europe/Paris"), 45, closer=PARIS
    )
    assert not {w.code for w in found} & {checks.PROSPECT_HOLIDAY, checks.DST_SHIFT}


@pytest.mark.parametrize(
    "wall",
    [
        "2026-03-17 15:00",
        "2026-07-01 15:00",
        "2026-12-25 11:00",
        "2026-05-05 10:00",
        "2026-05-01 10:00",
    ],
)
def test_the_editor_and_the_planner_agree(wall: str) -> None:
    start = checks.resolve(datetime.fromisoformat(wall), "Europe/Paris").start
    assert start is not None
    planner = slot_flags(
        epoch(start),
        epoch(start) + 45 * 60,
        closer_zone=PARIS.zone,
        prospect_zone=TORONTO.zone,
        prospect_country=TORONTO.country,
        prospect_subdivision=TORONTO.subdivision,
    )
    editor = {w.code for w in warn(wall, TORONTO)}
    assert (SlotFlag.PROSPECT_HOLIDAY in planner) == (checks.PROSPECT_HOLIDAY in editor)
    assert (SlotFlag.CLOSER_HOLIDAY in planner) == (checks.CLOSER_HOLIDAY in editor)
    assert (SlotFlag.DST_SHIFT in planner) == (checks.DST_SHIFT in editor)
