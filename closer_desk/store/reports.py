"""Loading what the reports and the pipeline need: bounded queries, core objects out.

The calculations live in ``closer_desk.core.reports`` and ``closer_desk.core.desk``; this module
only decides which rows they need and reads them with index-bounded queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, select

from closer_desk.core.desk import PipelineItem, pipeline
from closer_desk.core.model import Appointment, Closer, Outcome, Prospect, Status, Temperature
from closer_desk.core.reports import Month, Report, WeekLoad, build_report, week_bounds, week_load
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import appointments, prospects, weekly_hours

#: How far back the pipeline looks for follow-ups and no-shows still waiting.
PIPELINE_LOOKBACK = timedelta(days=180)


@dataclass(frozen=True, slots=True)
class DeskReport:
    """A report with who it is for and their week.

    Attributes:
        closer: the closer whose zone files calls into months.
        report: outcomes and money per month and company.
        week: the closer's hours booked this week against planned.
    """

    closer: Closer
    report: Report
    week: WeekLoad


def month_appointments(
    agenda: Agenda, months: Sequence[Month], closer: Closer
) -> list[Appointment]:
    """The closer's calls overlapping ``months`` in their zone (the report keeps those that
    start in them). One range query bounded on the start index."""
    if not months:
        return []
    first, last = min(months), max(months)
    start, _ = first.bounds(closer.zone)
    _, end = last.bounds(closer.zone)
    return agenda.appointments(start, end, closer_id=closer.id)


def load_report(agenda: Agenda, months: Sequence[Month], closer: Key | None = None) -> DeskReport:
    """The report of ``months`` for ``closer`` (default: the agenda's first closer), and their
    current week's load."""
    who = agenda.closer(closer)
    companies = {c.id: c for c in agenda.companies()}
    report = build_report(month_appointments(agenda, months, who), companies, who.zone, months)
    _, week_start, week_end = week_bounds(agenda.now(), who.zone)
    week = week_load(agenda.appointments(week_start, week_end, closer_id=who.id), who, agenda.now())
    return DeskReport(who, report, week)


def current_month(agenda: Agenda, closer: Key | None = None) -> Month:
    """The month it is now in the closer's zone."""
    return Month.of(agenda.now(), agenda.closer(closer).zone)


def _prospects(agenda: Agenda, ids: set[int]) -> list[Prospect]:
    with agenda.engine.connect() as conn:
        hours: dict[int, list[tuple[int, int, int]]] = {}
        for h in conn.execute(
            select(
                weekly_hours.c.prospect_id,
                weekly_hours.c.weekday,
                weekly_hours.c.start_min,
                weekly_hours.c.end_min,
            ).where(weekly_hours.c.prospect_id.in_(ids))
        ):
            hours.setdefault(h.prospect_id, []).append((h.weekday, h.start_min, h.end_min))
        rows = conn.execute(select(prospects).where(prospects.c.id.in_(ids))).all()
    return [
        R.prospect_from_row(row, R.hours_from_rows(hours[row.id]) if row.id in hours else None)
        for row in rows
    ]


def load_pipeline(
    agenda: Agenda, *, lookback: timedelta = PIPELINE_LOOKBACK
) -> tuple[PipelineItem, ...]:
    """Hot prospects without a call, follow-ups due and no-shows to reschedule.

    Follow-ups and no-shows are looked for among calls of the last ``lookback`` (a range on
    the start index); then each candidate prospect's calls from that date on are read through
    the (prospect, start) index to see whether a later call was already booked.
    """
    now = agenda.now()
    since = R.to_epoch(now - lookback)
    with agenda.engine.connect() as conn:
        waiting = set(
            conn.execute(
                select(appointments.c.prospect_id)
                .where(
                    appointments.c.start_utc >= since,
                    appointments.c.start_utc <= R.to_epoch(now),
                    or_(
                        appointments.c.status == Status.NO_SHOW.value,
                        appointments.c.outcome == Outcome.FOLLOW_UP.value,
                    ),
                )
                .distinct()
            ).scalars()
        )
        hot = set(
            conn.execute(
                select(prospects.c.id).where(prospects.c.temperature == Temperature.HOT.value)
            ).scalars()
        )
        ids = waiting | hot
        rows = conn.execute(
            select(appointments).where(
                appointments.c.prospect_id.in_(ids), appointments.c.start_utc >= since
            )
        ).all()
    calls = [R.appointment_from_row(r) for r in rows]
    return pipeline(_prospects(agenda, ids), calls, now)
