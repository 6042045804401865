"""One week of agenda and one conflict check on a 100,000-appointment agenda.

Budgets (docs/ARCHITECTURE.md, and issue 16 on a team's agenda): a closer's week of
``Agenda.entries`` under 5 ms, the week of all ten closers under 2.5 ms and at most 10x a bare
``sqlite3`` read of the same rows into tuples (the same SQL, run in turn with it),
``Agenda.conflicts`` under 1 ms. The other floor is a bare ``SELECT 1`` round trip through the
same engine (pool checkout, execute, fetch, return), measured in the same run: ratios say how
many round trips each query costs.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from closer_desk.core import tz
from closer_desk.store import Agenda, open_agenda
from closer_desk.store.entry_sql import entries_sql
from closer_desk.store.rows import to_epoch, wall_columns
from closer_desk.store.schema import appointments

APPOINTMENTS = 100_000
CLOSERS = (
    ("Camille Durand", "Europe/Paris"),
    ("Léo Martin", "America/Toronto"),
    ("Aisha Rahman", "Asia/Dubai"),
    ("Sam Carter", "America/New_York"),
    ("Inès Moreau", "Europe/Paris"),
    ("Kenji Ito", "Asia/Tokyo"),
    ("Mia Schmidt", "Europe/Berlin"),
    ("Lucas Silva", "America/Sao_Paulo"),
    ("Chloé Roy", "America/Toronto"),
    ("Noah Brown", "Australia/Sydney"),
)
PROSPECT_ZONES = (
    "Europe/Paris",
    "America/Toronto",
    "Asia/Dubai",
    "Asia/Tokyo",
    "America/New_York",
    "Europe/London",
    "Africa/Casablanca",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Sydney",
    "America/Los_Angeles",
    "America/Sao_Paulo",
)
FIRST_DAY = date(2023, 1, 2)
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
RUNS = 300


def build(path: Path, first_day: date = FIRST_DAY) -> Agenda:
    """An agenda of ten closers with ~10 calls each weekday for ~4 years (30–90 min) from
    ``first_day``.

    Names go through the facade; the appointments are bulk-inserted with SQLAlchemy Core
    (booking 100,000 calls one by one would take minutes and measure nothing of interest).
    """
    agenda: Agenda = open_agenda(path, clock=lambda: NOW)
    closer_ids = [agenda.add_closer(name, zone).id for name, zone in CLOSERS]
    company_ids = [agenda.add_company(f"Company {i}", commission_rate="15").id for i in range(6)]
    rng = random.Random(20261123)
    prospect_ids = [
        agenda.add_prospect(f"Prospect {i}", PROSPECT_ZONES[i % len(PROSPECT_ZONES)]).id
        for i in range(400)
    ]
    rows: list[dict[str, Any]] = []
    day = first_day
    per_closer = APPOINTMENTS // len(CLOSERS)
    counts = dict.fromkeys(closer_ids, 0)
    while len(rows) < APPOINTMENTS:
        if day.weekday() < 5:
            for closer_id, (_, zone) in zip(closer_ids, CLOSERS, strict=True):
                minute = 8 * 60 + rng.randrange(0, 60, 15)
                for _ in range(rng.randint(8, 12)):
                    if counts[closer_id] >= per_closer or minute > 19 * 60:
                        break
                    length = rng.choice((30, 45, 45, 60, 60, 90))
                    wall = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
                    start = tz.localize(wall, zone, choose="later")
                    lo = to_epoch(start)
                    rows.append(
                        {
                            "closer_id": closer_id,
                            "company_id": rng.choice(company_ids),
                            "prospect_id": rng.choice(prospect_ids),
                            "kind": "video",
                            "minutes": length,
                            "start_utc": lo,
                            "end_utc": lo + length * 60,
                            "status": rng.choice(
                                ("done", "done", "planned", "cancelled", "no-show")
                            ),
                            "uid": f"bench-{len(rows)}@closer-desk",
                            "created_utc": lo,
                            "updated_utc": lo,
                            **wall_columns(start),
                        }
                    )
                    counts[closer_id] += 1
                    minute += length + rng.choice((0, 15, 15, 30, 60))
        day += timedelta(days=1)
    with agenda.engine.begin() as conn:
        conn.execute(insert(appointments), rows)
    return agenda


def median_ms(call: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """The median wall and CPU time of ``call`` in milliseconds, after a warm-up.

    The budget is on wall time; CPU time is printed next to it because the machine is shared
    and a busy neighbour inflates wall times of the longer queries most.
    """
    for _ in range(10):
        call()
    wall, cpu = [], []
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        call()
        cpu.append(time.process_time() - begin_cpu)
        wall.append(time.perf_counter() - begin)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def paired_ms(
    call: Callable[[], object], floor: Callable[[], object], runs: int = RUNS
) -> tuple[float, float, float, float]:
    """Median wall milliseconds of ``call`` and of ``floor`` run in turn, the median of their
    pair-by-pair ratio, and ``call``'s median CPU milliseconds."""
    for _ in range(10):
        call()
        floor()
    ours, bare, ratios, cpu = [], [], [], []
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        call()
        cpu.append(time.process_time() - begin_cpu)
        middle = time.perf_counter()
        floor()
        end = time.perf_counter()
        ours.append(middle - begin)
        bare.append(end - middle)
        ratios.append((middle - begin) / (end - middle))
    median = statistics.median
    return median(ours) * 1000, median(bare) * 1000, median(ratios), median(cpu) * 1000


def run() -> list[dict[str, Any]]:
    """Build the agenda in a temp dir and time the queries against their budgets."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        built = time.perf_counter()
        build(path).close()
        build_s = time.perf_counter() - built
        # Measured as a user meets it: the app opening an agenda that already exists (no
        # ANALYZE statistics, the write-ahead log checkpointed on close).
        agenda: Agenda = open_agenda(path, clock=lambda: NOW)
        try:
            assert agenda.count_appointments() == APPOINTMENTS
            closer = agenda.closers()[0]
            week_start, _ = tz.day_bounds(date(2025, 3, 24), closer.zone)  # a Monday
            week_end, _ = tz.day_bounds(date(2025, 3, 31), closer.zone)
            week_all = len(agenda.entries(week_start, week_end))
            week_one = len(agenda.entries(week_start, week_end, closer_id=closer.id))
            slot = tz.localize(datetime(2025, 3, 26, 14, 0), closer.zone)
            slot_end = slot + timedelta(minutes=45)

            def floor() -> None:
                with agenda.engine.connect() as conn:
                    conn.execute(text("SELECT 1")).scalar()

            floor_ms, floor_cpu = median_ms(floor)
            bare = sqlite3.connect(path)
            week_sql = entries_sql(one_closer=False, live_only=False, companies=None)
            week_params = {"lo": to_epoch(week_start), "hi": to_epoch(week_end)}
            team_ms, tuples_ms, team_ratio, team_cpu = paired_ms(
                lambda: agenda.entries(week_start, week_end),
                lambda: bare.execute(week_sql, week_params).fetchall(),
            )
            timings = [
                (
                    f"week of agenda, one closer ({week_one} calls)",
                    median_ms(lambda: agenda.entries(week_start, week_end, closer_id=closer.id)),
                    5.0,
                ),
                (
                    "conflict check (one closer, 45 min)",
                    median_ms(lambda: agenda.conflicts(closer.id, slot, slot_end)),
                    1.0,
                ),
            ]
            bare.close()
        finally:
            agenda.close()
    rows: list[dict[str, Any]] = [
        {
            "name": f"build {APPOINTMENTS:,} appointments",
            "value": build_s,
            "unit": "s",
            "budget": None,
            "ratio": None,
            "ok": None,
        },
        {
            "name": "floor: SELECT 1 round trip",
            "value": floor_ms,
            "unit": "ms",
            "budget": None,
            "ratio": 1.0,
            "ok": None,
            "cpu": floor_cpu,
        },
    ]
    for name, (value, cpu), budget in timings:
        rows.append(
            {
                "name": name,
                "value": value,
                "unit": "ms",
                "budget": budget,
                "ratio": value / floor_ms,
                "ok": value <= budget,
                "cpu": cpu,
            }
        )
    team = f"week of agenda, all {len(CLOSERS)} closers ({week_all} calls)"
    rows += [
        {
            "name": f"floor: bare sqlite3 read of those {week_all} rows into tuples",
            "value": tuples_ms,
            "unit": "ms",
            "budget": None,
            "ratio": 1.0,
            "ok": None,
        },
        {
            "name": team,
            "value": team_ms,
            "unit": "ms",
            "budget": 2.5,
            "ratio": None,
            "ok": team_ms <= 2.5,
            "cpu": team_cpu,
        },
        {
            "name": f"{team}, to the bare read",
            "value": team_ratio,
            "unit": "x",
            "budget": 10.0,
            "ratio": team_ratio,
            "ok": team_ratio <= 10.0,
        },
    ]
    return rows
