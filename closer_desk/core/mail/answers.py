"""Reading a prospect's answers: METHOD:REPLY (accepted, declined, tentative) and
METHOD:COUNTER (a proposed new time), from an e-mail (``.eml``, or a message fetched over
IMAP) or a bare ``.ics`` file.

Gmail and Outlook put the iTIP object in a ``text/calendar; method=REPLY`` part (Outlook often
as the only part, base64); Thunderbird adds an ``application/ics`` attachment. Every such part
is read, each VEVENT becomes one ``Answer``; what the answer may change is decided by
``store.replies``, which knows our UIDs and SEQUENCEs. Hostile input is bounded: a message or
part past ``MAX_BYTES`` is refused, and a calendar icalendar cannot read is skipped and named.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from closer_desk.core.mail.message import header_text
from closer_desk.core.mail.state import PartStat

#: Larger messages are not answers: a reply is a few kilobytes.
MAX_BYTES = 2 * 1024 * 1024


class Problem(enum.StrEnum):
    """Why a message or file gave no answer."""

    TOO_LARGE = "too_large"
    NO_CALENDAR = "no_calendar"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Answer:
    """One VEVENT of a REPLY or COUNTER.

    Attributes:
        method: ``REPLY`` or ``COUNTER`` (anything else is kept so that it can be named).
        uid, sequence: which call and which version of it the answer is about.
        attendee: the answering ATTENDEE's address (lower case), ``sent_by`` its SENT-BY.
        partstat: the answer (a COUNTER's is usually NEEDS-ACTION).
        sender: the e-mail's From address (lower case), ``""`` for a bare ``.ics`` file.
        start, end: a COUNTER's proposed time (aware), None otherwise.
        comment: the prospect's COMMENT, if any (cleaned of control characters).
        message_id: the e-mail's Message-ID (or a key made of the file's content).
        received: the e-mail's Date, or None.
    """

    method: str
    uid: str
    sequence: int
    attendee: str
    sent_by: str
    partstat: PartStat
    sender: str
    start: datetime | None
    end: datetime | None
    comment: str
    message_id: str
    received: datetime | None


@dataclass(frozen=True, slots=True)
class Reading:
    """What one message or file held: its answers, or why it held none."""

    answers: tuple[Answer, ...]
    problem: Problem | None = None
    detail: str = ""


def _address(value: object) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return header_text(text, 254).lower()


def _aware(value: object) -> datetime | None:
    moment = getattr(value, "dt", value)
    if isinstance(moment, datetime):
        # A floating time in a COUNTER has no zone to read it in: UTC is the only guess, and
        # the closer sees the proposal before anything moves.
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(moment, date):
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return None


def _partstat(value: object) -> PartStat:
    try:
        return PartStat(str(value or "NEEDS-ACTION").lower())
    except ValueError:
        return PartStat.NEEDS_ACTION


def _events(ics: bytes, part_method: str) -> list[tuple[str, object]]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics)
    method = str(calendar.get("METHOD", part_method) or "").upper()
    return [(method, c) for c in calendar.walk("VEVENT")]


def answers_in_calendar(
    ics: bytes, *, sender: str = "", message_id: str = "", received: datetime | None = None
) -> list[Answer]:
    """The answers in one iCalendar object (icalendar's own exception on an unreadable
    one)."""
    found = []
    for method, event in _events(ics, ""):
        get = event.get  # type: ignore[attr-defined]
        attendee = get("ATTENDEE")
        if isinstance(attendee, list):  # a reply names one attendee: the one answering
            attendee = attendee[0]
        params = getattr(attendee, "params", {})
        start = _aware(get("DTSTART"))
        end = _aware(get("DTEND"))
        if start is not None and end is None and (duration := get("DURATION")) is not None:
            span = getattr(duration, "dt", None)
            end = start + span if isinstance(span, timedelta) else None
        try:
            sequence = int(str(get("SEQUENCE", 0)))
        except ValueError:
            sequence = -1  # never newer than ours: refused as an old version
        found.append(
            Answer(
                method=method,
                uid=header_text(str(get("UID", "")), 500),
                sequence=sequence,
                attendee=_address(attendee),
                sent_by=_address(params.get("SENT-BY", "")),
                partstat=_partstat(params.get("PARTSTAT")),
                sender=sender,
                start=start if method == "COUNTER" else None,
                end=end if method == "COUNTER" else None,
                comment=header_text(str(get("COMMENT", "")), 500),
                message_id=message_id,
                received=received,
            )
        )
    return found


def _is_calendar_part(part: EmailMessage) -> bool:
    kind = part.get_content_type()
    name = (part.get_filename() or "").lower()
    return kind in ("text/calendar", "application/ics") or name.endswith(".ics")


def read_answers(data: bytes, *, fallback_id: str = "") -> Reading:
    """The answers in an e-mail (RFC 5322 bytes) or a bare ``.ics`` file.

    An e-mail's calendar parts are read in order; the same VEVENT in both the alternative and
    the attachment counts once. ``fallback_id`` keys a message without a Message-ID (a file's
    hash, for instance), so that reading it twice records it once.
    """
    if len(data) > MAX_BYTES:
        return Reading((), Problem.TOO_LARGE, str(MAX_BYTES))
    if data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        try:
            return Reading(tuple(answers_in_calendar(data, message_id=fallback_id)))
        except Exception as error:  # icalendar raises many kinds on a broken calendar
            return Reading((), Problem.UNREADABLE, header_text(str(error)))
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    # Headers are read raw: a hostile display name (an encoded CR LF) must not stop the read,
    # and only the address is used.
    raw = {name.lower(): str(value) for name, value in reversed(list(message.raw_items()))}
    senders = getaddresses([raw.get("from", "")])
    sender = header_text(senders[0][1], 254).lower() if senders else ""
    msgid = header_text(raw.get("message-id", ""), 300) or fallback_id
    try:
        received = parsedate_to_datetime(header_text(raw.get("date", "")))
    except (TypeError, ValueError):
        received = None
    if received is not None and received.tzinfo is None:
        received = received.replace(tzinfo=UTC)
    answers: list[Answer] = []
    seen: set[tuple[str, str, int, str]] = set()
    unreadable = ""
    for part in message.walk():
        if part.is_multipart() or not _is_calendar_part(part):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            found = answers_in_calendar(payload, sender=sender, message_id=msgid, received=received)
        except Exception as error:  # icalendar raises many kinds on a broken calendar
            unreadable = header_text(str(error))
            continue
        for answer in found:
            key = (answer.method, answer.uid, answer.sequence, answer.attendee)
            if key not in seen:
                seen.add(key)
                answers.append(answer)
    if answers:
        return Reading(tuple(answers))
    if unreadable:
        return Reading((), Problem.UNREADABLE, unreadable)
    return Reading((), Problem.NO_CALENDAR)
