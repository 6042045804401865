"""``slots``, ``zones`` and the closer's rule verbs on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from closer_desk.store import open_agenda
from tests.helpers.cli import main
from tests.helpers.factories import FakeClock, make_agenda


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An agenda file with the sample people, opened by the CLI with the fixed test clock."""
    path = tmp_path / "cli.sqlite3"
    make_agenda(path).close()
    from closer_desk.cli import planning_cmds

    monkeypatch.setattr(
        planning_cmds, "agenda_from", lambda args: open_agenda(args.db, clock=FakeClock())
    )
    return str(path)


def run(db: str, *argv: str) -> int:
    return main(["--db", db, *argv])


def run_json(db: str, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    assert run(db, *argv, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_slots_json_gives_utc_both_local_times_and_flags(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_json(
        db,
        capsys,
        "slots",
        "--prospect",
        "Gabriel",
        "--company",
        "Acme",
        "--from",
        "2026-03-09",
        "--days",
        "5",
    )
    assert out["minutes"] == 45 and out["prospect"] == "Gabriel Tremblay"
    first = out["slots"][0]
    assert first["start"]["utc"].endswith("+00:00")
    assert first["start"]["closer"].endswith("+01:00")
    assert first["start"]["prospect"] == "2026-03-09T09:00-04:00"  # US clocks moved on the 8th
    assert first["prospect_zone"] == "America/Toronto" and first["closer_zone"] == "Europe/Paris"
    assert "dst-shift" in first["flags"]
    assert all(s["start"]["prospect"][11:16] >= "09:00" for s in out["slots"])


def test_slots_text_is_the_proposal_in_the_prospects_language(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(db, "slots", "--prospect", "Gabriel", "--from", "2026-03-09", "--days", "5", "--text")
        == 0
    )
    text = capsys.readouterr().out
    assert text.startswith("Bonjour,") and ", heure de Montréal" in text and text.count("\n- ") == 3
    assert (
        run(
            db,
            "slots",
            "--prospect",
            "Gabriel",
            "--from",
            "2026-03-09",
            "--days",
            "5",
            "--text",
            "--lang",
            "en",
        )
        == 0
    )
    assert "Montréal time" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (("slots", "--prospect", "Nobody"), "no prospect 'Nobody'"),
        (
            ("slots", "--prospect", "Gabriel", "--minutes", "0"),
            "minutes '0': must be greater than zero",
        ),
        (
            ("slots", "--prospect", "Gabriel", "--minutes", "-30"),
            "minutes '-30': must be greater than zero",
        ),
        (("slots", "--prospect", "Gabriel", "--days", "0"), "days '0': must be greater than zero"),
        (("slots", "--prospect", "Gabriel", "--from", "tomorrow"), "expected a date"),
        (
            ("closer", "travel", "Camille", "2026-03-10", "2026-03-12", "--tz", "Mars/Olympus"),
            "unknown time zone 'Mars/Olympus'",
        ),
        (("closer", "hours", "Camille", "mon-fri 18:00-09:00"), "ends before it starts"),
        (("closer", "override", "Camille", "2026-02-30"), "is not a date that exists"),
        (("closer", "rules", "Camille", "--buffer-before", "-5"), "cannot be negative"),
        (("zones", "--city", "Atlantis"), "matches no known time zone"),
        (("zones",), "give --phone NUMBER or --city NAME"),
        (("zones", "--phone", "12"), "not a valid phone number"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    db: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], reason: str
) -> None:
    capsys.readouterr()
    assert run(db, *argv) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1


def test_closer_rules_shape_the_slots(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("slots", "--prospect", "Omar", "--from", "2026-03-09", "--days", "5", "--minutes", "30")
    before = run_json(db, capsys, *args)["slots"]
    assert {s["start"]["closer"][:10] for s in before} >= {"2026-03-10", "2026-03-11"}
    assert run(db, "closer", "override", "Camille", "2026-03-10", "off") == 0
    assert (
        run(db, "closer", "travel", "Camille", "2026-03-11", "2026-03-11", "--tz", "Asia/Dubai")
        == 0
    )
    assert run(db, "closer", "hours", "Camille", "mon-fri 08:00-12:00") == 0
    shown = run_json(db, capsys, "closer", "show", "Camille")
    assert shown["overrides"] == [{"day": "2026-03-10", "hours": "off"}]
    assert shown["travels"][0]["zone"] == "Asia/Dubai" and shown["hours"] == "mon-fri 08:00-12:00"
    after = run_json(db, capsys, *args)["slots"]
    days = {s["start"]["closer"][:10] for s in after}
    assert "2026-03-10" not in days
    in_dubai = [s for s in after if s["closer_zone"] == "Asia/Dubai"]
    assert in_dubai and all(s["start"]["closer"].endswith("+04:00") for s in in_dubai)
    assert run(db, "closer", "override", "Camille", "2026-03-10", "clear") == 0
    assert run(db, "closer", "travel", "Camille", "--clear") == 0
    rules = run_json(
        db,
        capsys,
        "closer",
        "rules",
        "Camille",
        "--buffer-before",
        "10",
        "--notice",
        "120",
        "--daily-cap",
        "2",
    )
    assert (rules["buffer_before"], rules["min_notice"], rules["daily_cap"]) == (10, 120, 2)
    assert (
        run_json(db, capsys, "closer", "rules", "Camille", "--daily-cap", "none")["daily_cap"]
        is None
    )


def test_rescheduling_leaves_the_call_out_and_the_daily_cap_counts(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            db,
            "book",
            "--company",
            "Acme",
            "--prospect",
            "Omar",
            "--start",
            "2026-03-10 10:00",
            "--tz",
            "Europe/Paris",
            "--minutes",
            "30",
        )
        == 0
    )
    args = ("slots", "--prospect", "Omar", "--from", "2026-03-10", "--days", "1", "--minutes", "30")
    taken = {s["start"]["closer"][11:16] for s in run_json(db, capsys, *args)["slots"]}
    assert "10:00" not in taken and "09:45" not in taken
    assert {"09:30", "10:30"} <= taken
    freed = {
        s["start"]["closer"][11:16] for s in run_json(db, capsys, *args, "--exclude", "1")["slots"]
    }
    assert "10:00" in freed
    assert run(db, "closer", "rules", "Camille", "--daily-cap", "1") == 0
    assert run_json(db, capsys, *args)["slots"] == []
    assert run_json(db, capsys, *args, "--exclude", "1")["slots"]


def test_zones_suggestions(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(db, capsys, "zones", "--city", "Montréal") == ["America/Toronto"]
    assert "Australia/Perth" in run_json(db, capsys, "zones", "--phone", "+61 412 345 678")
    assert run(db, "zones", "--city", "Londres") == 0
    assert capsys.readouterr().out == "Europe/London\n"


def test_the_closers_own_public_holiday_is_flagged_and_warned(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Christmas Day is a holiday in Paris, where the sample closer works: a slot that day is
    # flagged, and a booking says so (a warning, not a refusal).
    out = run_json(db, capsys, "slots", "--prospect", "Gabriel", "--company", "Acme",
                   "--from", "2026-12-25", "--days", "1")  # fmt: skip
    assert out["slots"] and all("closer-holiday" in s["flags"] for s in out["slots"])
    out = run_json(db, capsys, "slots", "--prospect", "Gabriel", "--company", "Acme",
                   "--from", "2026-12-23", "--days", "1")  # fmt: skip
    assert out["slots"] and not any("closer-holiday" in s["flags"] for s in out["slots"])
    capsys.readouterr()
    code = main(["--db", db, "book", "--company", "Acme", "--prospect", "Gabriel",
                 "--start", "2026-12-25 15:00"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0 and "a public holiday where Camille Durand works (Christmas Day)" in err
