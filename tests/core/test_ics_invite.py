"""Invites: REQUEST/CANCEL content, both zones in words, and hostile text kept inside values."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import icalendar
import pytest

from closer_desk.core.ics.export import export_calendar
from closer_desk.core.ics.invite import CallParties, cancellation, common_name, invite, request
from closer_desk.core.model import Appointment, CallKind, Closer, Company, Prospect, Status
from closer_desk.core.text import one_line
from tests.helpers.factories import at

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CLOSER = Closer(id=1, name="Camille Durand", zone="Europe/Paris", email="camille@example.com")
COMPANY = Company(id=1, name="Acme")
PROSPECT = Prospect(
    id=1,
    name="Gabriel Tremblay",
    zone="America/Toronto",
    email="gabriel@example.ca",
    language="fr",
    phone="+15145550123",
)
PARTIES = CallParties(CLOSER, COMPANY, PROSPECT)


def call(**changes: object) -> Appointment:
    base = Appointment(
        id=7,
        closer_id=1,
        company_id=1,
        prospect_id=1,
        start=at("2026-03-10 15:00", "Europe/Paris"),
        minutes=45,
        url="https://meet.example.com/acme",
        uid="abc-123@closer-desk",
        sequence=2,
        reminder_minutes=10,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def only_event(data: bytes) -> icalendar.Event:
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    return event


def test_request_has_every_part_an_invite_needs() -> None:
    data = request(call(), PARTIES, now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "REQUEST"
    event = only_event(data)
    assert event["UID"] == "abc-123@closer-desk" and event["SEQUENCE"] == 2
    assert b"DTSTAMP:20260302T080000Z" in data
    assert b"DTSTART;TZID=Europe/Paris:20260310T150000" in data
    assert b"DTEND;TZID=Europe/Paris:20260310T154500" in data
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    organizer = event["ORGANIZER"]
    assert (
        str(organizer) == "mailto:camille@example.com"
        and organizer.params["CN"] == "Camille Durand"
    )
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:gabriel@example.ca"
    assert attendee.params["CN"] == "Gabriel Tremblay"
    assert (attendee.params["ROLE"], attendee.params["PARTSTAT"], attendee.params["RSVP"]) == (
        "REQ-PARTICIPANT",
        "NEEDS-ACTION",
        "TRUE",
    )
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].to_ical() == b"-PT10M"
    assert str(event["URL"]) == "https://meet.example.com/acme"
    assert b"CONFERENCE;FEATURE=VIDEO;VALUE=URI:https://meet.example.com/acme" in data
    assert "Acme" in event["SUMMARY"]


def test_description_states_both_zones_in_the_prospects_language() -> None:
    text = str(only_event(request(call(), PARTIES, now=NOW))["DESCRIPTION"])
    assert "mardi 10 mars 2026, 10:00–10:45, votre heure (America/Toronto)" in text
    assert "Pour Camille Durand : mardi 10 mars 2026, 15:00–15:45 (Europe/Paris)" in text
    assert "https://meet.example.com/acme" in text
    english = replace(PARTIES, prospect=replace(PROSPECT, language="en"))
    text = str(only_event(request(call(), english, now=NOW))["DESCRIPTION"])
    assert "Tuesday, 10 March 2026, 10:00–10:45, your time (America/Toronto)" in text


def test_phone_call_has_location_and_tel_uri() -> None:
    data = request(call(kind=CallKind.PHONE, url="", phone="+15145550123"), PARTIES, now=NOW)
    event = only_event(data)
    assert str(event["LOCATION"]) == "+15145550123"
    assert b"CONFERENCE;FEATURE=PHONE;VALUE=URI:tel:+15145550123" in data
    assert "URL" not in event


def test_cancel_has_same_uid_and_cancelled_status() -> None:
    data = cancellation(call(status=Status.CANCELLED, sequence=3), PARTIES, now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "CANCEL"
    event = only_event(data)
    assert (event["UID"], event["SEQUENCE"], event["STATUS"]) == (
        "abc-123@closer-desk",
        3,
        "CANCELLED",
    )
    assert not event.walk("VALARM")
    assert invite(call(status=Status.CANCELLED), PARTIES, now=NOW).count(b"METHOD:CANCEL") == 1


def test_utc_agreed_call_needs_no_vtimezone() -> None:
    data = request(call(start=datetime(2026, 3, 10, 14, tzinfo=UTC)), PARTIES, now=NOW)
    assert b"DTSTART:20260310T140000Z" in data and b"VTIMEZONE" not in data


def test_lines_end_in_crlf_and_fold_at_75_octets_on_character_boundaries() -> None:
    long_name = "Société Générale des Éléphants 🐘 " * 6
    data = request(call(), replace(PARTIES, company=replace(COMPANY, name=long_name)), now=NOW)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") for line in lines)  # no line splits a character
    assert str(only_event(data)["SUMMARY"]).startswith("Appel avec " + long_name)


HOSTILE = [
    "Comma, Semi; Back\\slash",
    "New\nline\r\nand\rreturn",
    "\r\nATTENDEE:mailto:x@y",
    'Quote " and ^caret',
    "Emoji 🎉 and accents éàü",
    "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil",
    "Esc \x1b[31mred\x1b[0m bell\x07 del\x7f nul\x00 vt\x0b ff\x0c sep\u2028 end",
    'Ann "The Closer" Lee',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_add_or_change_a_property(text: str) -> None:
    parties = CallParties(
        replace(CLOSER, name=text),
        replace(COMPANY, name=text),
        replace(PROSPECT, name=text, language="en"),
    )
    data = request(call(url="https://meet.example.com/a?x=1,2;3"), parties, now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert len(cal.walk("VEVENT")) == 1
    names = sorted(name for name, _ in event.property_items(recursive=False))
    assert (
        names.count("ATTENDEE") == 1 and names.count("ORGANIZER") == 1 and names.count("UID") == 1
    )
    assert event["UID"] == "abc-123@closer-desk"
    assert str(event["ATTENDEE"]) == "mailto:gabriel@example.ca"
    # the text comes back on one line without its control characters, in the value it was
    # put in; the CN holds no character that RFC 6868 escapes (readers decode those apart)
    typed = one_line(text).strip()
    assert str(event["SUMMARY"]) == f"Call with {typed} ({typed})"
    assert not any(ch in str(event["SUMMARY"]) for ch in "\x00\x07\x0b\x0c\x1b\x7f\u2028")
    assert event["ATTENDEE"].params["CN"] == common_name(text)
    assert event["ORGANIZER"].params["CN"] == common_name(text)
    assert not any(ch in common_name(text) for ch in '"^\n')
    assert str(event["URL"]) == "https://meet.example.com/a?x=1,2;3"
    # no physical line of the file starts a property the hostile text spelt out
    assert not any(
        line.startswith((b"ATTENDEE:mailto:x@y", b"UID:evil")) for line in data.split(b"\r\n")
    )


def test_export_is_publish_and_leaves_cancelled_calls_out() -> None:
    live, gone = call(), call(id=8, uid="gone@closer-desk", status=Status.CANCELLED)
    data = export_calendar([(live, PARTIES), (gone, PARTIES)], now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "PUBLISH"
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == ["abc-123@closer-desk"]
    assert all("ATTENDEE" not in e for e in cal.walk("VEVENT"))  # RFC 5546: none in PUBLISH
    assert all("ORGANIZER" in e for e in cal.walk("VEVENT"))


@pytest.mark.parametrize(
    "url",
    [
        "https://meet.example.com\\@evil.example/x",
        "https://user:pw@meet.example.com/x",
        "https://@evil.example/x",
        "https://meet.example.com/\x0bx",
        "https://meet.example.com/\x0cx",
        "https://meet.example.com/\x7fx",
        "https://meet.example.com/\u2028x",
        "javascript:alert(1)",
    ],
)
def test_a_stored_link_the_link_parser_refuses_stays_out_of_the_invite(url: str) -> None:
    data = request(call(url=url), PARTIES, now=NOW)
    event = only_event(data)
    assert "URL" not in event and "LOCATION" not in event and "CONFERENCE" not in event
    assert "evil" not in data.decode() and "user:pw" not in data.decode()
