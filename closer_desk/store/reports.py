"""Loading what the reports need: bounded queries, core objects out.

The calculations live in ``closer_desk.core.reports``; this module only decides which rows they
need and reads them with index-bounded queries (the pipeline's are in ``store.pipeline``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from closer_desk.core.model import Appointment, Closer
from closer_desk.core.reports import Month, Report, WeekLoad, build_report, week_bounds, week_load
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.entry_sql import STARTING_BETWEEN, run_text
from closer_desk.store.schema import appointments

# Only the columns an ``Appointment`` is made of (see ``store.rows.appointment_reader``).
_READ = [appointments.c[name] for name in R.APPOINTMENT_COLUMNS]


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
