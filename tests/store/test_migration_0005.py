"""Migration 0005_busy_sources: busy blocks are keyed by their source, and the agenda's blocks
survive the upgrade."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from closer_desk.store import db
from closer_desk.store.db import make_engine, upgrade

_BLOCK = (
    "INSERT INTO busy_blocks (closer_id, uid, recurrence_id, start_utc, end_utc, source)"
    " VALUES (1, 'shared@x', '', 1772614800, 1772618400, '{source}')"
)


def test_the_same_event_may_block_time_in_two_sources_after_the_upgrade(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "agenda.sqlite3")
    try:
        upgrade(engine, "0003")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO closers (id, name, zone) VALUES (1, 'C', 'UTC')"))
            conn.execute(text(_BLOCK.format(source="work.ics")))
        upgrade(engine, "0005_busy_sources")
        with engine.begin() as conn:
            conn.execute(text(_BLOCK.format(source="home.ics")))
            sources = conn.execute(text("SELECT source FROM busy_blocks ORDER BY id")).scalars()
            assert list(sources) == ["work.ics", "home.ics"]
        # going back keeps one block per event (the old key allows no more)
        config = Config()
        config.set_main_option("script_location", str(db._MIGRATIONS))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM busy_blocks")).scalar() == 1
    finally:
        engine.dispose()
