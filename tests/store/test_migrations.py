"""Schema upgrades: an agenda from the first migration opens, upgrades and keeps its data."""

from __future__ import annotations

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from closer_desk.store import db, open_agenda
from closer_desk.store.schema import metadata
from tests.helpers.factories import at

_V1_DATA = [
    "INSERT INTO closers (id, name, email, zone)"
    " VALUES (1, 'Camille Durand', 'c@example.com', 'Europe/Paris')",
    "INSERT INTO weekly_hours (closer_id, weekday, start_min, end_min) VALUES (1, 0, 540, 1080)",
    "INSERT INTO companies"
    " (id, name, commission_rate, default_kind, default_minutes, zone, country)"
    " VALUES (1, 'Acme', '0.15', 'video', 45, 'Europe/Paris', 'FR')",
    "INSERT INTO prospects (id, name, zone, country, phone, need)"
    " VALUES (1, 'Gabriel Tremblay', 'America/Toronto', 'CA', '+15145550123', 'Grow')",
    # 2026-03-10 10:00 in Toronto (EDT from 8 March) is 14:00 UTC.
    "INSERT INTO appointments (id, closer_id, company_id, prospect_id, kind, wall_start, zone,"
    " fold, minutes, start_utc, end_utc, status, uid, sequence, created_utc, updated_utc)"
    " VALUES (1, 1, 1, 1, 'video', '2026-03-10T10:00:00', 'America/Toronto', 0, 45,"
    " 1773151200, 1773153900, 'confirmed', 'first@closer-desk', 2, 1772000000, 1772000000)",
    "INSERT INTO busy_blocks (closer_id, uid, start_utc, end_utc, summary)"
    " VALUES (1, 'dentist@example.com', 1773140400, 1773144000, 'Dentist')",
]


def _first_version_agenda(path):
    engine = db.make_engine(path)
    try:
        db.upgrade(engine, "0001")
        assert db.current_revision(engine) == "0001"
        with engine.begin() as conn:
            tables = {
                r[0]
                for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
            assert "settings" not in tables
            for statement in _V1_DATA:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_an_agenda_from_the_first_migration_upgrades_with_its_data(tmp_path, clock):
    path = tmp_path / "v1.sqlite3"
    _first_version_agenda(path)
    with open_agenda(path, clock=clock) as agenda:
        assert db.current_revision(agenda.engine) == db.SCHEMA_HEAD
        [closer] = agenda.closers()
        assert (closer.name, closer.zone) == ("Camille Durand", "Europe/Paris")
        assert closer.hours.on(0)[0].start == 540
        assert agenda.company("Acme").commission_rate * 100 == 15
        assert agenda.prospect("Gabriel").need == "Grow"
        old = agenda.appointment(1)
        assert old.start.replace(tzinfo=None) == datetime(2026, 3, 10, 10, 0)
        assert old.sequence == 2 and old.uid == "first@closer-desk"
        assert at("2026-03-10 10:00", "America/Toronto") == old.start
        # usable: list, book around the old call, conflict with it, move it
        day = (at("2026-03-10 00:00", "America/Toronto"), at("2026-03-11 00:00", "America/Toronto"))
        assert [e.appointment.id for e in agenda.entries(*day)] == [1]
        assert [b.summary for b in agenda.busy_blocks(1, *day)] == ["Dentist"]
        booked = agenda.book(
            company="Acme", prospect=1, start=at("2026-03-10 16:00", "Europe/Paris")
        )
        assert [a.id for a in agenda.conflicts(1, old.start, old.end)] == [1]
        assert agenda.move(1, at("2026-03-10 12:00", "America/Toronto")).sequence == 3
        assert {e.appointment.id for e in agenda.entries(*day)} == {1, booked.id}
        with agenda.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT count(*) FROM settings WHERE key='tzdata'")).scalar() == 1
            )


def test_schema_head_is_alembics_head():
    config = Config()
    config.set_main_option("script_location", str(db._MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [db.SCHEMA_HEAD]
    assert db.SCHEMA_HEAD in db._KNOWN_REVISIONS
    assert {r.revision for r in script.walk_revisions()} == set(db._KNOWN_REVISIONS)


def test_schema_module_matches_the_migrated_database(tmp_path, clock):
    with (
        open_agenda(tmp_path / "head.sqlite3", clock=clock) as agenda,
        agenda.engine.connect() as conn,
    ):
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []
