"""The pipeline of prospects to call back."""

from __future__ import annotations

from itertools import count

from closer_desk.core.model import Appointment, Outcome, Prospect, Status, Temperature
from closer_desk.core.pipeline import PipelineKind, pipeline
from tests.helpers.factories import at

_ids = count(1)
NOW = at("2026-03-10 12:00", "Europe/Paris")


def person(pid: int, temperature: Temperature = Temperature.WARM) -> Prospect:
    return Prospect(id=pid, name=f"P{pid}", zone="Europe/Paris", temperature=temperature)


def call(
    pid: int, when: str, status: Status = Status.DONE, outcome: Outcome | None = None
) -> Appointment:
    return Appointment(
        id=next(_ids),
        closer_id=1,
        company_id=1,
        prospect_id=pid,
        start=at(when, "Europe/Paris"),
        minutes=30,
        status=status,
        outcome=outcome,
    )


def test_pipeline_lists_follow_ups_no_shows_and_hot_prospects_without_a_call():
    people = [
        person(1),
        person(2),
        person(3, Temperature.HOT),
        person(4, Temperature.HOT),
        person(5),
        person(6, Temperature.HOT),
        person(7, Temperature.HOT),
    ]
    calls = [
        call(1, "2026-03-02 10:00", outcome=Outcome.FOLLOW_UP),  # due
        call(2, "2026-03-03 10:00", status=Status.NO_SHOW),  # to reschedule
        # 3: hot, nothing booked
        call(4, "2026-03-12 10:00", status=Status.PLANNED),  # hot but booked
        call(5, "2026-03-01 10:00", outcome=Outcome.FOLLOW_UP),
        call(5, "2026-03-11 10:00", status=Status.CONFIRMED),  # follow-up already booked
        call(6, "2026-03-04 10:00", outcome=Outcome.WON),  # hot, signed: not in the pipeline
        call(7, "2026-03-05 10:00", status=Status.NO_SHOW),
        call(7, "2026-03-12 10:00", status=Status.CANCELLED),  # a cancelled call books nothing
    ]
    items = pipeline(people, calls, NOW)
    assert [(i.kind, i.prospect.id) for i in items] == [
        (PipelineKind.FOLLOW_UP_DUE, 1),
        (PipelineKind.NO_SHOW, 2),
        (PipelineKind.NO_SHOW, 7),
        (PipelineKind.HOT_NO_CALL, 3),
    ]
    assert items[0].last_call is not None and items[0].last_call.prospect_id == 1
