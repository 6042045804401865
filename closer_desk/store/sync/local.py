"""The agenda's side of a sync: its calls as ``SyncedCall`` values, the status table, and
applying a version from the server to the agenda (calls, companies, prospects, shared ids).

Every function takes the connection of the caller's transaction: the engine decides what is
one transaction (one pushed call; the whole pull with its new sync token).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from closer_desk.core.model import ACTIVE_STATUSES, CallKind, Outcome, Status
from closer_desk.core.sync.call import SyncedCall, as_plain, content_hash, from_plain
from closer_desk.core.sync.overlaps import Span, overlap_flags
from closer_desk.store import rows as R
from closer_desk.store.schema import (
    appointments,
    companies,
    prospects,
    script_ticks,
    sync_conflicts,
    sync_flags,
    sync_items,
    sync_links,
)

_COMPANY = "company"
_PROSPECT = "prospect"
_KINDS = {k.value: k for k in CallKind}
_STATUSES = {s.value: s for s in Status}
_OUTCOMES = {o.value: o for o in Outcome}


@dataclass(frozen=True, slots=True)
class LocalCall:
    """One call of the agenda as it would travel, with its row id and hash."""

    id: int
    call: SyncedCall
    hash: str


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """One row of the status table: what both sides last agreed on for a UID."""

    uid: str
    href: str
    etag: str
    hash: str
    base: SyncedCall | None
    is_foreign: bool


def new_uid() -> str:
    """A fresh shared id for a company or a prospect."""
    return str(uuid.uuid4())


def ensure_links(conn: Connection, closer_id: int) -> None:
    """Give every company and prospect of the closer's calls a shared id (once)."""
    for kind, column in (
        (_COMPANY, appointments.c.company_id),
        (_PROSPECT, appointments.c.prospect_id),
    ):
        linked = select(sync_links.c.local_id).where(sync_links.c.kind == kind)
        missing = (
            conn.execute(
                select(column)
                .where(appointments.c.closer_id == closer_id, column.not_in(linked))
                .distinct()
            )
            .scalars()
            .all()
        )
        if missing:
            conn.execute(
                insert(sync_links),
                [{"kind": kind, "local_id": i, "uid": new_uid()} for i in missing],
            )


def local_calls(conn: Connection, closer_id: int) -> dict[str, LocalCall]:
    """Every call of the closer, by UID, as it would travel (one query)."""
    a, c, p = appointments, companies, prospects
    lc, lp = sync_links.alias("lc"), sync_links.alias("lp")
    query = (
        select(
            a.c.id,
            a.c.uid,
            a.c.wall_start,
            a.c.zone,
            a.c.fold,
            a.c.minutes,
            a.c.kind,
            a.c.status,
            a.c.outcome,
            a.c.url,
            a.c.phone,
            a.c.reminder_minutes,
            a.c.sequence,
            a.c.created_utc,
            c.c.name.label("company_name"),
            lc.c.uid.label("company_uid"),
            p.c.name.label("prospect_name"),
            p.c.email,
            p.c.zone.label("prospect_zone"),
            p.c.country,
            p.c.language,
            lp.c.uid.label("prospect_uid"),
        )
        .select_from(a)
        .join(c, c.c.id == a.c.company_id)
        .join(p, p.c.id == a.c.prospect_id)
        .outerjoin(lc, and_(lc.c.kind == _COMPANY, lc.c.local_id == a.c.company_id))
        .outerjoin(lp, and_(lp.c.kind == _PROSPECT, lp.c.local_id == a.c.prospect_id))
        .where(a.c.closer_id == closer_id)
    )
    found: dict[str, LocalCall] = {}
    for row in conn.execute(query):
        call = SyncedCall(
            uid=row.uid,
            start=R.start_from_columns(row.wall_start, row.zone, row.fold),
            minutes=row.minutes,
            kind=_KINDS[row.kind],
            status=_STATUSES[row.status],
            outcome=_OUTCOMES.get(row.outcome) if row.outcome else None,
            url=row.url,
            phone=row.phone,
            reminder_minutes=row.reminder_minutes,
            company_uid=row.company_uid or "",
            company_name=row.company_name,
            prospect_uid=row.prospect_uid or "",
            prospect_name=row.prospect_name,
            prospect_email=row.email,
            prospect_zone=row.prospect_zone,
            prospect_country=row.country,
            prospect_language=row.language,
            created=R.from_epoch(row.created_utc),
            sequence=row.sequence,
        )
        found[row.uid] = LocalCall(row.id, call, content_hash(call))
    return found


# -- the status table ----------------------------------------------------------------------
def statuses(conn: Connection, calendar_id: int) -> dict[str, ItemStatus]:
    """The status table of one calendar, by UID."""
    out = {}
    for row in conn.execute(select(sync_items).where(sync_items.c.calendar_id == calendar_id)):
        base = from_plain(json.loads(row.base)) if row.base else None
        out[row.uid] = ItemStatus(row.uid, row.href, row.etag, row.hash, base, bool(row.is_foreign))
    return out


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


# -- flags ---------------------------------------------------------------------------------
def refresh_flags(conn: Connection, closer_id: int) -> int:
    """Flag the closer's live calls that overlap (see ``core.sync.overlaps``); how many."""
    mine = select(appointments.c.id).where(appointments.c.closer_id == closer_id)
    conn.execute(delete(sync_flags).where(sync_flags.c.appointment_id.in_(mine)))
    rows = conn.execute(
        select(
            appointments.c.id,
            appointments.c.start_utc,
            appointments.c.end_utc,
            appointments.c.created_utc,
            appointments.c.uid,
        ).where(
            appointments.c.closer_id == closer_id,
            appointments.c.status.in_([s.value for s in ACTIVE_STATUSES]),
        )
    ).all()
    flagged = overlap_flags(Span(r.id, r.start_utc, r.end_utc, r.created_utc, r.uid) for r in rows)
    if flagged:
        conn.execute(
            insert(sync_flags),
            [{"appointment_id": f.key, "flag": f.flag.value, "other_id": f.other} for f in flagged],
        )
    return len(flagged)
