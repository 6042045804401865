"""Loading the pipeline: the calls and prospects that decide who waits for a call, read with
index-bounded queries; the rule itself is ``core.pipeline``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from closer_desk.core.model import Outcome, Status, Temperature
from closer_desk.core.pipeline import PipelineItem, pipeline
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.schema import appointments, prospects

# Only the columns an ``Appointment`` is made of (see ``store.rows.appointment_reader``).
_READ = [appointments.c[name] for name in R.APPOINTMENT_COLUMNS]

#: How far back the pipeline looks for follow-ups and no-shows still waiting.
PIPELINE_LOOKBACK = timedelta(days=180)


def load_pipeline(
    agenda: Agenda, *, lookback: timedelta = PIPELINE_LOOKBACK
) -> tuple[PipelineItem, ...]:
    """Hot prospects without a call, follow-ups due and no-shows to reschedule.

    Follow-ups and no-shows are looked for among calls of the last ``lookback`` (a range on
    the start index). For those prospects and the hot ones, only two calls each can decide
    (see ``core.pipeline.pipeline``): the latest call not cancelled since ``lookback``, and the
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
        # Only each prospect's latest call that was not cancelled decides (see core.pipeline
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
