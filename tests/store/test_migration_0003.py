"""Migration 0003 (script ticks): an agenda written at 0002 opens at 0003 with its data intact,
and schema.py matches what the migrations build."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from closer_desk.store import open_agenda
from closer_desk.store.db import SCHEMA_HEAD, current_revision, make_engine, upgrade
from closer_desk.store.desk import call_desk, set_tick
from closer_desk.store.schema import metadata
from tests.helpers.factories import FakeClock


def _agenda_at_0002(path: Path) -> None:
    engine = make_engine(path)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO closers (id, name, zone, planned_week_minutes) "
                "VALUES (1, 'Camille', 'Europe/Paris', 2100)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO companies (id, name, commission_rate, script) "
                "VALUES (1, 'Acme', '0.15', '1. Budget\n2. Demo\n3. Close')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO prospects (id, name, zone, temperature, need, blockages) "
                "VALUES (1, 'Gabriel', 'America/Toronto', 'hot', 'Un CRM', 'Le prix')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO appointments (id, closer_id, company_id, prospect_id, kind,"
                " wall_start,"
                " zone, minutes, start_utc, end_utc, status, outcome, deal_value, currency, uid,"
                " notes, created_utc, updated_utc) VALUES (1, 1, 1, 1, 'video',"
                " '2026-03-03T15:00:00', 'Europe/Paris', 45, 1772546400, 1772549100, 'done', 'won',"
                " '1000.00', 'EUR', 'a@x', 'Private note', 0, 0)"
            )
        )
    engine.dispose()


def test_an_agenda_at_0002_upgrades_to_0003_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _agenda_at_0002(path)
    with open_agenda(path, clock=FakeClock()) as agenda:
        assert current_revision(agenda.engine) == SCHEMA_HEAD
        call = agenda.appointment(1)
        assert (call.deal_value, call.currency, call.notes) == (1000, "EUR", "Private note")
        assert call.start.isoformat() == "2026-03-03T15:00:00+01:00"
        # the deal won before the upgrade is frozen at the company's rate of the upgrade
        assert call.company_rate == Decimal("0.15")
        assert agenda.prospect(1).blockages == "Le prix"
        assert agenda.closer(1).planned_week_minutes == 2100
        # the new table works on the upgraded file
        set_tick(agenda, 1, 1, True)
        assert [s.ticked for s in call_desk(agenda, 1).script] == [False, True, False]


def test_schema_module_matches_the_head_migration(tmp_path: Path) -> None:
    with (
        open_agenda(tmp_path / "new.sqlite3", clock=FakeClock()) as agenda,
        agenda.engine.connect() as conn,
    ):
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
