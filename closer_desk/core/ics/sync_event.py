"""A call as a CalDAV calendar object: the invite's event (same words, same privacy rules)
with the ids another closer_desk needs in ``X-CLOSER-DESK-*`` properties, and the way back.

What comes back from a server is hostile input like any imported file: every value is checked
with the same parsers as typed input, and an object that does not hold a closer_desk call (an
event the closer added on their phone) or cannot be read is named, never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from closer_desk.core import parse, tz
from closer_desk.core.errors import AmbiguousTimeError, CloserDeskError, NonExistentTimeError
from closer_desk.core.ics.invite import CallParties, calendar_of, event_for
from closer_desk.core.ics.values import unescape
from closer_desk.core.model import (
    Appointment,
    CallKind,
    Closer,
    Company,
    Outcome,
    Prospect,
    Status,
)
from closer_desk.core.sync.call import SyncedCall
from closer_desk.core.timerange import in_range

#: Bumped when the meaning of the X- properties changes.
FORMAT = "1"
_X = "X-CLOSER-DESK-"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_TEXT = 200
_MAX_ID = 255


@dataclass(frozen=True, slots=True)
class Foreign:
    """A calendar object that is not a closer_desk call (no ``X-CLOSER-DESK-FORMAT``, or a
    recurring event): left alone on the server, never applied."""

    uid: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A closer_desk call whose text cannot be read back.

    Attributes:
        uid: its UID, when that much could be read.
        code: ``bad_ics``, ``no_start``, ``bad_time``, ``bad_value``...
        detail: the property and value at fault (cut short).
    """

    uid: str
    code: str
    detail: str = ""


def call_object(call: SyncedCall, closer: Closer, *, now: datetime) -> bytes:
    """The whole ICS of one calendar object (RFC 4791: no METHOD, one UID)."""
    appointment = Appointment(
        id=0,
        closer_id=closer.id,
        company_id=0,
        prospect_id=0,
        start=call.start,
        minutes=call.minutes,
        kind=call.kind,
        status=call.status,
        url=call.url,
        phone=call.phone,
        reminder_minutes=call.reminder_minutes,
        uid=call.uid,
        sequence=call.sequence,
    )
    parties = CallParties(
        closer=closer,
        company=Company(id=0, name=call.company_name),
        prospect=Prospect(
            id=0,
            name=call.prospect_name,
            zone=call.prospect_zone,
            email=call.prospect_email,
            country=call.prospect_country,
            language=call.prospect_language,
        ),
    )
    event = event_for(appointment, parties, now=now)
    # A scheduling server (iCloud, Nextcloud) would otherwise mail the prospect a second
    # invite: closer_desk sends its own.
    event["ATTENDEE"].params["SCHEDULE-AGENT"] = "CLIENT"
    event.add("CREATED", call.created.astimezone(UTC))
    _add_x(event, call)
    calendar = calendar_of([event], "PUBLISH")
    del calendar["METHOD"]
    return bytes(calendar.to_ical())


def _add_x(event: Event, call: SyncedCall) -> None:
    values = {
        "FORMAT": FORMAT,
        "ZONE": tz.zone_name(call.start),
        "KIND": call.kind.value,
        "STATUS": call.status.value,
        "OUTCOME": call.outcome.value if call.outcome else "",
        "URL": call.url,
        "PHONE": call.phone,
        "REMINDER": str(call.reminder_minutes),
        "COMPANY": call.company_uid,
        "COMPANY-NAME": call.company_name,
        "PROSPECT": call.prospect_uid,
        "PROSPECT-NAME": call.prospect_name,
        "PROSPECT-EMAIL": call.prospect_email,
        "PROSPECT-ZONE": call.prospect_zone,
        "PROSPECT-COUNTRY": call.prospect_country,
        "PROSPECT-LANGUAGE": call.prospect_language,
    }
    if call.start.fold:
        values["FOLD"] = "1"
    for name, value in values.items():
        if value:
            # As TEXT: escaped, so that no value can end its line and add a property.
            event.add(_X + name, vText(value))


class _Refused(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail[:120]


def read_object(data: str | bytes) -> SyncedCall | Foreign | Unreadable:
    """What one calendar object from the server holds."""
    try:
        calendar = Calendar.from_ical(data)
    except Exception:  # icalendar raises many kinds on a broken text
        return Unreadable("", "bad_ics")
    events = [c for c in calendar.walk("VEVENT")] if isinstance(calendar, Calendar) else []
    if not events:
        return Foreign("")
    uid = _text(events[0].get("UID"))
    if len(events) > 1 or "RRULE" in events[0] or "RECURRENCE-ID" in events[0]:
        return Foreign(uid)
    event = events[0]
    assert isinstance(event, Event)
    if _X + "FORMAT" not in event:
        return Foreign(uid)
    try:
        return _call_of(event, uid)
    except _Refused as refused:
        return Unreadable(uid, refused.code, refused.detail)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _x(event: Event, name: str) -> str:
    # icalendar hands X- properties back as they were written (escaped TEXT).
    return unescape(_text(event.get(_X + name))).strip()


def _checked(field: str, check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except (CloserDeskError, ValueError) as error:
        raise _Refused("bad_value", f"{field}: {args[0]!r}"[:120]) from error


def _name(event: Event, name: str) -> str:
    text = " ".join(_x(event, name).split())
    if not text or len(text) > _MAX_TEXT:
        raise _Refused("bad_value", f"{name}: {text[:60]!r}")
    return text


def _id(value: str, field: str) -> str:
    if not value or len(value) > _MAX_ID or any(ord(c) < 0x21 or ord(c) == 0x7F for c in value):
        raise _Refused("bad_value", f"{field}: {value[:60]!r}")
    return value


def _start(event: Event) -> tuple[datetime, int]:
    """The agreed start in the agreed zone, and the length in minutes."""
    if "DTSTART" not in event:
        raise _Refused("no_start")
    try:
        start = event.decoded("DTSTART")
        if "DTEND" in event:
            end = event.decoded("DTEND")
        elif "DURATION" in event:
            end = start + event.decoded("DURATION")
        else:
            raise _Refused("bad_value", "DTEND missing")
    except _Refused:
        raise
    except Exception as error:
        raise _Refused("bad_time", str(error)) from error
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise _Refused("bad_time", "an all-day event")
    if start.tzinfo is None or end.tzinfo is None:
        raise _Refused("bad_time", "a floating time")
    zone_name = _x(event, "ZONE") or tz.zone_name(start)
    zone_name = _checked("ZONE", tz.canonical_zone_name, zone_name)
    agreed = _agreed(start, zone_name, _x(event, "FOLD") == "1")
    # From the agreed start: icalendar reads a repeated wall time as its first instant.
    seconds = (end.astimezone(UTC) - agreed.astimezone(UTC)).total_seconds()
    if seconds % 60:
        raise _Refused("bad_time", f"a length of {seconds} s")
    minutes = _checked("DTEND", parse.parse_minutes, int(seconds // 60))
    if not in_range(agreed):
        raise _Refused("bad_time", f"{agreed.isoformat()} is outside the supported years")
    return agreed, minutes


def _agreed(start: datetime, zone_name: str, fold: bool) -> datetime:
    """The start read in the agreed zone. When DTSTART carries that zone, its wall time is the
    truth and the fold says which of two equal wall times; a wall time the clocks skip is not
    guessed at. Otherwise (a client rewrote DTSTART in UTC) the instant is."""
    zone = tz.zone(zone_name)
    same_zone = isinstance(start.tzinfo, ZoneInfo) and start.tzinfo.key == zone_name
    if not same_zone:
        return start.astimezone(zone)
    wall = start.replace(tzinfo=None)
    try:
        return tz.localize(wall, zone_name)
    except AmbiguousTimeError:
        return tz.localize(wall, zone_name, choose="later" if fold else "earlier")
    except NonExistentTimeError as error:
        raise _Refused("bad_time", f"{wall.isoformat()} does not exist in {zone_name}") from error


def _call_of(event: Event, uid: str) -> SyncedCall:
    uid = _id(uid, "UID")
    start, minutes = _start(event)
    kind = _checked("KIND", parse.parse_choice, _x(event, "KIND"), CallKind, "kind")
    status = _checked("STATUS", parse.parse_choice, _x(event, "STATUS"), Status, "status")
    if _text(event.get("STATUS")).upper() == "CANCELLED":
        status = Status.CANCELLED
    outcome_text = _x(event, "OUTCOME")
    outcome = (
        _checked("OUTCOME", parse.parse_choice, outcome_text, Outcome, "outcome")
        if outcome_text
        else None
    )
    country = _checked("PROSPECT-COUNTRY", parse.parse_country, _x(event, "PROSPECT-COUNTRY"))
    reminder = _x(event, "REMINDER") or "15"
    if not reminder.isdigit() or int(reminder) > 7 * 24 * 60:
        raise _Refused("bad_value", f"REMINDER: {reminder[:20]!r}")
    try:
        sequence = int(_text(event.get("SEQUENCE")) or 0)
    except ValueError as error:
        raise _Refused("bad_value", "SEQUENCE") from error
    created = _EPOCH
    if "CREATED" in event:
        try:
            value = event.decoded("CREATED")
        except Exception as error:
            raise _Refused("bad_value", "CREATED") from error
        if isinstance(value, datetime) and value.tzinfo is not None:
            created = value.astimezone(UTC).replace(microsecond=0)
    return SyncedCall(
        uid=uid,
        start=start,
        minutes=minutes,
        kind=kind,
        status=status,
        outcome=outcome,
        url=_checked("URL", parse.parse_video_url, _x(event, "URL")),
        phone=_checked("PHONE", parse.parse_phone, _x(event, "PHONE")),
        reminder_minutes=int(reminder),
        company_uid=_id(_x(event, "COMPANY"), "COMPANY"),
        company_name=_name(event, "COMPANY-NAME"),
        prospect_uid=_id(_x(event, "PROSPECT"), "PROSPECT"),
        prospect_name=_name(event, "PROSPECT-NAME"),
        prospect_email=_checked("PROSPECT-EMAIL", parse.parse_email, _x(event, "PROSPECT-EMAIL")),
        prospect_zone=_checked(
            "PROSPECT-ZONE", tz.canonical_zone_name, _x(event, "PROSPECT-ZONE") or "UTC"
        ),
        prospect_country=country,
        prospect_language=_checked(
            "PROSPECT-LANGUAGE", parse.parse_language, _x(event, "PROSPECT-LANGUAGE") or "en"
        ),
        created=created,
        sequence=max(0, sequence),
    )
