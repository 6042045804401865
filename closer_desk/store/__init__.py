"""Persistence: SQLite through SQLAlchemy 2.x, schema upgraded by Alembic on open.

The only package that builds queries. It hands out ``closer_desk.core`` objects; no ORM row,
no session and no connection leaves it. It never imports Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from closer_desk.store.agenda import Agenda
    from closer_desk.store.db import default_db_path, open_agenda

__all__ = ["Agenda", "default_db_path", "open_agenda"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so that store.first_page can be imported without SQLAlchemy.
    if name == "Agenda":
        from closer_desk.store.agenda import Agenda

        return Agenda
    if name in ("default_db_path", "open_agenda"):
        from closer_desk.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
