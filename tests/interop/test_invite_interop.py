"""Every invite, update, cancellation and export read by independent parsers: libical (through
Debian's python3-gi, as Evolution reads them) and vobject, with no error."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import vobject

from closer_desk.core.ics.export import export_calendar
from closer_desk.core.ics.invite import invite, request
from closer_desk.store import Agenda
from closer_desk.store.ics_calls import calls_between, parties_of
from tests.helpers.factories import at

SYSTEM_PYTHON = "/usr/bin/python3"
CHECKER = Path(__file__).with_name("libical_check.py")
HOSTILE = "Ünïcode, comma; semi \\ back 🎉\r\nATTENDEE:mailto:x@y"


def _has_libical() -> bool:
    if not shutil.which(SYSTEM_PYTHON):
        return False
    probe = "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"
    return (
        subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, check=False).returncode
        == 0
    )


def libical(paths: list[Path]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [SYSTEM_PYTHON, str(CHECKER), *map(str, paths)],
        capture_output=True,
        check=True,
        text=True,
        timeout=60,
    )
    return list(json.loads(done.stdout))


@pytest.fixture
def lifecycle(agenda: Agenda, tmp_path: Path) -> dict[str, Path]:
    """Invite files of a call's life: booked, moved, cancelled; a phone call; hostile names;
    the whole agenda exported."""
    files: dict[str, Path] = {}

    def save(name: str, data: bytes) -> None:
        files[name] = tmp_path / f"{name}.ics"
        files[name].write_bytes(data)

    video = agenda.book(
        company="Acme", prospect="Gabriel Tremblay", start=at("2026-03-03 15:00", "Europe/Paris")
    )
    save("request", invite(video, parties_of(agenda, video), now=agenda.now()))
    moved = agenda.move(
        video.id, at("2026-03-31 16:00", "Europe/Paris")
    )  # across the EU DST change
    save("moved", invite(moved, parties_of(agenda, moved), now=agenda.now()))
    gone = agenda.cancel(video.id)
    save("cancel", invite(gone, parties_of(agenda, gone), now=agenda.now()))
    phone = agenda.book(
        company="Érable", prospect="Omar Haddad", start=at("2026-03-04 10:00", "Asia/Dubai")
    )
    save("phone", invite(phone, parties_of(agenda, phone), now=agenda.now()))
    parties = parties_of(agenda, phone)
    hostile = replace(
        parties,
        company=replace(parties.company, name=HOSTILE),
        prospect=replace(parties.prospect, name=HOSTILE),
        closer=replace(parties.closer, name=HOSTILE),
    )
    save("hostile", request(phone, hostile, now=agenda.now()))
    start, end = at("2026-03-01 00:00", "Europe/Paris"), at("2026-05-01 00:00", "Europe/Paris")
    save("export", export_calendar(calls_between(agenda, start, end), now=agenda.now()))
    return files


def test_files_are_crlf_and_folded_at_75_octets_without_splitting_characters(
    lifecycle: dict[str, Path],
) -> None:
    for path in lifecycle.values():
        data = path.read_bytes()
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), path.name
        for line in data.split(b"\r\n")[:-1]:
            assert len(line) <= 75, (path.name, line)
            line.decode("utf-8")  # raises if a fold split a multi-byte character


@pytest.mark.skipif(
    not _has_libical(), reason="/usr/bin/python3 lacks python3-gi + gir1.2-ical-3.0"
)
def test_libical_reads_every_file_without_error(lifecycle: dict[str, Path]) -> None:
    names = list(lifecycle)
    facts = dict(zip(names, libical([lifecycle[n] for n in names]), strict=True))
    for name, fact in facts.items():
        assert fact["parsed"] and fact["errors"] == [], (name, fact.get("errors"))
        assert fact["events"], name
        for event in fact["events"]:
            assert (event["attendees"], event["organizers"]) == (1, 1), name
    assert [facts[n]["method"] for n in ("request", "moved", "cancel", "export")] == [
        "REQUEST",
        "REQUEST",
        "CANCEL",
        "PUBLISH",
    ]
    life = [facts[n]["events"][0] for n in ("request", "moved", "cancel")]
    assert len({e["uid"] for e in life}) == 1
    assert life[0]["sequence"] < life[1]["sequence"] < life[2]["sequence"]
    assert life[2]["status"] == "CANCELLED"
    assert life[1]["start"] == "20260331T160000" and life[1]["start_tz"] == "Europe/Paris"
    assert facts["request"]["timezones"] == 1
    assert "\n" in facts["hostile"]["events"][0]["summary"]  # the line break stayed inside SUMMARY


def test_vobject_reads_every_file(lifecycle: dict[str, Path]) -> None:
    read = {
        name: vobject.readOne(path.read_text(encoding="utf-8")) for name, path in lifecycle.items()
    }
    life = [read[n].vevent for n in ("request", "moved", "cancel")]
    assert len({e.uid.value for e in life}) == 1
    sequences = [int(e.sequence.value) for e in life]
    assert sequences == sorted(sequences) and len(set(sequences)) == 3
    assert read["cancel"].method.value == "CANCEL" and life[2].status.value == "CANCELLED"
    moved_start = life[1].dtstart.value
    assert moved_start.utcoffset().total_seconds() == 7200  # Paris summer time on 31 March
    hostile = read["hostile"].vevent
    assert len(hostile.contents["attendee"]) == 1
    # vobject does not decode RFC 6868 (^n for a line break) but keeps the name in one CN
    (name,) = hostile.attendee.params["CN"]
    assert name.replace("^n", "\n") == HOSTILE.replace("\r\n", "\n")
    assert "ATTENDEE:mailto:x@y" in hostile.summary.value
    assert len(read["export"].vevent_list) == 1  # the phone call; the video call is cancelled
