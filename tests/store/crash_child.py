"""The process the crash tests kill: writes to an agenda and says what it committed.

``python -m tests.store.crash_child bookings DB`` books calls one by one, printing
``begin N`` before each transaction and ``commit N`` once it returned;
``python -m tests.store.crash_child bulk DB`` inserts two batches of 50,000 busy blocks, each
in one transaction (what an ICS import does), printing ``rows BATCH K`` as rows go in and
``commit BATCH`` after each commit. Every line is flushed at once so the parent can kill the
process at a known point.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from closer_desk.store import open_agenda
from closer_desk.store.schema import busy_blocks
from tests.helpers.factories import FakeClock, at

BULK_ROWS = 50_000
CHUNK = 1_000
FIRST = at("2026-03-02 09:00", "Europe/Paris")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def bookings(path: Path, count: int = 100_000) -> None:
    with open_agenda(path, clock=FakeClock(), daily_backup=False) as agenda:
        say("ready")
        for n in range(count):
            say(f"begin {n}")
            # One call every 30 minutes: never a conflict, so every transaction commits.
            start = FIRST + timedelta(minutes=30 * n)
            agenda.book(company="Acme", prospect="Omar", start=start, minutes=30, uid=f"crash-{n}")
            say(f"commit {n}")


def bulk(path: Path) -> None:
    with open_agenda(path, clock=FakeClock(), daily_backup=False) as agenda:
        say("ready")
        base = 1_772_000_000
        for batch in ("A", "B"):
            with agenda.engine.begin() as conn:
                for k in range(0, BULK_ROWS, CHUNK):
                    rows = [
                        {
                            "closer_id": 1,
                            "uid": f"{batch}-{n}@import",
                            "summary": "busy",
                            "start_utc": base + n * 1800,
                            "end_utc": base + n * 1800 + 900,
                            "source": batch,
                        }
                        for n in range(k, k + CHUNK)
                    ]
                    conn.execute(insert(busy_blocks), rows)
                    say(f"rows {batch} {k + CHUNK}")
            say(f"commit {batch}")


if __name__ == "__main__":
    {"bookings": bookings, "bulk": bulk}[sys.argv[1]](Path(sys.argv[2]))
