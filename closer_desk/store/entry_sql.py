"""The agenda-entries SELECT as SQL text, run on the driver's cursor.

It is the query behind every repaint of the window and every ``agenda`` listing, and it is read
before SQLAlchemy loads (``store.first_page``): written once here, as text, for both readers.
Run through the DB-API cursor it also spares building one SQLAlchemy ``Row`` per line, about a
tenth of the call on a week of ten closers. Only this module's constants are formatted into the
SQL; every value is bound.
"""

from __future__ import annotations

from functools import lru_cache

from closer_desk.store.rows import APPOINTMENT_COLUMNS

_COLUMNS = ", ".join(f"appointments.{c}" for c in APPOINTMENT_COLUMNS)
# Bounded on the indexed start on both sides: a call overlapping :lo started at most the longest
# duration before it, and SQLite reads that maximum once through the index on ``minutes``.
_ENTRIES = f"""
SELECT {_COLUMNS},
  c.name AS company_name, c.color AS company_color,
  p.name AS prospect_name, p.zone AS prospect_zone,
  cl.name AS closer_name, cl.zone AS closer_zone
FROM appointments
JOIN companies AS c ON c.id = appointments.company_id
JOIN prospects AS p ON p.id = appointments.prospect_id
JOIN closers AS cl ON cl.id = appointments.closer_id
WHERE appointments.start_utc >= :lo - (SELECT coalesce(max(minutes), 0) FROM appointments) * 60
  AND appointments.start_utc < :hi AND appointments.end_utc > :lo"""


@lru_cache(maxsize=64)
def entries_sql(*, one_closer: bool, live_only: bool, companies: int | None) -> str:
    """The entries overlapping ``[:lo, :hi)`` by start, with the names a listing shows.

    ``one_closer`` adds ``closer_id = :closer_id``; ``live_only`` leaves out cancelled calls
    (``:cancelled`` is the status value); ``companies`` (a count) keeps the calls of companies
    ``:c0``, ``:c1``... (none at all for 0); None keeps every company.
    """
    sql = _ENTRIES
    if one_closer:
        sql += "\n  AND appointments.closer_id = :closer_id"
    if live_only:
        sql += "\n  AND appointments.status != :cancelled"
    if companies is not None:
        wanted = ", ".join(f":c{i}" for i in range(companies))
        sql += f"\n  AND appointments.company_id IN ({wanted})" if companies else "\n  AND 0"
    return sql + "\nORDER BY appointments.start_utc, appointments.id"
