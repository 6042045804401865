"""The window's first page, read with the standard ``sqlite3`` module before SQLAlchemy loads.

Importing SQLAlchemy takes longer than a bare PySide6 window takes to appear, so the window
paints today's agenda from this read-only reader and opens the ``Agenda`` facade on its worker
thread afterwards. It answers only for a file that is already at this code's schema with the
UTC index current for this tz database; anything else returns None and the window takes the
normal path (which upgrades, recomputes or reports the problem). A test checks that it returns
exactly what ``Agenda`` returns for the same file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from closer_desk.core.model import (
    AgendaEntry,
    Closer,
    Company,
)
from closer_desk.store import durability
from closer_desk.store import rows as R
from closer_desk.store.directory import all_companies, first_closer
from closer_desk.store.entry_sql import entries_sql
from closer_desk.store.fileinfo import SCHEMA_HEAD

# The same rows as Agenda.entries(closer_id=...), from the same SQL text.
_ENTRIES = entries_sql(one_closer=True, live_only=False, companies=None)


@dataclass(frozen=True)
class FirstPage:
    """What the window shows first: the first closer, the companies and a range of calls."""

    closer: Closer | None
    companies: tuple[Company, ...]
    empty: bool
    start: datetime | None = None
    end: datetime | None = None
    entries: tuple[AgendaEntry, ...] = ()


def read_first_page(
    path: Path, range_for: Callable[[Closer], tuple[datetime, datetime]]
) -> FirstPage | None:
    """The first closer, the companies, and that closer's calls in ``range_for(closer)``.

    None when the file is missing, not at ``SCHEMA_HEAD``, needs its UTC index recomputed, or
    cannot be read: the caller then opens the agenda the normal way.
    """
    if not path.is_file():
        return None
    # A file that cannot be written is read as durability reads it (no -wal or -shm made
    # beside it); any other through SQLite's read-only mode, which sees others' commits.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not durability.writable(path):
        uri = durability.sqlite_uri(path, read_only=True)
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, range_for)
    except (sqlite3.Error, KeyError, ValueError):
        return None
    finally:
        conn.close()


def _read(
    conn: sqlite3.Connection, range_for: Callable[[Closer], tuple[datetime, datetime]]
) -> FirstPage | None:
    import tzdata

    version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    stored_tz = conn.execute("SELECT value FROM settings WHERE key = 'tzdata'").fetchone()
    if (
        version is None
        or version[0] != SCHEMA_HEAD
        or stored_tz is None
        or stored_tz[0] != tzdata.IANA_VERSION
    ):
        return None
    empty = not any(
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
        for table in ("companies", "prospects", "appointments")
    )
    companies = tuple(all_companies(conn))
    closer = first_closer(conn)
    if closer is None:
        return FirstPage(None, companies, empty)
    start, end = range_for(closer)
    result = conn.execute(
        _ENTRIES, {"lo": R.to_epoch(start), "hi": R.to_epoch(end), "closer_id": closer.id}
    )
    entry = R.entry_reader([d[0] for d in result.description])
    entries = tuple(entry(row) for row in result.fetchall())
    return FirstPage(closer, companies, empty, start, end, entries)


__all__ = ["FirstPage", "read_first_page"]
