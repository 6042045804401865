"""Turning rows into core objects and back. Nothing here touches a connection."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from closer_desk.core import tz
from closer_desk.core.model import (
    AgendaEntry,
    Appointment,
    BusyBlock,
    CallKind,
    Closer,
    Company,
    DailyInterval,
    DateOverride,
    Outcome,
    Prospect,
    Status,
    Temperature,
    TravelPeriod,
    WeeklyHours,
    unchecked_appointment,
    unchecked_entry,
)
from closer_desk.core.parse import parse_intervals

if TYPE_CHECKING:  # rows are also read without SQLAlchemy (store.first_page)
    from sqlalchemy import CursorResult

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_epoch(instant: datetime) -> int:
    """Seconds since the epoch of an aware datetime (naive raises)."""
    return int((tz.to_utc(instant) - EPOCH).total_seconds())


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - only for statements that are not single INSERTs
        raise ValueError("not an INSERT of one row")
    return int(key[0])


def from_epoch(seconds: int) -> datetime:
    """The aware UTC datetime of ``seconds`` since the epoch."""
    return EPOCH + timedelta(seconds=seconds)


def wall_columns(start: datetime) -> dict[str, Any]:
    """The truth columns (wall time, zone, fold) of an aware start.

    A start with a fixed offset rather than a named zone is stored as its UTC wall time: its
    own wall time read in "UTC" would name another instant.
    """
    tz.require_aware(start)
    if not isinstance(start.tzinfo, ZoneInfo):
        start = start.astimezone(UTC)
    return {
        "wall_start": start.replace(tzinfo=None, fold=0).isoformat(timespec="seconds"),
        "zone": tz.zone_name(start),
        "fold": start.fold,
    }


def start_from_columns(wall: str, zone: str, fold: int) -> datetime:
    """The aware agreed start from its truth columns, read with today's tz rules."""
    return datetime.fromisoformat(wall).replace(tzinfo=_stored_zone(zone), fold=fold)


@lru_cache(maxsize=512)
def _stored_zone(name: str) -> ZoneInfo:
    # Stored zone names are already canonical: skip the lookup of what users type, which
    # costs more than the rest of reading an appointment.
    return tz.zone(name)


def hours_from_rows(rows: Iterable[Sequence[Any]]) -> WeeklyHours:
    """Weekly hours from (weekday, start_min, end_min) rows."""
    days: list[list[DailyInterval]] = [[] for _ in range(7)]
    for weekday, start, end in rows:
        days[int(weekday)].append(DailyInterval(int(start), int(end)))
    return WeeklyHours(tuple(tuple(sorted(d, key=lambda i: i.start)) for d in days))


def hours_to_rows(hours: WeeklyHours) -> list[dict[str, int]]:
    """Rows for ``weekly_hours`` (owner columns added by the caller)."""
    return [
        {"weekday": weekday, "start_min": i.start, "end_min": i.end}
        for weekday, intervals in enumerate(hours.days)
        for i in intervals
    ]


# Appointment fields in constructor order, then the truth columns that make ``start``.
APPOINTMENT_COLUMNS = (
    "id", "closer_id", "company_id", "prospect_id", "minutes", "kind", "status", "url", "phone",
    "reminder_minutes", "outcome", "deal_value", "currency", "commission_rate", "lost_reason",
    "uid", "sequence", "notes", "previous_id", "company_rate", "wall_start", "zone", "fold",
)  # fmt: skip
#: The names an ``AgendaEntry`` shows after its appointment, in field order: an entries query
#: labels its joined columns with these.
ENTRY_NAMES = (
    "company_name", "company_color", "prospect_name", "prospect_zone", "closer_name", "closer_zone"
)  # fmt: skip
# Enum lookups by value through a dict: ``Status(text)`` costs a microsecond per call.
_KINDS = {k.value: k for k in CallKind}
_STATUSES = {s.value: s for s in Status}
_OUTCOMES: dict[str | None, Outcome | None] = {o.value: o for o in Outcome}


def appointment_reader(keys: Sequence[str]) -> Callable[[Sequence[Any]], Appointment]:
    """A fast converter for rows whose column names are ``keys`` (a result's ``keys()``).

    Range queries turn hundreds of rows into appointments per screen: reading the columns by
    position, in one ``itemgetter`` call, is several times cheaper than by name.
    """
    position = {key: i for i, key in enumerate(keys)}
    columns = itemgetter(*(position[c] for c in APPOINTMENT_COLUMNS))
    fromisoformat, combine = datetime.fromisoformat, datetime.combine
    construct = unchecked_appointment  # the file's constraints checked every row on the way in

    def read(row: Sequence[Any]) -> Appointment:
        (
            id_, closer_id, company_id, prospect_id, minutes, kind, status, url, phone,
            reminder, outcome, deal_value, currency, rate, lost_reason, uid, sequence, notes,
            previous_id, company_rate, wall, zone, fold,
        ) = columns(row)  # fmt: skip
        naive = fromisoformat(wall)
        # combine() is several times cheaper than replace(tzinfo=...); fold=1 (the second
        # 01:30 of a fall-back night) is rare enough for the slow path.
        start = (
            combine(naive, naive.time(), _stored_zone(zone))
            if not fold
            else naive.replace(tzinfo=_stored_zone(zone), fold=1)
        )
        return construct(
            id_,
            closer_id,
            company_id,
            prospect_id,
            start,
            minutes,
            _KINDS[kind],
            _STATUSES[status],
            url,
            phone,
            reminder,
            _OUTCOMES.get(outcome),
            Decimal(deal_value) if deal_value else None,
            currency,
            Decimal(rate) if rate else None,
            lost_reason,
            uid,
            sequence,
            notes,
            previous_id,
            Decimal(company_rate) if company_rate else None,
        )

    return read


def entry_reader(keys: Sequence[str]) -> Callable[[Sequence[Any]], AgendaEntry]:
    """A fast converter for entries rows: the appointment's columns and ``ENTRY_NAMES``."""
    read = appointment_reader(keys)
    names = itemgetter(*(list(keys).index(k) for k in ENTRY_NAMES))  # by position, as above
    # No checks to skip here, but a frozen __init__ costs one object.__setattr__ per field.
    construct = unchecked_entry

    def entry(row: Sequence[Any]) -> AgendaEntry:
        return construct(read(row), *names(row))

    return entry


def appointment_from_row(row: Any) -> Appointment:
    """A core ``Appointment`` from one ``appointments`` row (a SQLAlchemy ``Row``)."""
    return appointment_reader(row._fields)(row)


def closer_from_row(
    row: Any,
    hours: WeeklyHours | None,
    overrides: Iterable[Sequence[Any]],
    travels: Iterable[Sequence[Any]],
) -> Closer:
    """A core ``Closer`` from a ``closers`` row, its hours (None: no hours at all), its
    (day, intervals) override rows and its (first_day, last_day, zone) travel rows."""
    return Closer(
        id=row.id,
        name=row.name,
        zone=row.zone,
        email=row.email,
        hours=hours or WeeklyHours(((),) * 7),
        buffer_before=row.buffer_before,
        buffer_after=row.buffer_after,
        min_notice=row.min_notice,
        daily_cap=row.daily_cap,
        planned_week_minutes=row.planned_week_minutes,
        overrides=tuple(
            DateOverride(parse_day(day), parse_intervals(intervals)) for day, intervals in overrides
        ),
        travels=tuple(
            TravelPeriod(parse_day(first), parse_day(last), zone) for first, last, zone in travels
        ),
    )


def company_from_row(row: Any, hours: WeeklyHours | None) -> Company:
    """A core ``Company`` from a ``companies`` row."""
    return Company(
        id=row.id,
        name=row.name,
        color=row.color,
        commission_rate=Decimal(row.commission_rate),
        default_kind=CallKind(row.default_kind),
        default_minutes=row.default_minutes,
        default_video_url=row.default_video_url,
        script=row.script,
        zone=row.zone,
        country=row.country,
        hours=hours,
    )


def prospect_from_row(row: Any, hours: WeeklyHours | None) -> Prospect:
    """A core ``Prospect`` from a ``prospects`` row."""
    return Prospect(
        id=row.id,
        name=row.name,
        zone=row.zone,
        organisation=row.organisation,
        email=row.email,
        phone=row.phone,
        country=row.country,
        subdivision=row.subdivision,
        language=row.language,
        hours=hours,
        temperature=Temperature(row.temperature),
        need=row.need,
        motivations=row.motivations,
        blockages=row.blockages,
        notes=row.notes,
    )


def busy_from_row(row: Any) -> BusyBlock:
    """A core ``BusyBlock`` from a ``busy_blocks`` row."""
    return BusyBlock(
        id=row.id,
        closer_id=row.closer_id,
        start=from_epoch(row.start_utc),
        end=from_epoch(row.end_utc),
        summary=row.summary,
        uid=row.uid,
        recurrence_id=row.recurrence_id,
        sequence=row.sequence,
        source=row.source,
        all_day=bool(row.all_day),
    )


def parse_day(text: str) -> date:
    """A stored ISO date."""
    return date.fromisoformat(text)
