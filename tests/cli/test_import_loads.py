"""A small calendar imported from the command line loads no SQLAlchemy, Alembic or icalendar.

Checked in a fresh interpreter, as ``tests/cli/test_imports.py`` does for the everyday
commands: the import's reads and writes are SQL text on the agenda's own connection, and a
small file is parsed in this process by closer_desk's own reader.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

THREE_EVENTS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//closer_desk//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:1@test\r\nDTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\n"
    "SUMMARY:One\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2@test\r\nDTSTART;TZID=Europe/Paris:20260305T090000\r\n"
    "DURATION:PT1H\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:3@test\r\nDTSTART:20260306T090000Z\r\nDTEND:20260306T100000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)

_RUN = """
import contextlib, io, json, sys
from datetime import UTC, datetime
from closer_desk.cli import main

with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:], clock=lambda: datetime(2026, 3, 2, 8, tzinfo=UTC))
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*argv: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_a_small_busy_import_loads_no_sqlalchemy_and_writes_its_blocks(tmp_path: Path) -> None:
    db, ics = str(tmp_path / "agenda.sqlite3"), tmp_path / "three.ics"
    ics.write_text(THREE_EVENTS, encoding="utf-8", newline="")
    assert _run("--db", db, "closer", "add", "Camille", "--tz", "Europe/Paris")["code"] == 0
    for round_, added, unchanged in (("first", 5, 0), ("again", 0, 5)):
        found = _run("--db", db, "import", str(ics), "--busy", "--json")
        assert found["code"] == 0, round_
        report = json.loads(str(found["out"]))
        assert (report["added"], report["unchanged"], report["events"]) == (added, unchanged, 3)
        modules = found["modules"]
        assert isinstance(modules, list)
        loaded = {m.split(".")[0] for m in modules}
        assert not loaded & {"sqlalchemy", "alembic", "icalendar"}, round_
        assert "closer_desk.store.schema" not in modules, round_
    listed = _run("--db", db, "busy", "list", "--json")
    assert listed["code"] == 0
    assert len(json.loads(str(listed["out"]))) == 5
