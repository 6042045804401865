"""Small helpers for the statements the facade runs as SQL text on a DB-API connection.

Table and column names formatted into a statement come from this package (its column lists in
``store.rows``, the field lists ``directory._clean`` checks values against), never from user
text; every value is bound.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

Params = Sequence[Any] | Mapping[str, Any]


def driver(conn: Connection) -> sqlite3.Connection:
    """The DB-API connection under one of the engine's connections (the same connection, so
    the same transaction inside ``Agenda.batch``)."""
    raw = conn.connection.driver_connection
    if raw is None:  # pragma: no cover - only on a connection SQLAlchemy invalidated
        raise RuntimeError("the agenda's connection is closed")
    return raw  # type: ignore[no-any-return]


def named(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> SimpleNamespace:
    """A ``row_factory`` whose rows read by column name (``row.id``), as SQLAlchemy's do."""
    return SimpleNamespace(**{d[0]: v for d, v in zip(cursor.description, row, strict=True)})


def fetch_named(db: sqlite3.Connection, sql: str, params: Params = ()) -> list[Any]:
    """Every row of ``sql``, read by column name (for the few rows of closers, companies and
    prospects; appointments are read by position, see ``rows.appointment_reader``)."""
    cursor = db.cursor()
    cursor.row_factory = named
    return cursor.execute(sql, params).fetchall()


def fetch_one_named(db: sqlite3.Connection, sql: str, params: Params = ()) -> Any:
    """The first row of ``sql`` read by column name, or None."""
    cursor = db.cursor()
    cursor.row_factory = named
    return cursor.execute(sql, params).fetchone()


def scalar(db: sqlite3.Connection, sql: str, params: Params = ()) -> Any:
    """The first column of the first row of ``sql``, or None when there is no row."""
    row = db.execute(sql, params).fetchone()
    return None if row is None else row[0]


def insert_row(db: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> int:
    """INSERT one row of ``values`` into ``table``; returns its id."""
    columns = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
    if cursor.lastrowid is None:  # pragma: no cover - an INSERT of one row always has one
        raise RuntimeError(f"no row inserted into {table}")
    return int(cursor.lastrowid)


def update_row(db: sqlite3.Connection, table: str, row_id: int, values: Mapping[str, Any]) -> None:
    """UPDATE the columns ``values`` names of the row ``row_id`` of ``table``."""
    if not values:
        return
    assignments = ", ".join(f"{c} = :{c}" for c in values)
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = :_id", {**values, "_id": row_id})
