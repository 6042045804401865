"""The agenda's side of a sync: its calls as ``SyncedCall`` values, the status table, and
applying a version from the server to the agenda (calls, companies, prospects, shared ids).

Every function takes the connection of the caller's transaction: the engine decides what is
one transaction (one pushed call; the whole pull with its new sync token).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update

from closer_desk.core.model import ACTIVE_STATUSES, CallKind, Outcome, Status
from closer_desk.core.sync.call import (
    SyncedCall,
    as_plain,
    content_hash,
    from_plain,
    hash_of,
    start_key,
)
from closer_desk.core.sync.overlaps import Span, overlap_flags
from closer_desk.store import rows as R
from closer_desk.store.batch import write_lock
from closer_desk.store.entry_sql import run_text
from closer_desk.store.schema import (
    appointments,
    companies,
    prospects,
    script_ticks,
    sync_conflicts,
    sync_dirty,
    sync_flags,
    sync_items,
    sync_links,
)

_COMPANY = "company"
_PROSPECT = "prospect"
_KINDS = {k.value: k for k in CallKind}
_STATUSES = {s.value: s for s in Status}
_OUTCOMES = {o.value: o for o in Outcome}


class LocalCall:
    """One call of the agenda as it would travel: its row id and hash, and the
    ``SyncedCall`` itself, built only when asked for (a sync of 10,000 unchanged calls only
    compares hashes).

    Attributes:
        id: the appointment's id.
        hash: ``content_hash`` of its shared fields.
    """

    __slots__ = ("_call", "_row", "hash", "id")

    def __init__(self, id: int, hash: str, row: Any = None, call: SyncedCall | None = None):
        self.id = id
        self.hash = hash
        self._row = row
        self._call = call

    @classmethod
    def of(cls, id: int, call: SyncedCall) -> LocalCall:
        """A local call from a ``SyncedCall`` already built."""
        return cls(id, content_hash(call), call=call)

    @property
    def call(self) -> SyncedCall:
        """The shared fields of the call."""
        if self._call is None:
            self._call = _synced(self._row)
        return self._call


class ItemStatus:
    """One row of the status table: what both sides last agreed on for a UID. ``base`` (the
    agreed version, for a merge) is read from its JSON only when asked for."""

    __slots__ = ("_base", "_base_json", "etag", "hash", "href", "is_foreign", "uid")

    def __init__(
        self,
        uid: str,
        href: str,
        etag: str,
        hash: str,
        base_json: str | None,
        is_foreign: bool,
        base: SyncedCall | None = None,
    ) -> None:
        self.uid = uid
        self.href = href
        self.etag = etag
        self.hash = hash
        self.is_foreign = is_foreign
        self._base_json = base_json
        self._base = base

    @classmethod
    def agreed(cls, uid: str, href: str, etag: str, call: SyncedCall) -> ItemStatus:
        """The status of a version both sides hold."""
        return cls(uid, href, etag, content_hash(call), None, False, call)

    @property
    def base(self) -> SyncedCall | None:
        """The version both sides last agreed on, when read (see ``base_of``)."""
        if self._base is None and self._base_json:
            self._base = from_plain(json.loads(self._base_json))
        return self._base

    def set_base(self, base: SyncedCall | None) -> None:
        """Keep the agreed version once read."""
        self._base = base


def new_uid() -> str:
    """A fresh shared id for a company or a prospect."""
    return str(uuid.uuid4())


def ensure_links(conn: Connection, closer_id: int, uids: Collection[str] | None = None) -> None:
    """Give every company and prospect of the closer's calls (or of its calls ``uids``) a
    shared id (once)."""
    for kind, column in (
        (_COMPANY, appointments.c.company_id),
        (_PROSPECT, appointments.c.prospect_id),
    ):
        linked = select(sync_links.c.local_id).where(sync_links.c.kind == kind)
        # By the UIDs' own index when given (a call since given to another closer gets its
        # shared ids a little early: they are the same for every closer).
        if uids is not None and len(uids) <= REREAD_ALL:
            whose: ColumnElement[bool] = appointments.c.uid.in_(sorted(uids))
        else:
            whose = appointments.c.closer_id == closer_id
        query = select(column).where(whose, column.not_in(linked))
        missing = conn.execute(query.distinct()).scalars().all()
        if missing:
            conn.execute(
                insert(sync_links),
                [{"kind": kind, "local_id": i, "uid": new_uid()} for i in missing],
            )


#: Above this many UIDs or hrefs the whole table is read (one scan beats long lists).
REREAD_ALL = 400

# Raw SQL on the driver's cursor: a first sync reads every call of the closer, and
# SQLAlchemy's row objects cost more than the query (see ``store.entry_sql``).
_LOCAL_CALLS = """
SELECT a.id, a.uid, a.wall_start, a.zone, a.fold, a.minutes, a.kind, a.url, a.phone, a.status,
       a.outcome, a.reminder_minutes, lc.uid, c.name, lp.uid, p.name, p.email, p.zone,
       p.country, p.language, a.sequence, a.created_utc
FROM appointments a
JOIN companies c ON c.id = a.company_id
JOIN prospects p ON p.id = a.prospect_id
LEFT JOIN sync_links lc ON lc.kind = 'company' AND lc.local_id = a.company_id
LEFT JOIN sync_links lp ON lp.kind = 'prospect' AND lp.local_id = a.prospect_id
"""
_OF_CLOSER = "WHERE a.closer_id = :closer_id"
# A few UIDs: found by the index on the UID (the unary plus keeps SQLite from walking every
# call of the closer by the other index instead).
_OF_UIDS = "WHERE a.uid IN (SELECT value FROM json_each(:uids)) AND +a.closer_id = :closer_id"


def local_calls(
    conn: Connection, closer_id: int, uids: Collection[str] | None = None
) -> dict[str, LocalCall]:
    """Every call of the closer (or those of ``uids``), by UID, with the hash of what would
    travel (one query; the hash comes straight from the columns, in ``MERGED_FIELDS``
    order)."""
    sql = _LOCAL_CALLS + _OF_CLOSER
    params: dict[str, Any] = {"closer_id": closer_id}
    if uids is not None and len(uids) <= REREAD_ALL:
        sql = _LOCAL_CALLS + _OF_UIDS
        params["uids"] = json.dumps(sorted(uids))
    _, rows = run_text(conn, sql, params)
    found: dict[str, LocalCall] = {}
    for row in rows:
        (id_, uid, wall, zone, fold, minutes, kind, url, phone, status, outcome, reminder,
         company_uid, company, prospect_uid, prospect, email, p_zone, country, language,
         _seq, _created) = row  # fmt: skip
        if uids is not None and uid not in uids:
            continue
        keys = [
            start_key(wall, zone, fold), str(minutes), kind, url, phone, status, outcome or "",
            str(reminder), company_uid or "", company, prospect_uid or "", prospect, email,
            p_zone, country, language,
        ]  # fmt: skip
        found[uid] = LocalCall(id_, hash_of(keys), row)
    return found


def has_calls(conn: Connection, closer_id: int) -> bool:
    """Whether the closer has any call in the agenda."""
    query = select(appointments.c.id).where(appointments.c.closer_id == closer_id).limit(1)
    return conn.execute(query).first() is not None


def _synced(row: tuple[Any, ...]) -> SyncedCall:
    (_id, uid, wall, zone, fold, minutes, kind, url, phone, status, outcome, reminder,
     company_uid, company, prospect_uid, prospect, email, p_zone, country, language,
     sequence, created) = row  # fmt: skip
    return SyncedCall(
        uid=uid,
        start=R.start_from_columns(wall, zone, fold),
        minutes=minutes,
        kind=_KINDS[kind],
        status=_STATUSES[status],
        outcome=_OUTCOMES.get(outcome) if outcome else None,
        url=url,
        phone=phone,
        reminder_minutes=reminder,
        company_uid=company_uid or "",
        company_name=company,
        prospect_uid=prospect_uid or "",
        prospect_name=prospect,
        prospect_email=email,
        prospect_zone=p_zone,
        prospect_country=country,
        prospect_language=language,
        created=R.from_epoch(created),
        sequence=sequence,
    )


# -- the status table ----------------------------------------------------------------------
_STATUSES_SQL = (
    "SELECT uid, href, etag, hash, is_foreign FROM sync_items WHERE calendar_id = :calendar_id"
)


def _status_rows(rows: Any) -> dict[str, ItemStatus]:
    return {
        uid: ItemStatus(uid, href, etag, hash_, None, bool(foreign))
        for uid, href, etag, hash_, foreign in rows
    }


def statuses(conn: Connection, calendar_id: int) -> dict[str, ItemStatus]:
    """The status table of one calendar, by UID (without the agreed versions: ``base_of``
    reads one when a merge needs it)."""
    _, rows = run_text(conn, _STATUSES_SQL, {"calendar_id": calendar_id})
    return _status_rows(rows)


def statuses_of(
    conn: Connection,
    calendar_id: int,
    uids: Collection[str] = (),
    hrefs: Collection[str] = (),
) -> dict[str, ItemStatus]:
    """The statuses of one calendar whose UID is one of ``uids`` or whose href is one of
    ``hrefs``, by UID: what a sync of a few changes reads of the table."""
    if not uids and not hrefs:
        return {}
    if len(uids) + len(hrefs) > REREAD_ALL:
        found = statuses(conn, calendar_id)
        wanted, where = set(uids), set(hrefs)
        return {u: s for u, s in found.items() if u in wanted or s.href in where}
    _, rows = run_text(
        conn,
        # Each half by its own index: (calendar, UID), (calendar, href).
        f"{_STATUSES_SQL} AND uid IN (SELECT value FROM json_each(:uids)) UNION "
        f"{_STATUSES_SQL} AND href IN (SELECT value FROM json_each(:hrefs))",
        {
            "calendar_id": calendar_id,
            "uids": json.dumps(sorted(uids)),
            "hrefs": json.dumps(sorted(hrefs)),
        },
    )
    return _status_rows(rows)


def refreshed(
    conn: Connection, calendar_id: int, held: dict[str, ItemStatus], uids: set[str]
) -> dict[str, ItemStatus]:
    """``held`` (read before) with the statuses of ``uids`` read again: after a push of a
    few calls, only those rows are read, not the whole table of the calendar."""
    fresh = statuses_of(conn, calendar_id, uids)
    # ``record`` frees an href for its new UID: an older row that held it is gone too.
    hrefs = {s.href for s in fresh.values()}
    kept = {u: s for u, s in held.items() if u not in uids and s.href not in hrefs}
    return {**kept, **fresh}


def count_shared(conn: Connection, calendar_id: int) -> int:
    """How many calls (not foreign objects) the status table of the calendar holds."""
    return int(
        conn.execute(
            select(func.count()).where(
                sync_items.c.calendar_id == calendar_id, sync_items.c.is_foreign == 0
            )
        ).scalar()
        or 0
    )


def base_of(conn: Connection, calendar_id: int, held: ItemStatus | None) -> SyncedCall | None:
    """The version both sides last agreed on for ``held`` (None: never agreed, or foreign)."""
    if held is None or held.is_foreign:
        return None
    if held.base is None:
        text = conn.execute(
            select(sync_items.c.base).where(
                sync_items.c.calendar_id == calendar_id, sync_items.c.uid == held.uid
            )
        ).scalar()
        held.set_base(from_plain(json.loads(text)) if text else None)
    return held.base


def record(
    conn: Connection,
    calendar_id: int,
    uid: str,
    href: str,
    etag: str,
    agreed: SyncedCall | None,
) -> None:
    """Remember what both sides now hold for ``uid`` (``agreed`` None: a foreign object)."""
    conn.execute(
        delete(sync_items).where(
            sync_items.c.calendar_id == calendar_id,
            (sync_items.c.uid == uid) | (sync_items.c.href == href),
        )
    )
    conn.execute(
        insert(sync_items).values(
            calendar_id=calendar_id,
            uid=uid,
            href=href,
            etag=etag,
            hash=content_hash(agreed) if agreed else "",
            base=json.dumps(as_plain(agreed)) if agreed else None,
            is_foreign=int(agreed is None),
        )
    )


def set_etag(conn: Connection, calendar_id: int, uid: str, etag: str) -> None:
    """The server rewrote an object without changing what it says: only its ETag moves."""
    conn.execute(
        update(sync_items)
        .where(sync_items.c.calendar_id == calendar_id, sync_items.c.uid == uid)
        .values(etag=etag)
    )


def forget(conn: Connection, calendar_id: int, uid: str) -> None:
    """Drop the status of ``uid`` (it is on neither side any more, or only on one)."""
    conn.execute(
        delete(sync_items).where(sync_items.c.calendar_id == calendar_id, sync_items.c.uid == uid)
    )


# -- what to compare ---------------------------------------------------------------------
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


def agree(mine: LocalCall | None, held: ItemStatus | None) -> bool:
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

    calls: dict[str, LocalCall]
    statuses: dict[str, ItemStatus]
    full: bool


def to_compare(conn: Connection, calendar_id: int, closer_id: int, *, remember: bool) -> Compared:
    """The calls and statuses to compare for one calendar: the marked UIDs only, when the
    marks are complete; else everything, and with ``remember`` (a write transaction) the
    UIDs that disagree are marked and the marks declared complete, for the next syncs."""
    uids = marked(conn, calendar_id)
    if uids is not None:
        return Compared(
            local_calls(conn, closer_id, uids), statuses_of(conn, calendar_id, uids), False
        )
    if remember:
        write_lock(conn)  # nothing may change between this comparison and its marks
    calls, held = local_calls(conn, closer_id), statuses(conn, calendar_id)
    if remember and _has_triggers(conn):
        todo = {u for u in calls.keys() | held.keys() if not agree(calls.get(u), held.get(u))}
        todo |= pending_conflicts(conn, calendar_id).keys()
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
    calls = local_calls(conn, closer_id, uids)
    held = statuses_of(conn, calendar_id, uids)
    waiting = pending_conflicts(conn, calendar_id)
    done = sorted(u for u in uids if u not in waiting and agree(calls.get(u), held.get(u)))
    for start in range(0, len(done), REREAD_ALL):
        conn.execute(
            delete(sync_dirty).where(
                sync_dirty.c.calendar_id == calendar_id,
                sync_dirty.c.uid.in_(done[start : start + REREAD_ALL]),
            )
        )
    ids = frozenset(c.id for c in calls.values()) if len(calls) == len(uids) else None
    return Settled(len(done), ids)


def forget_marks(conn: Connection, calendar_id: int) -> None:
    """The calendar's marks no longer say anything (another calendar at its URL): the next
    sync compares everything."""
    conn.execute(delete(sync_dirty).where(sync_dirty.c.calendar_id == calendar_id))


# -- conflicts -----------------------------------------------------------------------------
def save_conflict(
    conn: Connection,
    calendar_id: int,
    theirs: SyncedCall,
    fields: frozenset[str],
    href: str,
    etag: str,
    now: int,
) -> None:
    """Keep the server's version of a call whose same fields both sides changed."""
    conn.execute(
        delete(sync_conflicts).where(
            sync_conflicts.c.calendar_id == calendar_id, sync_conflicts.c.uid == theirs.uid
        )
    )
    conn.execute(
        insert(sync_conflicts).values(
            calendar_id=calendar_id,
            uid=theirs.uid,
            fields=",".join(sorted(fields)),
            theirs=json.dumps(as_plain(theirs)),
            href=href,
            etag=etag,
            detected_utc=now,
        )
    )


def drop_conflict(conn: Connection, calendar_id: int, uid: str) -> None:
    """The conflict of ``uid`` is settled."""
    conn.execute(
        delete(sync_conflicts).where(
            sync_conflicts.c.calendar_id == calendar_id, sync_conflicts.c.uid == uid
        )
    )


def pending_conflicts(conn: Connection, calendar_id: int) -> dict[str, Any]:
    """The conflict rows of one calendar, by UID."""
    return {
        row.uid: row
        for row in conn.execute(
            select(sync_conflicts).where(sync_conflicts.c.calendar_id == calendar_id)
        )
    }


def theirs_of(row: Any) -> SyncedCall:
    """The server's version a conflict row keeps."""
    return from_plain(json.loads(row.theirs))


# -- applying the server's version ---------------------------------------------------------
def _linked(conn: Connection, kind: str, uid: str) -> int | None:
    found = conn.execute(
        select(sync_links.c.local_id).where(sync_links.c.kind == kind, sync_links.c.uid == uid)
    ).scalar()
    return None if found is None else int(found)


def _link(conn: Connection, kind: str, local_id: int, uid: str) -> None:
    conn.execute(insert(sync_links).values(kind=kind, local_id=local_id, uid=uid))


def _unlinked(kind: str) -> Any:
    return select(sync_links.c.local_id).where(sync_links.c.kind == kind)


def _free_company_name(conn: Connection, name: str, own_id: int | None) -> bool:
    clash = conn.execute(
        select(companies.c.id).where(
            func.casefold(companies.c.name) == name.casefold(), companies.c.id != (own_id or 0)
        )
    ).first()
    return clash is None


def company_for(conn: Connection, call: SyncedCall) -> int:
    """The local company of the call: the one sharing its id (renamed when its name changed
    and the new name is free), else an unshared one of the same name, else a new one."""
    found = _linked(conn, _COMPANY, call.company_uid)
    if found is not None:
        current = conn.execute(select(companies.c.name).where(companies.c.id == found)).scalar()
        if current != call.company_name and _free_company_name(conn, call.company_name, found):
            conn.execute(
                update(companies).where(companies.c.id == found).values(name=call.company_name)
            )
        return found
    same_name = conn.execute(
        select(companies.c.id).where(
            func.casefold(companies.c.name) == call.company_name.casefold(),
            companies.c.id.not_in(_unlinked(_COMPANY)),
        )
    ).scalar()
    if same_name is not None:
        _link(conn, _COMPANY, int(same_name), call.company_uid)
        return int(same_name)
    name = call.company_name
    if not _free_company_name(conn, name, None):  # taken by a company shared under another id
        name = f"{name} ({call.company_uid[:8]})"
    new_id = R.new_id(conn.execute(insert(companies).values(name=name)))
    _link(conn, _COMPANY, new_id, call.company_uid)
    return new_id


def _prospect_values(call: SyncedCall) -> dict[str, Any]:
    return {
        "name": call.prospect_name,
        "email": call.prospect_email,
        "zone": call.prospect_zone,
        "country": call.prospect_country,
        "language": call.prospect_language,
    }


def prospect_for(conn: Connection, call: SyncedCall) -> int:
    """The local prospect of the call: the one sharing its id (updated to the call's public
    facts), else an unshared one with the same name and zone, else a new one."""
    values = _prospect_values(call)
    found = _linked(conn, _PROSPECT, call.prospect_uid)
    if found is None:
        same = conn.execute(
            select(prospects.c.id).where(
                func.casefold(prospects.c.name) == call.prospect_name.casefold(),
                prospects.c.zone == call.prospect_zone,
                prospects.c.id.not_in(_unlinked(_PROSPECT)),
            )
        ).scalar()
        if same is None:
            new_id = R.new_id(conn.execute(insert(prospects).values(**values)))
            _link(conn, _PROSPECT, new_id, call.prospect_uid)
            return new_id
        found = int(same)
        _link(conn, _PROSPECT, found, call.prospect_uid)
    row = conn.execute(select(prospects).where(prospects.c.id == found)).one()
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changed:
        conn.execute(update(prospects).where(prospects.c.id == found).values(**changed))
    return found


def _call_columns(conn: Connection, call: SyncedCall) -> dict[str, Any]:
    lo = R.to_epoch(call.start)
    return {
        **R.wall_columns(call.start),
        "minutes": call.minutes,
        "start_utc": lo,
        "end_utc": lo + call.minutes * 60,
        "kind": call.kind.value,
        "status": call.status.value,
        "outcome": call.outcome.value if call.outcome else None,
        "url": call.url,
        "phone": call.phone,
        "reminder_minutes": call.reminder_minutes,
        "company_id": company_for(conn, call),
        "prospect_id": prospect_for(conn, call),
    }


def apply_call(
    conn: Connection, closer_id: int, call: SyncedCall, existing: LocalCall | None, now: int
) -> int:
    """Write the server's version of a call to the agenda; the appointment's id.

    The private part of an existing call (notes, deal value, script ticks) stays as it is; a
    deal value goes only when the outcome is no longer ``won``, as ``set_outcome`` does.
    """
    values = _call_columns(conn, call)
    values["updated_utc"] = now
    if existing is None:
        return R.new_id(
            conn.execute(
                insert(appointments).values(
                    closer_id=closer_id,
                    uid=call.uid,
                    sequence=call.sequence,
                    created_utc=R.to_epoch(call.created),
                    **values,
                )
            )
        )
    values["sequence"] = max(call.sequence, existing.call.sequence)
    if call.outcome != Outcome.WON:
        values.update(deal_value=None, currency="", company_rate=None)
    conn.execute(update(appointments).where(appointments.c.id == existing.id).values(**values))
    return existing.id


def remove_call(conn: Connection, existing: LocalCall) -> bool:
    """The call was removed from the server: remove it here too, unless the agenda holds a
    private part of it (notes, an outcome, ticks, a later call booked from it); that one is
    cancelled instead, and the cancellation goes back to the server. True when removed."""
    row = conn.execute(select(appointments).where(appointments.c.id == existing.id)).one()
    ticked = conn.execute(
        select(script_ticks.c.step).where(script_ticks.c.appointment_id == existing.id).limit(1)
    ).first()
    followed = conn.execute(
        select(appointments.c.id).where(appointments.c.previous_id == existing.id).limit(1)
    ).first()
    if row.notes or row.outcome or row.deal_value or ticked or followed:
        conn.execute(
            update(appointments)
            .where(appointments.c.id == existing.id)
            .values(status=Status.CANCELLED.value, sequence=row.sequence + 1)
        )
        return False
    conn.execute(delete(appointments).where(appointments.c.id == existing.id))
    return True


# -- flags ---------------------------------------------------------------------------------
_LIVE = ", ".join(f"'{s.value}'" for s in sorted(ACTIVE_STATUSES))
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
    WHERE closer_id = :closer_id AND status IN ({_LIVE})
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
  AND x.status IN ({_LIVE}) AND b.status IN ({_LIVE})
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
