"""ICS import against floors measured in the same run (issue 11's budgets):

- 10,000 events: at most 0.2x a bare ``icalendar.Calendar.from_ical`` of the same file;
- a 3-event file imported by the CLI, as a whole process: at most 1.5x ``closer-desk
  --version`` (both with bytecode caches, as an installed closer-desk runs, after untimed
  warm-ups that write them);
- each hostile file of ``tests/helpers/hostile.py``, imported by the CLI: at most 15 s and
  400 MB of peak RSS, printed as ratios to a bare ``from_ical`` of a normal file of the same
  size (each in its own process, measured with ``wait4``).

The file comes from a seeded generator shaped like real exports: Outlook events with Windows
TZIDs and their VTIMEZONEs, Google events in UTC, floating and all-day ones, descriptions,
attendees and alarms on many, and 2% weekly RRULEs. ``closer_desk`` time is the whole import
(split, parse on every core, expand, write the busy blocks in one transaction into a fresh
agenda). Each side gets one untimed warm-up (imports, and the worker processes that a running
app keeps), then the median of the timed rounds; the cold first import is printed too.

Run alone: ``python -m tests.benchmarks import`` (or ``python -m tests.benchmarks.bench_import``).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from closer_desk.core.ics.importing import ImportOptions, read_calendar_file
from closer_desk.store import open_agenda
from closer_desk.store.calendar_import import import_file
from tests.benchmarks.bench_cli import INSTALLED_ENV
from tests.helpers import hostile

EVENTS = 10_000
ROUNDS = 3
BUDGET = 0.2
CLI_BUDGET = 1.5
CLI_ROUNDS = 5
CLI_WARMUP = 2
HOSTILE_SECONDS = 15.0
HOSTILE_MB = 400.0
NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)
THREE_EVENTS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//closer_desk//bench//EN\r\n"
    "BEGIN:VEVENT\r\nUID:1@bench\r\nDTSTART:20260304T090000Z\r\nDTEND:20260304T100000Z\r\n"
    "SUMMARY:One\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2@bench\r\nDTSTART;TZID=Europe/Paris:20260305T090000\r\n"
    "DURATION:PT1H\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:3@bench\r\nDTSTART:20260306T090000Z\r\nDTEND:20260306T100000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)

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


# A small process between this benchmark and the one measured: Linux counts, in a process's
# peak RSS, the memory of the process it was forked from (whatever exec does after), and this
# benchmark holds the hostile files in memory.
_MEASURE = (
    "import os, sys, time\n"
    "begin = time.perf_counter()\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execv(sys.argv[2], sys.argv[2:])\n"
    "_, _, usage = os.wait4(pid, 0)\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(f'{time.perf_counter() - begin} {usage.ru_maxrss}')\n"
)


def _process(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the first line of output of one whole process."""
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts"
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(facts), *argv],
            capture_output=True,
            check=False,
            env=INSTALLED_ENV,
        )
        elapsed, peak_kb = facts.read_text().split()
    output = (done.stdout + done.stderr).decode(errors="replace")
    lines = [line for line in output.splitlines() if line.strip()]
    return float(elapsed), int(peak_kb) / 1024, (lines[0] if lines else "")


def _cli() -> list[str]:
    found = shutil.which("closer-desk", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "closer_desk"]


def _cli_rows(scratch: Path) -> list[dict[str, Any]]:
    """A 3-event import by the CLI against ``closer-desk --version``, whole processes."""
    db = scratch / "cli.sqlite3"
    three = scratch / "three.ics"
    three.write_text(THREE_EVENTS, encoding="utf-8", newline="")
    cli = _cli()
    subprocess.run(
        [*cli, "--db", str(db), "closer", "add", "Bench", "--tz", "Europe/Paris"],
        check=True,
        capture_output=True,
    )
    version, imported = [], []
    for _ in range(CLI_WARMUP):  # untimed: they write the bytecode caches
        _process([*cli, "--version"])
        _process([*cli, "--db", str(db), "import", str(three), "--busy"])
    for _ in range(CLI_ROUNDS):
        version.append(_process([*cli, "--version"])[0])
        imported.append(_process([*cli, "--db", str(db), "import", str(three), "--busy"])[0])
    floor, value = statistics.median(version), statistics.median(imported)
    return [
        {
            "name": "closer-desk --version, whole process (floor)",
            "value": floor,
            "unit": "s",
            "budget": None,
            "ratio": 1.0,
            "ok": None,
        },
        {
            "name": "closer-desk import of a 3-event file, whole process",
            "value": value,
            "unit": "s",
            "budget": CLI_BUDGET * floor,
            "ratio": value / floor,
            "ok": value / floor <= CLI_BUDGET,
        },
    ]


def _bare_parse(path: Path) -> tuple[float, float]:
    code = "import sys, icalendar; icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())"
    elapsed, peak, _ = _process([sys.executable, "-c", code, str(path)])
    return elapsed, peak


def _hostile_rows(scratch: Path) -> list[dict[str, Any]]:
    """Each hostile file imported by the CLI (a new agenda each), against a bare parse of a
    normal file of the same size."""
    cli = _cli()
    rows: list[dict[str, Any]] = []
    floors: dict[int, tuple[float, float]] = {}
    for name, make in hostile.ISSUE_SIZES.items():
        data = make()
        path = scratch / f"{name}.ics"
        path.write_bytes(data)
        size_class = max(1, len(data) // (256 * 1024))  # files within 256 kB share a floor
        if size_class not in floors:
            normal = scratch / f"normal-{size_class}.ics"
            normal.write_bytes(hostile.normal_events(len(data)))
            floors[size_class] = _bare_parse(normal)
        floor_s, floor_mb = floors[size_class]
        db = scratch / f"{name}.sqlite3"
        subprocess.run(
            [*cli, "--db", str(db), "closer", "add", "Bench", "--tz", "Europe/Paris"],
            check=True,
            capture_output=True,
        )
        elapsed, peak, said = _process([*cli, "--db", str(db), "import", str(path), "--busy"])
        verdict = said if len(said) <= 70 else said[:69] + "…"
        rows.append(
            {
                "name": f"hostile {name} ({len(data) / 1e6:.1f} MB): {verdict}",
                "value": elapsed,
                "unit": "s",
                "budget": HOSTILE_SECONDS,
                "ratio": elapsed / floor_s,
                "ok": elapsed <= HOSTILE_SECONDS,
            }
        )
        rows.append(
            {
                "name": f"hostile {name}: peak RSS",
                "value": peak,
                "unit": "MB",
                "budget": HOSTILE_MB,
                "ratio": peak / floor_mb,
                "ok": peak <= HOSTILE_MB,
            }
        )
    return rows


def run() -> list[dict[str, Any]]:
    """The benchmark rows (see ``tests/benchmarks/__main__.py``)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        path = scratch / "bench.ics"
        path.write_text(generate(), encoding="utf-8", newline="")
        cold, added = _ours(path, scratch, 0)
        _bare(path)
        bare, ours, parse, cpu_bare, cpu_ours = [], [], [], [], []
        for n in range(1, ROUNDS + 1):
            begin = time.process_time()
            bare.append(_bare(path))
            cpu_bare.append(time.process_time() - begin)
            begin = _cpu_with_children()
            elapsed, added = _ours(path, scratch, n)
            cpu_ours.append(_cpu_with_children() - begin)
            ours.append(elapsed)
            parse.append(_parse_only(path))
        cli_rows = _cli_rows(scratch)
        hostile_rows = _hostile_rows(scratch)
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
            "cpu": statistics.median(cpu_bare),
        },
        {
            "name": f"closer_desk import, {EVENTS} events -> {added} blocks ({cores} cores)",
            "value": value,
            "unit": "s",
            "budget": BUDGET * floor,
            "ratio": value / floor,
            "ok": value / floor <= BUDGET,
            "cpu": statistics.median(cpu_ours),
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
        *cli_rows,
        *hostile_rows,
    ]


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the workers it started (they stay alive between
    imports, so their time is read from /proc while they run)."""
    total = time.process_time()
    for pid in _worker_pids():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _worker_pids() -> list[int]:
    import multiprocessing

    return [p.pid for p in multiprocessing.active_children() if p.pid is not None]


if __name__ == "__main__":
    for row in run():
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else "-"
        verdict = "" if row["ok"] is None else ("ok" if row["ok"] else "OVER BUDGET")
        print(f"{row['name']:<90} {row['value']:9.3f} {row['unit']:<2}  {ratio:>7} {verdict}")
