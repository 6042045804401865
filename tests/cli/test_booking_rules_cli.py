"""``book``, ``move`` and ``rebook`` on the command line: the window's warnings on stderr (exit
0), ``--strict`` to refuse them (exit 2, nothing written), and a prospect's calls with other
closers as busy time for every closer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import at


@pytest.fixture
def db(agenda: Agenda, tmp_path: Path) -> Path:
    """Camille (Paris, 10 min buffers, 2 h notice, 3 calls a day) and Sam (Toronto); Gabriel's
    call with Camille on Wednesday 4 March at 16:00 Paris (10:00 in Toronto); Omar and Haruto
    on Tuesday 3 March; busy time imported for Camille on Thursday 5 March 10:00-11:00."""
    agenda.edit_closer("Camille", buffer_before=10, buffer_after=10, min_notice=120, daily_cap=3)
    agenda.add_closer("Sam Martin", "America/Toronto")
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-04 16:00", "Europe/Paris"))
    agenda.book(company="Acme", prospect="Omar", start=at("2026-03-03 10:00", "Europe/Paris"))
    agenda.book(company="Acme", prospect="Haruto", start=at("2026-03-03 11:00", "Europe/Paris"))
    agenda.book(company="Acme", prospect="Omar", start=at("2026-03-03 12:00", "Europe/Paris"))
    busy = tmp_path / "work.ics"
    busy.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:dentist@example.com\r\nDTSTAMP:20260301T000000Z\r\n"
        "DTSTART:20260305T090000Z\r\nDTEND:20260305T100000Z\r\nSUMMARY:Dentist\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    from closer_desk.store.calendar_import import import_file

    import_file(agenda, busy, busy=True)
    assert agenda.path is not None
    return agenda.path


def book(*extra: str) -> tuple[str, ...]:
    return ("book", "--company", "Acme", "--prospect", "Gabriel", *extra)


#: One case per rule the window's editor warns about: the call, and a part of the warning.
WARNED = [
    # 03:00 on the prospect's Saturday (09:00 for Camille: inside her hours).
    (book("--start", "2026-03-07 03:00", "--tz", "America/Toronto"), "weekend for Gabriel"),
    (book("--start", "2026-03-04 19:30"), "outside Camille Durand's working hours"),
    (book("--start", "2026-03-04 08:00", "--tz", "America/Toronto"), "Gabriel Tremblay's business"),
    (book("--start", "2026-03-03 14:00", "--minutes", "30"), "already has 3 calls that day"),
    (book("--start", "2026-03-03 10:50", "--minutes", "5"), "inside Camille Durand's buffer"),
    (book("--start", "2026-03-02 10:00"), "under Camille Durand's minimum notice of 120 min"),
    (book("--start", "2026-03-05 10:15", "--minutes", "30"), "over imported busy time: 'Dentist'"),
    (book("--start", "2026-02-27 15:00"), "the time is in the past"),
]


@pytest.mark.parametrize(("argv", "warning"), WARNED, ids=[w for _, w in WARNED])
def test_book_warns_on_stderr_and_books(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...], warning: str
) -> None:
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 0 and out.startswith("booked #5"), err
    lines = err.strip().splitlines()
    assert lines and all(line.startswith("closer-desk: warning: ") for line in lines)
    assert any(warning in line for line in lines), err


@pytest.mark.parametrize(("argv", "warning"), WARNED, ids=[w for _, w in WARNED])
def test_strict_refuses_what_would_be_warned_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...], warning: str
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), *argv, "--strict")
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and err.startswith(
        "closer-desk: not booked (--strict)"
    )
    assert warning in err
    assert dump(db) == before


def test_a_good_time_has_no_warning_even_strict(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), *book("--start", "2026-03-04 15:00", "--strict"))
    assert (code, err) == (0, "") and out.startswith("booked #5")


def test_move_and_rebook_warn_and_refuse_like_book(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = dump(db)
    saturday = ("--start", "2026-03-07 03:00", "--tz", "America/Toronto")
    for argv in (("move", "1", *saturday), ("rebook", "1", *saturday)):
        code, out, err = run(capsys, "--db", str(db), *argv, "--strict")
        assert (code, out) == (2, "") and "weekend for Gabriel Tremblay" in err, argv
        assert dump(db) == before
    code, out, err = run(capsys, "--db", str(db), "move", "1", *saturday)
    assert code == 0 and out.startswith("moved #1") and "warning: it is the weekend" in err
    code, out, err = run(capsys, "--db", str(db), "rebook", "1", "--start", "2026-03-09 03:00",
                         "--tz", "America/Toronto")  # fmt: skip
    assert code == 0 and out.startswith("booked #5 after #1")
    assert "outside Gabriel Tremblay's business hours (Monday 03:00" in err
    # Moving a call is not a conflict with itself, nor inside its own buffer.
    code, out, err = run(capsys, "--db", str(db), "move", "2", "--start", "2026-03-03 10:05")
    assert (code, err) == (0, ""), err


def test_the_overlapped_call_is_given_in_the_zone_the_command_shows_times_in(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """Gabriel's call #1 (agreed in Paris) is said in the closer's zone, or in --tz's, in the
    style of every other time the CLI prints."""
    before = dump(db)
    omar = ("--company", "Acme", "--prospect", "Omar")
    paris = "#1 at 2026-03-04 16:00 +01:00 Europe/Paris"
    toronto = "#1 at 2026-03-04 10:00 -05:00 America/Toronto"
    for argv, shown in (
        (("book", *omar, "--start", "2026-03-04 16:15"), paris),
        (("book", *omar, "--start", "2026-03-04 10:15", "--tz", "America/Toronto"), toronto),
        (("move", "2", "--start", "2026-03-04 16:15"), paris),
        (("rebook", "2", "--start", "2026-03-04 10:15", "--tz", "America/Toronto"), toronto),
    ):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), argv
        assert err == (
            f"closer-desk: overlaps the closer's call {shown}; pick another time or pass --force\n"
        )
    assert dump(db) == before
    code, out, err = run(capsys, "--db", str(db), "book", *omar, "--start", "2026-03-04 16:15",
                         "--force")  # fmt: skip
    assert code == 0 and f"warning: overlaps the closer's call {paris}\n" in err


# -- the prospect's calls with other closers ------------------------------------------------------
def test_slots_for_another_closer_leave_out_the_prospects_call(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(db),
        "slots",
        "--prospect",
        "Gabriel",
        "--closer",
        "Sam",
        "--from",
        "2026-03-04",
        "--days",
        "1",
        "--minutes",
        "30",
        "--json",
    )
    assert code == 0
    starts = [s["start"]["prospect"][11:16] for s in json.loads(out)["slots"]]
    # Gabriel is with Camille from 10:00 to 10:45, his time.
    assert "09:30" in starts and "10:45" in starts
    assert not {"09:45", "10:00", "10:15", "10:30"} & set(starts)


def test_book_move_rebook_refuse_the_prospects_other_call_unless_forced(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = dump(db)
    at_ten = ("--start", "2026-03-04 10:15", "--tz", "America/Toronto")
    for argv in (
        (*book(*at_ten), "--closer", "Sam"),
        ("rebook", "1", *at_ten),  # the same closer: her own call
    ):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), argv
        assert "pass --force" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "--db", str(db), *book(*at_ten), "--closer", "Sam")
    assert (
        "Gabriel Tremblay already has call #1 with Camille Durand at 2026-03-04 10:00 -05:00 "
        "America/Toronto;" in err
    )
    assert dump(db) == before
    code, out, err = run(
        capsys, "--db", str(db), *book("--start", "2026-03-04 08:00", "--tz", "America/Toronto"),
        "--closer", "Sam",
    )  # fmt: skip
    assert code == 0 and out.startswith("booked #5")
    code, out, err = run(capsys, "--db", str(db), "move", "5", *at_ten)
    assert code == 2 and "already has call #1 with Camille Durand" in err
    code, out, err = run(capsys, "--db", str(db), "move", "5", *at_ten, "--force")
    assert code == 0 and out.startswith("moved #5")
    assert "warning: Gabriel Tremblay already has call #1 with Camille Durand" in err
    # --force covers the conflict: --strict refuses only the other warnings.
    code, out, err = run(capsys, "--db", str(db), "move", "5", *at_ten, "--force", "--strict")
    assert code == 0, err
