"""The conflict statement, built once (the entries query is SQL text: ``store.entry_sql``).

Building a SELECT with SQLAlchemy's expression language costs about as much as running it on
an indexed 100k-row table, so the statement every booking and drag checks is built once here
with bind parameters; ``Agenda`` only supplies the values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, bindparam, func, select

from closer_desk.core.model import ACTIVE_STATUSES
from closer_desk.store.rows import APPOINTMENT_COLUMNS
from closer_desk.store.schema import appointments


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
