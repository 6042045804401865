"""Gathers from the agenda what ``core.slots.find_slots`` needs, and calls it (thin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from closer_desk.core import booking_checks as checks
from closer_desk.core import parse, tz
from closer_desk.core.errors import ValidationError
from closer_desk.core.model import Appointment, Closer, Company, Prospect
from closer_desk.core.slots import MAX_DAYS, MAX_STRETCH, Slot, find_slots

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda
    from closer_desk.store.directory import Key


@dataclass(frozen=True, slots=True)
class SlotSearch:
    """The answer of a slot search, with the parties it was made for.

    Attributes:
        closer, prospect, company: the parties (company may be None: no narrowing).
        minutes: the call length searched for.
        start, end: the horizon (aware, closer's zone).
        slots: the free slots, in time order.
        stretch: how far (minutes) each party's day was stretched (0: their own hours).
    """

    closer: Closer
    prospect: Prospect
    company: Company | None
    minutes: int
    start: datetime
    end: datetime
    slots: tuple[Slot, ...]
    stretch: int = 0


def parse_days(value: int | str) -> int:
    """A horizon in days: a whole number from 1 to ``MAX_DAYS``."""
    try:
        days = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("days", "not_a_number", value) from exc
    if days <= 0:
        raise ValidationError("days", "not_positive", value)
    if days > MAX_DAYS:
        raise ValidationError("days", "too_long", value, limit=MAX_DAYS)
    return days


def parse_stretch(value: int | str) -> int:
    """How far to look outside the hours: whole minutes from 0 to ``MAX_STRETCH``."""
    try:
        minutes = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("stretch", "not_a_number", value) from exc
    if not 0 <= minutes <= MAX_STRETCH:
        raise ValidationError("stretch", "out_of_range", value)
    return minutes


def search_slots(
    agenda: Agenda,
    *,
    prospect: Key,
    company: Key | None = None,
    closer: Key | None = None,
    minutes: int | str | None = None,
    first_day: date | None = None,
    days: int | str = 14,
    exclude_id: int | None = None,
    stretch: int | str = 0,
) -> SlotSearch:
    """Free slots for a call with ``prospect`` from ``first_day`` (closer's date; default
    today) for ``days`` days. The length defaults to the company's default call length (45
    minutes without a company). Only the closer's calls and busy blocks that can touch the
    horizon are read (range queries bounded on their indexed start). ``stretch`` looks that
    many minutes beyond each party's day (``core.slots.find_slots``)."""
    the_prospect = agenda.prospect(prospect)
    the_company = agenda.company(company) if company is not None else None
    the_closer = agenda.closer(closer)
    if exclude_id is not None:
        agenda.appointment(exclude_id)  # an unknown id is a mistake, not "exclude nothing"
    length = parse.parse_minutes(
        minutes if minutes is not None else (the_company.default_minutes if the_company else 45)
    )
    span = parse_days(days)
    reach = parse_stretch(stretch)
    now = agenda.now()
    day = first_day or tz.convert(now, the_closer.zone).date()
    start, _ = tz.day_bounds(day, the_closer.zone)
    _, end = tz.day_bounds(day + timedelta(days=span - 1), the_closer.zone)
    # A call or block just outside the horizon still pushes its buffers (and the daily cap
    # counts whole days) into it: read a day more on each side.
    margin = timedelta(days=1)
    appointments = agenda.appointments(
        start - margin, end + margin, closer_id=the_closer.id, include_cancelled=False
    )
    busy = agenda.busy_blocks(the_closer.id, start - margin, end + margin)
    # The prospect's calls with other closers: they cannot take two calls at once.
    theirs = agenda.prospect_conflicts(
        the_prospect.id, start, end, closer_id=the_closer.id, exclude_id=exclude_id
    )
    slots = find_slots(
        closer=the_closer,
        prospect=the_prospect,
        company=the_company,
        minutes=length,
        start=start,
        end=end,
        now=now,
        appointments=appointments,
        busy=busy,
        exclude_id=exclude_id,
        prospect_calls=[e.appointment for e in theirs],
        stretch=reach,
    )
    return SlotSearch(
        the_closer, the_prospect, the_company, length, start, end, tuple(slots), reach
    )


def booking_warnings(agenda: Agenda, appointment: Appointment) -> list[checks.BookingWarning]:
    """What the window's editor warns about for this call (``core.booking_checks``), read from
    the agenda: hours, weekend, holidays, the past and the closer's notice, busy time,
    buffers, daily cap and conflicts (the closer's and the prospect's), the call itself left
    out of what surrounds it."""
    closer = agenda.closer(appointment.closer_id)
    prospect = agenda.prospect(appointment.prospect_id)
    around = agenda.surroundings(
        closer.id, prospect.id, appointment.start, appointment.minutes, exclude_id=appointment.id
    )
    return checks.warnings_for(
        checks.Resolution(appointment.start),
        appointment.minutes,
        closer=closer,
        prospect=prospect,
        company=agenda.company(appointment.company_id),
        now=agenda.now(),
        prospect_weekend=checks.weekend_days(prospect.country),
        around=around,
    )
