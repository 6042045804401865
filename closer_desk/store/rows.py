"""Turning rows into core objects and back. Nothing here touches a connection."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from closer_desk.core import tz
from closer_desk.core.model import (
    Appointment,
    BusyBlock,
    CallKind,
    Company,
    DailyInterval,
    Outcome,
    Prospect,
    Status,
    Temperature,
    WeeklyHours,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_epoch(instant: datetime) -> int:
    """Seconds since the epoch of an aware datetime (naive raises)."""
    return int((tz.to_utc(instant) - EPOCH).total_seconds())


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
    return datetime.fromisoformat(wall).replace(tzinfo=tz.zone(zone), fold=fold)


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


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


def appointment_from_row(row: Any) -> Appointment:
    """A core ``Appointment`` from an ``appointments`` row (mapping access)."""
    return Appointment(
        id=row.id,
        closer_id=row.closer_id,
        company_id=row.company_id,
        prospect_id=row.prospect_id,
        start=start_from_columns(row.wall_start, row.zone, row.fold),
        minutes=row.minutes,
        kind=CallKind(row.kind),
        status=Status(row.status),
        url=row.url,
        phone=row.phone,
        reminder_minutes=row.reminder_minutes,
        outcome=Outcome(row.outcome) if row.outcome else None,
        deal_value=_decimal(row.deal_value),
        currency=row.currency,
        commission_rate=_decimal(row.commission_rate),
        lost_reason=row.lost_reason,
        uid=row.uid,
        sequence=row.sequence,
        notes=row.notes,
        previous_id=row.previous_id,
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
