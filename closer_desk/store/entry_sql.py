"""The range reads of appointments as SQL text, run on the driver's cursor.

The entries query is behind every repaint of the window and every ``agenda`` listing, and it is
read before SQLAlchemy loads (``store.first_page``): written once here, as text, for both
readers. Run through the DB-API cursor, a read also spares building one SQLAlchemy ``Row`` per
line: about a tenth of a week of ten closers, and of a month's report. Only this module's
constants are formatted into the SQL; every value is bound.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from closer_desk.core.model import ACTIVE_STATUSES
from closer_desk.store.rows import APPOINTMENT_COLUMNS
from closer_desk.store.sql import driver

if TYPE_CHECKING:  # imported by store.first_page before SQLAlchemy loads
    from sqlalchemy import Connection

_COLUMNS = ", ".join(f"appointments.{c}" for c in APPOINTMENT_COLUMNS)
# Bounded on the indexed start on both sides: a call overlapping :lo started at most the longest
# duration before it, and SQLite reads that maximum once through the index on ``minutes``.
_OVERLAP = """appointments.start_utc >= :lo
    - (SELECT coalesce(max(minutes), 0) FROM appointments) * 60
  AND appointments.start_utc < :hi AND appointments.end_utc > :lo"""
_ENTRIES = f"""
SELECT {_COLUMNS},
  c.name AS company_name, c.color AS company_color,
  p.name AS prospect_name, p.zone AS prospect_zone,
  cl.name AS closer_name, cl.zone AS closer_zone
FROM appointments
JOIN companies AS c ON c.id = appointments.company_id
JOIN prospects AS p ON p.id = appointments.prospect_id
JOIN closers AS cl ON cl.id = appointments.closer_id
WHERE {_OVERLAP}"""


@lru_cache(maxsize=64)
def entries_sql(
    *, one_closer: bool, live_only: bool, companies: int | None, one_prospect: bool = False
) -> str:
    """The entries overlapping ``[:lo, :hi)`` by start, with the names a listing shows.

    ``one_closer`` adds ``closer_id = :closer_id``; ``one_prospect`` adds ``prospect_id =
    :prospect_id``; ``live_only`` leaves out cancelled calls (``:cancelled`` is the status
    value); ``companies`` (a count) keeps the calls of companies ``:c0``, ``:c1``... (none at
    all for 0); None keeps every company.
    """
    sql = _ENTRIES
    if one_closer:
        sql += "\n  AND appointments.closer_id = :closer_id"
    if one_prospect:
        sql += "\n  AND appointments.prospect_id = :prospect_id"
    if live_only:
        sql += "\n  AND appointments.status != :cancelled"
    if companies is not None:
        wanted = ", ".join(f":c{i}" for i in range(companies))
        sql += f"\n  AND appointments.company_id IN ({wanted})" if companies else "\n  AND 0"
    return sql + "\nORDER BY appointments.start_utc, appointments.id"


#: The calls of ``:closer_id`` that start in ``[:lo, :hi)`` (one range on the closer's index).
STARTING_BETWEEN = f"""
SELECT {_COLUMNS}
FROM appointments
WHERE appointments.closer_id = :closer_id
  AND appointments.start_utc >= :lo AND appointments.start_utc < :hi
ORDER BY appointments.start_utc, appointments.id"""


#: The call ``:id``.
APPOINTMENT = f"SELECT {_COLUMNS} FROM appointments WHERE appointments.id = :id"

#: Every call with ``:prospect_id``, oldest first.
HISTORY = f"""
SELECT {_COLUMNS} FROM appointments
WHERE appointments.prospect_id = :prospect_id
ORDER BY appointments.start_utc"""

#: The live statuses as an SQL list (``status IN (...)``): formatted from core's constants.
LIVE_STATUSES = ", ".join(f"'{s.value}'" for s in sorted(ACTIVE_STATUSES, key=lambda s: s.value))
#: Live calls of ``:closer_id`` overlapping ``[:lo, :hi)`` other than ``:exclude_id``.
CONFLICTS = f"""
SELECT {_COLUMNS}
FROM appointments
WHERE appointments.closer_id = :closer_id
  AND {_OVERLAP}
  AND appointments.status IN ({LIVE_STATUSES})
  AND appointments.id != :exclude_id
ORDER BY appointments.start_utc"""


def run_sql(
    db: sqlite3.Connection, sql: str, params: Mapping[str, Any]
) -> tuple[list[str], Sequence[tuple[Any, ...]]]:
    """The column names and rows of ``sql`` run on the DB-API connection ``db``."""
    cursor = db.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def run_text(
    conn: Connection, sql: str, params: Mapping[str, Any]
) -> tuple[list[str], Sequence[tuple[Any, ...]]]:
    """``run_sql`` on ``conn``'s own DB-API connection (the same connection, so the same
    transaction inside ``Agenda.batch``)."""
    return run_sql(driver(conn), sql, params)
