"""A seeded 100k-appointment agenda for the durability benchmarks (built once per run)."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import insert

from closer_desk.store import open_agenda
from closer_desk.store.schema import appointments
from tests.helpers.factories import FakeClock, make_agenda

_START = 1_767_225_600  # 2026-01-01 00:00 UTC
_ZONES = ("Europe/Paris", "America/Toronto", "Asia/Dubai", "Asia/Tokyo")


def build(path: Path, count: int = 100_000, seed: int = 7) -> Path:
    """Write ``count`` appointments (three years of calls) into a new agenda at ``path``."""
    rng = random.Random(seed)
    make_agenda(path, FakeClock()).close()
    agenda = open_agenda(path, clock=FakeClock())
    rows = []
    for n in range(count):
        start = _START + n * 900 + rng.randrange(0, 600)
        minutes = rng.choice((30, 45, 60))
        rows.append(
            {
                "closer_id": 1,
                "company_id": rng.randint(1, 2),
                "prospect_id": rng.randint(1, 3),
                "kind": rng.choice(("phone", "video")),
                "wall_start": "2026-01-01T00:00:00",
                "zone": rng.choice(_ZONES),
                "fold": 0,
                "minutes": minutes,
                "start_utc": start,
                "end_utc": start + minutes * 60,
                "status": "planned",
                "uid": f"bench-{n}@closer-desk",
                "notes": "x" * rng.randrange(0, 200),
                "created_utc": _START,
                "updated_utc": _START,
            }
        )
    with agenda.engine.begin() as conn:
        conn.execute(insert(appointments), rows)
    agenda.close()
    return path
