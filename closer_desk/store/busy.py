"""Busy time a user can see and take out: the imported blocks, by source or one by one.

Each import puts its blocks in a source (the calendar they came from, see
``calendar_import``); the slot finder avoids them all. These functions list the blocks and the
sources, and remove blocks by id or a whole source, each in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select

from closer_desk.core.errors import NotFoundError
from closer_desk.core.model import BusyBlock, Changes
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import busy_blocks, closers


@dataclass(frozen=True, slots=True)
class BusySource:
    """One imported calendar of a closer: how many blocks it holds and when they lie."""

    closer_id: int
    closer: str
    source: str
    blocks: int
    first: datetime
    last: datetime


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
    if closer is not None:
        condition &= busy_blocks.c.closer_id == agenda.closer(closer).id
    with agenda.engine.begin() as conn:
        owners = frozenset(
            conn.execute(select(busy_blocks.c.closer_id).where(condition).distinct()).scalars()
        )
        removed = conn.execute(delete(busy_blocks).where(condition)).rowcount
        if not removed:
            raise NotFoundError("busy source", source)
    agenda.note_changes(Changes(busy=owners))
    return int(removed)
