"""Persistence: SQLite through SQLAlchemy 2.x, schema upgraded by Alembic on open.

The only package that builds queries. It hands out ``closer_desk.core`` objects; no ORM row,
no session and no connection leaves it. It never imports Qt.
"""

from closer_desk.store.agenda import Agenda
from closer_desk.store.db import default_db_path, open_agenda

__all__ = ["Agenda", "default_db_path", "open_agenda"]
