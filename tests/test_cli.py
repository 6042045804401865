"""The command line, run in-process (plus one real ``python -m closer_desk``)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.cli import dump, main, run
from tests.helpers.factories import FakeClock


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "template.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo_db(tmp_path, demo_template) -> Path:
    """A private copy of an agenda filled by ``demo`` (built once per module: it takes ~2 s)."""
    path = tmp_path / "demo.sqlite3"
    source = sqlite3.connect(demo_template)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    os.chmod(path, 0o600)
    return path


def agenda_json(capsys, db: Path, *extra: str) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db), "agenda", "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


def everything(capsys, db: Path) -> list[dict]:
    return agenda_json(capsys, db, "--from", "2000-01-01", "--to", "2100-12-31")


# -- demo and agenda ---------------------------------------------------------------------------
def test_demo_then_agenda_lists_calls_in_both_zones(capsys, demo_db):
    calls = everything(capsys, demo_db)
    assert len(calls) > 100
    assert len({c["company"] for c in calls}) == 4
    for call in calls:
        assert {"id", "company", "prospect", "kind", "status", "start", "end"} <= call.keys()
        assert call["kind"] in ("phone", "video")
        for side in ("closer", "prospect", "utc"):
            start = datetime.fromisoformat(call["start"][side])
            end = datetime.fromisoformat(call["end"][side])
            assert start.utcoffset() is not None and end.utcoffset() is not None
            assert (end - start).total_seconds() == call["minutes"] * 60
        assert datetime.fromisoformat(call["start"]["closer"]) == datetime.fromisoformat(
            call["start"]["prospect"]
        )
    assert {c["closer_zone"] for c in calls} == {"Europe/Paris"}
    assert len({c["prospect_zone"] for c in calls}) >= 8
    assert {c["status"] for c in calls} >= {"planned", "done", "cancelled", "no-show"}


def test_agenda_range_and_display_zone(capsys, demo_db):
    calls = everything(capsys, demo_db)
    day = calls[len(calls) // 2]["start"]["closer"][:10]
    one_day = agenda_json(capsys, demo_db, "--from", day, "--to", day, "--tz", "Asia/Kathmandu")
    assert one_day and all(c["start"]["closer"].startswith(day) for c in one_day)
    assert all(c["start"]["display"].endswith("+05:45") for c in one_day)
    code, out, _ = run(capsys, "--db", str(demo_db), "agenda", "--from", day, "--to", day)
    assert code == 0
    assert "START (Europe/Paris)" in out.splitlines()[0]
    assert len(out.splitlines()) == len(one_day) + 2


def test_demo_refuses_an_agenda_with_data(capsys, demo_db):
    before = dump(demo_db)
    code, out, err = run(capsys, "--db", str(demo_db), "demo")
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "already holds data" in err
    assert dump(demo_db) == before


def test_book_move_outcome_cancel(capsys, demo_db):
    db = str(demo_db)
    code, out, err = run(
        capsys,
        "--db",
        db,
        "book",
        "--company",
        "Lumière",
        "--prospect",
        "Julie Moreau",
        "--start",
        "2031-01-07 10:00",
        "--json",
    )
    assert (code, err) == (0, "")
    booked = json.loads(out)
    assert booked["start"]["closer"] == "2031-01-07T10:00+01:00"
    assert booked["minutes"] == 45 and booked["url"].startswith("https://")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "move",
        str(booked["id"]),
        "--start",
        "2031-01-07 09:00",
        "--tz",
        "America/Toronto",
        "--json",
    )
    moved = json.loads(out)
    assert code == 0 and moved["start"]["utc"] == "2031-01-07T14:00+00:00"
    assert moved["agreed_zone"] == "America/Toronto"
    held = FakeClock(datetime(2031, 1, 7, 15, 0, tzinfo=UTC))  # the call has started
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "outcome",
        str(booked["id"]),
        "won",
        "--value",
        "4200",
        "--currency",
        "eur",
        "--json",
        clock=held,
    )
    assert code == 0 and json.loads(out)["deal_value"] == "4200.00"
    # A won call keeps its deal until told otherwise: cancelling it removes the outcome.
    code, out, err = run(capsys, "--db", db, "cancel", str(booked["id"]), clock=held)
    assert code == 2 and "--undo-outcome" in err
    code, out, _ = run(
        capsys, "--db", db, "cancel", str(booked["id"]), "--undo-outcome", clock=held
    )
    assert code == 0 and out.startswith(f"cancelled #{booked['id']}")


def test_fold_later_books_in_a_dst_gap(capsys, demo_db):
    code, out, err = run(
        capsys,
        "--db",
        str(demo_db),
        "book",
        "--company",
        "Lumière",
        "--prospect",
        "Julie Moreau",
        "--start",
        "2031-03-30 02:30",
        "--fold",
        "later",
        "--json",
    )
    assert code == 0
    assert "weekend for Julie Moreau (Sunday 03:30" in err  # the night of the change is a Sunday
    assert json.loads(out)["start"]["closer"] == "2031-03-30T03:30+02:00"


def test_fold_picks_the_second_of_two_equal_times(capsys, demo_db):
    code, out, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "book",
        "--company",
        "Lumière",
        "--prospect",
        "Julie Moreau",
        "--start",
        "2031-10-26 02:30",
        "--fold",
        "later",
        "--json",
    )
    assert code == 0
    start = json.loads(out)["start"]
    assert (start["closer"], start["utc"]) == ("2031-10-26T02:30+01:00", "2031-10-26T01:30+00:00")


# -- bad input: exit 2, one line, nothing written ------------------------------------------------
BOOK = ("book", "--company", "Lumière", "--prospect", "Julie Moreau")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--tz", "Mars/Olympus"),
            "unknown time zone 'Mars/Olympus'",
        ),
        (
            ("book", "--company", "Nope Inc", "--prospect", "Julie", "--start", "2031-01-07 10:00"),
            "no company 'Nope Inc'",
        ),
        (
            ("book", "--company", "Lumière", "--prospect", "Nobody", "--start", "2031-01-07 10:00"),
            "no prospect 'Nobody'",
        ),
        (("agenda", "--from", "2031-01-10", "--to", "2031-01-01"), "ends before it starts"),
        (
            (*BOOK, "--start", "2031-03-30 02:30"),
            "2031-03-30 01:30 CET (UTC+0100) or 2031-03-30 03:30 CEST (UTC+0200)",
        ),
        (
            (*BOOK, "--start", "2031-10-26 02:30"),
            "2031-10-26 02:30 CEST (UTC+0200) or 2031-10-26 02:30 CET (UTC+0100)",
        ),
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--minutes", "0"),
            "minutes '0': must be greater than zero",
        ),
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--minutes", "-30"),
            "minutes '-30': must be greater than zero",
        ),
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--url", "javascript:alert(1)"),
            "only https:// links",
        ),
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--url", "data:text/html,x"),
            "only https:// links",
        ),
        (
            (*BOOK, "--start", "2031-01-07 10:00", "--kind", "phone", "--phone", "12ab"),
            "not a valid phone number",
        ),
        ((*BOOK, "--start", "tomorrow at ten"), "expected a date and time"),
        (
            ("convert", "2031-03-30 02:30", "--from", "Europe/Paris", "--to", "Asia/Tokyo"),
            "does not exist in Europe/Paris",
        ),
        (("move", "99999", "--start", "2031-01-07 10:00"), "no call #99999"),
        (("outcome", "1", "won", "--value", "-5"), "cannot be negative"),
        (("book", "--company", "Lumière"), "required"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys, demo_db, argv, expected):
    before = dump(demo_db)
    code, out, err = run(capsys, "--db", str(demo_db), *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err
    assert dump(demo_db) == before


def test_conflicting_booking_names_the_call_and_changes_nothing(capsys, demo_db):
    code, out, _ = run(capsys, "--db", str(demo_db), *BOOK, "--start", "2031-01-07 10:00", "--json")
    first = json.loads(out)["id"]
    before = dump(demo_db)
    code, out, err = run(
        capsys,
        "--db",
        str(demo_db),
        "book",
        "--company",
        "Dune",
        "--prospect",
        "Omar",
        "--start",
        "2031-01-07 10:30",
    )
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"#{first} at 2031-01-07 10:00 +01:00 Europe/Paris;" in err and "--force" in err
    assert dump(demo_db) == before
    code, _, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "book",
        "--company",
        "Dune",
        "--prospect",
        "Omar",
        "--start",
        "2031-01-07 10:30",
        "--force",
    )
    assert code == 0


def test_a_newer_agenda_is_refused_with_exit_1(capsys, demo_db):
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = demo_db.read_bytes()
    code, out, err = run(capsys, "--db", str(demo_db), "agenda")
    assert code == 1 and out == "" and "newer closer_desk" in err and len(err.splitlines()) == 1
    assert demo_db.read_bytes() == before


# -- convert -----------------------------------------------------------------------------------
def test_convert_table(capsys):
    code, out, err = run(
        capsys,
        "convert",
        "2026-07-01 09:00",
        "--from",
        "Romance Standard Time",
        "--to",
        "America/Toronto",
        "--to",
        "Asia/Kathmandu",
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ZONE", "LOCAL", "TIME", "DAY"]
    assert lines[2].split()[:4] == ["Europe/Paris", "2026-07-01", "09:00", "+02:00"]
    assert lines[3].split()[:4] == ["America/Toronto", "2026-07-01", "03:00", "-04:00"]
    assert lines[4].split()[:4] == ["Asia/Kathmandu", "2026-07-01", "12:45", "+05:45"]


def test_convert_json_across_the_date_line(capsys):
    code, out, _ = run(
        capsys,
        "convert",
        "2026-01-15 18:00",
        "--from",
        "America/Los_Angeles",
        "--to",
        "Pacific/Apia",
        "--to",
        "Asia/Tokyo",
        "--json",
    )
    assert code == 0
    result = json.loads(out)
    assert result["utc"] == "2026-01-16T02:00+00:00"
    assert result["from"] == {"zone": "America/Los_Angeles", "local": "2026-01-15T18:00-08:00"}
    assert result["to"] == [
        {"zone": "Pacific/Apia", "local": "2026-01-16T15:00+13:00"},
        {"zone": "Asia/Tokyo", "local": "2026-01-16T11:00+09:00"},
    ]


# -- the agenda file ---------------------------------------------------------------------------
def test_closer_desk_db_env_is_honoured(capsys, tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("CLOSER_DESK_DB", str(target))
    code, _, err = run(capsys, "company", "add", "Acme", "--rate", "15")
    assert (code, err) == (0, "")
    assert target.exists()
    code, out, _ = run(capsys, "company", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Acme"]
    # --db wins over the environment (and a listing does not create the file it names)
    other = tmp_path / "other.sqlite3"
    code, out, err = run(capsys, "--db", str(other), "company", "list", "--json")
    assert (code, out) == (2, "") and "no agenda" in err and not other.exists()


def test_python_m_closer_desk_runs_the_cli(tmp_path):
    env = {**os.environ, "CLOSER_DESK_DB": str(tmp_path / "sub.sqlite3")}
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "closer_desk",
            "convert",
            "2026-03-08 02:30",
            "--from",
            "America/New_York",
            "--to",
            "UTC",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "2026-03-08 01:30 EST (UTC-0500) or 2026-03-08 03:30 EDT (UTC-0400)" in result.stderr
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "closer_desk",
            "convert",
            "2026-03-08 03:30",
            "--from",
            "America/New_York",
            "--to",
            "UTC",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["utc"] == "2026-03-08T07:30+00:00"


def test_a_file_that_is_not_an_agenda_exits_1_untouched(capsys, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    code, out, err = run(capsys, "--db", str(path), "agenda")
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "notes.txt" in err and "not a database" in err
    assert path.read_text() == "shopping list\n"
