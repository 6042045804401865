"""What travels, how two versions merge, which overlapping calls are flagged: the pure part
of the CalDAV sync."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closer_desk.core import tz
from closer_desk.core.ics.sync_event import Foreign, Unreadable, call_object, read_object
from closer_desk.core.model import CallKind, Closer, Outcome, Status
from closer_desk.core.sync.call import SyncedCall, as_plain, content_hash, from_plain, merge
from closer_desk.core.sync.overlaps import Flag, Span, overlap_flags
from tests.helpers.fuzzing import examples

CLOSER = Closer(id=1, name="Camille Durand", zone="Europe/Paris", email="camille@example.com")
NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)
HOSTILE = "Ünïcode, comma; semi \\ back 🎉\r\nATTENDEE:mailto:x@y"


def _call(**changes: object) -> SyncedCall:
    base = SyncedCall(
        uid="u-1@closer-desk",
        start=tz.localize(datetime(2026, 3, 10, 10), "America/Toronto"),
        minutes=45,
        kind=CallKind.VIDEO,
        status=Status.PLANNED,
        outcome=None,
        url="https://meet.example.com/x",
        phone="",
        reminder_minutes=15,
        company_uid="c-1",
        company_name="Acme",
        prospect_uid="p-1",
        prospect_name="Gabriel Tremblay",
        prospect_email="gabriel@example.com",
        prospect_zone="America/Toronto",
        prospect_country="CA",
        prospect_language="fr",
        created=datetime(2026, 3, 1, 9, tzinfo=UTC),
        sequence=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        _call(),
        _call(kind=CallKind.PHONE, url="", phone="+15145550123", outcome=Outcome.FOLLOW_UP),
        _call(status=Status.CANCELLED),
        # The second 02:30 of the night Paris falls back: the fold travels.
        _call(start=tz.localize(datetime(2026, 10, 25, 2, 30), "Europe/Paris", choose="later")),
        _call(company_name=HOSTILE.replace("\r\n", " "), prospect_name="Zoë d'Arc"),
    ],
)
def test_a_call_survives_the_trip(call: SyncedCall) -> None:
    back = read_object(call_object(call, CLOSER, now=NOW))
    assert back == call
    assert content_hash(back) == content_hash(call)
    assert from_plain(as_plain(call)) == call


def test_user_text_cannot_add_a_property() -> None:
    import icalendar

    data = call_object(_call(company_name=HOSTILE), CLOSER, now=NOW)
    assert b"\r\nATTENDEE:mailto:x@y" not in data
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert isinstance(event["ATTENDEE"], icalendar.vCalAddress)  # one, not a list
    assert event["ATTENDEE"].params["SCHEDULE-AGENT"] == "CLIENT"
    assert b"METHOD" not in data


def test_the_hash_ignores_what_a_server_rewrites() -> None:
    assert content_hash(_call()) == content_hash(_call(sequence=9))
    assert content_hash(_call()) != content_hash(_call(minutes=30))
    same_instant = _call(start=tz.convert(_call().start, "Europe/Paris"))
    assert content_hash(same_instant) != content_hash(_call())  # another agreed zone


def _event(*lines: str) -> bytes:
    body = "\r\n".join(lines)
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
    return f"{head}{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode()


def test_what_is_not_a_call_or_cannot_be_read_is_named() -> None:
    assert read_object(b"not a calendar") == Unreadable("", "bad_ics")
    assert read_object(_event("UID:x", "DTSTART:20260310T100000Z")) == Foreign("x")
    recurring = _event("UID:r", "X-CLOSER-DESK-FORMAT:1", "RRULE:FREQ=WEEKLY")
    assert isinstance(read_object(recurring), Foreign)
    good = call_object(_call(), CLOSER, now=NOW).decode()
    for swap, code in (
        ("X-CLOSER-DESK-URL:https://meet.example.com/x", "bad_value"),
        ("X-CLOSER-DESK-KIND:video", "bad_value"),
        ("X-CLOSER-DESK-PROSPECT-ZONE:America/Toronto", "bad_value"),
    ):
        broken = good.replace(swap, swap.split(":")[0] + ":javascript:alert(1)")
        found = read_object(broken)
        assert isinstance(found, Unreadable) and found.code == code, swap
    gap = good.replace("20260310T100000", "20260308T023000").replace(
        "20260310T104500", "20260308T033000"
    )
    found = read_object(gap)
    assert isinstance(found, Unreadable) and found.code == "bad_time"


def test_a_client_that_rewrote_the_start_in_utc_keeps_the_agreed_zone() -> None:
    good = call_object(_call(), CLOSER, now=NOW).decode()
    moved = good.replace("DTSTART;TZID=America/Toronto:20260310T100000", "DTSTART:20260310T160000Z")
    moved = moved.replace("DTEND;TZID=America/Toronto:20260310T104500", "DTEND:20260310T164500Z")
    back = read_object(moved)
    assert isinstance(back, SyncedCall)
    assert tz.zone_name(back.start) == "America/Toronto" and back.start.hour == 12


def test_merge_takes_each_sides_own_changes() -> None:
    base = _call()
    mine = replace(base, url="https://meet.example.com/mine")
    theirs = replace(base, minutes=30, prospect_name="Gabriel T.")
    result = merge(base, mine, theirs)
    assert result.conflicts == frozenset()
    assert result.from_theirs == {"minutes", "prospect_name"}
    assert result.merged == replace(mine, minutes=30, prospect_name="Gabriel T.")


def test_the_same_field_changed_on_both_sides_keeps_mine_and_names_it() -> None:
    base = _call()
    mine = replace(base, minutes=60, url="https://meet.example.com/mine")
    theirs = replace(base, minutes=30, kind=CallKind.PHONE)
    result = merge(base, mine, theirs)
    assert result.conflicts == {"minutes"}
    assert result.merged.minutes == 60 and result.merged.kind == CallKind.PHONE
    same = merge(base, replace(base, minutes=30), replace(base, minutes=30))
    assert same.conflicts == frozenset()
    assert merge(None, mine, theirs).conflicts == {"minutes", "url", "kind"}


def _span(key: int, start: int, end: int, created: int, uid: str = "") -> Span:
    return Span(key, start, end, created, uid or f"u{key}")


def test_the_later_booked_of_two_overlapping_calls_is_to_rebook() -> None:
    flagged = overlap_flags([_span(1, 0, 60, created=5), _span(2, 30, 90, created=3)])
    assert [(f.key, f.flag, f.other) for f in flagged] == [
        (1, Flag.REBOOK, 2),
        (2, Flag.OVERLAP, 1),
    ]
    assert overlap_flags([_span(1, 0, 60, 1), _span(2, 60, 90, 2)]) == []


def test_flags_are_the_same_whatever_the_order_and_ties_go_by_uid() -> None:
    spans = [_span(1, 0, 60, 7, "b"), _span(2, 10, 20, 7, "a"), _span(3, 50, 70, 1, "c")]
    one = [(f.key, f.flag) for f in overlap_flags(spans)]
    two = [(f.key, f.flag) for f in overlap_flags(list(reversed(spans)))]
    # 3 was booked first; 2 and 1 at the same second, 2's UID sorts first.
    assert one == two == [(1, Flag.REBOOK), (2, Flag.OVERLAP), (3, Flag.OVERLAP)]


_GOOD = call_object(_call(), CLOSER, now=NOW).decode().splitlines()


@settings(max_examples=examples(200), deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(_GOOD) - 1),
            st.one_of(st.text(max_size=40), st.sampled_from(["", "END:VEVENT", "BEGIN:VEVENT"])),
        ),
        max_size=6,
    )
)
def test_whatever_a_server_sends_back_is_read_or_named_never_raised(
    edits: list[tuple[int, str]],
) -> None:
    lines = list(_GOOD)
    for where, text in edits:
        lines[where] = text
    found = read_object("\r\n".join(lines))
    assert isinstance(found, SyncedCall | Foreign | Unreadable)
