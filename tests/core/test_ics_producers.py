"""What the big producers write (Google, Outlook, Exchange, Lotus Notes, old Windows tools),
each quirk in a fixture named by its feature: read as the producer meant it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from closer_desk.core.ics.importing import IcsRejected
from tests.helpers.ics import calendar, fixture, parse


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_free_is_free_for_every_instance_of_a_series_and_its_overrides() -> None:
    parsed = parse(fixture("transp_free_recurring_google.ics"))
    # the yearly free birthday and its moved instance block nothing
    assert not any(o.uid == "birthday-ann@google.com" for o in parsed.occurrences)
    assert ("birthday-ann@google.com", "free") in {(s.uid, s.code) for s in parsed.skipped}
    # an opaque series keeps its busy weeks, but the week its override marks free is free
    weekly = [o.start for o in parsed.occurrences if o.uid == "weekly-busy@google.com"]
    assert weekly == [utc("2026-03-02 09:00"), utc("2026-03-16 09:00")]


def test_a_date_rdate_written_with_z_is_a_date() -> None:
    parsed = parse(fixture("rdate_date_with_z_google.ics"))
    assert parsed.unreadable == ()
    days = [(o.start, o.all_day) for o in parsed.occurrences]
    # 10 December, midnight in Paris, each year of the horizon
    assert days == [(utc("2025-12-09 23:00"), True), (utc("2026-12-09 23:00"), True)]


def test_a_junk_created_never_makes_an_event_unreadable() -> None:
    parsed = parse(fixture("created_junk_outlook.ics"))
    assert parsed.unreadable == ()
    assert sorted(o.uid for o in parsed.occurrences) == [
        "junk-created-series@outlook",
        "junk-created-series@outlook",
        "junk-created-single@outlook",
    ]


def test_a_tzid_with_escaped_commas_finds_its_vtimezone() -> None:
    parsed = parse(fixture("tzid_escaped_commas.ics"))
    assert parsed.unreadable == ()
    starts = {(o.uid, o.start) for o in parsed.occurrences}
    assert starts == {
        ("escaped-quoted@outlook", utc("2026-03-24 08:00")),  # +01:00 before 29 March
        ("escaped-unquoted@outlook", utc("2026-03-30 07:00")),  # +02:00 after
        ("escaped-unquoted@outlook", utc("2026-04-06 07:00")),
    }


def test_an_integer_tzid_defined_by_the_file() -> None:
    parsed = parse(fixture("tzid_integer.ics"))
    # 10:00 in a zone of the file: -05:00 before the US change on 8 March, -04:00 after
    assert [o.start for o in parsed.occurrences] == [
        utc("2026-03-05 15:00"),
        utc("2026-03-12 14:00"),
    ]


def test_an_empty_rrule_is_a_single_event_with_a_warning() -> None:
    parsed = parse(fixture("rrule_empty.ics"))
    assert [o.start for o in parsed.occurrences] == [utc("2026-03-04 09:00")]
    assert [(w.line, w.code, w.uid) for w in parsed.warnings] == [
        (7, "empty_rrule", "empty-rrule@example.com")
    ]


def test_windows_display_names_without_vtimezone_map_to_iana_zones() -> None:
    parsed = parse(fixture("tz_windows_display_name.ics"))
    assert parsed.unreadable == ()
    starts = sorted((o.uid, o.start) for o in parsed.occurrences)
    assert starts == [
        ("display-eastern@exchange", utc("2026-03-05 15:00")),  # New York, EST
        ("display-eastern@exchange", utc("2026-03-12 14:00")),  # EDT from 8 March
        ("display-paris@exchange", utc("2026-03-10 13:00")),
    ]


def test_a_windows_1252_export_is_read_with_a_warning() -> None:
    parsed = parse(fixture("not_utf8_windows_1252.ics"))
    assert parsed.occurrences[0].summary == "Réunion d’équipe – 5 €"
    assert [w.code for w in parsed.warnings] == ["decoded_cp1252"]


def test_a_file_of_bare_events_is_read_as_a_calendar() -> None:
    (occurrence,) = parse(fixture("event_without_vcalendar.ics")).occurrences
    assert (occurrence.uid, occurrence.start) == ("bare-event@khal", utc("2026-03-05 08:00"))


def test_an_event_after_the_end_of_the_calendar_refuses_the_file() -> None:
    text = calendar("UID:a@x\nDTSTART:20260304T090000Z") + (
        "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART:20260304T090000Z\r\nEND:VEVENT\r\n"
    )
    with pytest.raises(IcsRejected) as caught:
        parse(text)
    assert (caught.value.line, caught.value.code, caught.value.detail) == (
        9,
        "unbalanced",
        "VCALENDAR",
    )
