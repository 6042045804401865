"""Reading answers: stored REPLY and COUNTER messages shaped as Thunderbird, Gmail and
Outlook send them (tests/mail/replies, written from RFC 6047 and the producers' documented
shapes), bare .ics files, and hostile input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from closer_desk.core.mail.answers import MAX_BYTES, Problem, read_answers
from closer_desk.core.mail.state import PartStat

REPLIES = Path(__file__).resolve().parents[1] / "mail" / "replies"
UID = "3f0b3d4c-8a7e-4b6f-9a51-2c1d9e0f7a10@closer-desk"


@pytest.mark.parametrize(
    ("name", "method", "partstat"),
    [
        ("thunderbird_reply_accepted.eml", "REPLY", PartStat.ACCEPTED),
        ("gmail_reply_declined.eml", "REPLY", PartStat.DECLINED),
        ("outlook_reply_tentative.eml", "REPLY", PartStat.TENTATIVE),
        ("outlook_counter.eml", "COUNTER", PartStat.TENTATIVE),
    ],
)
def test_each_producer_s_answer_is_read_once(name: str, method: str, partstat: PartStat) -> None:
    reading = read_answers((REPLIES / name).read_bytes())
    assert reading.problem is None
    # Thunderbird and Gmail carry the object twice (alternative and attachment): one answer.
    [answer] = reading.answers
    assert (answer.method, answer.partstat, answer.uid, answer.sequence) == (
        method,
        partstat,
        UID,
        0,
    )
    assert answer.attendee == answer.sender == "gabriel@example.ca"
    assert answer.message_id.startswith("<") and answer.received is not None


def test_a_counter_carries_the_proposed_time_in_the_attendee_s_zone() -> None:
    [answer] = read_answers((REPLIES / "outlook_counter.eml").read_bytes()).answers
    assert answer.start is not None and answer.end is not None
    # "Eastern Standard Time" 10:00 on 4 March 2026 is 15:00 UTC.
    assert answer.start.astimezone(UTC) == datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    assert (answer.end - answer.start).total_seconds() == 45 * 60
    assert answer.comment == "Plutôt mercredi matin si possible ?"


def test_a_bare_ics_file_has_no_sender_and_a_stable_key() -> None:
    eml = (REPLIES / "gmail_reply_declined.eml").read_bytes()
    ics = eml.split(b"Content-Transfer-Encoding: 7bit\n\n", 1)[1].split(b"\n--", 1)[0]
    [answer] = read_answers(ics, fallback_id="file-hash").answers
    assert (answer.sender, answer.message_id, answer.partstat) == (
        "",
        "file-hash",
        PartStat.DECLINED,
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"From: a@b.c\r\nSubject: hello\r\n\r\njust words\r\n", Problem.NO_CALENDAR),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\n", Problem.UNREADABLE),
        (
            b"From: a@b.c\r\nContent-Type: text/calendar; method=REPLY\r\n\r\nBEGIN:VCALENDAR\r\n"
            b"BEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            Problem.UNREADABLE,
        ),
        (b"x" * (MAX_BYTES + 1), Problem.TOO_LARGE),
        (b"", Problem.NO_CALENDAR),
        (b"\x00\xff\xfe garbage \r\n\r\n\x00", Problem.NO_CALENDAR),
    ],
)
def test_a_message_without_a_readable_answer_says_why(data: bytes, problem: Problem) -> None:
    reading = read_answers(data)
    assert (reading.answers, reading.problem) == ((), problem)


def test_control_characters_in_an_answer_never_reach_the_fields() -> None:
    eml = (REPLIES / "thunderbird_reply_accepted.eml").read_bytes()
    hostile = eml.replace(
        b"From: Gabriel Tremblay <gabriel@example.ca>",
        b"From: =?utf-8?q?Evil=0D=0ABcc=3A_x=40y?= <gabriel@example.ca>",
    )
    [answer] = read_answers(hostile).answers
    assert answer.sender == "gabriel@example.ca"
    assert all(ch.isprintable() for field in (answer.uid, answer.comment) for ch in field)
