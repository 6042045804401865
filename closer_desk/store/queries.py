"""The hot range and conflict statements, built once.

Building a SELECT with SQLAlchemy's expression language costs about as much as running it on
an indexed 100k-row table, so the statements a screen runs on every repaint are built once
here with bind parameters; ``Agenda`` only supplies the values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, bindparam, func, select

from closer_desk.core.model import ACTIVE_STATUSES
from closer_desk.store.rows import APPOINTMENT_COLUMNS
from closer_desk.store.schema import appointments, closers, companies, prospects


def overlap(lo: Any, hi: Any) -> ColumnElement[bool]:
    """Appointments overlapping ``[lo, hi)`` (epoch seconds), bounded on the indexed start on
    both sides: a call overlapping ``lo`` started at most the longest duration before it.

    The longest duration is a scalar subquery that SQLite evaluates once through the index on
    ``minutes``, so the whole check stays one round trip.
    """
    longest = select(func.coalesce(func.max(appointments.c.minutes), 0)).scalar_subquery()
    return and_(
        appointments.c.start_utc >= lo - longest * 60,
        appointments.c.start_utc < hi,
        appointments.c.end_utc > lo,
    )


# Only what an ``Appointment`` is made of: every column fetched costs on every row.
_READ = [appointments.c[name] for name in APPOINTMENT_COLUMNS]
_LO = bindparam("lo", type_=Integer)
_HI = bindparam("hi", type_=Integer)

#: Live calls of ``:closer_id`` overlapping ``[:lo, :hi)`` other than ``:exclude_id``.
CONFLICTS: Select[Any] = (
    select(*_READ)
    .where(
        appointments.c.closer_id == bindparam("closer_id", type_=Integer),
        overlap(_LO, _HI),
        appointments.c.status.in_(sorted(s.value for s in ACTIVE_STATUSES)),
        appointments.c.id != bindparam("exclude_id", type_=Integer),
    )
    .order_by(appointments.c.start_utc)
)

#: Every appointment overlapping ``[:lo, :hi)`` with the names a listing shows.
ENTRIES: Select[Any] = (
    select(
        *_READ,
        companies.c.name.label("company_name"),
        companies.c.color.label("company_color"),
        prospects.c.name.label("prospect_name"),
        prospects.c.zone.label("prospect_zone"),
        closers.c.name.label("closer_name"),
        closers.c.zone.label("closer_zone"),
    )
    .join(companies, companies.c.id == appointments.c.company_id)
    .join(prospects, prospects.c.id == appointments.c.prospect_id)
    .join(closers, closers.c.id == appointments.c.closer_id)
    .where(overlap(_LO, _HI))
    .order_by(appointments.c.start_utc, appointments.c.id)
)

#: ``ENTRIES`` of one closer, ``:closer_id``.
CLOSER_ENTRIES: Select[Any] = ENTRIES.where(
    appointments.c.closer_id == bindparam("closer_id", type_=Integer)
)
