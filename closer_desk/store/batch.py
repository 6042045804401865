"""Several Agenda calls as one transaction (the demo data, a bulk change).

Inside ``Agenda.batch()``, once the engine is built, the agenda's engine is ``BatchEngine``
(see ``store.connection``): every ``engine.begin()`` becomes a SAVEPOINT on one connection
whose outer transaction commits at the end of the block, or rolls back whole if the block
raises. A method that fails inside still undoes only its own part, as it would alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine


class BatchEngine:
    """Stands in for the Engine during a batch: one connection, nested transactions."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        with self._conn.begin_nested():
            yield self._conn

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self._conn

    def dispose(self) -> None:
        """The real engine is disposed when the batch ends, not before."""


def write_lock(conn: Connection) -> None:
    """Take the file's write lock now, at the start of a check-then-write transaction.

    pysqlite begins a transaction only at the first INSERT/UPDATE/DELETE, so the conflict
    check before it reads outside any transaction: two processes (the window and the CLI)
    could both find a slot free and both book it. ``BEGIN IMMEDIATE`` makes the second one
    wait (busy_timeout) until the first commits, then see its call. Inside a batch the
    outer transaction already holds the lock.
    """
    if not conn.in_nested_transaction() and not _dbapi_in_transaction(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _dbapi_in_transaction(conn: Connection) -> bool:
    raw = conn.connection.dbapi_connection
    return bool(getattr(raw, "in_transaction", False))


@contextlib.contextmanager
def one_transaction(engine: Engine) -> Iterator[BatchEngine]:
    """A connection in an IMMEDIATE transaction (the write lock taken at once), as an engine.

    pysqlite only begins a transaction before DML on its own; the explicit BEGIN makes the
    savepoints real nested transactions inside one outer transaction.
    """
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield BatchEngine(conn)
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
