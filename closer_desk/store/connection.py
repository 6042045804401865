"""The agenda file's connection: SQLAlchemy's engine once something needs it, sqlite3 before.

Importing SQLAlchemy takes about four bare interpreters' starts, more than a whole ``agenda``,
``slots`` or ``book`` command may take. The statements those commands run are SQL text (one
statement per operation, in the module that owns it), run on a DB-API connection lent by
``AgendaFile``: the engine's own connection when the engine has been built, so that batches,
undo's triggers, locks and error translation are those of every other write; otherwise one
plain ``sqlite3`` connection, set up exactly as the engine sets up its own (``prepare``).

The engine is built the first time a module written with SQLAlchemy Core asks for it (the
window, reports, the desk, sync, the outbox, undo's journal). The plain connection is closed
first: the file may be in EXCLUSIVE locking mode, and two connections of one process must not
fight over it. Inside a batch on the plain connection, the engine takes that connection over
instead, so that the batch stays one transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from closer_desk.core.errors import ValidationError
from closer_desk.core.parse import fold
from closer_desk.store import durability
from closer_desk.store.sql import driver

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import ExceptionContext

    from closer_desk.store.batch import BatchEngine


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _fold(value: Any) -> Any:
    return fold(value) if isinstance(value, str) else value


def prepare(db: Any) -> None:
    """Set up a new DB-API connection to the agenda (the engine's and the plain one alike):
    ``casefold()`` and ``fold()``, foreign keys, a busy timeout and NORMAL sync."""
    # SQLite's lower() only folds ASCII: "Érable" would never match "érable"; names are
    # compared with accents ignored too ("lumiere" finds "Lumière"), by core's one rule.
    db.create_function("casefold", 1, _casefold, deterministic=True)
    db.create_function("fold", 1, _fold, deterministic=True)
    cursor = db.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(durability.BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def keep_index_in_memory(db: Any) -> None:
    """Keep the WAL index in the process's memory instead of the -shm file, which a full disk
    has no room for; to run before anything reads the file. The price is an exclusive lock on
    the file while the connection is open (another program gets "busy" meanwhile)."""
    db.execute("PRAGMA locking_mode = EXCLUSIVE")


def connect(
    path: Path, *, read_only: bool = False, in_memory_index: bool = False
) -> sqlite3.Connection:
    """A new connection to the agenda at ``path``, set up as the engine's (``prepare``).

    A URI, not a path: the file is never created here, and "?", "#" or bytes that are not
    UTF-8 in its name cannot open another file. ``check_same_thread`` is off because a worker
    thread may read while another waits; ``AgendaFile`` lends it to one thread at a time.
    """
    uri = durability.sqlite_uri(path, read_only=read_only)
    db = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        if in_memory_index:
            keep_index_in_memory(db)
        prepare(db)
    except BaseException:
        db.close()
        raise
    return db


def create_private_file(path: Path) -> list[Path]:
    """Create the agenda file readable by its owner only, and its missing folders owner-only,
    before SQLite opens it. Returns what was created (the file last), to remove on failure."""
    made = durability.make_private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return made
    os.close(fd)
    return [*made, path]


def make_engine(
    path: Path,
    *,
    read_only: bool = False,
    index_in_memory: bool = False,
    first_connection: sqlite3.Connection | None = None,
) -> Engine:
    """An engine on ``path`` with foreign keys and a busy timeout on every connection
    (``connection.prepare``).

    ``ensure_schema`` switches the file to WAL once its version is known. ``read_only`` opens
    the file without ever creating it, its folder, a -wal or a -shm. Every SQLite error on
    the engine is raised as what it means to the user (``durability.agenda_error``): damage,
    a full disk, an I/O error, a read-only file, a lock; SQL parameters (a prospect's notes)
    never appear in an error's text. ``first_connection`` (already set up) is the pool's
    first connection: a batch under way on it goes on on the engine.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    if not read_only:
        create_private_file(path)
    uri = durability.sqlite_uri(path, read_only=read_only)
    handed = [first_connection] if first_connection is not None else []

    def creator() -> sqlite3.Connection:
        if handed:
            return handed.pop()
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    # SQLAlchemy learns the dialect on its first connection and rolls that connection back:
    # not on one handed over in a transaction, but on a throwaway connection to no file.
    if handed:
        handed.append(sqlite3.connect(":memory:", check_same_thread=False))

    # Each process keeps one connection at a time; NullPool would reopen the file on each
    # query, so a plain pool of one is used. check_same_thread is off because a worker thread
    # may read while the GUI thread waits. A URI, not a path: the file is never created here,
    # and "?", "#" or bytes that are not UTF-8 in its name cannot open another file.
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=4,
        hide_parameters=True,
    )

    def set_up(db: sqlite3.Connection, _record: Any) -> None:
        if db is first_connection:
            return  # set up already, and in a transaction that its pragmas cannot enter
        if index_in_memory:
            keep_index_in_memory(db)
        prepare(db)

    event.listen(engine, "connect", set_up)
    event.listen(engine, "handle_error", _user_errors(path))
    if first_connection is not None:
        engine.connect().close()
        engine.dispose()  # the throwaway goes; the next connection is the one handed over
    return engine


def _user_errors(path: Path) -> Callable[[ExceptionContext], None]:
    def translate(context: ExceptionContext) -> None:
        # The transaction rolls back; the error says what it means (connection.user_error).
        error = context.original_exception
        if (meant := user_error(path, error)) is not None:
            raise meant from error

    return translate


def user_error(path: Path, error: BaseException) -> Exception | None:
    """What an error from SQLite on the agenda means to its user (``durability.agenda_error``),
    or None for a bug. Text SQLite cannot take (bytes that were not UTF-8 in a file name or an
    argument, carried as surrogate escapes) is bad input."""
    if isinstance(error, UnicodeEncodeError):
        return ValidationError("text", "not_utf8", str(error.object)[:80])
    return durability.agenda_error(path, error)


class AgendaFile:
    """The one door to the agenda file's connections.

    ``reading()`` lends a DB-API connection for some queries, ``writing()`` one in a
    transaction that holds the file's write lock from its start, ``batch()`` makes every
    ``writing()`` inside it one transaction, and ``engine`` is SQLAlchemy's engine on the file.

    Attributes:
        path: the agenda file.
        read_only: opened with SQLite's read-only mode (writes raise ``AgendaStorageError``).
        in_memory_index: the WAL index is kept in memory (``keep_index_in_memory``).
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection | None = None,
        *,
        read_only: bool = False,
        in_memory_index: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.in_memory_index = in_memory_index
        self._plain = connection
        self._engine: Engine | None = None
        # The engine a batch runs on (one connection, savepoints), while one is under way.
        self._batch_engine: BatchEngine | None = None
        # The engine's connection that took a plain batch's connection over, till it ends.
        self._taken_over: Connection | None = None
        self._plain_batch = False
        # Held while the plain connection is lent: one thread at a time uses it.
        self._lock = threading.RLock()

    # -- the engine --------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine on the file (a batch's stand-in inside ``batch()``), built and
        SQLAlchemy imported on first use."""
        if self._batch_engine is None and self._engine is None:
            self._build_engine()
        if self._batch_engine is not None:
            return self._batch_engine  # type: ignore[return-value]
        assert self._engine is not None
        return self._engine

    @property
    def has_engine(self) -> bool:
        """True once the engine is built: the text then runs on its connections."""
        return self._engine is not None

    def _build_engine(self) -> None:
        with self._lock:
            if self._engine is not None:
                return
            from closer_desk.store.batch import BatchEngine

            plain = self._plain
            if plain is not None and plain.in_transaction and not self._plain_batch:
                # A write of ours is under way on it; only a batch may be handed over.
                raise RuntimeError("the engine cannot be built inside a write")
            handed = plain if self._plain_batch else None
            self._plain = None
            if plain is not None and handed is None:
                plain.close()
            self._engine = make_engine(
                self.path,
                read_only=self.read_only,
                index_in_memory=self.in_memory_index,
                first_connection=handed,
            )
            if handed is not None:
                self._taken_over = self._engine.connect()
                self._batch_engine = BatchEngine(self._taken_over)

    # -- lending connections -----------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._plain is None:
            self._plain = connect(
                self.path, read_only=self.read_only, in_memory_index=self.in_memory_index
            )
        return self._plain

    @contextlib.contextmanager
    def translated(self) -> Iterator[None]:
        """Raise SQLite's errors inside the block as what they mean to the user, as the
        engine's ``handle_error`` does (the text runs on the driver, under SQLAlchemy)."""
        try:
            yield
        except (sqlite3.Error, UnicodeEncodeError) as error:
            if (meant := user_error(self.path, error)) is not None:
                raise meant from error
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for some queries (the batch's inside ``batch()``). Nothing inside the
        block may ask for the engine."""
        if self._engine is not None or self._batch_engine is not None:
            with self.engine.connect() as conn, self.translated():
                yield driver(conn)
            return
        with self._lock:
            if self._engine is not None:  # built by another thread meanwhile
                with self.engine.connect() as conn, self.translated():
                    yield driver(conn)
                return
            with self.translated():
                yield self._connection()

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back whole if it raises.

        The write lock is taken at once (``BEGIN IMMEDIATE``, see ``batch.write_lock``), so
        that a check before the first write (is the slot free?) cannot race another process.
        Inside ``batch()`` the block is a savepoint of the batch's transaction: a call that
        fails undoes only itself. Nothing inside the block may ask for the engine.
        """
        if self._engine is not None or self._batch_engine is not None:
            from closer_desk.store.batch import write_lock

            with self.engine.begin() as conn, self.translated():
                write_lock(conn)
                yield driver(conn)
            return
        with self._lock:
            if self._engine is not None:  # built by another thread meanwhile
                with self.writing() as db:
                    yield db
                return
            with self.translated():
                db = self._connection()
                if self._plain_batch:
                    db.execute("SAVEPOINT agenda_write")
                    try:
                        yield db
                    except BaseException:
                        db.execute("ROLLBACK TO agenda_write")
                        db.execute("RELEASE agenda_write")
                        raise
                    db.execute("RELEASE agenda_write")
                    return
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.rollback()
                    raise
                db.commit()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Every write inside the block in one transaction: all of them, or none. For one
        thread at a time (the window's worker or a CLI command); a batch inside a batch joins
        it."""
        if self._batch_engine is not None or self._plain_batch:
            yield
            return
        if self._engine is not None:
            from closer_desk.store.batch import one_transaction

            with one_transaction(self._engine) as single:
                self._batch_engine = single
                try:
                    yield
                finally:
                    self._batch_engine = None
            return
        with self._lock:
            if self._engine is not None:  # built by another thread meanwhile
                with self.batch():
                    yield
                return
            db = self._connection()
            with self.translated():
                db.execute("BEGIN IMMEDIATE")
            self._plain_batch = True
            try:
                yield
            except BaseException:
                self._end_plain_batch(db, commit=False)
                raise
            self._end_plain_batch(db, commit=True)

    def _end_plain_batch(self, db: sqlite3.Connection, *, commit: bool) -> None:
        taken, self._taken_over = self._taken_over, None
        self._plain_batch = False
        self._batch_engine = None
        with self.translated():
            try:
                if taken is not None:
                    # The engine took the connection over mid-batch: the transaction ends
                    # there too, seen by its listeners as any other batch's end.
                    taken.commit() if commit else taken.rollback()
                # The driver's own (SQLAlchemy ends only what it began).
                db.commit() if commit else db.rollback()
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.rollback()
                raise
            finally:
                if taken is not None:
                    taken.close()

    def close(self) -> None:
        """Close the plain connection and dispose of the engine; a later use reopens them."""
        with self._lock:
            plain, self._plain = self._plain, None
            if plain is not None:
                plain.close()
            if self._engine is not None:
                self._engine.dispose()
