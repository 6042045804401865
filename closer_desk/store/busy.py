"""Busy time a user can see and take out: the imported blocks, by source or one by one.

Each import puts its blocks in a source (the calendar they came from, see
``calendar_import``); the slot finder avoids them all. These functions list the blocks and the
sources, and remove blocks by id or a whole source, each in one transaction. A busy import
from a file also remembers, in the ``settings`` table, where the source was last imported from,
when, and how many events it held (``busy_calendars``), so that it can be imported again in
place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete, func, insert, select

from closer_desk.core.errors import NotFoundError
from closer_desk.core.model import BusyBlock, Changes
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import busy_blocks, closers, settings


@dataclass(frozen=True, slots=True)
class BusySource:
    """One imported calendar of a closer: how many blocks it holds and when they lie."""

    closer_id: int
    closer: str
    source: str
    blocks: int
    first: datetime
    last: datetime


#: Settings keys of the sources' origins: the prefix, then ``[closer id, source]`` as JSON.
_ORIGIN = "busy_source:"


@dataclass(frozen=True, slots=True)
class BusyCalendar:
    """One busy source of a closer as the window lists it: its blocks and, when it was
    imported from a file, where from, when, and how many events the file held then.

    ``first`` and ``last`` are None when the source holds no block (every event free)."""

    closer_id: int
    source: str
    blocks: int
    first: datetime | None
    last: datetime | None
    file: str = ""
    imported: datetime | None = None
    events: int | None = None


def _origin_key(closer_id: int, source: str) -> str:
    return _ORIGIN + json.dumps([closer_id, source])


def record_origin(
    conn: Connection, closer_id: int, source: str, file: Path | str, events: int, now: int
) -> None:
    """Remember, inside an import's transaction, the file ``source`` was imported from."""
    key = _origin_key(closer_id, source)
    value = json.dumps({"file": str(file), "imported_utc": now, "events": events})
    conn.execute(delete(settings).where(settings.c.key == key))
    conn.execute(insert(settings).values(key=key, value=value))


def _origins(conn: Connection) -> list[tuple[str, int, str, dict[str, object]]]:
    """Every remembered origin: its key, closer id, source and data."""
    found = []
    rows = conn.execute(
        select(settings.c.key, settings.c.value).where(settings.c.key.startswith(_ORIGIN))
    )
    for key, value in rows:
        try:
            (owner, source), data = json.loads(key[len(_ORIGIN) :]), json.loads(value)
        except (ValueError, TypeError):
            continue  # not ours to read: left alone
        if isinstance(owner, int) and isinstance(data, dict):
            found.append((key, owner, str(source), data))
    return found


def busy_calendars(agenda: Agenda, closer: Key | None = None) -> list[BusyCalendar]:
    """A closer's busy sources by name: those holding blocks, and those imported from a file
    that hold none now (every event free), with where and when they were last imported."""
    who = agenda.closer(closer)
    query = (
        select(
            busy_blocks.c.source,
            func.count(),
            func.min(busy_blocks.c.start_utc),
            func.max(busy_blocks.c.end_utc),
        )
        .where(busy_blocks.c.closer_id == who.id)
        .group_by(busy_blocks.c.source)
    )
    with agenda.engine.connect() as conn:
        held = {name: (count, lo, hi) for name, count, lo, hi in conn.execute(query)}
        origins = {name: data for _, owner, name, data in _origins(conn) if owner == who.id}
    found = []
    for name in sorted(held.keys() | origins.keys(), key=str.casefold):
        count, lo, hi = held.get(name, (0, None, None))
        origin = origins.get(name, {})
        stamp, events = origin.get("imported_utc"), origin.get("events")
        found.append(
            BusyCalendar(
                closer_id=who.id,
                source=name,
                blocks=count,
                first=R.from_epoch(lo) if lo is not None else None,
                last=R.from_epoch(hi) if hi is not None else None,
                file=str(origin.get("file", "")),
                imported=R.from_epoch(stamp) if isinstance(stamp, int) else None,
                events=events if isinstance(events, int) else None,
            )
        )
    return found


def list_busy(
    agenda: Agenda,
    *,
    closer: Key | None = None,
    source: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[BusyBlock]:
    """Busy blocks by start time: of one closer (None: every closer), of one ``source``,
    overlapping ``[start, end)`` when given."""
    query = select(busy_blocks).order_by(busy_blocks.c.start_utc, busy_blocks.c.id)
    if closer is not None:
        query = query.where(busy_blocks.c.closer_id == agenda.closer(closer).id)
    if source is not None:
        query = query.where(busy_blocks.c.source == source)
    if end is not None:
        query = query.where(busy_blocks.c.start_utc < R.to_epoch(end))
    if start is not None:
        query = query.where(busy_blocks.c.end_utc > R.to_epoch(start))
    with agenda.engine.connect() as conn:
        return [R.busy_from_row(r) for r in conn.execute(query)]


def busy_sources(agenda: Agenda, *, closer: Key | None = None) -> list[BusySource]:
    """The sources of busy time, by closer and name."""
    query = (
        select(
            busy_blocks.c.closer_id,
            closers.c.name,
            busy_blocks.c.source,
            func.count(),
            func.min(busy_blocks.c.start_utc),
            func.max(busy_blocks.c.end_utc),
        )
        .join(closers, closers.c.id == busy_blocks.c.closer_id)
        .group_by(busy_blocks.c.closer_id, closers.c.name, busy_blocks.c.source)
        .order_by(closers.c.name, busy_blocks.c.source)
    )
    if closer is not None:
        query = query.where(busy_blocks.c.closer_id == agenda.closer(closer).id)
    with agenda.engine.connect() as conn:
        return [
            BusySource(cid, name, source, count, R.from_epoch(lo), R.from_epoch(hi))
            for cid, name, source, count, lo, hi in conn.execute(query)
        ]


def remove_busy(agenda: Agenda, ids: list[int]) -> int:
    """Remove the busy blocks ``ids``; all or none (``NotFoundError`` names the first id
    that does not exist). Returns how many were removed."""
    wanted = sorted(set(ids))
    with agenda.engine.begin() as conn:
        found = set(
            conn.execute(select(busy_blocks.c.id).where(busy_blocks.c.id.in_(wanted))).scalars()
        )
        missing = [i for i in wanted if i not in found]
        if missing:
            raise NotFoundError("busy block", missing[0])
        owners = frozenset(
            conn.execute(
                select(busy_blocks.c.closer_id).where(busy_blocks.c.id.in_(wanted)).distinct()
            ).scalars()
        )
        conn.execute(delete(busy_blocks).where(busy_blocks.c.id.in_(wanted)))
    agenda.note_changes(Changes(busy=owners))
    return len(wanted)


def remove_busy_source(agenda: Agenda, source: str, *, closer: Key | None = None) -> int:
    """Remove every block of ``source`` (of one closer, or of every closer); a source with no
    block is ``NotFoundError``. Returns how many were removed."""
    condition = busy_blocks.c.source == source
    who = agenda.closer(closer).id if closer is not None else None
    if who is not None:
        condition &= busy_blocks.c.closer_id == who
    with agenda.engine.begin() as conn:
        owners = set(
            conn.execute(select(busy_blocks.c.closer_id).where(condition).distinct()).scalars()
        )
        removed = conn.execute(delete(busy_blocks).where(condition)).rowcount
        # Its origin goes too (a source of free events holds no block, only its origin).
        for key, owner, name, _ in _origins(conn):
            if name == source and (who is None or owner == who):
                conn.execute(delete(settings).where(settings.c.key == key))
                owners.add(owner)
        if not owners:
            raise NotFoundError("busy source", source)
    agenda.note_changes(Changes(busy=frozenset(owners)))
    return int(removed)
