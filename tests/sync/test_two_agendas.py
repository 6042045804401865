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
