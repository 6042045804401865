"""Property tests of ``find_slots``: random rules across the zones that break naive code."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings

from closer_desk.core import tz
from closer_desk.core.availability import business_hours
from closer_desk.core.model import ACTIVE_STATUSES
from closer_desk.core.slots import find_slots
from tests.core.slot_reference import closer_ok, reference_slots, scenarios, weekly_ok
from tests.helpers.fuzzing import examples

_SETTINGS = settings(
    max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _find(s: dict[str, Any]) -> list[Any]:
    return find_slots(with_flags=False, **s)  # type: ignore[arg-type]


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_find_slots_agrees_with_minute_by_minute_reference(s: dict[str, Any]) -> None:
    found = [slot.start for slot in _find(s)]
    assert found == reference_slots(**s)  # type: ignore[arg-type]


@_SETTINGS
@given(scenarios())
def test_no_slot_touches_a_call_or_busy_block_with_its_buffers(s: dict[str, Any]) -> None:
    closer = s["closer"]
    taken = [(a.start_utc, a.end_utc) for a in s["appointments"] if a.status in ACTIVE_STATUSES]
    taken += [(b.start, b.end) for b in s["busy"]]
    for slot in _find(s):
        lo = slot.start - timedelta(minutes=closer.buffer_before)
        hi = slot.end + timedelta(minutes=closer.buffer_after)
        assert not any(b0 < hi and lo < b1 for b0, b1 in taken)


@_SETTINGS
@given(scenarios())
def test_every_minute_of_a_slot_is_inside_every_partys_hours(s: dict[str, Any]) -> None:
    closer, prospect, company = s["closer"], s["prospect"], s["company"]
    for slot in _find(s):
        for k in range(0, s["minutes"], 5):
            t = slot.start + timedelta(minutes=k)
            assert closer_ok(closer, t, set())
            assert weekly_ok(business_hours(prospect), prospect.zone, t)
            if company is not None and company.hours is not None:
                assert weekly_ok(company.hours, company.zone, t)


@_SETTINGS
@given(scenarios())
def test_no_slot_sooner_than_minimum_notice_nor_off_the_quarter_hour(s: dict[str, Any]) -> None:
    earliest = s["now"] + timedelta(minutes=s["closer"].min_notice)
    for slot in _find(s):
        assert slot.start >= earliest
        assert slot.start.tzinfo is UTC
        local = tz.convert(slot.start, s["prospect"].zone)
        assert local.minute % 15 == 0 and local.second == 0
        assert slot.end - slot.start == timedelta(minutes=s["minutes"])


@_SETTINGS
@given(scenarios())
def test_excluding_a_call_frees_its_time(s: dict[str, Any]) -> None:
    calls = s["appointments"]
    if not calls:
        return
    without = {**s, "appointments": [a for a in calls if a.id != calls[0].id]}
    assert [x.start for x in find_slots(with_flags=False, exclude_id=calls[0].id, **s)] == [
        x.start for x in _find(without)
    ]
