"""ICS import of 10,000 events against a bare ``icalendar.Calendar.from_ical`` of the same
file, both measured in this run (budget in docs/ARCHITECTURE.md: at most 0.6x).

The file comes from a seeded generator shaped like real exports: Outlook events with Windows
TZIDs and their VTIMEZONEs, Google events in UTC, floating and all-day ones, descriptions,
attendees and alarms on many, and 2% weekly RRULEs. ``closer_desk`` time is the whole import
(split, parse on every core, expand, write the busy blocks in one transaction into a fresh
agenda). Each side gets one untimed warm-up (imports, and the worker processes that a running
app keeps), then the median of the timed rounds; the cold first import is printed too.

Run alone: ``python -m tests.benchmarks.bench_import``.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from closer_desk.core.ics.importing import ImportOptions, read_calendar_file
from closer_desk.store import open_agenda
from closer_desk.store.calendar_import import import_file

EVENTS = 10_000
ROUNDS = 3
BUDGET = 0.6
NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)

_WINDOWS = {
    "Romance Standard Time": ("+0100", "+0200"),
    "W. Europe Standard Time": ("+0100", "+0200"),
    "Pacific Standard Time": ("-0800", "-0700"),
    "Eastern Standard Time": ("-0500", "-0400"),
}
_IANA = (
    "Europe/Paris",
    "America/New_York",
    "Asia/Tokyo",
    "Asia/Dubai",
    "America/Toronto",
    "Europe/London",
)


def _vtimezone(tzid: str, standard: str, daylight: str) -> list[str]:
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{tzid}",
        "BEGIN:STANDARD",
        "DTSTART:16011104T020000",
        "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
        f"TZOFFSETFROM:{daylight}",
        f"TZOFFSETTO:{standard}",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010311T020000",
        "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        f"TZOFFSETFROM:{standard}",
        f"TZOFFSETTO:{daylight}",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]


def generate(count: int = EVENTS, seed: int = 20261123) -> str:
    """A calendar of ``count`` events, the same for the same seed."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//closer_desk//bench//EN", "METHOD:PUBLISH"]
    for tzid, (std, dst) in _WINDOWS.items():
        lines += _vtimezone(tzid, std, dst)
    windows = list(_WINDOWS)
    for i in range(count):
        start = datetime(2026, 1, 5, 7) + timedelta(
            days=rng.randrange(300), minutes=15 * rng.randrange(44)
        )
        end = start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90)))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{rng.getrandbits(64):016x}-{i}@bench.example",
            "DTSTAMP:20260101T120000Z",
        ]
        kind = rng.random()
        if kind < 0.35:
            tzid = rng.choice(windows)
            lines += [
                f'DTSTART;TZID="{tzid}":{start:%Y%m%dT%H%M%S}',
                f'DTEND;TZID="{tzid}":{end:%Y%m%dT%H%M%S}',
            ]
        elif kind < 0.65:
            tzid = rng.choice(_IANA)
            lines += [
                f"DTSTART;TZID={tzid}:{start:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={tzid}:{end:%Y%m%dT%H%M%S}",
            ]
        elif kind < 0.9:
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}Z", f"DTEND:{end:%Y%m%dT%H%M%S}Z"]
        elif kind < 0.95:
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DURATION:PT{rng.choice((30, 45, 60))}M"]
        else:
            lines += [
                f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
            ]
        lines.append(f"SUMMARY:Réunion {i}\\, équipe {rng.randrange(50)}\\; point hebdo")
        lines.append(f"SEQUENCE:{rng.randrange(3)}")
        if rng.random() < 0.5:
            lines += [
                f"DESCRIPTION:Ordre du jour\\n- budget\\n- planning {i}\\nLien: https://meet.example.com/{i}",
                f"LOCATION:Salle {rng.randrange(20)}",
                f"ORGANIZER;CN=Organiser {i % 97}:mailto:org{i % 97}@example.com",
                f"ATTENDEE;CN=Person {i % 89};PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:"
                f"mailto:p{i % 89}@example.com",
            ]
        if rng.random() < 0.02:
            lines.append(f"RRULE:FREQ=WEEKLY;COUNT={rng.randrange(4, 30)}")
        if rng.random() < 0.3:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:Rappel",
                "TRIGGER:-PT15M",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _bare(path: Path) -> float:
    begin = time.perf_counter()
    icalendar.Calendar.from_ical(path.read_bytes())
    return time.perf_counter() - begin


def _ours(path: Path, scratch: Path, n: int) -> tuple[float, int]:
    with open_agenda(scratch / f"agenda-{n}.sqlite3", clock=lambda: NOW) as agenda:
        agenda.add_closer("Bench", "Europe/Paris")
        begin = time.perf_counter()
        report = import_file(agenda, path, busy=True)
        elapsed = time.perf_counter() - begin
    return elapsed, report.added


def _parse_only(path: Path) -> float:
    begin = time.perf_counter()
    read_calendar_file(path, ImportOptions(floating_zone="Europe/Paris", now=NOW))
    return time.perf_counter() - begin


def run() -> list[dict[str, Any]]:
    """The benchmark rows (see ``tests/benchmarks/__main__.py``)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        path = scratch / "bench.ics"
        path.write_text(generate(), encoding="utf-8", newline="")
        cold, added = _ours(path, scratch, 0)
        _bare(path)
        bare, ours, parse = [], [], []
        for n in range(1, ROUNDS + 1):
            bare.append(_bare(path))
            elapsed, added = _ours(path, scratch, n)
            ours.append(elapsed)
            parse.append(_parse_only(path))
    floor = statistics.median(bare)
    value = statistics.median(ours)
    cores = os.cpu_count()
    return [
        {
            "name": "bare icalendar.Calendar.from_ical (floor)",
            "value": floor,
            "unit": "s",
            "budget": None,
            "ratio": 1.0,
            "ok": None,
        },
        {
            "name": f"closer_desk import, {EVENTS} events -> {added} blocks ({cores} cores)",
            "value": value,
            "unit": "s",
            "budget": BUDGET * floor,
            "ratio": value / floor,
            "ok": value / floor <= BUDGET,
        },
        {
            "name": "closer_desk parse only (no write)",
            "value": statistics.median(parse),
            "unit": "s",
            "budget": None,
            "ratio": statistics.median(parse) / floor,
            "ok": None,
        },
        {
            "name": "closer_desk import, cold (first, starts workers)",
            "value": cold,
            "unit": "s",
            "budget": None,
            "ratio": cold / floor,
            "ok": None,
        },
    ]


if __name__ == "__main__":
    for row in run():
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else "-"
        verdict = "" if row["ok"] is None else ("ok" if row["ok"] else "OVER BUDGET")
        print(
            f"{row['name']:<62} {row['value']:8.3f} {row['unit']}  {ratio:>6} "
            f"(budget {BUDGET}x) {verdict}"
        )
