"""Undo and redo of any write: the rows one write changed, and how to put them back.

The window records each write a user makes (``recording``) and undoes it by putting every row
it touched back as it was (``revert``), whatever the write was: a move, an outcome with its
deal, a booking from the planner, a calendar import of thousands of busy blocks, a new company.
One rule for all of them, so nothing a user can do is left out and nothing else is touched:

- temporary triggers, on the window's own connections only (the file's schema and the CLI never
  see them), note the key of every row inserted, updated or deleted, and the row as it was;
- at each commit inside a recording those notes become, per row, its image before the write
  and after it (read in the same transaction, so no other program's commit slips in);
- ``revert`` checks that every row is still as the write left it (another program may have
  changed it since: then nothing is written, ``UndoConflictError``), writes the images back in
  one transaction, refuses if that would touch any other row (a cascade onto rows the write
  did not make), and returns the revision of what it did: reverting that is the redo.

Rows come back with their ids, so a call deleted and brought back is the same call to every
later command. A call's invite SEQUENCE only ever goes up: an undone move is one more change
the prospect must hear about.
"""

from __future__ import annotations

import contextlib
import json
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, event
from sqlalchemy.exc import IntegrityError

from closer_desk.core.errors import UndoConflictError
from closer_desk.core.model import Changes
from closer_desk.store import rows as R
from closer_desk.store.agenda import SEQUENCED, Agenda
from closer_desk.store.schema import metadata

Key = tuple[Any, ...]
Image = tuple[Any, ...]
#: The sync's marks of what to compare (``sync_dirty``) are not the user's: the file's
#: triggers write them on every change, an undo's too, and only a sync clears them. Undone
#: with the write, a mark would be lost (an undone move never pushed) or a revert refused.
_NOT_UNDONE = frozenset({"sync_dirty"})
#: Parents before children: the order rows are inserted in (deleted in the reverse one).
_TABLES: tuple[Table, ...] = tuple(t for t in metadata.sorted_tables if t.name not in _NOT_UNDONE)
_BY_NAME = {t.name: t for t in _TABLES}
_INSTALLED = "closer_desk_undo"
#: Rows per statement when images are read back (well under SQLite's variable limit).
_CHUNK = 400


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row a write changed: its image (values in the schema's column order) before and
    after; None when the row did not exist on that side."""

    table: str
    key: Key
    before: Image | None
    after: Image | None


@dataclass(frozen=True, slots=True)
class Revision:
    """What one write changed, row by row (empty when it changed nothing)."""

    rows: tuple[RowChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rows)

    def keys(self) -> frozenset[tuple[str, Key]]:
        """The rows it touches, as (table, key)."""
        return frozenset((r.table, r.key) for r in self.rows)

    def then(self, later: Revision) -> Revision:
        """This write followed by ``later``, as one (typing in a field saved several times):
        each row from its first image before to its last image after."""
        merged = {(r.table, r.key): r for r in self.rows}
        for row in later.rows:
            first = merged.get((row.table, row.key))
            merged[(row.table, row.key)] = (
                row if first is None else RowChange(row.table, row.key, first.before, row.after)
            )
        return Revision(tuple(r for r in merged.values() if r.before != r.after))


@dataclass
class Recording:
    """The rows a write touched so far (filled at each commit while it runs).

    Attributes:
        revision: what the write changed, once the recording is over.
    """

    thread: int
    images: dict[tuple[str, Key], list[Image | None]] = field(default_factory=dict)
    revision: Revision = field(default_factory=Revision)

    def finish(self) -> None:
        """Keep the rows that really changed."""
        self.revision = Revision(
            tuple(
                RowChange(table, key, before, after)
                for (table, key), (before, after) in self.images.items()
                if before != after
            )
        )


def _columns(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def _keys(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _ddl(table: Table) -> list[str]:
    """The shadow table and triggers that note the changes to ``table`` (temporary objects:
    unqualified names inside a trigger resolve to them)."""
    name, cols, keys = table.name, _columns(table), _keys(table)

    def key_of(side: str) -> str:
        return "json_array(" + ", ".join(f'{side}."{k}"' for k in keys) + ")"

    def note(op: str, side: str) -> str:
        return f"INSERT INTO undo_log(tbl, op, key) VALUES ('{name}', '{op}', {key_of(side)});"

    keep_old = (
        f"INSERT INTO undo_old_{name} VALUES (last_insert_rowid(), "
        + ", ".join(f'OLD."{c}"' for c in cols)
        + ");"
    )
    return [
        f"CREATE TEMP TABLE undo_old_{name} (undo_seq INTEGER PRIMARY KEY, {_quoted(cols)})",
        f'CREATE TEMP TRIGGER undo_{name}_i AFTER INSERT ON main."{name}" BEGIN '
        f"{note('i', 'NEW')} END",
        f'CREATE TEMP TRIGGER undo_{name}_u AFTER UPDATE ON main."{name}" BEGIN '
        f"{note('u', 'OLD')} {keep_old} "
        # A new key (never done by the store) is a new row to the journal.
        f"INSERT INTO undo_log(tbl, op, key) SELECT '{name}', 'i', {key_of('NEW')} "
        f"WHERE {key_of('NEW')} IS NOT {key_of('OLD')}; END",
        f'CREATE TEMP TRIGGER undo_{name}_d AFTER DELETE ON main."{name}" BEGIN '
        f"{note('d', 'OLD')} {keep_old} END",
    ]


def _install(raw: Any) -> None:
    raw.execute(
        "CREATE TEMP TABLE IF NOT EXISTS undo_log "
        "(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key TEXT NOT NULL)"
    )
    for table in _TABLES:
        for statement in _ddl(table):
            raw.execute(statement)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


#: Runs one statement with its parameters and returns the rows (a DBAPI cursor, or a
#: SQLAlchemy result: then the file's errors are said as what they mean to the user).
Execute = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]


def _read_rows(execute: Execute, table: Table, keys: Sequence[Key]) -> dict[Key, Image]:
    """The rows of ``table`` with these keys, as they are now in this transaction."""
    names, pk = _columns(table), _keys(table)
    width = len(pk)
    found: dict[Key, Image] = {}
    for part in _chunks(list(keys)):
        if width == 1:
            where = f'"{pk[0]}" IN ({", ".join("?" * len(part))})'
            params: list[Any] = [k[0] for k in part]
        else:
            one = "(" + ", ".join("?" * width) + ")"
            where = f"({_quoted(pk)}) IN (VALUES {', '.join([one] * len(part))})"
            params = [v for k in part for v in k]
        sql = f'SELECT {_quoted(pk)}, {_quoted(names)} FROM main."{table.name}" WHERE {where}'
        for row in execute(sql, params):
            found[tuple(row[:width])] = tuple(row[width:])
    return found


def _old_images(raw: Any, table: Table, seqs: Sequence[int]) -> dict[int, Image]:
    found: dict[int, Image] = {}
    for part in _chunks(list(seqs)):
        sql = (
            f"SELECT undo_seq, {_quoted(_columns(table))} FROM undo_old_{table.name} "
            f"WHERE undo_seq IN ({', '.join('?' * len(part))})"
        )
        for row in raw.execute(sql, list(part)):
            found[int(row[0])] = tuple(row[1:])
    return found


def _logged(raw: Any) -> list[tuple[int, str, str, Key]]:
    return [
        (int(seq), str(tbl), str(op), tuple(json.loads(key)))
        for seq, tbl, op, key in raw.execute("SELECT seq, tbl, op, key FROM undo_log ORDER BY seq")
    ]


class UndoJournal:
    """Notes the rows each write of one agenda changes, while a recording is on."""

    def __init__(self, agenda: Agenda) -> None:
        self._agenda = weakref.ref(agenda)
        self._active: Recording | None = None
        engine = agenda.engine
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "commit", self._on_commit)

    @staticmethod
    def _on_checkout(raw: Any, record: Any, _proxy: Any) -> None:
        if record.info.get(_INSTALLED) is None:
            try:
                _install(raw)
                record.info[_INSTALLED] = True
            except Exception:  # a connection that cannot take temporary objects writes nothing
                record.info[_INSTALLED] = False

    def _on_commit(self, conn: Connection) -> None:
        if not conn.connection.info.get(_INSTALLED):
            return
        raw = conn.connection.dbapi_connection
        assert raw is not None  # a connection being committed is open
        logged = _logged(raw)
        if not logged:
            return
        recording = self._active
        if recording is not None and recording.thread == threading.get_ident():
            self._collect(raw, recording, logged)
        raw.execute("DELETE FROM undo_log")
        for name in {tbl for _seq, tbl, _op, _key in logged}:
            raw.execute(f"DELETE FROM undo_old_{name}")

    @staticmethod
    def _collect(raw: Any, recording: Recording, logged: list[tuple[int, str, str, Key]]) -> None:
        first: dict[tuple[str, Key], tuple[int, str]] = {}
        for seq, tbl, op, key in logged:
            first.setdefault((tbl, key), (seq, op))
        by_table: dict[str, list[tuple[Key, int, str]]] = {}
        for (tbl, key), (seq, op) in first.items():
            by_table.setdefault(tbl, []).append((key, seq, op))
        for tbl, touched in by_table.items():
            table = _BY_NAME[tbl]
            olds = _old_images(raw, table, [seq for _k, seq, op in touched if op != "i"])
            now = _read_rows(raw.execute, table, [k for k, _s, _o in touched])
            for key, seq, op in touched:
                images = recording.images.get((tbl, key))
                if images is None:
                    images = recording.images[(tbl, key)] = [
                        None if op == "i" else olds.get(seq),
                        None,
                    ]
                images[1] = now.get(key)

    @contextlib.contextmanager
    def recording(self) -> Iterator[Recording]:
        """Note what the writes inside the block change; ``revision`` is set at the end (left
        empty if the block raises: nothing was written)."""
        if self._active is not None:
            raise RuntimeError("recordings do not nest")
        recording = Recording(threading.get_ident())
        self._active = recording
        try:
            yield recording
        finally:
            self._active = None
        recording.finish()


_JOURNALS: weakref.WeakKeyDictionary[Agenda, UndoJournal] = weakref.WeakKeyDictionary()


def journal(agenda: Agenda) -> UndoJournal:
    """The agenda's journal (started the first time it is asked for)."""
    found = _JOURNALS.get(agenda)
    if found is None:
        found = _JOURNALS[agenda] = UndoJournal(agenda)
    return found


def recording(agenda: Agenda) -> contextlib.AbstractContextManager[Recording]:
    """Record what the writes inside the block change (see ``UndoJournal.recording``)."""
    return journal(agenda).recording()


def _where(table: Table, key: Key) -> tuple[str, list[Any]]:
    pk = _keys(table)
    return " AND ".join(f'"{k}" = ?' for k in pk), list(key)


def _write(execute: Execute, table: Table, key: Key, image: Image | None, exists: bool) -> None:
    names = _columns(table)
    where, params = _where(table, key)
    if image is None:
        execute(f'DELETE FROM main."{table.name}" WHERE {where}', params)
    elif exists:
        sets = ", ".join(f'"{n}" = ?' for n in names)
        execute(f'UPDATE main."{table.name}" SET {sets} WHERE {where}', [*image, *params])
    else:
        marks = ", ".join("?" * len(names))
        execute(f'INSERT INTO main."{table.name}" ({_quoted(names)}) VALUES ({marks})', image)


_APPOINTMENT_COLUMNS = _columns(_BY_NAME["appointments"])
_SEQUENCE = _APPOINTMENT_COLUMNS.index("sequence")
_UPDATED = _APPOINTMENT_COLUMNS.index("updated_utc")
_SEQUENCED_AT = tuple(_APPOINTMENT_COLUMNS.index(c) for c in SEQUENCED)


def _call_going_back(current: Image, target: Image, now: int) -> Image:
    """A call put back as it was, its SEQUENCE still going up when the prospect would see the
    difference (never down: they may hold the invite of the undone change)."""
    values = list(target)
    if any(current[i] != target[i] for i in _SEQUENCED_AT):
        values[_SEQUENCE] = int(current[_SEQUENCE]) + 1
        values[_UPDATED] = now
    else:
        values[_SEQUENCE] = current[_SEQUENCE]
    return tuple(values)


def revert(agenda: Agenda, revision: Revision) -> Revision:
    """Put every row of ``revision`` back as it was before, in one transaction; returns the
    revision of this revert (reverting it redoes the write).

    Raises ``UndoConflictError`` (nothing written) when a row is no longer as the write left
    it, or when putting the rows back would change rows the write did not touch.
    """
    order = {t.name: n for n, t in enumerate(_TABLES)}
    # Deletes children first, inserts parents first, updates before both.
    rows = sorted(
        revision.rows,
        key=lambda r: (
            0 if r.before is not None and r.after is not None else 1 if r.before is None else 2,
            -order[r.table] if r.before is None else order[r.table],
        ),
    )
    expected = revision.keys()
    with recording(agenda) as done:
        try:
            with agenda.batch(), agenda.engine.connect() as conn:

                def execute(sql: str, params: Sequence[Any]) -> Iterable[Sequence[Any]]:
                    return conn.exec_driver_sql(sql, tuple(params))

                # The rows go back in any order; the file's rules are checked at commit.
                conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                now = R.to_epoch(agenda.now())
                by_table: dict[str, list[RowChange]] = {}
                for row in rows:
                    by_table.setdefault(row.table, []).append(row)
                current: dict[tuple[str, Key], Image] = {}
                for tbl, changes in by_table.items():
                    found = _read_rows(execute, _BY_NAME[tbl], [r.key for r in changes])
                    for r in changes:
                        if found.get(r.key) != r.after:
                            raise UndoConflictError(tbl)
                        if r.key in found:
                            current[(tbl, r.key)] = found[r.key]
                for row in rows:
                    now_image = current.get((row.table, row.key))
                    image = row.before
                    if row.table == "appointments" and image is not None and now_image:
                        image = _call_going_back(now_image, image, now)
                    _write(execute, _BY_NAME[row.table], row.key, image, now_image is not None)
                touched = {(t, k) for _s, t, _o, k in _logged(conn.connection.dbapi_connection)}
                if not touched <= expected:
                    raise UndoConflictError(next(iter(touched - expected))[0])
        except IntegrityError as error:
            # A row put back that another row now contradicts (a name taken since...).
            raise UndoConflictError(_table_of(error)) from error
    agenda.note_changes(changes_of(revision))
    return done.revision


def _table_of(error: IntegrityError) -> str:
    text = str(error.orig)
    return next((t.name for t in _TABLES if f"{t.name}." in text), "")


#: Rows that belong to a call or a person: which ``Changes`` field their owner goes in.
_OWNERS: dict[str, tuple[tuple[str, str], ...]] = {
    "weekly_hours": (
        ("closer_id", "closers"),
        ("company_id", "companies"),
        ("prospect_id", "prospects"),
    ),
    "date_overrides": (("closer_id", "closers"),),
    "travel_periods": (("closer_id", "closers"),),
    "mail_accounts": (("closer_id", "closers"),),
    "mail_reminders": (("company_id", "companies"),),
    "busy_blocks": (("closer_id", "busy"),),
    # Only the call's desk and its invite show these: the call is named, not its closer's page.
    "script_ticks": (("appointment_id", "appointments"),),
    "invite_answers": (("appointment_id", "appointments"),),
    "outbox": (("appointment_id", "appointments"),),
    "appointments": (
        ("id", "appointments"),
        ("closer_id", "call_closers"),
        ("prospect_id", "call_prospects"),
    ),
    "closers": (("id", "closers"),),
    "companies": (("id", "companies"),),
    "prospects": (("id", "prospects"),),
}


def changes_of(revision: Revision) -> Changes:
    """What a revision concerns, for the rooms (``core.model.Changes``)."""
    found: dict[str, set[int]] = {}
    for row in revision.rows:
        names = _columns(_BY_NAME[row.table])
        for image in (row.before, row.after):
            if image is None:
                continue
            values = dict(zip(names, image, strict=True))
            for column, kind in _OWNERS.get(row.table, ()):
                if values.get(column) is not None:
                    found.setdefault(kind, set()).add(int(values[column]))
    ids = {k: frozenset(v) for k, v in found.items()}
    empty: frozenset[int] = frozenset()
    return Changes(
        appointments=ids.get("appointments", empty),
        call_closers=ids.get("call_closers", empty),
        call_prospects=ids.get("call_prospects", empty),
        closers=ids.get("closers", empty),
        companies=ids.get("companies", empty),
        prospects=ids.get("prospects", empty),
        busy=ids.get("busy", empty),
    )
