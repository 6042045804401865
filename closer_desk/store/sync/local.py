"""The agenda's side of a sync: its calls as ``SyncedCall`` values, the status table, and
applying a version from the server to the agenda (calls, companies, prospects, shared ids).

Every function takes the connection of the caller's transaction: the engine decides what is
one transaction (one pushed call; the whole pull with its new sync token).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update

from closer_desk.core.model import CallKind, Outcome, Status
from closer_desk.core.sync.call import (
    SyncedCall,
    as_plain,
    content_hash,
    from_plain,
    hash_of,
    start_key,
)
from closer_desk.store import rows as R
from closer_desk.store.entry_sql import run_text
from closer_desk.store.schema import (
    appointments,
    companies,
    prospects,
    script_ticks,
    sync_conflicts,
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
