"""Each write says what it changed (``Agenda.take_changes``), built where the write happens: the
window refreshes only what concerns each room from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer_desk.core.errors import ConflictError
from closer_desk.core.model import Appointment, Changes
from closer_desk.store import Agenda
from closer_desk.store.calendar_import import import_file
from closer_desk.store.desk import set_call_notes, set_tick
from tests.helpers.factories import at
from tests.helpers.ics import calendar


@pytest.fixture
def call(agenda: Agenda) -> Appointment:
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    agenda.take_changes()
    return booked


def test_a_booking_names_the_call_its_closer_and_its_prospect(agenda: Agenda) -> None:
    agenda.take_changes()
    booked = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris")
    )
    assert agenda.take_changes() == Changes(
        appointments=frozenset({booked.id}),
        call_closers=frozenset({booked.closer_id}),
        call_prospects=frozenset({booked.prospect_id}),
    )
    assert agenda.take_changes() == Changes()  # taken once


def test_moving_editing_and_deleting_a_call_name_it(agenda: Agenda, call: Appointment) -> None:
    agenda.move(call.id, at("2026-03-03 11:00", "Europe/Paris"))
    assert agenda.take_changes().appointments == {call.id}
    other = next(p for p in agenda.prospects() if p.name.startswith("Omar"))
    agenda.update_details(call.id, prospect=other.id)
    changes = agenda.take_changes()
    assert changes.call_prospects == {call.prospect_id, other.id}  # before and after
    agenda.delete_appointment(call.id)
    assert agenda.take_changes().appointments == {call.id}


def test_notes_and_ticks_concern_the_desk_only(agenda: Agenda, call: Appointment) -> None:
    set_call_notes(agenda, call.id, "budget ok")
    assert agenda.take_changes() == Changes(notes=frozenset({call.id}))
    agenda.edit_company("Acme", script="1. Budget\n2. Demo")
    assert agenda.take_changes().companies == {call.company_id}
    set_tick(agenda, call.id, 0, True)
    assert agenda.take_changes() == Changes(notes=frozenset({call.id}))


def test_people_writes_name_who(agenda: Agenda) -> None:
    closer = agenda.closer()
    agenda.take_changes()
    agenda.edit_closer(closer.id, email="camille.durand@example.com")
    prospect = agenda.add_prospect("Ana Lima", "America/Sao_Paulo")
    assert agenda.take_changes() == Changes(
        closers=frozenset({closer.id}), prospects=frozenset({prospect.id})
    )


def test_a_refused_write_changes_nothing_and_says_so(agenda: Agenda, call: Appointment) -> None:
    with pytest.raises(ConflictError):
        agenda.book(company="Acme", prospect="Omar", start=call.start)
    assert agenda.take_changes() == Changes()
    agenda.move(call.id, call.start)  # to where it is: nothing written
    assert not agenda.take_changes()


def test_an_import_of_busy_time_names_the_closer(agenda: Agenda, tmp_path: Path) -> None:
    ics = tmp_path / "busy.ics"
    ics.write_text(
        calendar("UID:d@x\nDTSTART:20260304T090000Z\nDTEND:20260304T100000Z"), newline=""
    )
    agenda.take_changes()
    import_file(agenda, ics, busy=True)
    assert agenda.take_changes() == Changes(busy=frozenset({agenda.closer().id}))
    import_file(agenda, ics, busy=True)  # the same file again: nothing new
    assert agenda.take_changes() == Changes()


def test_changes_merge_and_say_when_they_are_empty() -> None:
    a = Changes(appointments=frozenset({1}), call_closers=frozenset({7}))
    b = Changes(prospects=frozenset({3}))
    assert (a | b).appointments == {1} and (a | b).prospects == {3}
    assert not Changes() and a and Changes.from_outside()
    assert a.calls_of(7) and not a.calls_of(8) and a.calls_of(None)
    assert Changes.from_outside().calls_of(8) and Changes.from_outside().people()
