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
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from closer_desk.core.errors import NotFoundError
from closer_desk.core.model import BusyBlock, Changes
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.sql import fetch_named


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


#: Ids per statement (well under SQLite's limit on variables).
_CHUNK = 500


def _chunks(values: list[int]) -> list[list[int]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _origin_key(closer_id: int, source: str) -> str:
    return _ORIGIN + json.dumps([closer_id, source])


def record_origin(
    db: sqlite3.Connection, closer_id: int, source: str, file: Path | str, events: int, now: int
) -> None:
    """Remember, inside an import's transaction, the file ``source`` was imported from."""
    key = _origin_key(closer_id, source)
    value = json.dumps({"file": str(file), "imported_utc": now, "events": events})
    db.execute("DELETE FROM settings WHERE key = ?", (key,))
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, value))


def _origins(db: sqlite3.Connection) -> list[tuple[str, int, str, dict[str, object]]]:
    """Every remembered origin: its key, closer id, source and data."""
    found = []
    # substr, not LIKE: a source's name may hold "%" or "_", and the prefix is ours.
    rows = db.execute(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(_ORIGIN), _ORIGIN)
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
    with agenda.file.reading() as db:
        held = {
            name: (count, lo, hi)
            for name, count, lo, hi in db.execute(
                "SELECT source, count(*), min(start_utc), max(end_utc) FROM busy_blocks"
                " WHERE closer_id = ? GROUP BY source",
                (who.id,),
            )
        }
        origins = {name: data for _, owner, name, data in _origins(db) if owner == who.id}
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
    where: list[str] = ["1"]
    params: dict[str, object] = {}
    if closer is not None:
        where.append("closer_id = :closer_id")
        params["closer_id"] = agenda.closer(closer).id
    if source is not None:
        where.append("source = :source")
        params["source"] = source
    if end is not None:
        where.append("start_utc < :hi")
        params["hi"] = R.to_epoch(end)
    if start is not None:
        where.append("end_utc > :lo")
        params["lo"] = R.to_epoch(start)
    sql = f"SELECT * FROM busy_blocks WHERE {' AND '.join(where)} ORDER BY start_utc, id"
    with agenda.file.reading() as db:
        return [R.busy_from_row(r) for r in fetch_named(db, sql, params)]


def busy_sources(agenda: Agenda, *, closer: Key | None = None) -> list[BusySource]:
    """The sources of busy time, by closer and name."""
    params: tuple[int, ...]
    where, params = "", ()
    if closer is not None:
        where, params = "WHERE b.closer_id = ?", (agenda.closer(closer).id,)
    sql = (
        "SELECT b.closer_id, c.name, b.source, count(*), min(b.start_utc), max(b.end_utc)"
        f" FROM busy_blocks AS b JOIN closers AS c ON c.id = b.closer_id {where}"
        " GROUP BY b.closer_id, c.name, b.source ORDER BY c.name, b.source"
    )
    with agenda.file.reading() as db:
        return [
            BusySource(cid, name, source, count, R.from_epoch(lo), R.from_epoch(hi))
            for cid, name, source, count, lo, hi in db.execute(sql, params)
        ]


def remove_busy(agenda: Agenda, ids: list[int]) -> int:
    """Remove the busy blocks ``ids``; all or none (``NotFoundError`` names the first id
    that does not exist). Returns how many were removed."""
    wanted = sorted({int(i) for i in ids})
    found: set[int] = set()
    owners: set[int] = set()
    with agenda.file.writing() as db:
        for part in _chunks(wanted):
            marks = ", ".join("?" * len(part))
            rows = db.execute(f"SELECT id, closer_id FROM busy_blocks WHERE id IN ({marks})", part)
            for block_id, owner in rows:
                found.add(block_id)
                owners.add(owner)
        missing = [i for i in wanted if i not in found]
        if missing:
            raise NotFoundError("busy block", missing[0])
        for part in _chunks(wanted):
            db.execute(f"DELETE FROM busy_blocks WHERE id IN ({', '.join('?' * len(part))})", part)
    agenda.note_changes(Changes(busy=frozenset(owners)))
    return len(wanted)


def remove_busy_source(agenda: Agenda, source: str, *, closer: Key | None = None) -> int:
    """Remove every block of ``source`` (of one closer, or of every closer); a source with no
    block is ``NotFoundError``. Returns how many were removed."""
    who = agenda.closer(closer).id if closer is not None else None
    condition, params = "source = :source", {"source": source, "closer_id": who}
    if who is not None:
        condition += " AND closer_id = :closer_id"
    with agenda.file.writing() as db:
        owners = {
            owner
            for (owner,) in db.execute(
                f"SELECT DISTINCT closer_id FROM busy_blocks WHERE {condition}", params
            )
        }
        removed = db.execute(f"DELETE FROM busy_blocks WHERE {condition}", params).rowcount
        # Its origin goes too (a source of free events holds no block, only its origin).
        for key, owner, name, _ in _origins(db):
            if name == source and (who is None or owner == who):
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
                owners.add(owner)
        if not owners:
            raise NotFoundError("busy source", source)
    agenda.note_changes(Changes(busy=frozenset(owners)))
    return int(removed)
