"""``busy list``, ``busy sources`` and ``busy remove``, and re-imports that replace a source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer_desk.store import Agenda
from tests.helpers.cli import dump, run
from tests.helpers.ics import ICS_DIR, lone_events_file


def _file(tmp_path: Path, name: str, *uids: str) -> str:
    return str(lone_events_file(tmp_path, name, *uids))


def test_a_deleted_event_stops_blocking_time_after_reimport(
    agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(agenda.path)
    code, out, _ = run(capsys, "--db", db, "import", _file(tmp_path, "w.ics", "a", "b"), "--busy")
    assert code == 0 and "2 added" in out
    code, out, _ = run(
        capsys, "--db", db, "import", _file(tmp_path, "w.ics", "a"), "--busy", "--json"
    )
    report = json.loads(out)
    assert (report["source"], report["removed"], report["unchanged"]) == ("w.ics", 1, 1)
    code, out, _ = run(capsys, "--db", db, "busy", "list", "--json")
    assert [b["uid"] for b in json.loads(out)] == ["a"]


def test_busy_list_sources_and_remove(
    agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(agenda.path)
    run(capsys, "--db", db, "import", _file(tmp_path, "w.ics", "a", "b"), "--busy")
    run(capsys, "--db", db, "import", _file(tmp_path, "h.ics", "c"), "--busy", "--source", "Home")
    code, out, _ = run(capsys, "--db", db, "busy", "sources", "--json")
    assert [(s["source"], s["blocks"]) for s in json.loads(out)] == [("Home", 1), ("w.ics", 2)]
    code, out, _ = run(capsys, "--db", db, "busy", "list", "--source", "w.ics")
    assert code == 0 and "2026-03-04 11:00 +01:00" in out and " c" not in out
    code, out, _ = run(capsys, "--db", db, "busy", "list", "--from", "2026-03-05", "--json")
    assert json.loads(out) == []
    ids = [b["id"] for b in json.loads(run(capsys, "--db", db, "busy", "list", "--json")[1])]
    code, out, _ = run(capsys, "--db", db, "busy", "remove", str(ids[0]))
    assert (code, out) == (0, "removed 1 busy blocks\n")
    code, out, _ = run(capsys, "--db", db, "busy", "remove", "--source", "Home")
    assert (code, out) == (0, "removed 1 busy blocks\n")
    code, out, _ = run(capsys, "--db", db, "busy", "list", "--json")
    assert [b["uid"] for b in json.loads(out)] == ["b"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("busy", "remove", "999"), "no busy block 999"),
        (("busy", "remove", "--source", "nope"), "no busy source 'nope'"),
        (("busy", "remove"), "give busy block ids or --source NAME"),
        (("busy", "list", "--from", "2026-03-10", "--to", "2026-03-01"), "ends before"),
        (("busy", "list", "--to", "9999-12-31"), "outside the supported years"),
        (("busy", "list", "--from", "0001-01-01"), "outside the supported years"),
    ],
)
def test_bad_busy_commands_change_nothing(
    agenda: Agenda,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    expected: str,
) -> None:
    db = str(agenda.path)
    run(capsys, "--db", db, "import", str(ICS_DIR / "tz_windows_format.ics"), "--busy")
    before = dump(agenda.path)
    code, _, err = run(capsys, "--db", db, *argv)
    assert code == 2 and expected in err and len(err.splitlines()) == 1
    assert dump(agenda.path) == before


FREE_AND_BROKEN = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    # A yearly birthday marked free, as Google exports it: read, blocks nothing.
    "BEGIN:VEVENT\r\nUID:birthday@google\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART;VALUE=DATE:20260305\r\nDTEND;VALUE=DATE:20260306\r\nRRULE:FREQ=YEARLY\r\n"
    "TRANSP:TRANSPARENT\r\nSUMMARY:Ann's birthday\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:meeting@google\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:broken@google\r\nDTSTAMP:20260301T000000Z\r\n"
    "DTSTART:2026-13-45\r\nSUMMARY:Broken\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_free_events_are_read_and_told_apart_from_the_skipped_ones(
    agenda: Agenda, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A free event is what its calendar says (it blocks no time), not an event left out.
    path = tmp_path / "google.ics"
    path.write_text(FREE_AND_BROKEN, newline="")
    db = str(agenda.path)
    code, out, err = run(capsys, "--db", db, "import", str(path), "--busy")
    assert code == 0, err
    assert "1 event marked free (TRANSP:TRANSPARENT): no time blocked" in out
    assert "1 events skipped:" in out and "broken@google" in out
    assert "birthday@google" not in out
    path.write_text(FREE_AND_BROKEN.replace("meeting@", "meeting2@"), newline="")
    code, out, _ = run(capsys, "--db", db, "import", str(path), "--busy", "--json")
    report = json.loads(out)
    assert (report["free"], report["skipped"]) == (1, 1)
    assert [r["uid"] for r in report["refused"]] == ["broken@google"]
