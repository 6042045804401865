"""Bad input on every kind of command: exit 2, one line on stderr, nothing written.

Complements ``tests/test_cli.py`` (booking on the demo agenda) with the directory, planning,
report, calendar and backup commands, run on the small ``agenda`` fixture.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import at


def foreign_database(path: Path) -> Path:
    """Another program's SQLite file."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('tarte tatin')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def db(agenda: Agenda) -> Path:
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"))
    assert agenda.path is not None
    return agenda.path


BAD = [
    (("closer", "add", "Zoé", "--tz", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
    (("closer", "edit", "Nobody", "--email", "a@b.co"), "no closer 'Nobody'"),
    (("closer", "override", "Camille", "2026-02-30", "off"), "'2026-02-30': is not a date that"),
    (("closer", "override", "Camille", "2026-2-3", "off"), "expected a date as YYYY-MM-DD"),
    (
        ("closer", "travel", "Camille", "2026-03-10", "2026-03-12", "--tz", "Nowhere/City"),
        "unknown time zone 'Nowhere/City'",
    ),
    (("closer", "rules", "Camille", "--daily-cap", "-1"), "must be greater than zero"),
    (("company", "add", "Globex", "--url", "javascript:alert(1)"), "only https:// links"),
    (("company", "add", "Globex", "--minutes", "0"), "minutes '0': must be greater than zero"),
    (("company", "add", "Globex", "--rate", "150%"), "cannot be more than 100%"),
    (("company", "edit", "Acme", "--name", ""), "name: cannot be empty"),
    (("company", "edit", "Acme", "--name", "érable"), "a company named 'érable' already exists"),
    (("prospect", "add", "Zoé", "--tz", "Europe/Paris", "--phone", "12ab"), "not a valid phone"),
    (
        (
            "prospect",
            "add",
            "Zoé",
            "--tz",
            "America/Toronto",
            "--country",
            "CA",
            "--subdivision",
            "QB",
        ),
        "subdivision 'QB': is not a region of that country",
    ),
    (  # the stored region QC is not one of the new country's
        ("prospect", "edit", "Gabriel", "--country", "US"),
        "subdivision 'QC': is not a region of that country",
    ),
    (("slots", "--prospect", "Gabriel", "--count", "0"), "count '0': must be greater than zero"),
    (("slots", "--prospect", "Gabriel", "--exclude", "999"), "closer-desk: no call #999\n"),
    (("slots", "--prospect", "Gabriel", "--days", "-3"), "days '-3': must be greater than zero"),
    (("slots", "--prospect", "Gabriel", "--from", "2026-13-01"), "is not a date that exists"),
    (("slots", "--prospect", "Gabriel", "--days", "1000"), "too long (at most 366 days)"),
    (("agenda", "--from", "2026-02-30"), "from '2026-02-30': is not a date that exists\n"),
    (("export", "--to", "2026-02-29", "-o", "x.ics"), "to '2026-02-29': is not a date that"),
    (("cancel", "99"), "closer-desk: no call #99\n"),
    (
        ("book", "--company", "Acme", "--prospect", "Omar", "--start", "9999-01-04 10:00"),
        "start '9999-01-04 10:00': is outside the supported years 1900-2199\n",
    ),
    (
        ("book", "--company", "Acme", "--prospect", "Omar", "--start", "2026-02-29 10:00"),
        "start '2026-02-29 10:00': is not a date and time that exists\n",
    ),
    (
        ("move", "1", "--start", "2026-03-04 10:00", "--minutes", "100000"),
        "minutes '100000': is too long (at most 1440 minutes)\n",
    ),
    (("company", "add", "x" * 201), "is too long (at most 200)\n"),
    (("report", "--month", "2026-13"), "month '2026-13': expected a month as YYYY-MM"),
    (("report", "--months", "0"), "months '0'"),
    (
        ("convert", "2026-13-01 10:00", "--from", "UTC", "--to", "UTC"),
        "when '2026-13-01 10:00': is not a date and time that exists",
    ),
    (("rebook", "1", "--start", "2026-03-29 02:30"), "does not exist in Europe/Paris"),
    (("desk", "1", "--tick", "99"), "step '99': is out of range"),
    (("invite", "1", "-o", "\x00"), "not a usable file name"),
    (("import", ""), "not a usable file name"),
    # found by the CLI fuzz test: a name longer than the system's limit exited 1
    (("import", "a" * 300), "no such file: aaaa"),
    (("backup", "restore", "a" * 300), "File name too long"),
]


@pytest.mark.parametrize(("argv", "expected"), BAD, ids=[" ".join(a[:3]) for a, _ in BAD])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...], expected: str
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err
    assert "Traceback" not in err
    assert dump(db) == before


def test_outputs_that_cannot_be_written_are_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "call.ics"
    for argv, expected in (
        (("invite", "1", "-o", str(missing)), "its folder does not exist"),
        (("export", "-o", str(tmp_path)), "is a folder, not a file"),
    ):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), err
        assert len(err.strip().splitlines()) == 1 and expected in err
    assert not missing.parent.exists()


def test_a_broken_calendar_is_refused_whole(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nEND:VCALENDAR\n")
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), "import", str(broken), "--busy")
    assert (code, out) == (2, "")
    assert "nothing imported" in err and len(err.strip().splitlines()) == 1
    assert dump(db) == before


def test_restoring_a_file_that_is_not_an_agenda_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    before = dump(db)
    for chosen in (foreign_database(tmp_path / "recipes.sqlite3"), tmp_path / "notes.txt"):
        if not chosen.exists():
            chosen.write_text("not a database\n")
        code, out, err = run(capsys, "--db", str(db), "backup", "restore", str(chosen))
        assert (code, out) == (2, "")
        assert "is damaged or is not a closer_desk agenda; nothing was restored" in err
    assert dump(db) == before


def test_another_programs_database_is_not_turned_into_an_agenda(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = foreign_database(tmp_path / "recipes.sqlite3")
    before = path.read_bytes()
    code, out, err = run(capsys, "--db", str(path), "company", "add", "Acme")
    assert (code, out) == (1, "")
    assert "another program's database" in err and "it was not changed" in err
    assert path.read_bytes() == before
