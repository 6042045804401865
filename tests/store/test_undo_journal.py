"""Undo by rows: whatever a write did, ``revert`` puts back exactly the rows it touched, with
their ids, keeps a call's SEQUENCE going up, and refuses (writing nothing) when a row was
changed since or when putting it back would touch another row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from closer_desk.core.errors import UndoConflictError
from closer_desk.store import open_agenda
from closer_desk.store.calendar_import import import_file
from closer_desk.store.desk import set_call_notes, set_tick
from closer_desk.store.undo import Revision, changes_of, recording, revert
from tests.helpers.factories import at

BUSY = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    + "".join(
        f"BEGIN:VEVENT\r\nUID:busy-{n}@test\r\nDTSTAMP:20260301T000000Z\r\n"
        f"DTSTART:202603{10 + n:02d}T090000Z\r\nDTEND:202603{10 + n:02d}T100000Z\r\n"
        f"SUMMARY:Busy {n}\r\nEND:VEVENT\r\n"
        for n in range(5)
    )
    + "END:VCALENDAR\r\n"
)


def book(agenda: Any) -> Any:
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-03 10:00", "Europe/Paris")
    )


def moved(agenda: Any, call: Any) -> tuple[Any, Revision]:
    return recorded(agenda, lambda a: a.move(call.id, at("2026-03-04 11:00", "Europe/Paris")))


def recorded(agenda: Any, op: Any) -> tuple[Any, Revision]:
    with recording(agenda) as rec:
        result = op(agenda)
    return result, rec.revision


def test_a_move_is_undone_and_redone_with_the_sequence_going_up(agenda: Any) -> None:
    call = book(agenda)
    after, revision = moved(agenda, call)
    assert [(r.table, r.key) for r in revision.rows] == [("appointments", (call.id,))]
    assert changes_of(revision).calls_of(call.closer_id)
    redo = revert(agenda, revision)
    back = agenda.appointment(call.id)
    assert back.start == call.start
    assert back.sequence == after.sequence + 1  # the prospect hears about the undo too
    revert(agenda, redo)
    again = agenda.appointment(call.id)
    assert again.start == after.start and again.sequence == back.sequence + 1


def test_a_deleted_call_comes_back_with_its_id_and_its_ticks(agenda: Any) -> None:
    agenda.edit_company("Acme", script="Greet\nAsk the budget")
    call = book(agenda)
    set_tick(agenda, call.id, 1, True)
    set_call_notes(agenda, call.id, "budget ok")
    _, revision = recorded(agenda, lambda a: a.delete_appointment(call.id))
    assert {r.table for r in revision.rows} == {"appointments", "script_ticks"}
    redo = revert(agenda, revision)
    back = agenda.appointment(call.id)
    assert (back.id, back.uid, back.notes) == (call.id, call.uid, "budget ok")
    from closer_desk.store.desk import ticks

    assert ticks(agenda, call.id) == {1: "Ask the budget"}
    revert(agenda, redo)
    assert agenda.count_appointments() == 0


def test_an_outcome_with_its_deal_is_undone(agenda: Any, clock: Any) -> None:
    call = agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-02 09:00", "Europe/Paris")
    )
    clock.now = call.end
    _, revision = recorded(
        agenda, lambda a: a.set_outcome(call.id, "won", value="4500", currency="EUR")
    )
    revert(agenda, revision)
    back = agenda.appointment(call.id)
    assert (back.outcome, back.deal_value, back.status) == (None, None, call.status)


def test_a_new_company_with_hours_goes_away_whole(agenda: Any) -> None:
    from closer_desk.core import parse

    hours = parse.parse_weekly_hours("mon-fri 09:00-17:00")
    company, revision = recorded(agenda, lambda a: a.add_company("Nouvelle", hours=hours))
    assert {r.table for r in revision.rows} == {"companies", "weekly_hours"}
    assert changes_of(revision).companies == {company.id}
    redo = revert(agenda, revision)
    assert "Nouvelle" not in [c.name for c in agenda.companies()]
    revert(agenda, redo)
    assert agenda.company(company.id).hours == hours


def test_an_import_is_undone_and_redone(agenda: Any, tmp_path: Path) -> None:
    path = tmp_path / "busy.ics"
    path.write_text(BUSY)
    _, revision = recorded(agenda, lambda a: import_file(a, path, busy=True))
    # The five busy blocks and where their calendar came from (its file, last import).
    assert [r.table for r in revision.rows].count("busy_blocks") == 5
    assert {r.table for r in revision.rows} == {"busy_blocks", "settings"}
    assert changes_of(revision).busy == {agenda.closer().id}
    window = (at("2026-03-01 00:00", "UTC"), at("2026-04-01 00:00", "UTC"))
    closer = agenda.closer().id
    redo = revert(agenda, revision)
    assert agenda.busy_blocks(closer, *window) == []
    revert(agenda, redo)
    assert len(agenda.busy_blocks(closer, *window)) == 5


def test_a_row_changed_since_refuses_the_undo_and_writes_nothing(
    agenda: Any, tmp_path: Path
) -> None:
    call = book(agenda)
    _, revision = moved(agenda, call)
    # Another program (the CLI) changes the same call meanwhile.
    with open_agenda(tmp_path / "agenda.sqlite3", daily_backup=False) as other:
        other.update_details(call.id, url="https://meet.example.com/other")
    before = agenda.appointment(call.id)
    with pytest.raises(UndoConflictError) as refused:
        revert(agenda, revision)
    assert refused.value.table == "appointments"
    assert agenda.appointment(call.id) == before


def test_undoing_a_new_closer_never_deletes_what_others_added_since(
    agenda: Any, tmp_path: Path
) -> None:
    sam, revision = recorded(agenda, lambda a: a.add_closer("Sam Martin", "America/Toronto"))
    with open_agenda(tmp_path / "agenda.sqlite3", daily_backup=False) as other:
        other.set_override(sam.id, at("2026-03-10 00:00", "UTC").date(), ())
    with pytest.raises(UndoConflictError):
        revert(agenda, revision)
    assert agenda.closer(sam.id).overrides


def test_a_failed_write_records_nothing(agenda: Any) -> None:
    with pytest.raises(RuntimeError), recording(agenda) as rec, agenda.batch():
        agenda.add_company("Half")
        raise RuntimeError("refused")
    assert not rec.revision
    assert "Half" not in [c.name for c in agenda.companies()]


def test_merged_revisions_go_from_the_first_before_to_the_last_after(agenda: Any) -> None:
    call = book(agenda)
    _, first = recorded(agenda, lambda a: set_call_notes(a, call.id, "bud"))
    _, second = recorded(agenda, lambda a: set_call_notes(a, call.id, "budget ok"))
    revert(agenda, first.then(second))
    assert agenda.appointment(call.id).notes == ""
