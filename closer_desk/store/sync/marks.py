"""What a sync compares: the UIDs the file's own triggers marked as changed.

The marks (``sync_dirty``, migration 0008) are a hint to compare hashes, never a reason to
push; a sync clears one only once both sides agree (``settle_marks``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from closer_desk.store.batch import write_lock
from closer_desk.store.entry_sql import run_text
from closer_desk.store.schema import sync_dirty
from closer_desk.store.sync import local as L

# The file's triggers (migration 0008_sync_dirty) mark each UID whose two sides may no longer
# agree; the row with the empty UID says the marks of the calendar are complete.
_COMPLETE = ""
#: The triggers that keep ``sync_dirty``: without all of them no mark can be trusted.
MARK_TRIGGERS = (
    "sync_dirty_call_added",
    "sync_dirty_call_changed",
    "sync_dirty_call_removed",
    "sync_dirty_company_renamed",
    "sync_dirty_prospect_changed",
    "sync_dirty_link_added",
    "sync_dirty_link_changed",
    "sync_dirty_link_removed",
    "sync_dirty_item_added",
    "sync_dirty_item_changed",
    "sync_dirty_item_removed",
)
_TRIGGERS_SQL = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({})".format(
    ", ".join(f"'{t}'" for t in MARK_TRIGGERS)
)


def _has_triggers(conn: Connection) -> bool:
    return bool(run_text(conn, _TRIGGERS_SQL, {})[1][0][0] == len(MARK_TRIGGERS))


def agree(mine: L.LocalCall | None, held: L.ItemStatus | None) -> bool:
    """Whether the agenda's call and its status agree: nothing to push for this UID."""
    if mine is None:
        return held is None or held.is_foreign
    return held is not None and not held.is_foreign and held.hash == mine.hash


def marked(conn: Connection, calendar_id: int) -> set[str] | None:
    """The UIDs marked for comparison, or None when the marks cannot be trusted (never
    completed by a full comparison, emptied, or the file lost its triggers)."""
    found = set(
        conn.execute(select(sync_dirty.c.uid).where(sync_dirty.c.calendar_id == calendar_id))
        .scalars()
        .all()
    )
    if _COMPLETE not in found or not _has_triggers(conn):
        return None
    found.discard(_COMPLETE)
    return found


@dataclass(frozen=True, slots=True)
class Compared:
    """What a sync compares: the agenda's calls and their statuses, by UID. ``full``: every
    call and status (else only the marked UIDs: every other one agrees)."""

    calls: dict[str, L.LocalCall]
    statuses: dict[str, L.ItemStatus]
    full: bool


def to_compare(conn: Connection, calendar_id: int, closer_id: int, *, remember: bool) -> Compared:
    """The calls and statuses to compare for one calendar: the marked UIDs only, when the
    marks are complete; else everything, and with ``remember`` (a write transaction) the
    UIDs that disagree are marked and the marks declared complete, for the next syncs."""
    uids = marked(conn, calendar_id)
    if uids is not None:
        return Compared(
            L.local_calls(conn, closer_id, uids), L.statuses_of(conn, calendar_id, uids), False
        )
    if remember:
        write_lock(conn)  # nothing may change between this comparison and its marks
    calls, held = L.local_calls(conn, closer_id), L.statuses(conn, calendar_id)
    if remember and _has_triggers(conn):
        todo = {u for u in calls.keys() | held.keys() if not agree(calls.get(u), held.get(u))}
        todo |= L.pending_conflicts(conn, calendar_id).keys()
        conn.execute(delete(sync_dirty).where(sync_dirty.c.calendar_id == calendar_id))
        conn.execute(
            insert(sync_dirty),
            [{"calendar_id": calendar_id, "uid": u} for u in sorted(todo | {_COMPLETE})],
        )
    return Compared(calls, held, True)


@dataclass(frozen=True, slots=True)
class Settled:
    """What ``settle_marks`` found: how many marks it cleared, and the ids of the agenda's
    calls that were marked (None when a marked UID has no call of the closer here: removed,
    given to another closer; or when the marks cannot be trusted)."""

    cleared: int
    calls: frozenset[int] | None


def settle_marks(conn: Connection, calendar_id: int, closer_id: int) -> Settled:
    """Clear the marks of the UIDs whose two sides now agree (checked in this transaction,
    under the write lock: a change made meanwhile keeps its mark)."""
    write_lock(conn)
    uids = marked(conn, calendar_id)
    if not uids:
        return Settled(0, None if uids is None else frozenset())
    calls = L.local_calls(conn, closer_id, uids)
    held = L.statuses_of(conn, calendar_id, uids)
    waiting = L.pending_conflicts(conn, calendar_id)
    done = sorted(u for u in uids if u not in waiting and agree(calls.get(u), held.get(u)))
    for start in range(0, len(done), L.REREAD_ALL):
        conn.execute(
            delete(sync_dirty).where(
                sync_dirty.c.calendar_id == calendar_id,
                sync_dirty.c.uid.in_(done[start : start + L.REREAD_ALL]),
            )
        )
    ids = frozenset(c.id for c in calls.values()) if len(calls) == len(uids) else None
    return Settled(len(done), ids)


def forget_marks(conn: Connection, calendar_id: int) -> None:
    """The calendar's marks no longer say anything (another calendar at its URL): the next
    sync compares everything."""
    conn.execute(delete(sync_dirty).where(sync_dirty.c.calendar_id == calendar_id))
