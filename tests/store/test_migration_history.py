"""An agenda at every schema state of the history opens with the current code, with its data,
and comes out with the schema a new agenda has: the states the current migrations build, and
those they do not build any more (0003 as shipped at a9db5d8, without ``company_rate``),
kept in ``schemas/`` from the history's own code (see ``migration_history``)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from closer_desk.store import db, open_agenda
from closer_desk.store.schema import metadata
from tests.helpers.cli import run
from tests.helpers.factories import FakeClock
from tests.store import migration_history as history
from tests.store.test_upgrades import REVISIONS, seed_0001, seed_0002

KEPT = sorted(history.SCHEMAS.glob("*.sql"))
CASES = [*(("built", r) for r in REVISIONS), *(("kept", p.stem) for p in KEPT)]
needs_history = pytest.mark.skipif(
    not history.history_has_migrations(), reason="this clone has no git history to read"
)


def _agenda_at(kind: str, name: str, path: Path) -> None:
    if kind == "built":
        engine = db.make_engine(path)
        try:
            db.upgrade(engine, name)
        finally:
            engine.dispose()
    else:
        history.agenda_from_schema(history.SCHEMAS / f"{name}.sql", path)
    conn = sqlite3.connect(path)
    with conn:
        # Calls in every status, won deals, busy time (and settings from 0002 on).
        (seed_0001 if name.startswith("0001") else seed_0002)(conn)
    conn.close()


def _has_company_rate(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return "company_rate" in {r[1] for r in conn.execute("PRAGMA table_info(appointments)")}
    finally:
        conn.close()


def _fresh_schema(tmp_path: Path) -> str:
    path = tmp_path / "fresh.sqlite3"
    open_agenda(path, clock=FakeClock()).close()
    return history.schema_sql(path)


@pytest.mark.parametrize(("kind", "name"), CASES, ids=[f"{k}-{n}" for k, n in CASES])
def test_an_agenda_at_every_state_opens_with_its_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, name: str
) -> None:
    path = tmp_path / "agenda.sqlite3"
    _agenda_at(kind, name, path)
    repaired = not _has_company_rate(path)
    with open_agenda(path, clock=FakeClock()) as agenda:
        assert db.current_revision(agenda.engine) == db.SCHEMA_HEAD
        assert agenda.count_appointments() == 25
        won = [a for p in (1, 2) for a in agenda.history(p) if a.deal_value is not None]
        assert len(won) == 5
        if repaired:  # deals won before the column existed get the company's rate
            assert all(a.company_rate is not None for a in won)
        with agenda.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    assert history.schema_sql(path) == _fresh_schema(tmp_path)
    for argv in (["report", "--month", "2026-03"], ["agenda", "--json"], ["pipeline"]):
        code, _, err = run(capsys, "--db", str(path), *argv)
        assert (code, err) == (0, ""), argv


def test_the_repair_fills_rates_only_where_the_column_was_missing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    _agenda_at("kept", "0003-a9db5d8", broken)
    healthy = tmp_path / "healthy.sqlite3"
    _agenda_at("built", "0003", healthy)
    for path in (broken, healthy):
        with sqlite3.connect(path) as conn:
            # The rate frozen when the deal was won, then the company's rate renegotiated.
            if path is healthy:
                conn.execute("UPDATE appointments SET company_rate = '0.10' WHERE outcome='won'")
            conn.execute("UPDATE companies SET commission_rate = '0.20' WHERE id = 2")
        conn.close()
    rates = {}
    for path in (broken, healthy):
        with open_agenda(path, clock=FakeClock()) as agenda:
            rates[path.stem] = {a.company_rate for a in agenda.history(2) if a.deal_value}
    assert rates == {"broken": {Decimal("0.20")}, "healthy": {Decimal("0.10")}}


@needs_history
def test_every_state_of_the_history_is_built_or_kept() -> None:
    current = set(history.current_chains().values())
    missing = [
        s
        for s in history.states_in_history()
        if s.chain not in current and not history.schema_file(s).exists()
    ]
    # Run `python -m tests.store.migration_history` after editing a shipped migration (and
    # do not edit one: add a migration).
    assert missing == []


@needs_history
@pytest.mark.parametrize("kept", KEPT, ids=lambda p: p.stem)
def test_kept_schemas_are_what_the_history_built(tmp_path: Path, kept: Path) -> None:
    [state] = [s for s in history.states_needing_a_schema() if history.schema_file(s) == kept]
    built = tmp_path / "built.sqlite3"
    history.build_from_history(state, built)
    assert history.schema_sql(built) == kept.read_text()
