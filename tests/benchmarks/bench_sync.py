"""CalDAV sync against a local Radicale (a child process, so it has the second core):

- the first sync of 10,000 calls, as a ratio to the ``caldav`` library's bare upload of the
  same 10,000 objects (``add_event`` of each one's ICS, prepared beforehand);
- an incremental sync of 10 changes among them, as a ratio to the library's bare
  sync-collection REPORT of the same calendar from the same token; budget: under 1 s.

Each write of Radicale reads its whole calendar (a UID check, a history scan) and fsyncs six
files: at 10,000 objects that is the server's cost whoever writes. The server runs with those
costs taken out (``--bench``, see ``tests/helpers/radicale_process.py``), for the floor and for
closer_desk alike.
``BENCH_SYNC_CALLS`` sets another number of calls (a quick look).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from closer_desk.core.ics.sync_event import call_object
from closer_desk.store import open_agenda
from closer_desk.store import rows as R
from closer_desk.store.schema import appointments
from closer_desk.store.sync import api
from closer_desk.store.sync import local as L
from tests.helpers.caldav_servers import spawn_radicale
from tests.helpers.factories import FakeClock, make_agenda

CALLS = int(os.environ.get("BENCH_SYNC_CALLS", "10000"))
CHANGES = 10
INCREMENTAL_BUDGET = 1.0
_FIRST = datetime(2026, 1, 5, 8, tzinfo=UTC)


def _timed(fn: Callable[[], Any]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def _build(path: Path, count: int) -> None:
    """``count`` calls of one closer, one an hour in the closer's working days."""
    make_agenda(path, FakeClock()).close()
    agenda = open_agenda(path, clock=FakeClock(), daily_backup=False)
    rows = []
    for n in range(count):
        start = (_FIRST + timedelta(hours=n)).astimezone(R._stored_zone("Europe/Paris"))
        lo = R.to_epoch(start)
        rows.append(
            {
                "closer_id": 1,
                "company_id": 1 + n % 2,
                "prospect_id": 1 + n % 3,
                "kind": "video",
                "url": "https://meet.example.com/acme",
                "minutes": 45,
                "start_utc": lo,
                "end_utc": lo + 45 * 60,
                "status": "planned",
                "uid": f"bench-{n}@closer-desk",
                "notes": "private",
                "created_utc": lo - 86400,
                "updated_utc": lo - 86400,
                **R.wall_columns(start),
            }
        )
    with agenda.engine.begin() as conn:
        conn.execute(insert(appointments), rows)
    agenda.close()


def run() -> list[dict[str, Any]]:
    """Build the agenda, start Radicale, time the floors and the syncs."""
    from caldav.collection import Calendar
    from caldav.davclient import DAVClient

    folder = Path(tempfile.mkdtemp(prefix="closer-bench-sync-"))
    server = spawn_radicale(folder / "radicale", bench=True)
    try:
        path = folder / "agenda.sqlite3"
        _build(path, CALLS)
        clock = FakeClock()
        agenda = open_agenda(path, clock=clock, daily_backup=False)
        closer = agenda.closer(1)
        with agenda.engine.begin() as conn:
            L.ensure_links(conn, closer.id)
        with agenda.engine.connect() as conn:
            calls = list(L.local_calls(conn, closer.id).values())
        texts = [call_object(c.call, closer, now=clock.now).decode() for c in calls]

        floor_url = server.calendar("floor", "calls")
        client = DAVClient(floor_url, timeout=120, enable_rfc6764=False)
        client.mkcol(server.url + "floor/", "")
        client.mkcalendar(floor_url)
        floor = Calendar(client=client, url=floor_url)
        uploaded: list[Any] = []
        upload_floor = _timed(
            lambda: uploaded.extend(floor.add_event(t, increase_seqno=False) for t in texts)
        )

        api.set_up(agenda, closer.id, server.calendar("camille", "calls"), timeout=120)
        first = _timed(lambda: api.sync(agenda, timeout=120))

        shared = Calendar(client=client, url=server.calendar("camille", "calls"))
        best: tuple[float, float] | None = None
        floor_report: tuple[float, float] | None = None
        floor_puts: tuple[float, float] | None = None
        for round_ in range(3):
            token = api.accounts(agenda)[0]
            token_text = api._rows(agenda, closer.id)[0].sync_token
            for n in range(CHANGES):
                call = calls[(round_ * CHANGES + n) * 97 % len(calls)]
                moved = call.call.start + timedelta(minutes=15 * (round_ + 1))
                agenda.move(call.id, moved, force=True)
            took = _timed(lambda: api.sync(agenda, timeout=120))
            best = took if best is None or took < best else best
            report = _timed(lambda t=token_text: shared.get_objects_by_sync_token(t))
            floor_report = report if floor_report is None or report < floor_report else floor_report
            puts = _timed(lambda r=round_: _bare_puts(client, uploaded, texts, r))
            floor_puts = puts if floor_puts is None or puts < floor_puts else floor_puts
            assert token.closer
        agenda.close()
        client.close()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    assert best is not None and floor_report is not None and floor_puts is not None
    # What any client pays for these 10 changes: send them, then ask what else changed.
    both = (floor_report[0] + floor_puts[0], floor_report[1] + floor_puts[1])
    incremental = f"incremental sync, {CHANGES} changes (floor: bare sync-collection)"
    return [
        _row(f"first sync, {CALLS} calls (floor: bare caldav upload)", first, upload_floor),
        _row(f"bare caldav upload, {CALLS} objects", upload_floor),
        _row(incremental, best, floor_report, budget=INCREMENTAL_BUDGET),
        _row("bare sync-collection REPORT", floor_report),
        _row(f"bare PUT of {CHANGES} objects", floor_puts),
        _row(f"{incremental}, to the bare PUTs + REPORT", best, both),
    ]


def _bare_puts(client: Any, uploaded: list[Any], texts: list[str], round_: int) -> None:
    """The ``caldav`` client's PUT of ``CHANGES`` objects of the floor's calendar, as the
    incremental sync sends them (the same objects it changes)."""
    for n in range(CHANGES):
        i = (round_ * CHANGES + n) * 97 % len(texts)
        client.put(str(uploaded[i].url), texts[i], {"Content-Type": "text/calendar; charset=utf-8"})


def _row(
    name: str,
    measured: tuple[float, float],
    floor: tuple[float, float] | None = None,
    *,
    budget: float | None = None,
) -> dict[str, Any]:
    value, cpu = measured
    return {
        "name": name,
        "value": round(value, 3),
        "unit": "s",
        "budget": budget,
        "ratio": round(value / floor[0], 2) if floor else None,
        # Wall time: most of a sync is the server's (another process); the CPU column is
        # closer_desk's own part.
        "ok": budget is None or value <= budget,
        "cpu": round(cpu, 3),
    }
