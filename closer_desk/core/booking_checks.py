"""What to warn about before a call is booked or moved: codes, not sentences.

The appointment editor shows these inline; the window turns each code into words. The slot
engine's day flags (the prospect's public holiday, a week where the two countries' clocks have
not changed together) come from ``core.slot_flags``, so the editor and the planner agree:
every warning is a ``BookingWarning`` with a stable code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from closer_desk.core import tz
from closer_desk.core.availability import closer_zone_on
from closer_desk.core.errors import AmbiguousTimeError, NonExistentTimeError
from closer_desk.core.model import (
    ACTIVE_STATUSES,
    AgendaEntry,
    Appointment,
    BusyBlock,
    Closer,
    Company,
    Prospect,
    WeeklyHours,
)

#: Business hours assumed for a prospect who has none on file.
DEFAULT_BUSINESS_HOURS = WeeklyHours.uniform(9 * 60, 18 * 60)
SATURDAY_SUNDAY = frozenset({5, 6})

# Warning codes (stable: tests and translations use them).
CONFLICT = "conflict"
DST_GAP = "dst_gap"
DST_OVERLAP = "dst_overlap"
OUTSIDE_HOURS = "outside_hours"
WEEKEND = "weekend"
IN_PAST = "in_past"
PROSPECT_HOLIDAY = "prospect_holiday"
CLOSER_HOLIDAY = "closer_holiday"
DST_SHIFT = "dst_shift"
DAILY_CAP = "daily_cap"
IN_BUFFER = "in_buffer"
SHORT_NOTICE = "short_notice"
BUSY_TIME = "busy_time"


@dataclass(frozen=True, slots=True)
class BookingWarning:
    """One reason to look twice at a booking.

    Attributes:
        code: one of the module's codes (``conflict``, ``dst_gap``, ``outside_hours``...).
        party: whose rule it is about: ``closer``, ``prospect``, ``company`` or ``""``.
        appointments: the calls it overlaps (``conflict`` only).
        detail: the holiday's name (``prospect_holiday`` and ``closer_holiday`` only, in the
            ``holidays`` package's language).
    """

    code: str
    party: str = ""
    appointments: tuple[Appointment, ...] = ()
    detail: str = ""
    #: The prospect's calls with other closers (``conflict`` with party ``prospect``).
    entries: tuple[AgendaEntry, ...] = ()
    #: The imported events it overlaps (``busy_time`` only).
    busy: tuple[BusyBlock, ...] = ()


@dataclass(frozen=True, slots=True)
class Surroundings:
    """What the agenda holds around a booking (the store reads it: ``Agenda.surroundings``).

    Attributes:
        calls: the closer's live calls near it (a day either side is enough for buffers and
            the daily cap), the call being moved left out.
        prospect_calls: the prospect's live calls with other closers that overlap it.
        busy: the closer's imported busy time that overlaps it.
    """

    calls: tuple[Appointment, ...] = ()
    prospect_calls: tuple[AgendaEntry, ...] = ()
    busy: tuple[BusyBlock, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """A wall time read in a zone: the instant, or the two candidates when it needs a choice.

    Attributes:
        start: the aware instant, or None while a gap/overlap waits for a choice.
        dst: ``"gap"``, ``"overlap"`` or ``""``.
        earlier, later: the two candidate instants when ``dst`` is set.
    """

    start: datetime | None
    dst: str = ""
    earlier: datetime | None = None
    later: datetime | None = None


def resolve(wall: datetime, zone_name: str, choice: tz.Choice | None = None) -> Resolution:
    """Read the naive ``wall`` time in ``zone_name``; never guess across a DST change."""
    try:
        start = tz.localize(wall, zone_name)
    except NonExistentTimeError as exc:
        picked = None if choice is None else (exc.earlier if choice == "earlier" else exc.later)
        return Resolution(picked, "gap", exc.earlier, exc.later)
    except AmbiguousTimeError as exc:
        picked = None if choice is None else (exc.earlier if choice == "earlier" else exc.later)
        return Resolution(picked, "overlap", exc.earlier, exc.later)
    return Resolution(start)


def within_hours(start: datetime, minutes: int, hours: WeeklyHours, zone_name: str) -> bool:
    """True when ``[start, start+minutes)`` lies inside one interval of ``hours`` (local)."""
    local = tz.convert(start, zone_name)
    # A call running past local midnight ends after 1440 and so fits no interval.
    first = local.hour * 60 + local.minute
    last = first + minutes
    return any(i.start <= first and last <= i.end for i in hours.on(local.weekday()))


def _closer_hours_on(closer: Closer, day: date) -> WeeklyHours:
    """The closer's hours, with a date override replacing the weekly rule on its day."""
    for override in closer.overrides:
        if override.day == day:
            days = list(closer.hours.days)
            days[day.weekday()] = override.intervals
            return WeeklyHours(tuple(days))
    return closer.hours


def warnings_for(
    resolution: Resolution,
    minutes: int,
    *,
    closer: Closer,
    prospect: Prospect | None = None,
    company: Company | None = None,
    conflicts: Sequence[Appointment] = (),
    now: datetime | None = None,
    prospect_weekend: frozenset[int] = SATURDAY_SUNDAY,
    around: Surroundings | None = None,
) -> list[BookingWarning]:
    """Everything to flag about a call of ``minutes`` at ``resolution``.

    ``conflicts`` are the closer's live calls overlapping it; ``around`` what the agenda
    holds near it (the closer's calls, from which conflicts, buffers and the daily cap are
    read; the prospect's calls with other closers; busy time); ``prospect_weekend`` the
    weekdays that are the prospect's weekend (Monday=0).
    """
    found: list[BookingWarning] = []
    if resolution.dst:
        found.append(BookingWarning(DST_GAP if resolution.dst == "gap" else DST_OVERLAP))
    start = resolution.start
    if start is None:
        return found
    around = around or Surroundings()
    overlapping = {a.id: a for a in conflicts}
    overlapping.update((a.id, a) for a in _overlapping(around.calls, start, minutes))
    if overlapping:
        found.append(BookingWarning(CONFLICT, "closer", tuple(overlapping.values())))
    if around.prospect_calls:
        found.append(BookingWarning(CONFLICT, "prospect", entries=around.prospect_calls))
    found.extend(_closer_rules(start, minutes, closer, around, now))
    closer_day = tz.convert(start, closer.zone).date()
    if not within_hours(start, minutes, _closer_hours_on(closer, closer_day), closer.zone):
        found.append(BookingWarning(OUTSIDE_HOURS, "closer"))
    if (
        company is not None
        and company.hours is not None
        and not within_hours(start, minutes, company.hours, company.zone)
    ):
        found.append(BookingWarning(OUTSIDE_HOURS, "company"))
    if prospect is not None:
        # Imported here: the holiday tables are only needed once a prospect is picked.
        from closer_desk.core.slot_flags import is_dst_shift, public_holiday

        # Where the closer works that day (travel included): their own day off, if it is one.
        works_from = closer_zone_on(closer, closer_day)
        day_off = public_holiday(
            tz.zone_country(works_from), "", tz.convert(start, works_from).date()
        )
        if day_off:
            found.append(BookingWarning(CLOSER_HOLIDAY, "closer", detail=day_off))

        local = tz.convert(start, prospect.zone)
        holiday = public_holiday(prospect.country, prospect.subdivision, local.date())
        if holiday:
            found.append(BookingWarning(PROSPECT_HOLIDAY, "prospect", detail=holiday))
        if is_dst_shift(start, closer.zone, prospect.zone):
            found.append(BookingWarning(DST_SHIFT, "prospect"))
        if local.weekday() in prospect_weekend:
            found.append(BookingWarning(WEEKEND, "prospect"))
        elif not within_hours(
            start, minutes, prospect.hours or DEFAULT_BUSINESS_HOURS, prospect.zone
        ):
            found.append(BookingWarning(OUTSIDE_HOURS, "prospect"))
    return found


def _overlapping(
    calls: Sequence[Appointment], start: datetime, minutes: int, before: int = 0, after: int = 0
) -> list[Appointment]:
    """The live calls among ``calls`` that overlap ``[start - before, end + after)``
    (buffers in minutes: the closer's free time before this call and after it)."""
    lo = start - timedelta(minutes=before)
    hi = start + timedelta(minutes=minutes + after)
    return [a for a in calls if a.status in ACTIVE_STATUSES and a.start_utc < hi and a.end_utc > lo]


def _closer_rules(
    start: datetime, minutes: int, closer: Closer, around: Surroundings, now: datetime | None
) -> list[BookingWarning]:
    """The closer's booking rules the slot finder keeps (``core.slots``): notice, busy time,
    buffers and the daily cap, as warnings for a time chosen by hand."""
    found: list[BookingWarning] = []
    if now is not None and start < now:
        found.append(BookingWarning(IN_PAST))
    elif now is not None and start < now + timedelta(minutes=closer.min_notice):
        found.append(BookingWarning(SHORT_NOTICE, "closer"))
    end = start + timedelta(minutes=minutes)
    busy = tuple(b for b in around.busy if b.start < end and b.end > start)
    if busy:
        found.append(BookingWarning(BUSY_TIME, "closer", busy=busy))
    # As in the slot finder: the closer keeps buffer_before free before this call and
    # buffer_after free after it.
    own = {a.id for a in _overlapping(around.calls, start, minutes)}
    padded = [
        a
        for a in _overlapping(
            around.calls, start, minutes, before=closer.buffer_before, after=closer.buffer_after
        )
        if a.id not in own
    ]
    if padded:
        found.append(BookingWarning(IN_BUFFER, "closer", tuple(padded)))
    if closer.daily_cap is not None:
        from closer_desk.core.availability import closer_local_date, epoch

        day = closer_local_date(closer, epoch(start))
        same_day = [
            a
            for a in around.calls
            if a.status in ACTIVE_STATUSES
            and a.closer_id == closer.id
            and closer_local_date(closer, epoch(a.start_utc)) == day
        ]
        if len(same_day) >= closer.daily_cap:
            found.append(BookingWarning(DAILY_CAP, "closer", tuple(same_day)))
    return found


def weekend_days(country: str) -> frozenset[int]:
    """The weekend of a country (Friday–Saturday in some), Saturday–Sunday when unknown."""
    if not country:
        return SATURDAY_SUNDAY
    from closer_desk.core import holiday_data

    found = holiday_data.weekend(country)
    return SATURDAY_SUNDAY if found is None else found
