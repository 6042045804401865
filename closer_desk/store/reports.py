"""Loading what the reports and the pipeline need: bounded queries, core objects out.

The calculations live in ``closer_desk.core.reports`` and ``closer_desk.core.desk``; this module
only decides which rows they need and reads them with index-bounded queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from closer_desk.core.desk import PipelineItem, pipeline
from closer_desk.core.model import Appointment, Closer, Outcome, Status, Temperature
from closer_desk.core.reports import Month, Report, WeekLoad, build_report, week_bounds, week_load
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.entry_sql import STARTING_BETWEEN, run_text
from closer_desk.store.schema import appointments, prospects

# Only the columns an ``Appointment`` is made of (see ``store.rows.appointment_reader``).
_READ = [appointments.c[name] for name in R.APPOINTMENT_COLUMNS]

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


def starting_between(
    agenda: Agenda, start: datetime, end: datetime, closer_id: int
) -> list[Appointment]:
    """The closer's calls that start in ``[start, end)``: one range on the (closer, start)
    index. Reports file a call under the month or week it starts in, so unlike the agenda's
    overlap query no call from before ``start`` is needed."""
    params = {"closer_id": closer_id, "lo": R.to_epoch(start), "hi": R.to_epoch(end)}
    with agenda.engine.connect() as conn:
        keys, rows = run_text(conn, STARTING_BETWEEN, params)
    read = R.appointment_reader(keys)
    return [read(row) for row in rows]


def month_appointments(
    agenda: Agenda, months: Sequence[Month], closer: Closer
) -> list[Appointment]:
    """The closer's calls that start in ``months``, read in the closer's zone."""
    if not months:
        return []
    start, _ = min(months).bounds(closer.zone)
    _, end = max(months).bounds(closer.zone)
    return starting_between(agenda, start, end, closer.id)


def load_report(agenda: Agenda, months: Sequence[Month], closer: Key | None = None) -> DeskReport:
    """The report of ``months`` for ``closer`` (default: the agenda's first closer), and their
    current week's load."""
    who = agenda.closer(closer)
    companies = {c.id: c for c in agenda.companies()}
    report = build_report(month_appointments(agenda, months, who), companies, who.zone, months)
    _, week_start, week_end = week_bounds(agenda.now(), who.zone)
    week = week_load(starting_between(agenda, week_start, week_end, who.id), who, agenda.now())
    return DeskReport(who, report, week)


def current_month(agenda: Agenda, closer: Key | None = None) -> Month:
    """The month it is now in the closer's zone."""
    return Month.of(agenda.now(), agenda.closer(closer).zone)


def load_pipeline(
    agenda: Agenda, *, lookback: timedelta = PIPELINE_LOOKBACK
) -> tuple[PipelineItem, ...]:
    """Hot prospects without a call, follow-ups due and no-shows to reschedule.

    Follow-ups and no-shows are looked for among calls of the last ``lookback`` (a range on
    the start index). For those prospects and the hot ones, only two calls each can decide
    (see ``core.desk.pipeline``): the latest call not cancelled since ``lookback``, and the
    next planned or confirmed call; both are read through the (prospect, start) index.
    """
    now = agenda.now()
    since = R.to_epoch(now - lookback)
    with agenda.engine.connect() as conn:
        reach = int(conn.execute(select(func.max(appointments.c.minutes))).scalar() or 0) * 60
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
        # Only each prospect's latest call that was not cancelled decides (see core.desk
        # .pipeline), plus the next call still to come. Each is one short backward or forward
        # walk of the (prospect, start) index per prospect, not a read of all their calls.
        b = appointments.alias("b")

        def first_per_prospect(condition: Any, *order: Any) -> list[Any]:
            first_id = (
                select(b.c.id)
                .where(b.c.prospect_id == prospects.c.id, condition)
                .order_by(*order)
                .limit(1)
                .correlate(prospects)
                .scalar_subquery()
            )
            chosen = select(first_id).where(prospects.c.id.in_(ids))
            result = conn.execute(select(*_READ).where(appointments.c.id.in_(chosen)))
            read = R.appointment_reader(tuple(result.keys()))
            return [read(row) for row in result.all()]

        not_cancelled = b.c.status != Status.CANCELLED.value
        latest = first_per_prospect(
            and_(b.c.start_utc >= since, not_cancelled), b.c.start_utc.desc(), b.c.id.desc()
        )
        upcoming = first_per_prospect(
            and_(
                b.c.start_utc >= R.to_epoch(now) - reach,
                b.c.end_utc > R.to_epoch(now),
                b.c.status.in_((Status.PLANNED.value, Status.CONFIRMED.value)),
            ),
            b.c.start_utc,
            b.c.id,
        )
    return pipeline(agenda.prospects_with_ids(ids), [*latest, *upcoming], now)
