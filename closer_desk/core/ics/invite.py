"""Invites: the ICS a prospect receives for a call (REQUEST), and its cancellation (CANCEL).

Built with ``icalendar`` so that every text a user typed is escaped by the library: a name or
link holding ``;``, ``,``, ``\\``, a line break or ``\\r\\nATTENDEE:...`` stays inside its own
property value or parameter. Only the call's public facts go in: never the private notes, the
prospect's client file or money.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from babel.dates import format_date
from icalendar import Alarm, Calendar, Conference, Event, vCalAddress

from closer_desk.core import tz
from closer_desk.core.links import link_or_empty
from closer_desk.core.model import Appointment, CallKind, Closer, Company, Prospect, Status
from closer_desk.core.text import clean, one_line

PRODID = "-//closer_desk//closer_desk 0.1//EN"


@dataclass(frozen=True, slots=True)
class CallParties:
    """Who a call is between: the closer (organiser), the company, the prospect (attendee)."""

    closer: Closer
    company: Company
    prospect: Prospect


_WORDS = {
    "en": {
        "locale": "en_GB",
        "summary": "Call with {company} ({closer})",
        "intro": "Call with {company}: {closer} and {prospect}.",
        "cancelled": "This call is cancelled.",
        "yours": "When: {when}, your time ({zone})",
        "closer": "For {closer}: {when} ({zone})",
        "video": "Video call link: {url}",
        "phone": "Phone call: {number}",
        "reminder": "Reminder: call with {company}",
    },
    "fr": {
        "locale": "fr_FR",
        "summary": "Appel avec {company} ({closer})",
        "intro": "Appel avec {company} : {closer} et {prospect}.",
        "cancelled": "Cet appel est annulé.",
        "yours": "Quand : {when}, votre heure ({zone})",
        "closer": "Pour {closer} : {when} ({zone})",
        "video": "Lien de la visio : {url}",
        "phone": "Appel téléphonique : {number}",
        "reminder": "Rappel : appel avec {company}",
    },
}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language.lower()[:2], _WORDS["en"])


def _span(start: datetime, end: datetime, zone_key: str, locale: str) -> str:
    """``Tuesday, 3 March 2026, 09:00–09:45`` in ``zone_key``."""
    a, b = tz.convert(start, zone_key), tz.convert(end, zone_key)
    day = format_date(a.date(), format="full", locale=locale)
    if a.date() == b.date():
        return f"{day}, {a:%H:%M}–{b:%H:%M}"
    return f"{day}, {a:%H:%M} – {format_date(b.date(), format='full', locale=locale)}, {b:%H:%M}"


def _names(parties: CallParties) -> dict[str, str]:
    """The names as they may go out: one line each, without control characters."""
    return {
        "company": one_line(parties.company.name).strip(),
        "closer": one_line(parties.closer.name).strip(),
        "prospect": one_line(parties.prospect.name).strip(),
    }


def link_of(appointment: Appointment) -> str:
    """The call's video link if the link parser accepts it (an https: link), else ``""``."""
    return link_or_empty(appointment.url, ("https",)) if appointment.url else ""


def summary(appointment: Appointment, parties: CallParties, language: str | None = None) -> str:
    """The one-line title: names the company and the call."""
    words = _words(language or parties.prospect.language)
    names = _names(parties)
    return words["summary"].format(company=names["company"], closer=names["closer"])


def description(appointment: Appointment, parties: CallParties, language: str | None = None) -> str:
    """The time in words in the prospect's and the closer's zones, plus the link or number."""
    words = _words(language or parties.prospect.language)
    locale = words["locale"]
    names = _names(parties)
    lines = [words["intro"].format(**names)]
    if appointment.status == Status.CANCELLED:
        lines.append(words["cancelled"])
    lines.append("")
    start, end = appointment.start, appointment.end
    lines.append(
        words["yours"].format(
            when=_span(start, end, parties.prospect.zone, locale), zone=parties.prospect.zone
        )
    )
    lines.append(
        words["closer"].format(
            closer=names["closer"],
            when=_span(start, end, parties.closer.zone, locale),
            zone=parties.closer.zone,
        )
    )
    url, phone = link_of(appointment), one_line(appointment.phone)
    if appointment.kind == CallKind.VIDEO and url:
        lines += ["", words["video"].format(url=url)]
    elif appointment.kind == CallKind.PHONE and phone:
        lines += ["", words["phone"].format(number=phone)]
    return clean("\n".join(lines))


def common_name(name: str) -> str:
    """A CN parameter every reader shows the same: one clean line, with ``"`` and ``^`` (which
    RFC 6868 would write as ``^'`` and ``^^``, decoded by icalendar and ical.js but shown raw
    by libical and vobject) replaced by look-alikes that need no escape."""
    # Stripped too: libical drops a CN's trailing spaces, the others keep them.
    return one_line(name).strip().replace('"', "\u201d").replace("^", "\u02c6")


def _address(email: str, fallback: str, name: str, **params: object) -> vCalAddress:
    # A call address must exist even when no e-mail is known; .invalid never delivers.
    address = one_line(email) or fallback
    return vCalAddress.new(address, cn=common_name(name), **params)  # type: ignore[arg-type]


def event_for(
    appointment: Appointment,
    parties: CallParties,
    *,
    now: datetime,
    language: str | None = None,
    attendee: bool = True,
) -> Event:
    """The VEVENT of a call, with only what may leave the machine.

    ``attendee=False`` leaves the prospect out (a METHOD:PUBLISH export, where RFC 5546
    forbids ATTENDEE). Texts are cleaned of control characters and a link the link parser
    refuses is left out."""
    tz.require_aware(now)
    words = _words(language or parties.prospect.language)
    cancelled = appointment.status == Status.CANCELLED
    event = Event()
    event.add("UID", appointment.uid)
    event.add("SEQUENCE", appointment.sequence)
    event.add("DTSTAMP", now.astimezone(UTC))
    event.add("DTSTART", appointment.start)
    event.add("DTEND", appointment.end)
    event.add("SUMMARY", summary(appointment, parties, language))
    event.add("DESCRIPTION", description(appointment, parties, language))
    event.add("STATUS", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("TRANSP", "OPAQUE")
    event.add(
        "ORGANIZER",
        _address(
            parties.closer.email,
            f"closer-{parties.closer.id}@closer-desk.invalid",
            parties.closer.name,
        ),
    )
    if attendee:
        event.add(
            "ATTENDEE",
            _address(
                parties.prospect.email,
                f"prospect-{parties.prospect.id}@closer-desk.invalid",
                parties.prospect.name,
                role="REQ-PARTICIPANT",
                partstat="NEEDS-ACTION",
                rsvp=True,
            ),
        )
    url = link_of(appointment)
    phone = link_or_empty(f"tel:{appointment.phone}", ("tel",)) if appointment.phone else ""
    if appointment.kind == CallKind.VIDEO and url:
        event.add("URL", url)
        event.add("LOCATION", url)
        event.conferences = [Conference(url, feature="VIDEO")]
    elif appointment.kind == CallKind.PHONE and phone:
        event.add("LOCATION", phone.removeprefix("tel:"))
        event.conferences = [Conference(phone, feature="PHONE")]
    if not cancelled:
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", words["reminder"].format(company=_names(parties)["company"]))
        alarm.add("TRIGGER", -timedelta(minutes=appointment.reminder_minutes))
        event.add_component(alarm)
    return event


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def calendar_of(events: Iterable[Event], method: str, *, name: str = "") -> Calendar:
    """A VCALENDAR holding ``events`` and a VTIMEZONE for every TZID they use."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", method)
    if name:
        calendar.add("X-WR-CALNAME", one_line(name))
    days: list[date] = []
    for event in events:
        calendar.add_component(event)
        days += [_day(event.start), _day(event.end)]
    if days:
        # Generated from zoneinfo, covering only the years the events need (short files).
        calendar.add_missing_timezones(
            first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
        )
    return calendar


def request(appointment: Appointment, parties: CallParties, *, now: datetime) -> bytes:
    """METHOD:REQUEST for a call (a new one, or an update with a higher SEQUENCE)."""
    return bytes(calendar_of([event_for(appointment, parties, now=now)], "REQUEST").to_ical())


def cancellation(appointment: Appointment, parties: CallParties, *, now: datetime) -> bytes:
    """METHOD:CANCEL with STATUS:CANCELLED, same UID, the call's (higher) SEQUENCE."""
    event = event_for(appointment, parties, now=now)
    event["STATUS"] = "CANCELLED"
    return bytes(calendar_of([event], "CANCEL").to_ical())


def invite(appointment: Appointment, parties: CallParties, *, now: datetime) -> bytes:
    """The invite to send now: CANCEL for a cancelled call, REQUEST otherwise."""
    if appointment.status == Status.CANCELLED:
        return cancellation(appointment, parties, now=now)
    return request(appointment, parties, now=now)
