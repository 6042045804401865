"""``agenda``: whose call each line is when several closers are shown, and the prospect's date
when their day is not the one in the START column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import run
from tests.helpers.factories import at


@pytest.fixture
def db(agenda: Agenda) -> Path:
    sam = agenda.add_closer("Sam Martin", "America/Toronto")
    agenda.add_prospect("Ava Wilson", "Australia/Sydney", country="AU")
    # Tuesday 3 March: Camille with Gabriel at 15:00 Paris; Sam with Ava at 09:00 Toronto,
    # which is already Wednesday 01:00 in Sydney.
    agenda.book(company="Acme", prospect="Gabriel", start=at("2026-03-03 15:00", "Europe/Paris"))
    agenda.book(
        company="Acme",
        prospect="Ava",
        start=at("2026-03-03 09:00", "America/Toronto"),
        closer=sam.id,
    )
    assert agenda.path is not None
    return agenda.path


def table(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> list[str]:
    code, out, err = run(capsys, "--db", str(db), "agenda", "--from", "2026-03-03", "--to",
                         "2026-03-03", *extra)  # fmt: skip
    assert (code, err) == (0, "")
    return out.splitlines()


def test_several_closers_get_a_closer_column(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    lines = table(capsys, db)
    assert lines[0].split()[:6] == ["ID", "START", "(Europe/Paris)", "MIN", "CLOSER", "COMPANY"]
    assert "Camille Durand" in lines[2] and "Sam Martin" in lines[3]
    one = table(capsys, db, "--closer", "Sam")
    assert "CLOSER" not in one[0] and len(one) == 3


def test_the_prospects_time_carries_their_date_when_it_differs(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    lines = table(capsys, db)
    assert "  09:00 America/Toronto" in lines[2]  # the same day in Toronto
    assert "2026-03-04 01:00 Australia/Sydney" in lines[3]
    toronto = table(capsys, db, "--tz", "America/Toronto")
    assert "2026-03-04 01:00 Australia/Sydney" in toronto[3]


def test_json_always_names_the_closer_with_their_id(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db), "agenda", "--from", "2026-03-03", "--json")
    assert code == 0
    assert [(c["closer_id"], c["closer"]) for c in json.loads(out)] == [
        (1, "Camille Durand"),
        (2, "Sam Martin"),
    ]
