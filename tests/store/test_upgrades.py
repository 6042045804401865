"""Upgrades: each Alembic migration runs on an agenda holding data written at the revision
before it and keeps every row; an agenda from a newer closer_desk is refused untouched.

The revision list comes from Alembic's ScriptDirectory, so a new migration is covered as soon
as it exists. Data for a revision is written by the newest seeder in ``SEEDERS`` at or below
it; a migration that adds a table should add a seeder that fills it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from closer_desk.core.errors import AgendaVersionError
from closer_desk.store import db, durability, open_agenda
from tests.helpers.factories import NOW, FakeClock

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(db._MIGRATIONS))
    return ScriptDirectory.from_config(config)


REVISIONS = [r.revision for r in reversed(list(_script().walk_revisions()))]
UPGRADES = [
    (r.down_revision, r.revision)
    for r in reversed(list(_script().walk_revisions()))
    if isinstance(r.down_revision, str)
]
T0 = int(NOW.timestamp())


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, object]]) -> None:
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def seed_0001(conn: sqlite3.Connection) -> None:
    """What closer_desk wrote at 0001: a closer with hours, companies, prospects, calls in
    every status, an override, a travel and busy blocks."""
    _insert(
        conn, "closers", [{"id": 1, "name": "Camille", "email": "c@x.fr", "zone": "Europe/Paris"}]
    )
    _insert(
        conn,
        "companies",
        [
            {
                "id": 1,
                "name": "Acme",
                "commission_rate": "0.15",
                "default_kind": "video",
                "script": "Budget.",
            },
            {
                "id": 2,
                "name": "Érable",
                "commission_rate": "0.12",
                "default_kind": "phone",
                "script": "",
            },
        ],
    )
    _insert(
        conn,
        "prospects",
        [
            {"id": 1, "name": "Gabriel Tremblay", "zone": "America/Toronto", "country": "CA",
             "phone": "+15145550123", "need": "CRM", "notes": "private"},
            {"id": 2, "name": "Omar Haddad", "zone": "Asia/Dubai", "country": "AE",
             "phone": "+971501234567", "need": "", "notes": ""},
        ],
    )  # fmt: skip
    hours = [(1, None, None, d, 540, 1080) for d in range(5)]
    hours += [(None, 1, None, 0, 600, 960), (None, None, 2, 6, 480, 1020)]
    keys = ("closer_id", "company_id", "prospect_id", "weekday", "start_min", "end_min")
    _insert(conn, "weekly_hours", [dict(zip(keys, h, strict=True)) for h in hours])
    _insert(conn, "date_overrides", [{"closer_id": 1, "day": "2026-03-10", "intervals": ""}])
    _insert(
        conn,
        "travel_periods",
        [
            {
                "closer_id": 1,
                "first_day": "2026-04-01",
                "last_day": "2026-04-07",
                "zone": "America/Montreal",
            }
        ],
    )
    statuses = ("planned", "confirmed", "done", "no-show", "cancelled")
    _insert(
        conn,
        "appointments",
        [
            {
                "closer_id": 1,
                "company_id": 1 + n % 2,
                "prospect_id": 1 + n % 2,
                "kind": "video",
                "wall_start": "2026-03-02T09:00:00",
                "zone": "Europe/Paris",
                "fold": 0,
                "minutes": 45,
                "start_utc": T0 + n * 7200,
                "end_utc": T0 + n * 7200 + 2700,
                "status": statuses[n % 5],
                "outcome": "won" if n % 5 == 2 else None,
                "deal_value": "1200.00" if n % 5 == 2 else None,
                "currency": "EUR" if n % 5 == 2 else "",
                "uid": f"seed-{n}@closer-desk",
                "sequence": n % 3,
                "notes": "private note",
                "created_utc": T0,
                "updated_utc": T0,
            }
            for n in range(25)
        ],
    )
    _insert(
        conn,
        "busy_blocks",
        [
            {
                "closer_id": 1,
                "uid": f"ev-{n}",
                "recurrence_id": "" if n % 2 else f"2026030{n % 9}T090000Z",
                "summary": "busy",
                "start_utc": T0 + n * 3600,
                "end_utc": T0 + n * 3600 + 900,
                "source": "google.ics",
            }
            for n in range(20)
        ],
    )


def seed_0002(conn: sqlite3.Connection) -> None:
    """0002 added settings."""
    seed_0001(conn)
    conn.execute("INSERT INTO settings (key, value) VALUES ('tzdata', '2000a')")


def seed_0006(conn: sqlite3.Connection) -> None:
    """0006_mail_outbox added mail accounts, the outbox, answers and reminders."""
    seed_0002(conn)
    _insert(
        conn,
        "mail_accounts",
        [
            {
                "closer_id": 1,
                "address": "c@x.fr",
                "smtp_host": "smtp.x.fr",
                "smtp_port": 587,
                "security": "starttls",
                "username": "c@x.fr",
                "password": "keyring",
                "imap_host": "imap.x.fr",
                "imap_port": 143,
                "imap_seen": "1796116874:12",
            }
        ],
    )
    _insert(
        conn,
        "outbox",
        [
            {
                "closer_id": 1,
                "appointment_id": 1 + n,
                "kind": ("invite", "update", "cancel", "reminder")[n % 4],
                "sequence": n % 3,
                "recipient": "p@x.ca",
                "message_id": f"<m{n}@x.fr>",
                "message": b"From: c@x.fr\r\n\r\nbody\r\n",
                "state": ("queued", "sent", "failed", "unconfirmed")[n % 4],
                "attempts": n % 3,
                "next_attempt_utc": T0,
                "last_error": "refused: 550 no" if n % 4 == 2 else "",
                "queued_utc": T0,
                "sent_utc": T0 if n % 4 == 1 else None,
                "reminder_for_utc": T0 if n % 4 == 3 else None,
            }
            for n in range(8)
        ],
    )
    _insert(
        conn,
        "invite_answers",
        [
            {
                "appointment_id": 2,
                "method": "COUNTER",
                "partstat": "tentative",
                "sequence": 1,
                "attendee": "p@x.ca",
                "message_key": "<a@x.ca>",
                "received_utc": T0,
                "proposed_start_utc": T0 + 3600,
                "proposed_end_utc": T0 + 6300,
                "comment": "plutôt mercredi",
                "counter_state": "open",
            }
        ],
    )
    _insert(conn, "mail_reminders", [{"company_id": 1, "hours": 24}])


def seed_0007(conn: sqlite3.Connection) -> None:
    """0007_caldav_sync added the shared calendars, their status table, conflicts, flags,
    shared ids and subscriptions."""
    seed_0006(conn)
    conn.execute(
        "INSERT INTO sync_calendars (id, closer_id, url, username, sync_token, can_write,"
        " created_utc) VALUES (1, 1, 'https://dav.example.com/c/', 'camille', 'tok-1', 1, 0)"
    )
    uid = conn.execute("SELECT uid FROM appointments ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO sync_items (calendar_id, uid, href, etag, hash, base) VALUES"
        " (1, ?, '/c/a.ics', '\"e1\"', 'h1', '{}')",
        (uid,),
    )
    conn.execute(
        "INSERT INTO sync_conflicts (calendar_id, uid, fields, theirs, href, etag,"
        " detected_utc) VALUES (1, ?, 'start', '{}', '/c/a.ics', '\"e2\"', 0)",
        (uid,),
    )
    conn.execute("INSERT INTO sync_links (kind, local_id, uid) VALUES ('company', 1, 'c-1')")
    conn.execute(
        "INSERT INTO sync_subscriptions (closer_id, url, label) VALUES"
        " (1, 'https://cal.example.com/x.ics', 'Work')"
    )


SEEDERS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001": seed_0001,
    "0002": seed_0002,
    "0006_mail_outbox": seed_0006,
    "0007_caldav_sync": seed_0007,
}


def _seeder_for(revision: str) -> Callable[[sqlite3.Connection], None]:
    known = [r for r in REVISIONS[: REVISIONS.index(revision) + 1] if r in SEEDERS]
    return SEEDERS[known[-1]]


def _snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    out = {
        t: [dict(row) for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid')]
        for t in tables
    }
    conn.close()
    return out


def _at_revision(path: Path, revision: str) -> None:
    engine = db.make_engine(path)
    try:
        db.upgrade(engine, revision)
    finally:
        engine.dispose()


def test_the_code_knows_every_revision() -> None:
    assert REVISIONS[-1] == db.SCHEMA_HEAD
    assert set(REVISIONS) <= set(db._KNOWN_REVISIONS)


@pytest.mark.parametrize(("before", "after"), UPGRADES, ids=[f"{a}->{b}" for a, b in UPGRADES])
def test_migration_keeps_the_data_of_the_revision_before(
    tmp_path: Path, before: str, after: str
) -> None:
    path = tmp_path / "agenda.sqlite3"
    _at_revision(path, before)
    conn = sqlite3.connect(path)
    with conn:
        _seeder_for(before)(conn)
    conn.close()
    old = _snapshot(path)

    _at_revision(path, after)

    new = _snapshot(path)
    assert new["alembic_version"] == [{"version_num": after}]
    for table, rows in old.items():
        if table == "alembic_version":
            continue
        assert table in new, f"{after} dropped {table}"
        assert len(new[table]) == len(rows), table
        for was, now in zip(rows, new[table], strict=True):
            assert {k: now[k] for k in was if k in now} == {
                k: v for k, v in was.items() if k in now
            }, table
    assert durability.check(path, full=True) == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_opening_an_old_agenda_upgrades_it_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite3"
    _at_revision(path, REVISIONS[0])
    conn = sqlite3.connect(path)
    with conn:
        seed_0001(conn)
    conn.close()
    with open_agenda(path, clock=FakeClock()) as agenda:
        calls = agenda.appointments(NOW - timedelta(days=1), NOW + timedelta(days=5))
        assert len(calls) == 25
        assert {a.uid for a in calls} == {f"seed-{n}@closer-desk" for n in range(25)}
    labels = [b.label for b in durability.list_backups(path)]
    assert db.backup_label(db.SCHEMA_HEAD) in labels
    before = next(b for b in durability.list_backups(path) if b.label)
    copy = sqlite3.connect(before.path)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (REVISIONS[0],)
    copy.close()


def _newer_agenda(tmp_path: Path, journal: str = "wal") -> Path:
    path = tmp_path / "agenda.sqlite3"
    _at_revision(path, db.SCHEMA_HEAD)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    with conn:
        seed_0002(conn)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)")
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_agenda_is_refused_and_left_untouched(tmp_path: Path, journal: str) -> None:
    # A rollback-journal file too (a newer version's backup): switching it to WAL would
    # rewrite its header.
    path = _newer_agenda(tmp_path, journal)
    before, listing = path.read_bytes(), sorted(os.listdir(tmp_path))
    with pytest.raises(AgendaVersionError) as caught:
        open_agenda(path, clock=FakeClock())
    assert caught.value.found == "9999"
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_the_cli_refuses_a_newer_agenda_with_one_line(tmp_path: Path) -> None:
    path = _newer_agenda(tmp_path)
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "closer_desk", "--db", str(path), "agenda"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "newer closer_desk" in done.stderr
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before
