"""Applying a parsed calendar to the agenda in one transaction, with bulk writes.

With ``busy=True`` events become busy blocks of a closer, upserted by (UID, RECURRENCE-ID) and
honouring SEQUENCE, so re-importing the same or an updated file updates rather than
duplicates. Without it, only events whose UID is one of our calls are used: they cancel or
move that call (an answer to our invite); every other event is refused with a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from closer_desk.core import tz
from closer_desk.core.ics.importing import (
    ImportCancelled,
    ImportOptions,
    Occurrence,
    ParsedCalendar,
    Skipped,
    read_calendar_file,
)
from closer_desk.core.model import Changes, Status
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.directory import Key
from closer_desk.store.schema import appointments, busy_blocks

#: Reason codes of refused events (the CLI and the window put them in words).
NOT_OUR_CALL = "not_our_call"
RECURRING_CALL = "recurring_call"
OLDER_SEQUENCE = "older_sequence"
_IN_CHUNK = 500  # SQLite bound-parameter headroom for IN (...) lists


#: One event the import left out, with the line it starts on and a reason code: the parser's
#: own ``Skipped`` (the store adds codes of its own, such as ``older_sequence``).
Refused = Skipped


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did. Counts are busy blocks (``busy``) or calls (otherwise)."""

    busy: bool
    closer: str
    events: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    refused: tuple[Refused, ...] = ()
    floating: int = 0
    floating_zone: str = ""
    horizon: tuple[datetime, datetime] | None = None
    appointments: frozenset[int] = field(default_factory=frozenset)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "mode": "busy" if self.busy else "calls",
            "closer": self.closer,
            "events": self.events,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
            "refused": [
                {"line": r.line, "uid": r.uid, "reason": r.code, "detail": r.detail}
                for r in self.refused
            ],
            "floating": self.floating,
            "floating_zone": self.floating_zone,
            "horizon": [self.horizon[0], self.horizon[1]] if self.horizon else None,
        }


def _latest(occurrences: Iterable[Occurrence]) -> dict[tuple[str, str], Occurrence]:
    """One occurrence per (uid, recurrence id): the highest SEQUENCE wins, then the last."""
    latest: dict[tuple[str, str], Occurrence] = {}
    for occ in occurrences:
        key = (occ.uid, occ.recurrence_id)
        held = latest.get(key)
        if held is None or occ.sequence >= held.sequence:
            latest[key] = occ
    return latest


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]


def _apply_busy(
    conn: Connection, closer_id: int, parsed: ParsedCalendar, source: str
) -> dict[str, int]:
    latest = _latest(parsed.occurrences)
    uids = sorted({uid for uid, _ in latest})
    existing: dict[tuple[str, str], Any] = {}
    for part in _chunks(uids):
        for row in conn.execute(
            select(busy_blocks).where(
                busy_blocks.c.closer_id == closer_id, busy_blocks.c.uid.in_(part)
            )
        ):
            existing[(row.uid, row.recurrence_id)] = row
    counts = {"added": 0, "updated": 0, "unchanged": 0, "cancelled": 0}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    deletions: list[int] = []
    series_seq: dict[str, int] = {}
    cancelled_series: dict[str, int] = {}
    for (uid, rid), occ in latest.items():
        if occ.cancelled and rid == "":
            cancelled_series[uid] = occ.sequence
            continue
        if not occ.cancelled:
            series_seq[uid] = max(series_seq.get(uid, 0), occ.sequence)
        held = existing.get((uid, rid))
        if occ.cancelled:
            if held is not None and held.sequence <= occ.sequence:
                deletions.append(held.id)
            continue
        values = {
            "summary": occ.summary,
            "start_utc": R.to_epoch(occ.start),
            "end_utc": R.to_epoch(occ.end),
            "all_day": int(occ.all_day),
            "sequence": occ.sequence,
            "source": source,
        }
        if held is None:
            inserts.append({"closer_id": closer_id, "uid": uid, "recurrence_id": rid, **values})
        elif held.sequence > occ.sequence:
            counts["unchanged"] += 1  # an older copy of the event: the agenda keeps the newer
        elif all(getattr(held, k) == v for k, v in values.items() if k != "source"):
            counts["unchanged"] += 1
        else:
            updates.append({"b_id": held.id, **values})
    # A whole event cancelled, or instances no longer in an updated series: their blocks go.
    for (uid, rid), held in existing.items():
        if held.id in deletions:
            continue
        whole_cancelled = uid in cancelled_series and held.sequence <= cancelled_series[uid]
        dropped = (
            uid in series_seq and (uid, rid) not in latest and held.sequence <= series_seq[uid]
        )
        if whole_cancelled or dropped:
            deletions.append(held.id)
    if inserts:
        conn.execute(insert(busy_blocks), inserts)
    if updates:
        conn.execute(
            update(busy_blocks)
            .where(busy_blocks.c.id == bindparam("b_id"))
            .values(
                summary=bindparam("summary"),
                start_utc=bindparam("start_utc"),
                end_utc=bindparam("end_utc"),
                all_day=bindparam("all_day"),
                sequence=bindparam("sequence"),
                source=bindparam("source"),
            ),
            updates,
        )
    for part in _chunks([str(i) for i in deletions]):
        conn.execute(delete(busy_blocks).where(busy_blocks.c.id.in_([int(i) for i in part])))
    counts["added"] = len(inserts)
    counts["updated"] = len(updates)
    counts["cancelled"] = len(deletions)
    return counts


def _apply_calls(
    conn: Connection, parsed: ParsedCalendar, now: int
) -> tuple[dict[str, int], list[Refused], dict[int, Any]]:
    latest = _latest(parsed.occurrences)
    uids = sorted({uid for uid, _ in latest})
    calls: dict[str, Any] = {}
    for part in _chunks(uids):
        for found in conn.execute(select(appointments).where(appointments.c.uid.in_(part))):
            calls[found.uid] = found
    counts = {"added": 0, "updated": 0, "unchanged": 0, "cancelled": 0}
    refused: list[Refused] = []
    touched: dict[int, Any] = {}
    told: set[str] = set()
    for (uid, rid), occ in sorted(latest.items(), key=lambda kv: kv[1].line):
        row: Any = calls.get(uid)
        if row is None or rid:
            if uid not in told:
                told.add(uid)
                refused.append(
                    Refused(occ.line, uid, RECURRING_CALL if row is not None else NOT_OUR_CALL)
                )
            continue
        if occ.sequence < row.sequence:
            refused.append(
                Refused(occ.line, uid, OLDER_SEQUENCE, f"{occ.sequence} < {row.sequence}")
            )
            continue
        values: dict[str, Any]
        if occ.cancelled:
            if row.status == Status.CANCELLED.value:
                counts["unchanged"] += 1
                continue
            values = {"status": Status.CANCELLED.value}
            counts["cancelled"] += 1
        else:
            lo, hi = R.to_epoch(occ.start), R.to_epoch(occ.end)
            if (lo, hi) == (row.start_utc, row.end_utc):
                counts["unchanged"] += 1
                continue
            # The call keeps the zone it was agreed in; only its instant and length change.
            start = tz.convert(occ.start, row.zone)
            values = {**R.wall_columns(start), "minutes": max(1, (hi - lo) // 60), "start_utc": lo}
            values["end_utc"] = lo + values["minutes"] * 60
            counts["updated"] += 1
        values["sequence"] = max(occ.sequence, row.sequence + 1)
        values["updated_utc"] = now
        conn.execute(update(appointments).where(appointments.c.id == row.id).values(**values))
        touched[row.id] = row
    return counts, refused, touched


def apply_import(
    agenda: Agenda,
    parsed: ParsedCalendar,
    *,
    busy: bool,
    closer: Key | None = None,
    source: str = "",
) -> ImportReport:
    """Write a parsed calendar to the agenda in one transaction and report what changed."""
    who = agenda.closer(closer)
    refused = list(parsed.skipped)
    with agenda.engine.begin() as conn:
        if busy:
            counts = _apply_busy(conn, who.id, parsed, source)
            touched: dict[int, Any] = {}
        else:
            counts, more, touched = _apply_calls(conn, parsed, R.to_epoch(agenda.now()))
            refused.extend(more)
    if busy and (counts["added"] or counts["updated"] or counts["cancelled"]):
        agenda.note_changes(Changes(busy=frozenset({who.id})))
    if touched:
        agenda.note_changes(
            Changes(
                appointments=frozenset(touched),
                call_closers=frozenset(r.closer_id for r in touched.values()),
                call_prospects=frozenset(r.prospect_id for r in touched.values()),
            )
        )
    return ImportReport(
        busy=busy,
        closer=who.name,
        events=parsed.events,
        refused=tuple(sorted(refused, key=lambda r: r.line)),
        floating=parsed.floating,
        floating_zone=parsed.floating_zone,
        horizon=(parsed.horizon_start, parsed.horizon_end),
        appointments=frozenset(touched),
        **counts,
    )


def import_file(
    agenda: Agenda,
    path: Path | str,
    *,
    busy: bool,
    closer: Key | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Parse ``path`` (on every core) and apply it; a broken file raises ``IcsRejected`` and
    a cancelled one ``ImportCancelled``, both before anything is written."""
    who = agenda.closer(closer)
    opts = options or ImportOptions(floating_zone=who.zone, now=agenda.now())
    parsed = read_calendar_file(path, opts, progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    return apply_import(agenda, parsed, busy=busy, closer=who.id, source=Path(path).name)
