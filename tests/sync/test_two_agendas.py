"""A closer's agenda and an assistant's agenda syncing through one Radicale."""

from __future__ import annotations

from closer_desk.store import Agenda
from closer_desk.store.sync import api
from tests.helpers.caldav_servers import Server
from tests.helpers.factories import at


def _by_uid(agenda: Agenda, uid: str):
    with agenda.engine.connect() as conn:
        from sqlalchemy import select

        from closer_desk.store.schema import appointments

        found = conn.execute(select(appointments.c.id).where(appointments.c.uid == uid)).scalar()
    return None if found is None else agenda.appointment(found)


def _share(radicale: Server, *agendas: Agenda) -> str:
    url = radicale.calendar("camille", "calls")
    for agenda in agendas:
        api.set_up(agenda, "Camille", url)
    return url


def test_booked_on_one_appears_on_the_other_and_a_move_comes_back(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    _share(radicale, closer_agenda, assistant_agenda)
    call = assistant_agenda.book(
        company="Acme", prospect="Gabriel", start=at("2026-03-10 15:00", "America/Toronto")
    )
    [pushed] = api.sync(assistant_agenda)
    assert (pushed.pushed, pushed.pulled) == (1, 0)
    [pulled] = api.sync(closer_agenda)
    assert (pulled.pushed, pulled.pulled) == (0, 1)
    changes = pulled.changes()
    assert len(changes.appointments) == 1 and changes.unknown  # every view re-reads a pull
    seen = _by_uid(closer_agenda, call.uid)
    assert seen is not None
    assert seen.start == call.start and seen.zone == "America/Toronto"
    entry = closer_agenda.entry(seen.id)
    assert (entry.company_name, entry.prospect_name) == ("Acme", "Gabriel Tremblay")

    closer_agenda.move(seen.id, at("2026-03-11 16:30", "America/Toronto"))
    [back] = api.sync(closer_agenda)
    assert back.pushed == 1
    [again] = api.sync(assistant_agenda)
    assert again.pulled == 1
    moved = assistant_agenda.appointment(call.id)
    assert moved.start == at("2026-03-11 16:30", "America/Toronto")
    assert moved.sequence >= 1


def _book(agenda: Agenda, when: str, **kwargs):
    return agenda.book(
        company="Acme", prospect="Gabriel", start=at(when, "Europe/Paris"), minutes=30, **kwargs
    )


def _shared_call(radicale: Server, closer: Agenda, assistant: Agenda):
    _share(radicale, closer, assistant)
    call = _book(assistant, "2026-03-10 10:00")
    api.sync(assistant)
    api.sync(closer)
    mirror = _by_uid(closer, call.uid)
    assert mirror is not None
    return call, mirror


def test_changes_to_different_fields_on_each_side_are_merged(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    call, mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    assistant_agenda.move(call.id, at("2026-03-12 11:00", "Europe/Paris"))
    closer_agenda.update_details(mirror.id, url="https://meet.example.com/other")
    api.sync(assistant_agenda)
    [report] = api.sync(closer_agenda)
    assert report.merged == 1 and report.conflicts == []
    api.sync(assistant_agenda)
    for agenda, key in ((assistant_agenda, call.id), (closer_agenda, mirror.id)):
        seen = agenda.appointment(key)
        assert seen.start == at("2026-03-12 11:00", "Europe/Paris")
        assert seen.url == "https://meet.example.com/other"
    assert api.conflicts(closer_agenda) == [] and api.conflicts(assistant_agenda) == []


def test_the_same_field_changed_on_both_sides_is_a_conflict_until_resolved(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    call, mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    assistant_agenda.move(call.id, at("2026-03-12 11:00", "Europe/Paris"))
    closer_agenda.move(mirror.id, at("2026-03-13 09:00", "Europe/Paris"))
    api.sync(assistant_agenda)
    [report] = api.sync(closer_agenda)
    assert report.conflicts == [call.uid]
    # The agenda keeps its own version, and says so at every sync until the user chooses.
    assert closer_agenda.appointment(mirror.id).start == at("2026-03-13 09:00", "Europe/Paris")
    [conflict] = api.conflicts(closer_agenda)
    assert conflict.fields == ("start",) and conflict.appointment_id == mirror.id
    assert conflict.theirs.start == at("2026-03-12 11:00", "Europe/Paris")
    [again] = api.sync(closer_agenda)
    assert again.conflicts == [call.uid] and again.pushed == 0
    api.sync(assistant_agenda)
    assert assistant_agenda.appointment(call.id).start == at("2026-03-12 11:00", "Europe/Paris")

    api.resolve(closer_agenda, mirror.id, "mine")
    [settled] = api.sync(closer_agenda)
    assert settled.pushed == 1 and settled.conflicts == []
    api.sync(assistant_agenda)
    assert assistant_agenda.appointment(call.id).start == at("2026-03-13 09:00", "Europe/Paris")


def test_keeping_theirs_applies_the_servers_version(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    call, mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    assistant_agenda.update_details(call.id, url="https://meet.example.com/theirs")
    closer_agenda.update_details(mirror.id, url="https://meet.example.com/mine")
    api.sync(assistant_agenda)
    api.sync(closer_agenda)
    api.resolve(closer_agenda, mirror.id, "theirs")
    assert closer_agenda.appointment(mirror.id).url == "https://meet.example.com/theirs"
    [after] = api.sync(closer_agenda)
    assert (after.pushed, after.pulled, after.conflicts) == (0, 0, [])


def test_a_change_beats_a_delete(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    call, mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    assistant_agenda.delete_appointment(call.id)
    closer_agenda.update_details(mirror.id, url="https://meet.example.com/kept")
    api.sync(assistant_agenda)  # the delete reaches the server first
    api.sync(closer_agenda)  # the change comes back
    api.sync(assistant_agenda)
    back = _by_uid(assistant_agenda, call.uid)
    assert back is not None and back.url == "https://meet.example.com/kept"
    assert _by_uid(closer_agenda, call.uid) is not None


def test_a_delete_of_an_unchanged_call_reaches_the_other_side(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    call, _mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    assistant_agenda.delete_appointment(call.id)
    [gone] = api.sync(assistant_agenda)
    assert gone.pushed == 1
    [there] = api.sync(closer_agenda)
    assert there.pulled == 1
    assert _by_uid(closer_agenda, call.uid) is None


def test_two_bookings_of_the_same_hour_are_flagged_the_same_on_both_sides(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda, clock
) -> None:
    from datetime import timedelta

    _share(radicale, closer_agenda, assistant_agenda)
    first = _book(closer_agenda, "2026-03-10 10:00")
    clock.now += timedelta(minutes=5)
    second = assistant_agenda.book(
        company="Érable", prospect="Omar", start=at("2026-03-10 10:15", "Europe/Paris")
    )
    api.sync(closer_agenda)
    api.sync(assistant_agenda)
    [report] = api.sync(closer_agenda)
    assert (report.overlaps, report.rebook) == (2, 1)

    def flags(agenda: Agenda) -> dict[str, str]:
        out = {}
        for flagged in api.flags(agenda):
            out[agenda.appointment(flagged.appointment_id).uid] = flagged.flag.value
        return out

    expected = {first.uid: "overlap", second.uid: "rebook"}
    assert flags(closer_agenda) == expected
    assert flags(assistant_agenda) == expected

    # Rebooked elsewhere: the flags go at the next sync on both sides.
    later = _by_uid(assistant_agenda, second.uid)
    assert later is not None
    assistant_agenda.move(later.id, at("2026-03-10 14:00", "Europe/Paris"), force=True)
    api.sync(assistant_agenda)
    api.sync(closer_agenda)
    assert flags(closer_agenda) == {} and flags(assistant_agenda) == {}


def test_nothing_private_reaches_the_server(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    _share(radicale, closer_agenda)
    closer_agenda.edit_prospect(
        "Gabriel",
        need="NEED-SECRET-7431",
        motivations="MOTIVE-SECRET-7431",
        blockages="BLOCK-SECRET-7431",
        notes="PROSPECT-NOTE-SECRET-7431",
    )
    # Held before the test clock's now (2026-03-02 08:00 UTC): an outcome can be recorded.
    call = _book(closer_agenda, "2026-03-01 10:00", notes="CALL-NOTE-SECRET-7431")
    closer_agenda.set_outcome(
        call.id, "won", value="98765.43", currency="CAD", commission_rate="0.17"
    )
    api.sync(closer_agenda)
    stored = radicale.stored_text()
    assert call.uid in stored and "X-CLOSER-DESK-OUTCOME:won" in stored
    assert "SCHEDULE-AGENT=CLIENT" in stored
    for secret in ("SECRET-7431", "98765", "CAD", "0.17", "0.15", "commission"):
        assert secret not in stored, secret
    # The other side rebuilds the call without any of it, and keeps its own.
    _share(radicale, assistant_agenda)
    api.sync(assistant_agenda)
    seen = _by_uid(assistant_agenda, call.uid)
    assert seen is not None and seen.notes == "" and seen.deal_value is None
    assert seen.outcome is not None and seen.outcome.value == "won"


def test_a_second_sync_with_no_change_does_nothing(
    radicale: Server, closer_agenda: Agenda, assistant_agenda: Agenda
) -> None:
    _call, _mirror = _shared_call(radicale, closer_agenda, assistant_agenda)
    for agenda in (closer_agenda, assistant_agenda, closer_agenda):
        [report] = api.sync(agenda)
        assert (report.pushed, report.pulled, report.merged) == (0, 0, 0)
