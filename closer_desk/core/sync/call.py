"""A call as it travels to a CalDAV calendar: only what its invite describes, plus the ids
another closer_desk needs to rebuild the same call, company and prospect.

Never the private notes, the client file, deal values or commission: they have no field here,
so no code path can put them on a server.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from closer_desk.core import tz
from closer_desk.core.model import CallKind, Outcome, Status

#: The fields that merge one by one: a change to one on each side is merged, the same one
#: changed on both sides is a conflict. ``start`` holds the agreed wall time and zone.
MERGED_FIELDS = (
    "start",
    "minutes",
    "kind",
    "url",
    "phone",
    "status",
    "outcome",
    "reminder_minutes",
    "company_uid",
    "company_name",
    "prospect_uid",
    "prospect_name",
    "prospect_email",
    "prospect_zone",
    "prospect_country",
    "prospect_language",
)


@dataclass(frozen=True, slots=True)
class SyncedCall:
    """The shared part of one call.

    Attributes:
        uid: the call's ICS UID (the key on both sides).
        start: the agreed start, aware in the agreed zone (its ``fold`` picks the second of
            two equal wall times).
        minutes: length.
        company_uid, prospect_uid: ids of the company and prospect every agenda shares.
        created: when the call was first booked, in UTC (orders calls that overlap).
        sequence: the invite's SEQUENCE (not merged: the higher one wins).
    """

    uid: str
    start: datetime
    minutes: int
    kind: CallKind
    status: Status
    outcome: Outcome | None
    url: str
    phone: str
    reminder_minutes: int
    company_uid: str
    company_name: str
    prospect_uid: str
    prospect_name: str
    prospect_email: str
    prospect_zone: str
    prospect_country: str
    prospect_language: str
    created: datetime
    sequence: int = 0

    def __post_init__(self) -> None:
        tz.require_aware(self.start)
        tz.require_aware(self.created)


def start_key(wall: str, zone: str, fold: int) -> str:
    """The ``start`` field as the hash sees it: the agreed wall time (ISO, to the second), its
    zone and fold. Moving a call to the same instant in another zone is a change (the invite
    says another zone)."""
    return f"{wall}|{zone}|{fold}"


def _key(call: SyncedCall, name: str) -> str:
    value = getattr(call, name)
    if name == "start":
        wall = value.replace(tzinfo=None, fold=0).isoformat(timespec="seconds")
        return start_key(wall, tz.zone_name(value), value.fold)
    if value is None:
        return ""
    return str(value)


def hash_of(keys: list[str]) -> str:
    """The hash of the merged fields' keys, in ``MERGED_FIELDS`` order (the store computes
    them straight from its columns, without building a ``SyncedCall``)."""
    return hashlib.sha256("\x1f".join(keys).encode()).hexdigest()[:32]


def content_hash(call: SyncedCall) -> str:
    """A hash of the merged fields: equal hashes, nothing to do (DTSTAMP, SEQUENCE, PRODID and
    the server's own rewriting of the text do not count)."""
    return hash_of([_key(call, name) for name in MERGED_FIELDS])


def changed_fields(before: SyncedCall, after: SyncedCall) -> frozenset[str]:
    """The merged fields whose value differs."""
    return frozenset(n for n in MERGED_FIELDS if _key(before, n) != _key(after, n))


@dataclass(frozen=True, slots=True)
class Merge:
    """The result of merging two versions of a call against the version both started from.

    Attributes:
        merged: the call with every change of each side applied; a field changed on both
            sides to different values keeps ``mine``'s.
        conflicts: the fields changed on both sides to different values (empty: merged).
        from_theirs: the fields whose value came from ``theirs``.
    """

    merged: SyncedCall
    conflicts: frozenset[str]
    from_theirs: frozenset[str]


def merge(base: SyncedCall | None, mine: SyncedCall, theirs: SyncedCall) -> Merge:
    """Three-way merge field by field. Without ``base`` (the two sides never agreed on a
    version), every field that differs is a conflict."""
    if base is None:
        differ = changed_fields(mine, theirs)
        return Merge(mine, differ, frozenset())
    mine_changed = changed_fields(base, mine)
    theirs_changed = changed_fields(base, theirs)
    differ = changed_fields(mine, theirs)
    conflicts = mine_changed & theirs_changed & differ
    take = (theirs_changed - mine_changed) & differ
    values: dict[str, Any] = {name: getattr(theirs, name) for name in take}
    merged = replace(mine, **values, sequence=max(mine.sequence, theirs.sequence))
    return Merge(merged, frozenset(conflicts), frozenset(take))


def with_fields(call: SyncedCall, source: SyncedCall, names: frozenset[str]) -> SyncedCall:
    """``call`` with the values of ``names`` taken from ``source``."""
    return replace(call, **{name: getattr(source, name) for name in names})


def as_plain(call: SyncedCall) -> dict[str, Any]:
    """Plain JSON-ready data (the status table keeps the agreed version so, for the merge)."""
    out: dict[str, Any] = {}
    for f in fields(call):
        value = getattr(call, f.name)
        if isinstance(value, datetime):
            out[f.name] = [value.replace(tzinfo=None).isoformat(), tz.zone_name(value), value.fold]
        elif value is None or type(value) is int:
            out[f.name] = value
        else:
            out[f.name] = str(value)  # text, and the enums' values
    return out


def from_plain(data: dict[str, Any]) -> SyncedCall:
    """The call ``as_plain`` gave (the agenda's own data: trusted, read back as written)."""

    def when(value: list[Any]) -> datetime:
        wall, zone, fold = value
        return datetime.fromisoformat(wall).replace(tzinfo=tz.zone(zone), fold=int(fold))

    return SyncedCall(
        uid=data["uid"],
        start=when(data["start"]),
        minutes=int(data["minutes"]),
        kind=CallKind(data["kind"]),
        status=Status(data["status"]),
        outcome=Outcome(data["outcome"]) if data["outcome"] else None,
        url=data["url"],
        phone=data["phone"],
        reminder_minutes=int(data["reminder_minutes"]),
        company_uid=data["company_uid"],
        company_name=data["company_name"],
        prospect_uid=data["prospect_uid"],
        prospect_name=data["prospect_name"],
        prospect_email=data["prospect_email"],
        prospect_zone=data["prospect_zone"],
        prospect_country=data["prospect_country"],
        prospect_language=data["prospect_language"],
        created=when(data["created"]),
        sequence=int(data["sequence"]),
    )
