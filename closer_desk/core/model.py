"""The domain: closers, client companies, prospects, appointments and busy time.

Frozen dataclasses over aware datetimes. ``store`` hands these out; no ORM row ever leaves it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from closer_desk.core.tz import require_aware, to_utc, zone_name

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class CallKind(enum.StrEnum):
    """How the closing call is held."""

    PHONE = "phone"
    VIDEO = "video"


class Status(enum.StrEnum):
    """Where an appointment is in its life."""

    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    NO_SHOW = "no-show"
    CANCELLED = "cancelled"


#: Statuses that still hold the closer's time.
ACTIVE_STATUSES = frozenset({Status.PLANNED, Status.CONFIRMED, Status.DONE})


class Outcome(enum.StrEnum):
    """What came of a call that was held."""

    WON = "won"
    LOST = "lost"
    FOLLOW_UP = "follow-up"


class OutcomeChoice(enum.StrEnum):
    """What the closer records after a call: one of the outcomes, or that the prospect did not
    show (a status, not an outcome, once stored)."""

    WON = Outcome.WON.value
    LOST = Outcome.LOST.value
    FOLLOW_UP = Outcome.FOLLOW_UP.value
    NO_SHOW = Status.NO_SHOW.value


class Temperature(enum.StrEnum):
    """How ready a prospect is to buy."""

    HOT = "hot"
    WARM = "warm"
    COLD = "cold"


@dataclass(frozen=True, slots=True)
class DailyInterval:
    """Part of a day, in minutes from local midnight: ``[start, end)``, ``end`` up to 1440."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end <= 24 * 60):
            raise ValueError(f"bad interval {self.start}-{self.end}")


#: Monday is 0, as in ``date.weekday()``.
WeekDays = tuple[tuple[DailyInterval, ...], ...]


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """Opening hours for each weekday (Monday first), in the owner's local time."""

    days: WeekDays

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("WeeklyHours needs seven days")

    @classmethod
    def uniform(
        cls, start: int, end: int, weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    ) -> WeeklyHours:
        """The same interval on each of ``weekdays``."""
        interval = (DailyInterval(start, end),)
        return cls(tuple(interval if d in weekdays else () for d in range(7)))

    def on(self, weekday: int) -> tuple[DailyInterval, ...]:
        """The intervals of one weekday."""
        return self.days[weekday]

    def total_minutes(self) -> int:
        """Planned minutes in a week (for the hours-booked report)."""
        return sum(i.end - i.start for day in self.days for i in day)


DEFAULT_CLOSER_HOURS = WeeklyHours.uniform(9 * 60, 18 * 60)


@dataclass(frozen=True, slots=True)
class DateOverride:
    """One date whose hours replace the weekly rule: no interval means a day off."""

    day: date
    intervals: tuple[DailyInterval, ...] = ()


@dataclass(frozen=True, slots=True)
class TravelPeriod:
    """Dates (inclusive) on which the closer works from another zone."""

    first_day: date
    last_day: date
    zone: str


@dataclass(frozen=True, slots=True)
class Closer:
    """The person who takes the calls."""

    id: int
    name: str
    zone: str
    email: str = ""
    hours: WeeklyHours = DEFAULT_CLOSER_HOURS
    buffer_before: int = 0
    buffer_after: int = 0
    min_notice: int = 0
    daily_cap: int | None = None
    planned_week_minutes: int | None = None
    overrides: tuple[DateOverride, ...] = ()
    travels: tuple[TravelPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class Company:
    """A client company the closer sells for."""

    id: int
    name: str
    color: str = "#3b82f6"
    commission_rate: Decimal = Decimal("0.10")
    default_kind: CallKind = CallKind.VIDEO
    default_minutes: int = 45
    default_video_url: str = ""
    script: str = ""
    zone: str = "UTC"
    country: str = ""
    hours: WeeklyHours | None = None


@dataclass(frozen=True, slots=True)
class Prospect:
    """The person the closer is trying to sign. ``need``/``motivations``/``blockages``/``notes``
    form the private client file."""

    id: int
    name: str
    zone: str
    organisation: str = ""
    email: str = ""
    phone: str = ""
    country: str = ""
    subdivision: str = ""
    language: str = "en"
    hours: WeeklyHours | None = None
    temperature: Temperature = Temperature.WARM
    need: str = ""
    motivations: str = ""
    blockages: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Appointment:
    """A closing call, agreed at a wall time in one zone.

    ``start`` is aware and carries the agreed zone: it is the truth. ``start_utc``/``end_utc``
    are derived from it (and recomputed by the store when tz rules change).
    """

    id: int
    closer_id: int
    company_id: int
    prospect_id: int
    start: datetime
    minutes: int
    kind: CallKind = CallKind.VIDEO
    status: Status = Status.PLANNED
    url: str = ""
    phone: str = ""
    reminder_minutes: int = 15
    outcome: Outcome | None = None
    deal_value: Decimal | None = None
    currency: str = ""
    commission_rate: Decimal | None = None
    lost_reason: str = ""
    uid: str = ""
    sequence: int = 0
    notes: str = ""
    previous_id: int | None = None
    #: The company's rate on the day the deal was won (a later change of rate leaves it be).
    company_rate: Decimal | None = None

    def __post_init__(self) -> None:
        require_aware(self.start)
        if self.minutes <= 0:
            raise ValueError("an appointment lasts at least one minute")

    @property
    def zone(self) -> str:
        """The IANA zone the time was agreed in."""
        return zone_name(self.start)

    @property
    def end(self) -> datetime:
        """End, in the agreed zone (computed on the UTC line: a call across a DST change lasts
        exactly ``minutes``)."""
        return (to_utc(self.start) + timedelta(minutes=self.minutes)).astimezone(self.start.tzinfo)

    @property
    def start_utc(self) -> datetime:
        """Start in UTC."""
        return to_utc(self.start)

    @property
    def end_utc(self) -> datetime:
        """End in UTC."""
        return self.start_utc + timedelta(minutes=self.minutes)


@dataclass(frozen=True, slots=True)
class Booking:
    """A call to book, as the editor, the planner and the CLI describe it (the one booking
    draft: ``Agenda.book_call`` takes it).

    ``company``, ``prospect`` and ``closer`` are ids or names, ``kind`` a ``CallKind`` or its
    value (the store checks them all); ``None`` for the length, kind, link or number takes the
    company's default (the prospect's number for a phone call), and no closer the agenda's
    first.
    """

    company: int | str
    prospect: int | str
    start: datetime
    minutes: int | None = None
    kind: CallKind | str | None = None
    url: str | None = None
    phone: str | None = None
    closer: int | str | None = None
    reminder_minutes: int = 15
    notes: str = ""
    status: Status = Status.PLANNED
    uid: str | None = None
    previous_id: int | None = None

    def __post_init__(self) -> None:
        require_aware(self.start)

    @classmethod
    def following(
        cls, previous: Appointment, start: datetime, minutes: int | None = None
    ) -> Booking:
        """The next call after ``previous`` (a follow-up or a no-show): same closer, company,
        prospect, kind, link and number, linked back to it."""
        return cls(
            company=previous.company_id,
            prospect=previous.prospect_id,
            start=start,
            minutes=minutes if minutes is not None else previous.minutes,
            kind=previous.kind,
            url=previous.url or None,
            phone=previous.phone or None,
            closer=previous.closer_id,
            reminder_minutes=previous.reminder_minutes,
            previous_id=previous.id,
        )


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """An appointment with the names a listing shows next to it."""

    appointment: Appointment
    company_name: str
    company_color: str
    prospect_name: str
    prospect_zone: str
    closer_name: str
    closer_zone: str


_T = TypeVar("_T", bound="DataclassInstance")


def _unchecked_constructor(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the slotted dataclass ``cls`` taking every field by position, that
    skips ``__post_init__`` and the frozen ``__setattr__``.

    Only for values already checked once: the store reads tens of thousands of rows that its
    constraints guarded on the way in, and a frozen dataclass's own ``__init__`` costs more
    than reading the row (one generic ``object.__setattr__`` per field). Like ``dataclasses``
    itself, the body is generated: one slot-descriptor call per field, no loop.
    """
    names = [f.name for f in fields(cls)]
    setters: dict[str, Any] = {f"_set_{n}": getattr(cls, n).__set__ for n in names}
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
    source = f"def construct({', '.join(names)}):\n    self = _new(_cls)\n{body}    return self\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, namespace)  # names are the class's own field names, never user text
    return cast("Callable[..., _T]", namespace["construct"])


#: ``Appointment(...)`` for rows the store already holds: ``start`` aware, ``minutes > 0``
#: (a CHECK constraint). All 21 fields by position.
unchecked_appointment = _unchecked_constructor(Appointment)
#: ``AgendaEntry(...)`` without the frozen ``__init__``'s cost.
unchecked_entry = _unchecked_constructor(AgendaEntry)


@dataclass(frozen=True, slots=True)
class BusyBlock:
    """Time taken by an event imported from another calendar."""

    id: int
    closer_id: int
    start: datetime
    end: datetime
    summary: str = ""
    uid: str = ""
    recurrence_id: str = ""
    sequence: int = 0
    source: str = ""
    all_day: bool = False

    def __post_init__(self) -> None:
        require_aware(self.start)
        require_aware(self.end)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed, so each view refreshes only what concerns it (after Anki's
    OpChanges). The store builds it where the write happens (``Agenda.take_changes``).

    Attributes:
        appointments: calls booked, moved, resized, edited, cancelled, deleted or given an
            outcome (what the agenda views show of a call).
        call_closers: the closers whose calls those are (before and after the write).
        call_prospects: the prospects whose calls those are (before and after the write).
        notes: calls whose private notes or script ticks changed (only the desk shows them).
        closers: closers added or edited (hours, days off, travel, rules).
        companies: companies added or edited.
        prospects: prospects added or edited (their file included).
        busy: closers whose busy time (imported calendars) changed.
        invites: calls whose invite by e-mail changed (a message queued, sent, failed or
            retried; an answer recorded): what the invite badge and the outbox show.
        unknown: another process wrote the file: what changed is not known, anything may have.
    """

    appointments: frozenset[int] = frozenset()
    call_closers: frozenset[int] = frozenset()
    call_prospects: frozenset[int] = frozenset()
    notes: frozenset[int] = frozenset()
    closers: frozenset[int] = frozenset()
    companies: frozenset[int] = frozenset()
    prospects: frozenset[int] = frozenset()
    busy: frozenset[int] = frozenset()
    unknown: bool = False
    invites: frozenset[int] = frozenset()

    @classmethod
    def from_outside(cls) -> Changes:
        """Another process (the CLI, a restored backup) wrote: every view re-reads."""
        return cls(unknown=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.appointments | other.appointments,
            self.call_closers | other.call_closers,
            self.call_prospects | other.call_prospects,
            self.notes | other.notes,
            self.closers | other.closers,
            self.companies | other.companies,
            self.prospects | other.prospects,
            self.busy | other.busy,
            self.unknown or other.unknown,
            self.invites | other.invites,
        )

    def __bool__(self) -> bool:
        return self.unknown or any(
            (
                self.appointments,
                self.notes,
                self.closers,
                self.companies,
                self.prospects,
                self.busy,
                self.invites,
            )
        )

    def calls_of(self, closer_id: int | None) -> bool:
        """Whether calls of this closer (any closer for None) were written."""
        if self.unknown:
            return True
        return bool(self.appointments) and (closer_id is None or closer_id in self.call_closers)

    def people(self) -> bool:
        """Whether closers, companies or prospects were added or edited."""
        return self.unknown or bool(self.closers or self.companies or self.prospects)
