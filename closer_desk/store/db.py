"""Opening the agenda file: location, permissions, SQLite pragmas, schema upgrades."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, DBAPIError

from closer_desk.core.errors import AgendaFileError, AgendaVersionError
from closer_desk.store.fileinfo import ENV_DB, SCHEMA_HEAD, default_db_path
from closer_desk.store.fileinfo import KNOWN_REVISIONS as _KNOWN_REVISIONS

if TYPE_CHECKING:  # imported when an agenda is opened (the facade loads every query)
    from closer_desk.store.agenda import Agenda

__all__ = ["ENV_DB", "SCHEMA_HEAD", "default_db_path", "open_agenda"]
_MIGRATIONS = Path(__file__).with_name("migrations")


def _create_private_file(path: Path) -> None:
    """Create the agenda file readable by its owner only, before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLite's lower() only folds ASCII: "Érable" would never match "érable".
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` with foreign keys and a busy timeout on every connection.

    ``ensure_schema`` switches the file to WAL once its version is known.
    """
    _create_private_file(path)
    # Each process keeps one connection at a time; NullPool would reopen the file on each
    # query, so a plain pool of one is used. check_same_thread is off because a worker thread
    # may read while the GUI thread waits.
    # URL.create, not an f-string URL: a "?" or "#" in the file name would otherwise be read
    # as the URL's query and SQLite would open another file.
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"check_same_thread": False},
        pool_size=1,
        max_overflow=4,
    )
    event.listen(engine, "connect", _on_connect)
    return engine


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


def _holds_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table'")).first()
    return found is not None


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


def open_agenda(
    path: Path | str | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    daily_backup: bool = True,
) -> Agenda:
    """Open (creating or upgrading) the agenda at ``path`` (default: ``default_db_path()``).

    ``clock`` is a zero-argument callable returning an aware "now" (tests inject one).
    A damaged file raises ``AgendaCorruptError`` naming the newest good backup; see
    ``store.durability`` for when the file is checked and why. An existing file is backed up
    before an upgrade, and once a day when ``daily_backup`` (the window passes False and runs
    ``durability.daily_backup`` off the GUI thread once it is painted).
    """
    from closer_desk.store import durability
    from closer_desk.store.agenda import Agenda

    target = Path(path) if path is not None else default_db_path()
    existed = target.exists() and target.stat().st_size > 0
    if existed and durability.needs_check_at_open(target):
        durability.verify_at_open(target)
    now = clock() if clock is not None else datetime.now().astimezone()
    today = now.astimezone().date()
    engine = make_engine(target)
    try:
        revision = current_revision(engine)
        if existed and revision is None and _holds_tables(engine):
            # Another program's SQLite database: creating the schema in it would change a
            # file that is not ours.
            raise AgendaFileError(str(target), "it is another program's database")
        if existed and revision in _KNOWN_REVISIONS and revision != SCHEMA_HEAD:
            durability.backup_now(target, today, label=f"before-{SCHEMA_HEAD}")
        ensure_schema(engine)
        agenda = Agenda(engine, clock=clock, path=target)
        if existed and daily_backup:
            durability.daily_backup(target, today)
    except (sqlite3.Error, DBAPIError) as error:
        engine.dispose()
        if (corrupt := durability.as_corrupt_error(target, error)) is not None:
            raise corrupt from error
        if isinstance(error, DatabaseError):
            raise AgendaFileError(str(target), str(error.orig)) from error
        raise
    except BaseException:
        engine.dispose()
        raise
    return agenda
