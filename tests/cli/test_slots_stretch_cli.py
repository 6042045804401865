"""``slots --stretch``: the hours stretched, on the command line as in the planner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import open_agenda
from tests.helpers.cli import run
from tests.helpers.factories import FakeClock


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "stretch.sqlite3"
    with open_agenda(path, clock=FakeClock()) as agenda:
        agenda.add_closer("Camille Durand", "Europe/Paris")
        agenda.add_prospect("Jack Wilson", "Australia/Sydney", country="AU", subdivision="NSW")
    return str(path)


def test_sydney_has_slots_only_an_hour_outside_the_hours(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ("--db", db, "slots", "--prospect", "Jack", "--from", "2026-03-03", "--days", "1")
    code, out, _err = run(capsys, *common, "--json")
    assert code == 0 and json.loads(out)["slots"] == []
    code, out, _err = run(capsys, *common, "--stretch", "60", "--json")
    slots = json.loads(out)["slots"]
    assert code == 0 and slots
    assert all({"outside-closer-hours", "outside-prospect-hours"} <= set(s["flags"]) for s in slots)


@pytest.mark.parametrize("value", ["-5", "600", "soon"])
def test_a_bad_stretch_is_refused(db: str, capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _out, err = run(capsys, "--db", db, "slots", "--prospect", "Jack", "--stretch", value)
    assert code == 2 and "stretch" in err
