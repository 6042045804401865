"""Outcomes on the command line follow the life of a call (core.lifecycle): nothing is held
before it starts, and a recorded deal is only removed when asked (``--undo-outcome``)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.factories import NOW, FakeClock, at


@pytest.fixture
def db(agenda: Agenda) -> Path:
    """#1 tomorrow (Tuesday 3 March 15:00 Paris), #2 this morning (07:00 Paris, held)."""
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"))
    agenda.book(company="Acme", prospect="Omar", start=at("2026-03-02 07:00", "Europe/Paris"))
    assert agenda.path is not None
    return agenda.path


def report(capsys: pytest.CaptureFixture[str], db: Path, clock: FakeClock | None = None) -> dict:
    code, out, err = run(capsys, "--db", str(db), "report", "--month", "2026-03", "--json",
                         clock=clock)  # fmt: skip
    assert code == 0, err
    return json.loads(out)["totals"]


@pytest.mark.parametrize(
    "argv",
    [
        ("no-show",),
        ("won", "--value", "4800", "--currency", "CAD"),
        ("lost", "--reason", "budget"),
        ("follow-up",),
    ],
)
def test_nothing_is_recorded_on_a_call_that_has_not_started(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...]
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), "outcome", "1", *argv)
    assert (code, out) == (2, "")
    assert err == f"closer-desk: call #1 has not started yet: record {argv[0]!r} once it has\n"
    assert dump(db) == before
    assert report(capsys, db)["calls_held"] == 0 and report(capsys, db)["no_shows"] == 0


def test_once_the_call_has_started_it_is_recorded(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    started = FakeClock(at("2026-03-03 15:05", "Europe/Paris"))
    code, out, err = run(capsys, "--db", str(db), "outcome", "1", "no-show", clock=started)
    assert code == 0 and out.startswith("recorded no-show for #1"), err
    assert report(capsys, db, started)["no_shows"] == 1


def test_cancelling_a_won_call_needs_undo_outcome_and_its_deal_leaves_the_report(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db), "outcome", "2", "won", "--value", "4800")
    assert code == 0, err
    totals = report(capsys, db)
    assert totals["won"] == 1 and totals["money"][0]["revenue"] == "4800.00"
    before = dump(db)
    for argv in (("cancel", "2"), ("outcome", "2", "no-show")):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert (code, out) == (2, ""), argv
        assert "call #2 has an outcome recorded; pass --undo-outcome" in err
        assert dump(db) == before
    code, out, err = run(capsys, "--db", str(db), "cancel", "2", "--undo-outcome")
    assert code == 0 and out.startswith("cancelled #2"), err
    totals = report(capsys, db)
    assert (totals["won"], totals["calls_held"], totals["money"]) == (0, 0, [])
    # A cancelled call is never held afterwards.
    code, out, err = run(capsys, "--db", str(db), "outcome", "2", "won", "--value", "1")
    assert code == 2 and "call #2 is cancelled" in err


def test_a_held_call_is_corrected_not_cancelled(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert run(capsys, "--db", str(db), "outcome", "2", "follow-up")[0] == 0
    code, _, err = run(capsys, "--db", str(db), "outcome", "2", "won", "--value", "900")
    assert code == 0, err  # the follow-up turned into a deal
    assert run(capsys, "--db", str(db), "outcome", "2", "lost")[0] == 0
    code, _, err = run(capsys, "--db", str(db), "outcome", "2", "no-show", "--undo-outcome")
    assert code == 0, err
    code, _, err = run(capsys, "--db", str(db), "cancel", "2")
    assert code == 2 and "was already missed (no-show); pass --undo-outcome" in err


def test_a_held_call_cannot_move_into_the_future(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert run(capsys, "--db", str(db), "outcome", "2", "lost")[0] == 0
    later = NOW + timedelta(days=2)
    code, out, err = run(capsys, "--db", str(db), "move", "2", "--start", f"{later:%Y-%m-%d} 10:00")
    assert (code, out) == (2, "") and "was already held or missed" in err
    # Correcting when it took place: no warning about the past, even --strict.
    code, out, err = run(
        capsys, "--db", str(db), "move", "2", "--start", "2026-03-02 06:30", "--strict"
    )
    assert (code, err) == (0, "") and out.startswith("moved #2")


def test_a_call_is_named_by_its_id_with_or_without_a_hash(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "outcome", "#2", "lost", "--reason", "budget")
    assert code == 0 and out.startswith("recorded lost for #2"), err
    code, out, err = run(capsys, "--db", str(db), "desk", "# 2", "--json")
    assert code == 0 and json.loads(out)["outcome"] == "lost"
    code, out, err = run(capsys, "--db", str(db), "cancel", "#two")
    assert (code, out) == (2, "") and "not a call id: '#two'" in err
