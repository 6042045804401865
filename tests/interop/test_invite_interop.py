"""Every invite, update, cancellation and export read by independent parsers: libical (through
Debian's python3-gi, as Evolution reads them), ical.js (Thunderbird's parser, installed under
tests/interop by ``make test``), vobject and icalendar: with no error, and the same texts in
all four, whatever a user typed (control characters, quotes, long names, bad links)."""

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
HERE = Path(__file__).parent
CHECKER = HERE / "libical_check.py"
ICALJS_CHECKER = HERE / "icaljs_check.mjs"
HOSTILE = "Ünïcode, comma; semi \\ back 🎉\r\nATTENDEE:mailto:x@y"
#: Names a user can type, each written into an invite by the closer, company and prospect.
HOSTILE_NAMES = {
    "crlf": HOSTILE,
    "controls": "Ann\x1b[31m Lee\x07 del\x7f nul\x00 vt\x0b ff\x0c sep\u2028 bidi\u202e end",
    "quotes": 'Ann "The Closer" Lee ^ caret',
    "long": "Société Générale des Éléphants 🐘 " * 40,
}
#: Stored links the link parser refuses (typed before it existed): never written.
BAD_LINKS = {
    "backslash": "https://meet.example.com\\@evil.example/x",
    "userinfo": "https://user:pw@meet.example.com/x",
    "empty_host": "https://@evil.example/x",
    "u2028": "https://meet.example.com/\u2028x",
    "vt": "https://meet.example.com/\x0bx",
}


def _has_libical() -> bool:
    if not shutil.which(SYSTEM_PYTHON):
        return False
    probe = "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"
    return (
        subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, check=False).returncode
        == 0
    )


def _has_icaljs() -> bool:
    return shutil.which("node") is not None and (HERE / "node_modules" / "ical.js").is_dir()


def icaljs(paths: list[Path]) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["node", str(ICALJS_CHECKER), *map(str, paths)],
        capture_output=True,
        check=True,
        text=True,
        timeout=60,
        cwd=HERE,
    )
    return list(json.loads(done.stdout))


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
    for key, name in HOSTILE_NAMES.items():
        named = replace(
            parties,
            company=replace(parties.company, name=name),
            prospect=replace(parties.prospect, name=name),
            closer=replace(parties.closer, name=name),
        )
        save(f"name_{key}", request(video, named, now=agenda.now()))
        save(f"cancel_{key}", invite(gone, named, now=agenda.now()))
        save(f"export_{key}", export_calendar([(video, named)], now=agenda.now()))
    for key, url in BAD_LINKS.items():
        save(
            f"link_{key}",
            request(replace(video, url=url), parties_of(agenda, video), now=agenda.now()),
        )
    save(
        "link_query",
        request(
            replace(video, url="https://meet.example.com/a?x=1,2;3&y=é"),
            parties_of(agenda, video),
            now=agenda.now(),
        ),
    )
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
            # RFC 5546: a PUBLISH carries no ATTENDEE
            attendees = 0 if fact["method"] == "PUBLISH" else 1
            assert (event["attendees"], event["organizers"]) == (attendees, 1), name
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
    # the line break typed in a name is a space: the summary is one line in every reader
    assert "\n" not in facts["hostile"]["events"][0]["summary"]


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
    # the name in one CN, on one line (vobject does not decode RFC 6868: none is needed)
    (name,) = hostile.attendee.params["CN"]
    assert name == HOSTILE.replace("\r\n", " ")
    assert "ATTENDEE:mailto:x@y" in hostile.summary.value
    assert len(read["export"].vevent_list) == 1  # the phone call; the video call is cancelled


_SAME = (
    "uid",
    "sequence",
    "status",
    "summary",
    "description",
    "location",
    "url",
    "attendees",
    "organizers",
    "attendee_cn",
    "organizer_cn",
)


def _vobject_facts(path: Path) -> list[dict[str, Any]]:
    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    out = []
    for event in cal.vevent_list:

        def value(name: str, event: Any = event) -> Any:
            return event.contents[name][0].value if name in event.contents else None

        def cn(name: str, event: Any = event) -> Any:
            if name not in event.contents:
                return None
            return event.contents[name][0].params.get("CN", [None])[0]

        out.append(
            {
                "uid": value("uid"),
                "sequence": int(value("sequence") or 0),
                "status": value("status") or "",
                "summary": value("summary"),
                "description": value("description"),
                "location": value("location"),
                "url": value("url"),
                "attendees": len(event.contents.get("attendee", [])),
                "organizers": len(event.contents.get("organizer", [])),
                "attendee_cn": cn("attendee"),
                "organizer_cn": cn("organizer"),
            }
        )
    return out


def _icalendar_facts(path: Path) -> list[dict[str, Any]]:
    import icalendar

    cal = icalendar.Calendar.from_ical(path.read_bytes())
    out = []
    for event in cal.walk("VEVENT"):

        def text(name: str, event: Any = event) -> Any:
            return str(event[name]) if name in event else None

        def cn(name: str, event: Any = event) -> Any:
            return event[name].params.get("CN") if name in event else None

        out.append(
            {
                "uid": text("UID"),
                "sequence": int(event.get("SEQUENCE", 0)),
                "status": text("STATUS") or "",
                "summary": text("SUMMARY"),
                "description": text("DESCRIPTION"),
                "location": text("LOCATION"),
                "url": text("URL"),
                "attendees": len(event.get("ATTENDEE", []))
                if isinstance(event.get("ATTENDEE"), list)
                else int("ATTENDEE" in event),
                "organizers": int("ORGANIZER" in event),
                "attendee_cn": cn("ATTENDEE"),
                "organizer_cn": cn("ORGANIZER"),
            }
        )
    return out


def _same(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: e[k] for k in _SAME} for e in facts]


@pytest.mark.skipif(
    not (_has_libical() and _has_icaljs()),
    reason="needs libical (python3-gi + gir1.2-ical-3.0) and ical.js (npm ci in tests/interop)",
)
def test_all_four_readers_read_every_text_the_same(lifecycle: dict[str, Path]) -> None:
    names = list(lifecycle)
    paths = [lifecycle[n] for n in names]
    by_libical = dict(zip(names, libical(paths), strict=True))
    by_icaljs = dict(zip(names, icaljs(paths), strict=True))
    for name in names:
        path = lifecycle[name]
        assert by_icaljs[name]["parsed"], (name, by_icaljs[name].get("error"))
        assert by_icaljs[name]["method"] == by_libical[name]["method"], name
        reference = _same(_icalendar_facts(path))
        for mine, theirs in zip(_same(by_libical[name]["events"]), reference, strict=True):
            for key in _SAME:
                assert mine[key] == theirs[key], (name, key, mine[key], theirs[key])
        assert _same(by_libical[name]["events"]) == reference, ("libical", name)
        assert _same(by_icaljs[name]["events"]) == reference, ("ical.js", name)
        assert _same(_vobject_facts(path)) == reference, ("vobject", name)
        for event in reference:
            for key in ("summary", "description", "attendee_cn", "organizer_cn"):
                text = event[key] or ""
                assert not any(ch in text for ch in "\x00\x07\x0b\x0c\x1b\x7f\u2028\u202e"), (
                    name,
                    key,
                )
            assert "evil" not in str(event) and "user:pw" not in str(event), name
    for key in BAD_LINKS:
        assert _same(_icalendar_facts(lifecycle[f"link_{key}"]))[0]["url"] is None
    assert _same(_icalendar_facts(lifecycle["link_query"]))[0]["url"] == (
        "https://meet.example.com/a?x=1,2;3&y=é"
    )
