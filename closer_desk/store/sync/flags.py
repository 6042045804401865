"""Two calls of one closer that overlap after a sync: both flagged, the later-booked one
"to rebook" (``core.sync.overlaps``), refreshed around the calls a sync changed."""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlalchemy import Connection, delete, insert, select

from closer_desk.core.sync.overlaps import Span, overlap_flags
from closer_desk.store.entry_sql import LIVE_STATUSES, run_text
from closer_desk.store.schema import appointments, sync_flags

# Only the live calls that overlap a neighbour in start order reach Python: ordered by (start,
# end, id) as ``overlap_flags`` sweeps them, a call overlaps an earlier one exactly when the
# latest end before it is past its start, and a later one exactly when the next start is
# before its end. Every overlapping pair is kept whole, so the sweep over these few finds the
# same flags as over all of them (and a sync of 10,000 calls builds no 10,000 spans).
_OVERLAPPING_SPANS = f"""
SELECT id, start_utc, end_utc, created_utc, uid FROM (
    SELECT id, start_utc, end_utc, created_utc, uid,
           MAX(end_utc) OVER (ORDER BY start_utc, end_utc, id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS end_before,
           LEAD(start_utc) OVER (ORDER BY start_utc, end_utc, id) AS next_start
    FROM appointments
    WHERE closer_id = :closer_id AND status IN ({LIVE_STATUSES})
)
WHERE end_before > start_utc OR next_start < end_utc
"""

# The live calls overlapping each live call of :ids (itself included), by the index on the
# closer's starts: a call overlapping x started at most the longest duration before it.
_SPANS_AROUND = f"""
SELECT DISTINCT b.id, b.start_utc, b.end_utc, b.created_utc, b.uid
FROM appointments x
JOIN appointments b ON b.closer_id = x.closer_id
WHERE x.id IN (SELECT value FROM json_each(:ids)) AND +x.closer_id = :closer_id
  AND x.status IN ({LIVE_STATUSES}) AND b.status IN ({LIVE_STATUSES})
  AND b.start_utc >= x.start_utc - (SELECT coalesce(max(minutes), 0) FROM appointments) * 60
  AND b.start_utc < x.end_utc AND b.end_utc > x.start_utc
"""


def _spans_around(conn: Connection, closer_id: int, ids: Collection[int]) -> list[Span]:
    _, rows = run_text(
        conn, _SPANS_AROUND, {"closer_id": closer_id, "ids": json.dumps(sorted(ids))}
    )
    return [Span(*row) for row in rows]


def refresh_flags(conn: Connection, closer_id: int, changed: Collection[int] | None = None) -> int:
    """Flag the closer's live calls that overlap (see ``core.sync.overlaps``); how many.

    ``changed``: the only calls whose time, status or closer may have moved since the flags
    were last refreshed (none removed); then only the flags those changes can move are
    computed again: the changed calls, the calls they overlap now, and the calls flagged
    before (the only ones a changed call can have stopped overlapping).
    """
    if changed is None:
        mine = select(appointments.c.id).where(appointments.c.closer_id == closer_id)
        conn.execute(delete(sync_flags).where(sync_flags.c.appointment_id.in_(mine)))
        _, rows = run_text(conn, _OVERLAPPING_SPANS, {"closer_id": closer_id})
        flagged = overlap_flags(Span(*row) for row in rows)
    else:
        affected = {*changed, *_flagged(conn, closer_id)}
        affected |= {span.key for span in _spans_around(conn, closer_id, changed)}
        # Each affected call with every call overlapping it: its flag is exact.
        spans = _spans_around(conn, closer_id, affected)
        flagged = [f for f in overlap_flags(spans) if f.key in affected]
        conn.exec_driver_sql(
            "DELETE FROM sync_flags WHERE appointment_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(affected)),),
        )
    if flagged:
        conn.execute(
            insert(sync_flags),
            [{"appointment_id": f.key, "flag": f.flag.value, "other_id": f.other} for f in flagged],
        )
    return len(flagged) if changed is None else len(_flagged(conn, closer_id))


def _flagged(conn: Connection, closer_id: int) -> list[int]:
    # From the few flags to their calls (not from every call of the closer to its flag).
    query = (
        select(sync_flags.c.appointment_id)
        .join(appointments, appointments.c.id == sync_flags.c.appointment_id)
        .where(appointments.c.closer_id == closer_id)
    )
    return list(conn.execute(query).scalars())
