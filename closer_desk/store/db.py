"""Opening the agenda file: location, permissions, SQLite pragmas, schema upgrades."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from closer_desk.core.errors import (
    AgendaFileError,
    AgendaStorageError,
    AgendaVersionError,
    CloserDeskError,
    StorageProblem,
    ValidationError,
)
from closer_desk.core.parse import fold
from closer_desk.store import durability
from closer_desk.store.fileinfo import ENV_DB, SCHEMA_HEAD, default_db_path
from closer_desk.store.fileinfo import KNOWN_REVISIONS as _KNOWN_REVISIONS

if TYPE_CHECKING:  # imported when an agenda is opened (the facade loads every query)
    from closer_desk.store.agenda import Agenda

__all__ = ["ENV_DB", "SCHEMA_HEAD", "default_db_path", "open_agenda"]
_MIGRATIONS = Path(__file__).with_name("migrations")


def _create_private_file(path: Path) -> list[Path]:
    """Create the agenda file readable by its owner only, and its missing folders owner-only,
    before SQLite opens it. Returns what was created (the file last), to remove on failure."""
    made = durability.make_private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return made
    os.close(fd)
    return [*made, path]


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


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _fold(value: Any) -> Any:
    return fold(value) if isinstance(value, str) else value


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLite's lower() only folds ASCII: "Érable" would never match "érable"; names are
    # compared with accents ignored too ("lumiere" finds "Lumière"), by core's one rule.
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    dbapi_connection.create_function("fold", 1, _fold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(durability.BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _index_in_memory(dbapi_connection: Any, _record: Any) -> None:
    # Before anything reads the file: SQLite then keeps the WAL index in the process's memory
    # instead of the -shm file, which a full disk has no room for. The price is an exclusive
    # lock on the file while this engine is open (another program gets "busy" meanwhile).
    dbapi_connection.execute("PRAGMA locking_mode = EXCLUSIVE")


def make_engine(path: Path, *, read_only: bool = False, index_in_memory: bool = False) -> Engine:
    """An engine on ``path`` with foreign keys and a busy timeout on every connection.

    ``ensure_schema`` switches the file to WAL once its version is known. ``read_only`` opens
    the file without ever creating it, its folder, a -wal or a -shm. Every SQLite error on
    the engine is raised as what it means to the user (``durability.agenda_error``): damage,
    a full disk, an I/O error, a read-only file, a lock; SQL parameters (a prospect's notes)
    never appear in an error's text.
    """
    if not read_only:
        _create_private_file(path)
    uri = durability.sqlite_uri(path, read_only=read_only)
    # Each process keeps one connection at a time; NullPool would reopen the file on each
    # query, so a plain pool of one is used. check_same_thread is off because a worker thread
    # may read while the GUI thread waits. A URI, not a path: the file is never created here,
    # and "?", "#" or bytes that are not UTF-8 in its name cannot open another file.
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=4,
        hide_parameters=True,
    )
    if index_in_memory:
        event.listen(engine, "connect", _index_in_memory)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _user_errors(path))
    return engine


def _user_errors(path: Path) -> Callable[[ExceptionContext], None]:
    def translate(context: ExceptionContext) -> None:
        error = context.original_exception
        if isinstance(error, UnicodeEncodeError):
            # Text SQLite cannot take: bytes that were not UTF-8 in a file name or an argument,
            # which Python carries as surrogate escapes. Bad input; the transaction rolls back.
            raise ValidationError("text", "not_utf8", str(error.object)[:80]) from error
        if (meant := durability.agenda_error(path, error)) is not None:
            raise meant from error

    return translate


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision stamped in the file, or None for a new file."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


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


def ensure_schema(engine: Engine) -> None:
    """Bring the file to ``SCHEMA_HEAD``; refuse a file from a newer closer_desk untouched."""
    revision = current_revision(engine)
    if revision is not None and revision not in _KNOWN_REVISIONS:
        raise AgendaVersionError(revision, SCHEMA_HEAD)
    # WAL is switched on only now, not when connecting: the switch writes the file header,
    # and a file from a newer closer_desk must be refused with its bytes unchanged.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode = WAL")
    if revision != SCHEMA_HEAD:
        upgrade(engine)


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


def _open_engine(target: Path, read_only: bool) -> tuple[Engine, str | None, bool]:
    """An engine on the file, the revision it holds, and whether the disk is full: then the
    engine keeps the WAL index in memory, so that the agenda can still be read."""
    # No -shm means no other program has the file open: on a disk already full, straight to
    # the index in memory (a failed try would leave a -shm stub behind).
    full_now = not read_only and durability.disk_full(target)
    if not (full_now and not Path(f"{target}-shm").exists()):
        engine = make_engine(target, read_only=read_only)
        try:
            return engine, current_revision(engine), False
        except AgendaStorageError as error:
            engine.dispose()
            if error.problem is not StorageProblem.FULL or read_only:
                raise
    engine = make_engine(target, index_in_memory=True)
    try:
        return engine, current_revision(engine), True
    except BaseException:
        engine.dispose()
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
            created = _create_private_file(target)
        except OSError as error:
            raise (durability.agenda_error(target, error) or error) from error
    now = clock() if clock is not None else datetime.now().astimezone()
    today = now.astimezone().date()
    engine: Engine | None = None
    try:
        engine, revision, disk_full = _open_engine(target, read_only)
        if read_only:
            if revision != SCHEMA_HEAD:
                # Reading it needs an upgrade, which is a write.
                raise AgendaStorageError(
                    str(target), StorageProblem.READ_ONLY_OLD, revision or "no schema"
                )
        else:
            if existed and revision in _KNOWN_REVISIONS and revision != SCHEMA_HEAD:
                durability.backup_now(target, today, label=backup_label(SCHEMA_HEAD))
            ensure_schema(engine)
        agenda = Agenda(engine, clock=clock, path=target, refresh_utc=not read_only)
        if existed and daily_backup and not read_only:
            if disk_full:
                # No room for a copy (and this engine's lock would keep the copy waiting).
                skipped = AgendaStorageError(str(target), StorageProblem.FULL)
                if on_backup_skipped is not None:
                    on_backup_skipped(skipped)
            else:
                _daily_backup(target, today, on_backup_skipped)
    except BaseException as error:
        if engine is not None:
            engine.dispose()
        _remove_created(created)
        if isinstance(error, sqlite3.Error | DBAPIError):
            meant = durability.agenda_error(target, error)
            if meant is None and isinstance(error, DBAPIError | sqlite3.DatabaseError):
                # A database that is not an agenda's shape (a table missing...).
                meant = AgendaFileError(str(target), str(getattr(error, "orig", error)))
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
