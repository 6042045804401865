"""Exporting a stretch of the agenda as one calendar (METHOD:PUBLISH) for the closer's other
calendars (Google, Outlook, Apple). Same events as the invites, so the same privacy rules."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from closer_desk.core.ics.invite import CallParties, calendar_of, event_for
from closer_desk.core.model import Appointment, Status


def export_calendar(
    calls: Iterable[tuple[Appointment, CallParties]],
    *,
    now: datetime,
    language: str = "en",
    name: str = "closer_desk",
) -> bytes:
    """One VCALENDAR with the live calls (cancelled ones are left out), in ``language``.

    METHOD:PUBLISH without ATTENDEE (RFC 5546 forbids it there, and libical refuses it): the
    prospects are not invited by an export, only shown the closer's time."""
    events = [
        event_for(appointment, parties, now=now, language=language, attendee=False)
        for appointment, parties in calls
        if appointment.status != Status.CANCELLED
    ]
    return bytes(calendar_of(events, "PUBLISH", name=name).to_ical())
