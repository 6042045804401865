"""The Pipeline room lists who waits for a call and asks the planner with one click."""

from __future__ import annotations

from closer_desk.core.model import Changes
from closer_desk.ui.common.room import PlanCall
from closer_desk.ui.common.source import AgendaSource
from closer_desk.ui.reports.pipeline import PipelineRoom
from tests.helpers.factories import at


def test_plan_emits_the_prospect(qtbot, agenda, tasks, qtmodeltester):
    agenda.edit_prospect("Haruto", temperature="hot")
    call = agenda.book(
        company="Acme", prospect="Omar", start=at("2026-02-24 10:00", "Europe/Paris")
    )
    agenda.set_outcome(call.id, "follow-up")
    room = PipelineRoom(AgendaSource(agenda, tasks))
    qtbot.addWidget(room)
    with qtbot.waitSignal(room.loaded):
        room.refresh()
    assert [room.model.index(r, 1).data() for r in range(room.model.rowCount())] == [
        "Omar Haddad",
        "Haruto Sato",
    ]
    assert room.model.index(0, 0).data() == "Follow-up due"
    qtmodeltester.check(room.model)
    # A hot prospect: a call of their own. A follow-up: the next call continues the last one.
    with qtbot.waitSignal(room.requested) as signal:
        room.plan_button(1).click()
    assert signal.args == [PlanCall(agenda.prospect("Haruto").id)]
    with qtbot.waitSignal(room.requested) as signal:
        room.plan_button(0).click()
    assert signal.args == [PlanCall(call.prospect_id, call.id)]


def test_a_booking_elsewhere_takes_the_prospect_off(qtbot, agenda, tasks):
    agenda.edit_prospect("Haruto", temperature="hot")
    room = PipelineRoom(AgendaSource(agenda, tasks))
    qtbot.addWidget(room)
    with qtbot.waitSignal(room.loaded):
        room.show()
    assert room.model.rowCount() == 1
    booked = agenda.book(
        company="Acme", prospect="Haruto", start=at("2026-03-05 09:00", "Europe/Paris")
    )
    with qtbot.waitSignal(room.loaded):
        room.on_changes(Changes(appointments=frozenset({booked.id})))
    assert room.model.rowCount() == 0 and room.empty_label.isVisibleTo(room)
