"""Applying a parsed calendar to the agenda in one transaction, with bulk writes.

With ``busy=True`` events become busy blocks of a closer in the calendar's *source* (by
default the file's name), upserted by (UID, RECURRENCE-ID) and honouring SEQUENCE. A whole
calendar (METHOD:PUBLISH or none) replaces its source: blocks of events no longer in it are
removed, so an event deleted from the calendar stops blocking time; an iTIP message (REQUEST,
CANCEL) only touches its own events. Our own calls, exported and found again in the closer's
other calendar, are recognised by UID and skipped (they are calls already, not busy time).

Without ``busy``, only events whose UID is one of our calls are used: they cancel or move that
call (an answer to our invite); every other event is refused with a reason.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from closer_desk.core import tz
from closer_desk.core.ics.importing import (
    ImportCancelled,
    ImportOptions,
    Occurrence,
    ParsedCalendar,
    ReadWarning,
    Skipped,
    read_calendar_file,
)
from closer_desk.core.model import Changes, Status
from closer_desk.core.text import one_line
from closer_desk.store import rows as R
from closer_desk.store.agenda import Agenda
from closer_desk.store.busy import record_origin
from closer_desk.store.directory import Key
from closer_desk.store.sql import fetch_named, update_row

#: Reason codes of refused events (the CLI and the window put them in words).
NOT_OUR_CALL = "not_our_call"
RECURRING_CALL = "recurring_call"
OLDER_SEQUENCE = "older_sequence"
#: The UID suffix of the calls this program books (see ``Agenda.book``).
_IN_CHUNK = 500  # SQLite bound-parameter headroom for IN (...) lists
_WRITE_SLICE = 2000  # rows per bulk statement between two cancel checks
#: The stages ``import_file`` announces (the window names them).
READING, WRITING = "reading", "writing"
#: Methods of a whole calendar (it replaces its source); others are iTIP messages.
_WHOLE = ("", "PUBLISH")
_COPY = re.compile(r" \(\d+\)(?=\.[^.]*$|$)")
#: The bulk writes of blocks, as driver SQL (executemany): per-row parameter processing in a
#: query layer cost more than SQLite's own work on a 10,000-event calendar.
_BLOCK_COLUMNS = (
    "closer_id",
    "uid",
    "recurrence_id",
    "source",
    "summary",
    "start_utc",
    "end_utc",
    "all_day",
    "sequence",
)
_INSERT_BLOCK = (
    f"INSERT INTO busy_blocks ({', '.join(_BLOCK_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_BLOCK_COLUMNS))})"
)
_UPDATE_BLOCK = (
    "UPDATE busy_blocks SET summary = :summary, start_utc = :start_utc, end_utc = :end_utc,"
    " all_day = :all_day, sequence = :sequence WHERE id = :b_id"
)


#: One event the import left out, with the line it starts on and a reason code: the parser's
#: own ``Skipped`` (the store adds codes of its own, such as ``older_sequence``).
Refused = Skipped


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did. Counts are busy blocks (``busy``) or calls (otherwise).

    Attributes:
        source: the calendar the busy blocks belong to (``busy`` only).
        removed: blocks of the source whose event is no longer in the calendar.
        cancelled: blocks (or calls) the calendar cancels.
        own_calls: events skipped because they are our own calls (by UID).
        free: events marked free (TRANSP:TRANSPARENT): read, and blocking no time.
        refused: the events left out, each with its line, UID and reason code (unreadable
            ones, and the store's own reasons); ``skipped`` counts them.
        warnings: how parts of the file were read (not UTF-8, an empty RRULE...).
    """

    busy: bool
    closer: str
    events: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    removed: int = 0
    own_calls: int = 0
    free: int = 0
    source: str = ""
    refused: tuple[Refused, ...] = ()
    warnings: tuple[ReadWarning, ...] = ()
    floating: int = 0
    floating_zone: str = ""
    horizon: tuple[datetime, datetime] | None = None
    appointments: frozenset[int] = field(default_factory=frozenset)

    @property
    def skipped(self) -> int:
        """How many events were left out (``refused``)."""
        return len(self.refused)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "mode": "busy" if self.busy else "calls",
            "closer": self.closer,
            "source": self.source,
            "events": self.events,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "cancelled": self.cancelled,
            "own_calls": self.own_calls,
            "free": self.free,
            "skipped": self.skipped,
            "refused": [
                {"line": r.line, "uid": r.uid, "reason": r.code, "detail": r.detail}
                for r in self.refused
            ],
            "warnings": [{"line": w.line, "code": w.code, "uid": w.uid} for w in self.warnings],
            "floating": self.floating,
            "floating_zone": self.floating_zone,
            "horizon": [self.horizon[0], self.horizon[1]] if self.horizon else None,
        }


def source_name(path: Path | str) -> str:
    """The default source of a calendar file: its name, without the `` (1)`` a browser adds
    to a second download of the same export."""
    return _COPY.sub("", one_line(Path(path).name)) or "calendar"


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


def _marks(part: list[str]) -> str:
    return ", ".join("?" * len(part))


def _our_uids(db: sqlite3.Connection, uids: list[str]) -> set[str]:
    """The UIDs that are our own calls: calls of this agenda (any closer). A UID written by
    another closer_desk (a colleague's calls, a shared calendar) is busy time like any."""
    ours: set[str] = set()
    for part in _chunks(uids):
        ours.update(
            uid
            for (uid,) in db.execute(
                f"SELECT uid FROM appointments WHERE uid IN ({_marks(part)})", part
            )
        )
    return ours


def _apply_busy(
    db: sqlite3.Connection,
    closer_id: int,
    parsed: ParsedCalendar,
    source: str,
    stop: Callable[[], None],
) -> dict[str, int]:
    latest = _latest(parsed.occurrences)
    ours = _our_uids(db, sorted({uid for uid, _ in latest}))
    latest = {key: occ for key, occ in latest.items() if key[0] not in ours}
    cancelled_uids = sorted({uid for (uid, _), occ in latest.items() if occ.cancelled})
    existing: dict[tuple[str, str], Any] = {
        (row.uid, row.recurrence_id): row
        for row in fetch_named(
            db, "SELECT * FROM busy_blocks WHERE closer_id = ? AND source = ?", (closer_id, source)
        )
    }
    elsewhere: list[Any] = []  # blocks of other sources a cancellation may remove
    for part in _chunks(cancelled_uids):
        elsewhere += fetch_named(
            db,
            "SELECT * FROM busy_blocks WHERE closer_id = ? AND source != ?"
            f" AND uid IN ({_marks(part)})",
            (closer_id, source, *part),
        )
    counts = {"added": 0, "updated": 0, "unchanged": 0, "cancelled": 0, "removed": 0}
    counts["own_calls"] = len(ours)
    inserts: list[tuple[Any, ...]] = []
    updates: list[dict[str, Any]] = []
    cancelled: set[int] = set()
    series_cancelled: dict[str, int] = {}
    for (uid, rid), occ in latest.items():
        if occ.cancelled:
            if rid == "":
                series_cancelled[uid] = occ.sequence
            for held in (
                existing.get((uid, rid)),
                *(b for b in elsewhere if (b.uid, b.recurrence_id) == (uid, rid)),
            ):
                if held is not None and held.sequence <= occ.sequence:
                    cancelled.add(held.id)
            continue
        held = existing.get((uid, rid))
        if held is None:
            row = (closer_id, uid, rid, source, occ.summary, occ.start_utc, occ.end_utc)
            inserts.append((*row, int(occ.all_day), occ.sequence))
            continue
        values = {
            "summary": occ.summary,
            "start_utc": occ.start_utc,
            "end_utc": occ.end_utc,
            "all_day": int(occ.all_day),
            "sequence": occ.sequence,
        }
        if held.sequence > occ.sequence:
            counts["unchanged"] += 1  # an older copy of the event: the agenda keeps the newer
        elif all(getattr(held, k) == v for k, v in values.items()):
            counts["unchanged"] += 1
        else:
            updates.append({"b_id": held.id, **values})
    # A whole event cancelled: every block of it goes, in any source.
    for held in (*existing.values(), *elsewhere):
        if held.uid in series_cancelled and held.sequence <= series_cancelled[held.uid]:
            cancelled.add(held.id)
    removed: set[int] = set()
    if parsed.method in _WHOLE:
        removed = _gone(existing, latest, parsed) - cancelled
    # Written in slices with a cancel check between them: Cancel during the write rolls the
    # whole transaction back.
    for i in range(0, len(inserts), _WRITE_SLICE):
        stop()
        db.executemany(_INSERT_BLOCK, inserts[i : i + _WRITE_SLICE])
    for i in range(0, len(updates), _WRITE_SLICE):
        stop()
        db.executemany(_UPDATE_BLOCK, updates[i : i + _WRITE_SLICE])
    for part in _chunks([str(i) for i in sorted(cancelled | removed)]):
        stop()
        db.execute(f"DELETE FROM busy_blocks WHERE id IN ({_marks(part)})", [int(i) for i in part])
    stop()
    counts["added"] = len(inserts)
    counts["updated"] = len(updates)
    counts["cancelled"] = len(cancelled)
    counts["removed"] = len(removed)
    return counts


def _gone(
    existing: dict[tuple[str, str], Any],
    latest: dict[tuple[str, str], Occurrence],
    parsed: ParsedCalendar,
) -> set[int]:
    """Blocks of the source that the calendar no longer gives.

    Kept: the blocks of an event the import could not read this time (a broken copy must not
    free its time), and the instances of a series still in the calendar that lie outside this
    import's horizon (the horizon moved; they were not deleted)."""
    unreadable = {s.uid for s in parsed.unreadable}
    in_file = {uid for uid, _ in latest} | {s.uid for s in parsed.skipped}
    lo, hi = R.to_epoch(parsed.horizon_start), R.to_epoch(parsed.horizon_end)
    gone: set[int] = set()
    for key, held in existing.items():
        if key in latest or held.uid in unreadable:
            continue
        outside = held.end_utc <= lo or held.start_utc >= hi
        if held.recurrence_id and outside and held.uid in in_file:
            continue
        gone.add(held.id)
    return gone


def _apply_calls(
    db: sqlite3.Connection, parsed: ParsedCalendar, now: int
) -> tuple[dict[str, int], list[Refused], dict[int, Any]]:
    latest = _latest(parsed.occurrences)
    uids = sorted({uid for uid, _ in latest})
    calls: dict[str, Any] = {}
    for part in _chunks(uids):
        sql = f"SELECT * FROM appointments WHERE uid IN ({_marks(part)})"
        for found in fetch_named(db, sql, part):
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
            lo, hi = occ.start_utc, occ.end_utc
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
        update_row(db, "appointments", row.id, values)
        touched[row.id] = row
    return counts, refused, touched


def _stopper(cancelled: Callable[[], bool] | None) -> Callable[[], None]:
    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    return stop


def apply_import(
    agenda: Agenda,
    parsed: ParsedCalendar,
    *,
    busy: bool,
    closer: Key | None = None,
    source: str = "",
    file: Path | str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Write a parsed calendar to the agenda in one transaction and report what changed.

    ``source`` names the calendar the busy blocks belong to (``busy`` only); ``file``, when
    given, is remembered as where that source was last imported from (``busy_calendars``).
    ``cancelled()`` is polled between the bulk writes: once true, ``ImportCancelled`` is
    raised and the transaction is rolled back (nothing is written)."""
    who = agenda.closer(closer)
    # A free event was read and blocks no time, as its calendar says: not an event left out.
    refused = list(parsed.unreadable)
    free = len(parsed.skipped) - len(refused)
    source = one_line(source).strip()[:200] or "calendar"
    stop = _stopper(cancelled)
    with agenda.file.writing() as db:
        if busy:
            counts = _apply_busy(db, who.id, parsed, source, stop)
            touched: dict[int, Any] = {}
            if file is not None:
                record_origin(db, who.id, source, file, parsed.events, R.to_epoch(agenda.now()))
        else:
            counts, more, touched = _apply_calls(db, parsed, R.to_epoch(agenda.now()))
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
        source=source if busy else "",
        free=free,
        refused=tuple(sorted(refused, key=lambda r: r.line)),
        warnings=parsed.warnings,
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
    source: str | None = None,
    stage: Callable[[str], None] | None = None,
    remember: bool = True,
) -> ImportReport:
    """Parse ``path`` and apply it; a broken file raises ``IcsRejected`` and a cancelled one
    ``ImportCancelled``, both leaving the agenda as it was.

    ``progress(done, total)`` is called while the file's events are parsed, ``stage(name)``
    as the import enters ``READING`` and ``WRITING``; ``cancelled()`` is polled in every
    stage (reading, parsing in this process or in the workers, writing). ``source`` defaults
    to ``source_name``; a busy import remembers the file it came from (unless ``remember`` is
    false: a downloaded copy in a temporary folder)."""
    who = agenda.closer(closer)
    opts = options or ImportOptions(floating_zone=who.zone, now=agenda.now())
    if stage is not None:
        stage(READING)
    parsed = read_calendar_file(path, opts, progress=progress, cancelled=cancelled)
    _stopper(cancelled)()
    if stage is not None:
        stage(WRITING)
    return apply_import(
        agenda,
        parsed,
        busy=busy,
        closer=who.id,
        source=source or source_name(path),
        file=Path(path).absolute() if remember else None,
        cancelled=cancelled,
    )
