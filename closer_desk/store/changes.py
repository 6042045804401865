"""Noticing that another process (the CLI, a second window) wrote the agenda file.

SQLite's ``PRAGMA data_version`` changes, on a connection kept open, whenever another
connection commits to the file; reading it costs a few microseconds (no table is read). The
window polls it on a timer and reloads what it shows when it moves.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from closer_desk.store.durability import open_reader


class DataVersion:
    """A read-only connection kept open on the agenda, reporting others' commits.

    Attributes:
        path: the agenda file.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        # query_only: the probe never writes, and in autocommit it holds no lock between polls;
        # nor does it wait for one (a full disk's agenda is held exclusively by its engine).
        self._conn: sqlite3.Connection | None = open_reader(
            self.path, check_same_thread=False, wait=False
        )

    def current(self) -> int:
        """The file's data version as this connection sees it (moves on others' commits)."""
        if self._conn is None:
            raise ValueError("DataVersion is closed")
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
