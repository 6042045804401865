"""Script ticks, call notes, the call's desk, and follow-ups keeping the prospect's history."""

from __future__ import annotations

import pytest

from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Outcome, Status, Temperature
from closer_desk.core.pipeline import PipelineKind
from closer_desk.store.desk import call_desk, set_call_notes, set_tick, ticks
from closer_desk.store.pipeline import load_pipeline
from tests.helpers.factories import at

SCRIPT = "1. Rappeler le contexte\n2. Reformuler le besoin\n3. Proposer l'offre"


@pytest.fixture
def booked(agenda):
    agenda.edit_company("Acme", script=SCRIPT)
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris")
    )


def test_ticks_persist_per_call_and_untick(agenda, booked):
    set_tick(agenda, booked.id, 0, True)
    steps = set_tick(agenda, booked.id, 2, True)
    assert [s.ticked for s in steps] == [True, False, True]
    set_tick(agenda, booked.id, 0, False)
    assert ticks(agenda, booked.id) == {2: "Proposer l'offre"}
    other = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-03-04 15:00", "Europe/Paris")
    )
    assert not any(s.ticked for s in call_desk(agenda, other.id).script)


def test_tick_out_of_range_changes_nothing(agenda, booked):
    with pytest.raises(ValidationError):
        set_tick(agenda, booked.id, 3, True)
    assert ticks(agenda, booked.id) == {}


def test_an_edited_step_loses_its_tick(agenda, booked):
    set_tick(agenda, booked.id, 1, True)
    agenda.edit_company(
        "Acme", script="1. Rappeler le contexte\n2. Faire parler du budget\n3. Offre"
    )
    assert [s.ticked for s in call_desk(agenda, booked.id).script] == [False, False, False]


def test_call_notes_stay_private_and_do_not_bump_the_invite(agenda, booked):
    noted = set_call_notes(agenda, booked.id, "Conjoint d'accord, signe vendredi")
    assert noted.notes == "Conjoint d'accord, signe vendredi"
    assert noted.sequence == booked.sequence


def test_deleting_a_call_removes_its_ticks(agenda, booked):
    set_tick(agenda, booked.id, 0, True)
    agenda.delete_appointment(booked.id)
    assert ticks(agenda, booked.id) == {}


def test_follow_up_keeps_history_and_the_next_call_links_back(agenda, booked, clock):
    agenda.edit_prospect("Gabriel", temperature=Temperature.HOT.value, need="Un CRM")
    clock.now = booked.end  # an outcome is recorded once the call was held
    agenda.set_outcome(booked.id, Outcome.FOLLOW_UP.value)
    due = load_pipeline(agenda)
    assert [(i.kind, i.prospect.name) for i in due][:1] == [
        (PipelineKind.FOLLOW_UP_DUE, "Gabriel Tremblay")
    ]
    nxt = agenda.book(
        company="Acme",
        prospect="Gabriel",
        start=at("2026-03-10 15:00", "Europe/Paris"),
        previous_id=booked.id,
    )
    clock.now = nxt.end
    agenda.set_outcome(nxt.id, Status.NO_SHOW.value)
    desk = call_desk(agenda, nxt.id)
    assert [c.id for c in desk.history] == [booked.id, nxt.id]
    assert desk.history[0].outcome == Outcome.FOLLOW_UP
    assert desk.history[1].status == Status.NO_SHOW and desk.history[1].previous_id == booked.id
    assert desk.prospect.need == "Un CRM"
    kinds = {i.prospect.name: i.kind for i in load_pipeline(agenda)}
    assert kinds["Gabriel Tremblay"] == PipelineKind.NO_SHOW


def test_hot_prospect_leaves_the_pipeline_once_booked(agenda):
    agenda.edit_prospect("Haruto", temperature="hot")
    assert [i.prospect.name for i in load_pipeline(agenda)] == ["Haruto Sato"]
    agenda.book(company="Acme", prospect="Haruto", start=at("2026-03-05 09:00", "Europe/Paris"))
    assert load_pipeline(agenda) == ()


def test_book_next_call_links_back_and_keeps_the_earlier_outcome(agenda, booked, clock):
    from closer_desk.store.desk import book_next_call

    clock.now = booked.end
    agenda.set_outcome(booked.id, "no-show")
    nxt = book_next_call(agenda, booked.id, at("2026-03-12 09:00", "America/Toronto"))
    assert (nxt.previous_id, nxt.company_id, nxt.prospect_id, nxt.minutes, nxt.kind) == (
        booked.id,
        booked.company_id,
        booked.prospect_id,
        booked.minutes,
        booked.kind,
    )
    assert nxt.zone == "America/Toronto"
    assert agenda.appointment(booked.id).status == Status.NO_SHOW
    assert [c.id for c in agenda.history("Gabriel")] == [booked.id, nxt.id]
    assert load_pipeline(agenda) == ()


def test_an_empty_pipeline(agenda):
    assert load_pipeline(agenda) == ()
