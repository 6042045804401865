"""Dates outside the supported years (core.timerange) on every command that takes one: exit 2,
one line, no traceback, nothing written; and every command is one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import at

#: Years that once crashed (0001, 9999: OverflowError after writing) or sit just outside.
YEARS = ("0001", "1899", "2200", "9999")


def _commands(year: str) -> list[tuple[str, ...]]:
    when = f"{year}-12-31 23:30"
    day = f"{year}-12-31"
    return [
        ("book", "--company", "Acme", "--prospect", "Gabriel", "--start", when),
        ("book", "--company", "Acme", "--prospect", "Gabriel", "--start", f"{year}-01-01 00:30"),
        ("move", "1", "--start", when),
        ("rebook", "1", "--start", when),
        ("agenda", "--from", day),
        ("agenda", "--from", "2026-03-01", "--to", day),
        ("slots", "--prospect", "Gabriel", "--from", day),
        ("convert", when, "--from", "Europe/Paris", "--to", "Asia/Tokyo"),
        ("export", "--from", day, "-o", "calls.ics"),
        ("export", "--from", "2026-03-01", "--to", day, "-o", "calls.ics"),
        ("report", "--month", f"{year}-12"),
        ("closer", "override", "Camille", day, "off"),
        ("closer", "travel", "Camille", day, "2026-03-10", "--tz", "America/Toronto"),
        ("closer", "travel", "Camille", "2026-03-10", day, "--tz", "America/Toronto"),
    ]


@pytest.fixture
def db(agenda: Agenda) -> Path:
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"))
    assert agenda.path is not None
    return agenda.path


@pytest.mark.parametrize("year", YEARS)
def test_a_date_outside_the_supported_years_is_bad_input_everywhere(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    year: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = dump(db)
    for argv in _commands(year):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), (argv, err)
        assert len(err.strip().splitlines()) == 1, (argv, err)
        assert "outside the supported years 1900-2199" in err, (argv, err)
        assert "Traceback" not in err
    assert dump(db) == before
    assert not (tmp_path / "calls.ics").exists()


def test_the_last_supported_minute_books_invites_and_cancels(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "book",
        "--company",
        "Acme",
        "--prospect",
        "Haruto",
        "--start",
        "2199-12-31 23:30",
        "--minutes",
        "29",
    )
    assert code == 0 and out.startswith("booked #2"), err
    outputs = []
    for argv in (
        ("invite", "2"),
        ("cancel", "2"),
        ("invite", "2"),
        ("agenda", "--from", "2199-12-31"),
    ):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, err) == (0, ""), argv
        outputs.append(out)
    assert "METHOD:REQUEST" in outputs[0] and "METHOD:CANCEL" in outputs[2]
    assert "2199-12-31 23:30 +01:00" in outputs[3] and "cancelled" in outputs[3]


def test_a_call_that_would_end_after_the_supported_years_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """Starting in 2199 is not enough: 45 minutes from 23:30 on its last day end in 2200."""
    before = dump(db)
    late = "2199-12-31 23:30"
    for argv in (
        ("book", "--company", "Acme", "--prospect", "Haruto", "--start", late, "--minutes", "45"),
        ("move", "1", "--start", late, "--minutes", "45"),
        ("move", "1", "--start", "2199-12-31 23:00", "--minutes", "90"),
        ("rebook", "1", "--start", late, "--minutes", "45"),
        # Read in the zone the call is agreed in, as its start is.
        ("book", "--company", "Acme", "--prospect", "Haruto", "--start", late,
         "--tz", "America/Toronto", "--minutes", "45"),
    ):  # fmt: skip
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), argv
        assert err.startswith("closer-desk: end '2200-01-01 00:"), argv
        assert err.endswith(": is outside the supported years 1900-2199\n"), argv
        assert dump(db) == before, argv


def test_a_command_that_fails_after_writing_stores_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer is built inside the command's transaction: if that fails (as the OverflowError
    of year 9999 once did, after the call was saved), the booking is undone."""
    before = dump(db)

    def broken(*_args: object) -> None:
        raise OverflowError("date value out of range")

    # Reading the call back for the answer is what overflowed.
    monkeypatch.setattr(Agenda, "entry", broken)
    for argv in (
        ("book", "--company", "Acme", "--prospect", "Omar", "--start", "2026-03-04 10:00"),
        ("move", "1", "--start", "2026-03-04 11:00"),
        ("cancel", "1"),
    ):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (1, "") and "nothing was changed" in err, argv
        assert dump(db) == before, argv


def test_a_year_9999_call_written_by_an_older_version_is_one_line_and_can_be_moved_back(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    with conn:  # what `book --start "9999-12-31 23:30"` saved before the range check
        conn.execute(
            "UPDATE appointments SET wall_start = '9999-12-31T23:30:00', "
            "start_utc = 253402295400, end_utc = 253402298100 WHERE id = 1"
        )
    conn.close()
    before = dump(db)
    for argv in (("invite", "1"), ("cancel", "1")):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (1, ""), argv
        assert err == (
            "closer-desk: a stored date is outside the supported years 1900-2199; nothing was "
            "changed (move or delete that call)\n"
        )
        assert dump(db) == before, argv
    code, out, err = run(capsys, "--db", str(db), "move", "1", "--start", "2026-03-04 10:00")
    assert code == 0 and out.startswith("moved #1"), err
