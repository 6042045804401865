"""Opening the agenda file: location, permissions, SQLite pragmas, schema upgrades.

A file already at ``SCHEMA_HEAD`` opens without SQLAlchemy (``store.connection``): its
revision is read with sqlite3, and Alembic (SQLAlchemy with it) is imported only when there is
an upgrade to run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from closer_desk.core.errors import (
    AgendaFileError,
    AgendaStorageError,
    AgendaVersionError,
    CloserDeskError,
    StorageProblem,
    ValidationError,
)
from closer_desk.store import durability
from closer_desk.store.connection import AgendaFile, create_private_file, make_engine
from closer_desk.store.fileinfo import ENV_DB, SCHEMA_HEAD, default_db_path
from closer_desk.store.fileinfo import KNOWN_REVISIONS as _KNOWN_REVISIONS
from closer_desk.store.sql import driver

if TYPE_CHECKING:  # imported when an agenda is opened (the facade loads every query)
    from sqlalchemy import Engine

    from closer_desk.store.agenda import Agenda

__all__ = ["ENV_DB", "SCHEMA_HEAD", "default_db_path", "make_engine", "open_agenda"]
_MIGRATIONS = Path(__file__).with_name("migrations")


def _remove_created(created: list[Path]) -> None:
    """Take back a new agenda whose creation failed: the file, its -wal/-shm, the folders."""
    for each in reversed(created):
        try:
            if each.is_dir():
                each.rmdir()
            else:
                for side in (Path(f"{each}-wal"), Path(f"{each}-shm"), each):
                    side.unlink(missing_ok=True)
        except OSError:
            return


def revision_of(db: sqlite3.Connection) -> str | None:
    """The Alembic revision stamped in the file, or None for a new file."""
    has_table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def current_revision(engine: Engine) -> str | None:
    """``revision_of`` the file behind an engine."""
    with engine.connect() as conn:
        return revision_of(driver(conn))


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` (only imported when there is work to do)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        # pysqlite opens a transaction only before INSERT/UPDATE/DELETE: without this BEGIN,
        # each CREATE/DROP of a migration would commit on its own, and a crash mid-upgrade
        # could leave half a schema (or, in a batch copy of a table, lose the table).
        # SQLite's DDL is transactional, so the whole upgrade commits or nothing does.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def ensure_schema(file: AgendaFile) -> None:
    """Bring the file to ``SCHEMA_HEAD``; refuse a file from a newer closer_desk untouched."""
    with file.reading() as db:
        revision = revision_of(db)
        if revision is not None and revision not in _KNOWN_REVISIONS:
            raise AgendaVersionError(revision, SCHEMA_HEAD)
        # WAL is switched on only now, not when connecting: the switch writes the file
        # header, and a file from a newer closer_desk must be refused with its bytes unchanged.
        db.execute("PRAGMA journal_mode = WAL")
    if revision != SCHEMA_HEAD:
        upgrade(file.engine)


def backup_label(revision: str) -> str:
    """The label of the backup taken before upgrading to ``revision`` (``before-0004-...``):
    backup names take letters, digits and hyphens only."""
    return "before-" + "".join(c if c.isalnum() else "-" for c in revision.lower())


def _refuse_what_is_not_ours(target: Path) -> None:
    """Refuse, before anything can change it, a file from a newer closer_desk or another
    program's database (read without a byte of the file or of its -wal changing)."""
    peeked = durability.peek_revision(target)
    if peeked is None:
        return  # not readable as SQLite: the normal open says why (damage, a full disk...)
    revision, has_tables = peeked
    if revision is not None and revision not in _KNOWN_REVISIONS:
        raise AgendaVersionError(revision, SCHEMA_HEAD)
    if revision is None and has_tables:
        # Creating the schema in it would change a file that is not ours.
        raise AgendaFileError(str(target), "it is another program's database")


def _open_file(target: Path, read_only: bool) -> tuple[AgendaFile, str | None]:
    """The file's connection and the revision it holds. On a full disk its WAL index is kept
    in memory (``connection.keep_index_in_memory``), so that the agenda can still be read."""
    # No -shm means no other program has the file open: on a disk already full, straight to
    # the index in memory (a failed try would leave a -shm stub behind).
    full_now = not read_only and durability.disk_full(target)
    if not (full_now and not Path(f"{target}-shm").exists()):
        file = AgendaFile(target, read_only=read_only)
        try:
            with file.reading() as db:
                return file, revision_of(db)
        except AgendaStorageError as error:
            file.close()
            if error.problem is not StorageProblem.FULL or read_only:
                raise
    file = AgendaFile(target, in_memory_index=True)
    try:
        with file.reading() as db:
            return file, revision_of(db)
    except BaseException:
        file.close()
        raise


def open_agenda(
    path: Path | str | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    daily_backup: bool = True,
    create: bool = True,
    on_backup_skipped: Callable[[CloserDeskError], None] | None = None,
) -> Agenda:
    """Open (creating or upgrading) the agenda at ``path`` (default: ``default_db_path()``).

    ``clock`` is a zero-argument callable returning an aware "now" (tests inject one).
    Without ``create``, a missing file is bad input (``ValidationError`` "no_agenda") and
    nothing is created. A damaged file raises ``AgendaCorruptError`` naming the newest good
    backup; see ``store.durability`` for when the file is checked and why. A full disk, an
    I/O error, a lock or a read-only file raise ``AgendaStorageError`` when they stop the
    open; a file that cannot be written is opened read-only (its writes raise that error).
    An existing file is backed up before an upgrade (which the backup's failure stops), and
    once a day when ``daily_backup`` (the window passes False and runs
    ``durability.daily_backup`` off the GUI thread once it is painted); that one failing for
    lack of space or a read-only folder only calls ``on_backup_skipped``: reading must work.
    """
    from closer_desk.store.agenda import Agenda

    target = Path(path) if path is not None else default_db_path()
    if target.is_dir():
        raise ValidationError("db", "is_a_folder", str(target))
    existed = target.is_file() and target.stat().st_size > 0
    if not existed and not create:
        raise ValidationError("db", "no_agenda", str(target))
    read_only = existed and not durability.writable(target)
    created: list[Path] = []
    if existed:
        _refuse_what_is_not_ours(target)
        if not read_only:
            durability.owner_only(target)
        if durability.needs_check_at_open(target):
            durability.verify_at_open(target)
    else:
        try:
            created = create_private_file(target)
        except OSError as error:
            raise (durability.agenda_error(target, error) or error) from error
    now = clock() if clock is not None else datetime.now().astimezone()
    today = now.astimezone().date()
    file: AgendaFile | None = None
    try:
        file, revision = _open_file(target, read_only)
        disk_full = file.in_memory_index
        if read_only:
            if revision != SCHEMA_HEAD:
                # Reading it needs an upgrade, which is a write.
                raise AgendaStorageError(
                    str(target), StorageProblem.READ_ONLY_OLD, revision or "no schema"
                )
        else:
            if existed and revision in _KNOWN_REVISIONS and revision != SCHEMA_HEAD:
                durability.backup_now(target, today, label=backup_label(SCHEMA_HEAD))
            ensure_schema(file)
        agenda = Agenda(file, clock=clock, refresh_utc=not read_only)
        if existed and daily_backup and not read_only:
            if disk_full:
                # No room for a copy (and this engine's lock would keep the copy waiting).
                skipped = AgendaStorageError(str(target), StorageProblem.FULL)
                if on_backup_skipped is not None:
                    on_backup_skipped(skipped)
            else:
                _daily_backup(target, today, on_backup_skipped)
    except BaseException as error:
        if file is not None:
            file.close()
        _remove_created(created)
        # sqlite3's own error, or one SQLAlchemy wrapped (during an upgrade).
        cause = getattr(error, "orig", error)
        if isinstance(cause, sqlite3.Error):
            meant = durability.agenda_error(target, error)
            if meant is None and isinstance(cause, sqlite3.DatabaseError):
                # A database that is not an agenda's shape (a table missing...).
                meant = AgendaFileError(str(target), str(cause))
            if meant is not None:
                raise meant from error
        raise
    return agenda


def _daily_backup(
    target: Path, today: Any, on_skipped: Callable[[CloserDeskError], None] | None
) -> None:
    try:
        durability.daily_backup(target, today)
    except AgendaStorageError as error:
        if on_skipped is not None:
            on_skipped(error)
