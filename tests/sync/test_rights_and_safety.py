"""Rights read from the server, a side that suddenly became empty, and what a sync does with
objects it cannot read or that are not closer_desk calls."""

from __future__ import annotations

import shutil

import pytest

from closer_desk.core.sync.errors import (
    MissingPasswordError,
    ReadOnlyCalendarError,
    RemoteError,
    RemoteProblem,
    StorageEmptyError,
    SyncRefusedError,
)
from closer_desk.store import Agenda
from closer_desk.store.sync import api
from tests.helpers.caldav_servers import USERS, Server
from tests.helpers.cli import dump
from tests.helpers.factories import at


def _login(monkeypatch: pytest.MonkeyPatch, user: str) -> None:
    monkeypatch.setenv(api.ENV_PASSWORD, USERS[user])


def _closers(agenda: Agenda) -> None:
    agenda.add_closer("Dominique Roy", "America/Montreal")


def test_booking_for_a_closer_whose_calendar_is_read_only_is_refused_before_writing(
    radicale_accounts: Server,
    closer_agenda: Agenda,
    assistant_agenda: Agenda,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    camille = radicale_accounts.calendar("camille", "calls")
    dominique = radicale_accounts.calendar("dominique", "calls")
    _login(monkeypatch, "camille")
    api.set_up(closer_agenda, "Camille", camille, username="camille")
    _closers(closer_agenda)
    _login(monkeypatch, "dominique")
    api.set_up(closer_agenda, "Dominique", dominique, username="dominique")

    _login(monkeypatch, "assistant")
    _closers(assistant_agenda)
    writable = api.set_up(assistant_agenda, "Camille", camille, username="assistant")
    readable = api.set_up(assistant_agenda, "Dominique", dominique, username="assistant")
    assert (writable.account.can_write, readable.account.can_write) == (True, False)

    assert assistant_agenda.path is not None
    before = dump(assistant_agenda.path)
    with pytest.raises(ReadOnlyCalendarError) as refused:
        assistant_agenda.book(
            company="Acme",
            prospect="Omar",
            closer="Dominique",
            start=at("2026-03-10 10:00", "America/Montreal"),
        )
    assert refused.value.closer == "Dominique Roy"
    assert dump(assistant_agenda.path) == before
    booked = assistant_agenda.book(
        company="Acme",
        prospect="Omar",
        closer="Camille",
        start=at("2026-03-10 10:00", "Europe/Paris"),
    )
    reports = api.sync(assistant_agenda)
    assert [r.pushed for r in reports] == [1, 0]

    # Dominique's own calls still reach the assistant, read-only.
    _login(monkeypatch, "dominique")
    theirs = closer_agenda.book(
        company="Acme",
        prospect="Haruto",
        closer="Dominique",
        start=at("2026-03-11 09:00", "America/Montreal"),
    )
    api.sync(closer_agenda, "Dominique")
    _login(monkeypatch, "assistant")
    api.sync(assistant_agenda)
    with assistant_agenda.engine.connect() as conn:
        from sqlalchemy import select

        from closer_desk.store.schema import appointments

        mirror = conn.execute(
            select(appointments.c.id).where(appointments.c.uid == theirs.uid)
        ).scalar_one()
    with pytest.raises(ReadOnlyCalendarError):
        assistant_agenda.move(mirror, at("2026-03-11 10:00", "America/Montreal"))
    # Private notes are not shared: they stay allowed.
    assistant_agenda.update_details(mirror, notes="call her back")
    assert booked.id != mirror


def test_a_wrong_password_and_a_missing_one_are_named(
    radicale_accounts: Server, closer_agenda: Agenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = radicale_accounts.calendar("camille", "calls")
    monkeypatch.setenv(api.ENV_PASSWORD, "not-it")
    with pytest.raises(RemoteError) as wrong:
        api.set_up(closer_agenda, "Camille", url, username="camille")
    assert wrong.value.problem == RemoteProblem.UNAUTHORIZED
    monkeypatch.delenv(api.ENV_PASSWORD)
    with pytest.raises(MissingPasswordError):
        api.set_up(closer_agenda, "Camille", url, username="camille")
    assert api.accounts(closer_agenda) == []


def test_a_plain_http_address_off_this_machine_is_refused(closer_agenda: Agenda) -> None:
    with pytest.raises(SyncRefusedError) as refused:
        api.set_up(closer_agenda, "Camille", "http://calendar.example.com/camille/")
    assert refused.value.code == "not_https"


def _two_shared_calls(radicale: Server, agenda: Agenda) -> str:
    url = radicale.calendar("camille", "calls")
    api.set_up(agenda, "Camille", url)
    for hour in ("10:00", "11:00"):
        agenda.book(company="Acme", prospect="Omar", start=at(f"2026-03-10 {hour}", "Europe/Paris"))
    api.sync(agenda)
    return url


def test_a_calendar_wiped_on_the_server_stops_the_sync(
    radicale: Server, closer_agenda: Agenda
) -> None:
    _two_shared_calls(radicale, closer_agenda)
    for item in (radicale.storage / "collection-root" / "camille" / "calls").glob("*.ics"):
        item.unlink()
    shutil.rmtree(radicale.storage / "collection-root" / "camille" / "calls" / ".Radicale.cache")
    assert closer_agenda.path is not None
    before = [line for line in dump(closer_agenda.path) if "sync_calendars" not in line]
    with pytest.raises(StorageEmptyError) as empty:
        api.sync(closer_agenda)
    assert (empty.value.side, empty.value.known) == ("server", 2)
    after = [line for line in dump(closer_agenda.path) if "sync_calendars" not in line]
    assert after == before
    assert closer_agenda.count_appointments() == 2
    [forced] = api.sync(closer_agenda, force_delete=True)
    assert forced.pulled == 2
    assert closer_agenda.count_appointments() == 0


def test_an_agenda_emptied_here_stops_the_sync(radicale: Server, closer_agenda: Agenda) -> None:
    _two_shared_calls(radicale, closer_agenda)
    for a in closer_agenda.appointments(
        at("2026-03-01 00:00", "UTC"), at("2026-04-01 00:00", "UTC")
    ):
        closer_agenda.delete_appointment(a.id)
    with pytest.raises(StorageEmptyError) as empty:
        api.sync(closer_agenda)
    assert empty.value.side == "agenda"
    assert (
        len(list((radicale.storage / "collection-root" / "camille" / "calls").glob("*.ics"))) == 2
    )


def _put_raw(url: str, name: str, text: str) -> None:
    import niquests

    answer = niquests.put(url + name, data=text.encode(), headers={"Content-Type": "text/calendar"})
    assert answer.status_code in (201, 204), answer.status_code


_PHONE_EVENT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//phone//EN\r
BEGIN:VEVENT\r
UID:dentist@phone\r
DTSTAMP:20260301T080000Z\r
DTSTART:20260310T150000Z\r
DTEND:20260310T160000Z\r
SUMMARY:Dentist\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_an_event_that_is_not_a_call_is_left_alone(radicale: Server, closer_agenda: Agenda) -> None:
    url = _two_shared_calls(radicale, closer_agenda)
    _put_raw(url, "dentist.ics", _PHONE_EVENT)
    [report] = api.sync(closer_agenda)
    assert report.foreign == 1 and report.pulled == 0
    assert closer_agenda.count_appointments() == 2
    [again] = api.sync(closer_agenda)
    assert (again.foreign, again.pushed, again.pulled) == (0, 0, 0)
    assert (radicale.storage / "collection-root" / "camille" / "calls" / "dentist.ics").exists()


def test_an_unreadable_version_of_a_call_is_named_and_the_agendas_stands(
    radicale: Server, closer_agenda: Agenda
) -> None:
    url = _two_shared_calls(radicale, closer_agenda)
    [call] = [
        a
        for a in closer_agenda.appointments(
            at("2026-03-10 00:00", "UTC"), at("2026-03-11 00:00", "UTC")
        )
        if a.start.hour == 10
    ]
    hostile = _PHONE_EVENT.replace("dentist@phone", call.uid).replace(
        "SUMMARY:Dentist", "X-CLOSER-DESK-FORMAT:1\r\nX-CLOSER-DESK-URL:javascript:alert(1)"
    )
    href = f"{call.uid}.ics".replace("@", "%40")
    _put_raw(url, href, hostile)
    [report] = api.sync(closer_agenda)
    assert [r.code for r in report.refused] == ["bad_value"]
    assert closer_agenda.appointment(call.id).url == call.url
    # The agenda's next change replaces the server's text.
    closer_agenda.update_details(call.id, url="https://meet.example.com/fixed")
    [fixed] = api.sync(closer_agenda)
    assert fixed.pushed == 1
    stored = (radicale.storage / "collection-root" / "camille" / "calls").glob("*.ics")
    assert not any("javascript" in p.read_text() for p in stored)


def test_a_closer_without_a_shared_calendar_is_named(closer_agenda: Agenda) -> None:
    with pytest.raises(SyncRefusedError) as none:
        api.sync(closer_agenda, "Camille")
    assert none.value.code == "not_synced"
