"""Opening the agenda file: location, permissions, SQLite pragmas, schema upgrades."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import NullPool

from closer_desk.core.errors import AgendaFileError, AgendaVersionError
from closer_desk.store.fileinfo import ENV_DB, SCHEMA_HEAD, default_db_path
from closer_desk.store.fileinfo import KNOWN_REVISIONS as _KNOWN_REVISIONS

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
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` with foreign keys, WAL and a busy timeout on every connection."""
    _create_private_file(path)
    # Each process keeps one connection at a time; NullPool would reopen the file on each
    # query, so a plain pool of one is used. check_same_thread is off because a worker thread
    # may read while the GUI thread waits.
    # URL.create, not an f-string: a path may hold "?", "#" or "%" (a URL would cut it there).
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"check_same_thread": False},
        pool_size=1,
        max_overflow=4,
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def make_memory_engine() -> Engine:
    """An in-memory engine (tests): one shared connection, same pragmas."""
    engine = create_engine(
        "sqlite+pysqlite://", connect_args={"check_same_thread": False}, poolclass=NullPool
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


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` (only imported when there is work to do)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def ensure_schema(engine: Engine) -> None:
    """Bring the file to ``SCHEMA_HEAD``; refuse a file from a newer closer_desk untouched."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and revision not in _KNOWN_REVISIONS:
        raise AgendaVersionError(revision, SCHEMA_HEAD)
    upgrade(engine)


def open_agenda(path: Path | str | None = None, *, clock: Any = None) -> Any:
    """Open (creating or upgrading) the agenda at ``path`` (default: ``default_db_path()``).

    ``clock`` is a zero-argument callable returning an aware "now" (tests inject one).
    """
    from closer_desk.store.agenda import Agenda

    target = Path(path) if path is not None else default_db_path()
    engine = make_engine(target)
    try:
        ensure_schema(engine)
        return Agenda(engine, clock=clock, path=target)
    except DatabaseError as exc:
        engine.dispose()
        raise AgendaFileError(str(target), str(exc.orig)) from exc
    except BaseException:
        engine.dispose()
        raise
