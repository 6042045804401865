"""A prospect's live calls with other closers are taken time in ``find_slots``."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from closer_desk.core.model import Appointment, Closer, Prospect, Status
from closer_desk.core.slots import find_slots
from tests.helpers.factories import NOW, at

SAM = Closer(2, "Sam", "America/Toronto", buffer_before=30, buffer_after=30)
GABRIEL = Prospect(1, "Gabriel", "America/Toronto")
# Gabriel's call with Camille (closer 1): Wednesday 4 March, 10:00-10:45 in Toronto.
WITH_CAMILLE = Appointment(7, 1, 1, 1, at("2026-03-04 10:00", "America/Toronto"), 45)


def _starts(*prospect_calls: Appointment) -> list[str]:
    day_start = at("2026-03-04 00:00", "America/Toronto")
    found = find_slots(
        closer=SAM,
        prospect=GABRIEL,
        company=None,
        minutes=30,
        start=day_start,
        end=day_start + timedelta(days=1),
        now=NOW,
        prospect_calls=prospect_calls,
    )
    return [f"{s.prospect_start:%H:%M}" for s in found]


def test_the_prospects_other_call_is_left_out_without_the_closers_buffers() -> None:
    free = _starts()
    assert "09:45" in free and "10:15" in free
    busy = _starts(WITH_CAMILLE)
    # 09:30-10:00 ends as Gabriel's call starts and 10:45 is right after it: Sam's buffers
    # are about Sam's own calls, not Gabriel's.
    assert [s for s in free if s not in busy] == ["09:45", "10:00", "10:15", "10:30"]
    assert "09:30" in busy and "10:45" in busy


def test_cancelled_calls_no_shows_and_other_prospects_take_nothing() -> None:
    free = _starts()
    assert _starts(replace(WITH_CAMILLE, status=Status.CANCELLED)) == free
    assert _starts(replace(WITH_CAMILLE, status=Status.NO_SHOW)) == free
    assert _starts(replace(WITH_CAMILLE, prospect_id=2)) == free
